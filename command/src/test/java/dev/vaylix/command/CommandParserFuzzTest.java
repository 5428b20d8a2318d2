package dev.vaylix.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the command parser with arbitrary bytes read as a UTF-8 line (malformed sequences become
 * U+FFFD, as a terminal or pipe decoder would make them). Plain {@code mvn test} replays the seeds in
 * {@code src/test/resources/dev/vaylix/command/CommandParserFuzzTestInputs/parseAndRender/} (each seed is
 * a literal command line); {@code JAZZER_FUZZ=1} fuzzes.
 *
 * <p>Two properties: the parser either returns a command or throws a {@link VaylixException} with a CMD
 * code (never another exception), and every command it returns survives a render/parse round trip
 * unchanged.
 */
class CommandParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parseAndRender(byte[] input) {
        String line = new String(input, StandardCharsets.UTF_8);
        Command command;
        try {
            command = CommandParser.parse(line);
        } catch (VaylixException e) {
            if (e.code().family() != ErrorCode.Family.CMD) {
                throw new AssertionError("parser raised a non-CMD code " + e.code() + " for " + line, e);
            }
            return;
        }
        assertEquals(command, CommandParser.parse(CommandRenderer.render(command)),
                () -> "round trip changed the command parsed from: " + line);
    }
}
