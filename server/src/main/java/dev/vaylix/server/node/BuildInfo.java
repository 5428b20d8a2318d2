package dev.vaylix.server.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and git commit this server was built from ({@code build.properties}, filled in by
 * Maven), reported by INFO as {@code server.version} and {@code server.git_sha}.
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param gitSha  the commit, or {@code unknown} when the build did not record it
 */
public record BuildInfo(String version, String gitSha) {

    private static final String RESOURCE = "/dev/vaylix/server/build.properties";

    /** The build's values, or {@code unknown} for anything the build did not fill in. */
    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // A jar without the resource still runs; INFO then says "unknown".
        }
        return new BuildInfo(filled(properties.getProperty("version")), filled(properties.getProperty("git.sha")));
    }

    private static String filled(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.trim();
    }
}
