package dev.vaylix.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker session: one result per non-empty line, help, exit/quit, end of input, bounded lines. */
class CommandCheckerTest {

    private static List<String> session(String input) throws IOException {
        return session(input, CommandChecker.LINE_CHARS_MAX);
    }

    private static List<String> session(String input, int lineCharsMax) throws IOException {
        List<String> printed = new ArrayList<>();
        CommandChecker.run(new StringReader(input), printed::add, lineCharsMax);
        return printed;
    }

    @Test
    void prints_each_parsed_command_or_its_error() throws IOException {
        List<String> out = session("""
                get foo
                SET "my key" "a b" NX EX 10 GET
                frob
                set k v if version 18446744073709551615

                scan 0 count 70000
                restore from
                """);
        assertEquals(List.of(
                "GET key=\"foo\"",
                "SET key=\"my key\" value=\"a b\" condition=NX ifVersion=none expiration=EX(10) keepTtl=false returnPrevious=true",
                "[CMD-002] Unknown Command: unknown command: frob",
                "SET key=\"k\" value=\"v\" condition=NONE ifVersion=18446744073709551615 expiration=none keepTtl=false"
                        + " returnPrevious=false",
                "[CMD-004] Invalid Integer Argument: invalid integer for count: 70000",
                "[CMD-003] Invalid Command Arity: usage: restore <logical-dump-json> | restore from <path>"
                        + " | restore check <logical-dump-json> | restore check from <path>"), out);
    }

    @Test
    void describes_lists_optionals_and_escapes_on_one_line() throws IOException {
        List<String> out = session("mset a 1 \"b\\nc\" \"\\\"\"\nscan 7 match \"u:*\"\nping\ngetex k px 5\n");
        assertEquals(List.of(
                "MSET entries=[\"a\"=\"1\", \"b\\nc\"=\"\\\"\"]",
                "SCAN cursor=7 pattern=\"u:*\" count=none",
                "PING message=none",
                "GETEX key=\"k\" expiration=PX(5) persist=false"), out);
    }

    @Test
    void never_prints_passwords() throws IOException {
        List<String> out = session("""
                auth admin hunter2
                create user bob password hunter2
                alter user bob password hunter2
                """);
        assertEquals(3, out.size());
        for (String line : out) {
            assertFalse(line.contains("hunter2"), line);
            assertTrue(line.endsWith("password=<redacted>"), line);
        }
    }

    @Test
    void help_prints_the_help_table() throws IOException {
        assertEquals(List.of(CommandHelp.text()), session("HELP\n"));
    }

    @Test
    void exit_and_quit_end_the_session() throws IOException {
        assertEquals(List.of("DBSIZE"), session("dbsize\nexit\nget never\n"));
        assertEquals(List.of(), session("  QUIT  \ndbsize\n"));
        assertEquals(List.of("[CMD-003] Invalid Command Arity: usage: exit"), session("quit now\n"));
    }

    @Test
    void end_of_input_ends_the_session_and_a_last_line_needs_no_line_feed() throws IOException {
        assertEquals(List.of(), session(""));
        assertEquals(List.of("INFO"), session("info"));
    }

    @Test
    void lines_end_at_lf_with_one_cr_dropped_and_are_trimmed_like_the_repl() throws IOException {
        assertEquals(List.of("GET key=\"a\"", "GET key=\"x\\ry\""), session("\u00A0get a\u00A0\r\nget \"x\ry\"\r\n"));
        // an unterminated quote reports its offset in the trimmed line, as in the REPL
        assertEquals(List.of("[CMD-008] Unterminated Quoted String: unterminated quoted string starting at byte 4"),
                session("    get \"abc\n"));
    }

    @Test
    void skips_overlong_lines_with_a_readline_error() throws IOException {
        int max = 16;
        List<String> out = session("get " + "k".repeat(max) + "\nping\n", max);
        assertEquals(List.of("[CLI-004] Readline Failure: readline failed: line is longer than 16 characters",
                "PING message=none"), out);
        // exactly at the bound, with a CR before the LF, is accepted
        assertEquals(List.of("PING message=\"ppppppppppp\""), session("ping " + "p".repeat(max - 5) + "\r\n", max));
        assertEquals(List.of("[CLI-004] Readline Failure: readline failed: line is longer than 16 characters"),
                session("ping " + "p".repeat(max - 4) + "\r\n", max));
    }
}
