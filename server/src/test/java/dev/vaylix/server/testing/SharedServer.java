package dev.vaylix.server.testing;

import java.nio.file.Path;

/**
 * One server process shared by the integration tests that only need a running server with default
 * settings (auth on, bootstrap user vaylix/vaylix) and a generous rate limit: starting a JVM per test
 * class would dominate the suite's time on a 2-core machine. Tests share it one after the other and use
 * keys of their own; a test that changes global state (CLEAR, RESTORE, maintenance mode) restores what
 * the others rely on before it ends. The process is killed when the test JVM exits.
 */
public final class SharedServer {

    private static ServerProcess server;

    private SharedServer() {
    }

    public static synchronized ServerProcess get() {
        if (server == null || !server.isAlive()) {
            Path data = ServerProcess.freshDirectory("shared").resolve("data");
            server = ServerProcess.start(data, "--requests-per-second", "1000000", "--request-burst", "1000000");
            ServerProcess started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return server;
    }
}
