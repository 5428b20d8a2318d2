package dev.vaylix.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any input at all, the parser returns a command or throws a {@link VaylixException} with a CMD
 * code and its catalogue message, never anything else; and whatever it returns renders back to a
 * line that parses to the same command.
 */
class CommandParserPropertiesTest {

    /** Every usage string CMD-003 may report. */
    private static final Set<String> USAGES = usages();

    private static Set<String> usages() {
        Set<String> usages = new TreeSet<>();
        for (CommandRoot root : CommandRoot.values()) {
            usages.add(root.usage());
        }
        for (CommandForm form : CommandForm.values()) {
            usages.add(form.usage());
        }
        return usages;
    }

    @Property(tries = 1000)
    void command_like_lines_parse_or_fail_with_a_cmd_code(@ForAll("commandLike") String line) {
        check(line);
    }

    @Property(tries = 500)
    void arbitrary_strings_parse_or_fail_with_a_cmd_code(@ForAll String line) {
        check(line);
    }

    @Property(tries = 500)
    void arbitrary_unicode_parses_or_fails_with_a_cmd_code(@ForAll("anyUnicode") String line) {
        check(line);
    }

    private static void check(String line) {
        Command command;
        try {
            command = CommandParser.parse(line);
        } catch (VaylixException e) {
            assertEquals(ErrorCode.Family.CMD, e.code().family(), e.describe());
            assertMessageFits(e);
            return;
        }
        assertNotNull(command);
        assertEquals(command, CommandParser.parse(CommandRenderer.render(command)), "render is the inverse of parse");
    }

    private static void assertMessageFits(VaylixException e) {
        String message = e.getMessage();
        switch (e.code()) {
            case CMD_001 -> assertEquals("empty command", message);
            case CMD_002 -> assertTrue(message.startsWith("unknown command: "), message);
            case CMD_003 -> assertTrue(USAGES.contains(message.substring("usage: ".length())), message);
            case CMD_004 -> assertTrue(message.matches("(?s)invalid integer for (seconds|milliseconds|version|cursor|count): .*"), message);
            case CMD_005 -> assertTrue(message.matches("(?s)invalid option for (set|getex|scan|create|drop|grant|revoke|show|cluster): .*"), message);
            case CMD_006 -> assertTrue(message.matches("conflicting options for (set|getex|scan): [A-Za-z ]+"), message);
            case CMD_008 -> assertTrue(message.matches("unterminated quoted string starting at byte \\d+"), message);
            default -> throw new AssertionError("the parser never raises " + e.describe());
        }
    }

    /** Random mixes of command words, keywords, quotes, backslashes, digits and white space. */
    @Provide
    Arbitrary<String> commandLike() {
        List<String> words = new ArrayList<>();
        for (CommandRoot root : CommandRoot.values()) {
            words.add(root.word());
            words.add(root.word().toUpperCase(java.util.Locale.ROOT));
        }
        Arbitrary<String> first = Arbitraries.oneOf(Arbitraries.of(words), CommandArbitraries.text());
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(CommandArbitraries.KEYWORDS),
                Arbitraries.of(words),
                Arbitraries.of("\"", "\\", "\\\"", "\"\"", "0", "+5", "-1", "65536", "18446744073709551616", "7", "*"),
                CommandArbitraries.piece(),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(21));
        Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "\t", "\r\n", "", "\u00A0");
        Arbitrary<String> separatedPiece = Combinators.combine(separator, piece).as(String::concat);
        return Combinators.combine(first, separatedPiece.list().ofMaxSize(8))
                .as((head, rest) -> head + String.join("", rest));
    }

    @Provide
    Arbitrary<String> anyUnicode() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }
}
