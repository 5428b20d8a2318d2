package dev.vaylix.spec.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A TLC configuration file of {@code src/main/tla/models} and what its header comment promises:
 * <pre>
 * \* module: MCVaylixRaft          root module to check (default MCVaylixRaft)
 * \* expect: pass | InvariantName  the verdict the build requires
 * \* cover: Timeout, Restart       actions that must produce at least one new state
 * \* args: -simulate num=100      further TLC arguments (simulation runs of the long profile)
 * </pre>
 */
record ModelFile(Path path, String module, String expect, List<String> cover, List<String> args) {

    private static final Pattern HEADER = Pattern.compile("^\\\\\\*\\s*(module|expect|cover|args):\\s*(.+?)\\s*$");

    ModelFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(expect, "expect");
        cover = List.copyOf(cover);
        args = List.copyOf(args);
    }

    ModelFile(Path path, String module, String expect, List<String> cover) {
        this(path, module, expect, cover, List.of());
    }

    String name() {
        return path.getFileName().toString().replaceFirst("\\.cfg$", "");
    }

    boolean expectsPass() {
        return expect.equals("pass");
    }

    static ModelFile read(Path cfg) {
        String module = "MCVaylixRaft";
        String expect = null;
        List<String> cover = new ArrayList<>();
        List<String> args = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(cfg)) {
                Matcher m = HEADER.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                switch (m.group(1)) {
                    case "module" -> module = m.group(2);
                    case "expect" -> expect = m.group(2);
                    case "cover" -> cover.addAll(Arrays.stream(m.group(2).split(",")).map(String::strip).toList());
                    case "args" -> args.addAll(Arrays.asList(m.group(2).split("\\s+")));
                    default -> throw new IllegalStateException("unreachable: " + m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (expect == null) {
            throw new IllegalStateException(cfg + " has no '\\* expect:' header line");
        }
        return new ModelFile(cfg, module, expect, cover, args);
    }

    /** The {@code .cfg} files directly in {@code dir}, by name. */
    static List<ModelFile> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".cfg")).sorted().map(ModelFile::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
