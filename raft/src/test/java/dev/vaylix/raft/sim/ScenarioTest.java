package dev.vaylix.raft.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the scripted scenarios in {@code src/test/resources/testdata/*.txt}, in the manner of
 * etcd-io/raft's interaction tests. Each file is a sequence of blocks:
 *
 * <pre>
 * # comments and blank lines are kept as they are
 * command arg key=value
 * ----
 * expected output
 * (blank line ends the block)
 * </pre>
 *
 * With {@code -Dscenario.rewrite=true} the expected output in the files is replaced by the actual one
 * (review the diff!) instead of being compared.
 */
class ScenarioTest {

    static final Path TESTDATA = Path.of("src", "test", "resources", "testdata");

    record Block(String preamble, String command, String expected) {
    }

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(TESTDATA)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    static void run(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = parse(text, file);
        boolean rewrite = Boolean.parseBoolean(System.getProperty("scenario.rewrite", "false"));
        ScenarioEnv env = new ScenarioEnv();
        StringBuilder rewritten = new StringBuilder();
        for (Block block : blocks) {
            String actual = env.run(Command.parse(block.command()));
            if (rewrite) {
                rewritten.append(block.preamble()).append(block.command()).append("\n----\n").append(actual).append('\n');
            } else {
                assertEquals(block.expected(), actual, file.getFileName() + ": " + block.command());
            }
        }
        if (rewrite) {
            try {
                Files.writeString(file, rewritten.toString().stripTrailing() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static List<Block> parse(String text, Path file) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            StringBuilder preamble = new StringBuilder();
            while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("#"))) {
                preamble.append(lines[i]).append('\n');
                i++;
            }
            if (i >= lines.length) {
                break;
            }
            String command = lines[i++];
            if (i >= lines.length || !lines[i].equals("----")) {
                throw new IllegalArgumentException(file + ":" + i + ": expected ---- after '" + command + "'");
            }
            i++;
            StringBuilder expected = new StringBuilder();
            while (i < lines.length && !lines[i].isEmpty()) {
                expected.append(lines[i]).append('\n');
                i++;
            }
            if (i < lines.length) {
                i++; // the blank line that ends the block
            }
            blocks.add(new Block(preamble.toString(), command, expected.toString()));
        }
        return blocks;
    }
}
