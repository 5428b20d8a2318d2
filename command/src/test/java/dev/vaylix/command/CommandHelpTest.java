package dev.vaylix.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** COMMANDS.md §11.5, rule by rule. */
class CommandHelpTest {

    /** The metadata list in the order §11.5 gives it. */
    private static final List<String> SPEC_ORDER = List.of(
            "auth", "ping", "get", "set", "setnx", "getdel", "getex", "mget", "mset", "del", "delete",
            "exists", "incr", "decr", "expire", "ttl", "persist", "rename", "renamenx", "scan", "dbsize", "count", "info",
            "metrics", "metrics prom", "list", "clear", "flushdb", "save", "snapshot", "backup", "backup to",
            "backup verify", "backup verify from", "restore", "restore from", "restore check", "restore check from",
            "alter user", "create user", "create role", "drop user", "drop role", "grant role", "grant permission",
            "revoke role", "revoke permission", "show users", "show roles", "show grants", "show grants for user",
            "show grants for role", "whoami", "multi", "exec", "discard", "maintenance on", "maintenance off",
            "maintenance status", "health", "show cluster", "cluster join", "cluster remove", "show replication",
            "promote follower", "pause replication", "resume replication", "help", "exit", "quit");

    /** Usage strings the spec states for a form (the others are ours; docs/COMPATIBILITY.md lists them). */
    private static final Map<String, String> SPEC_USAGES = Map.ofEntries(
            Map.entry("auth", "auth <username> <password>"),
            Map.entry("ping", "ping [message]"),
            Map.entry("set", "set <key> <value> [nx|xx] [if version <version>] [ex <seconds>|px <millis>] [keepttl] [get]"),
            Map.entry("getex", "getex <key> [ex <seconds>|px <millis>|persist]"),
            Map.entry("mget", "mget <key> [key ...]"),
            Map.entry("mset", "mset <key> <value> [key value ...]"),
            Map.entry("del", "del <key> [key ...]"),
            Map.entry("scan", "scan <cursor> [match <pattern>] [count <n>]"),
            Map.entry("metrics", "metrics [prom]"),
            Map.entry("alter user", "alter user <username> password <password>"),
            Map.entry("create user", "create user <username> password <password>"),
            Map.entry("create role", "create role <role>"),
            Map.entry("drop user", "drop user <username>"),
            Map.entry("drop role", "drop role <role>"),
            Map.entry("cluster join", "cluster join <node-id> <host:port>"),
            Map.entry("exit", "exit"));

    private static final String TEXT = CommandHelp.text();
    private static final List<String> LINES = TEXT.lines().toList();

    @Test
    void starts_with_the_title_and_an_empty_line() {
        assertEquals("Vaylix command help", LINES.get(0));
        assertEquals("", LINES.get(1));
    }

    @Test
    void lists_every_form_once_in_the_spec_order() {
        List<String> names = new ArrayList<>();
        for (String row : LINES.subList(4, LINES.size())) {
            names.add(row.substring(0, row.indexOf(" | ")).strip());
        }
        assertEquals(SPEC_ORDER, names);
        assertEquals(2 + 2 + SPEC_ORDER.size(), LINES.size(), "title, blank, header, rule, one row per form");
    }

    @Test
    void pads_both_columns_to_their_widths() {
        int nameWidth = 7;
        for (String name : SPEC_ORDER) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        int usageWidth = 5;
        for (String row : LINES.subList(4, LINES.size())) {
            usageWidth = Math.max(usageWidth, row.substring(nameWidth + 3).strip().length());
        }
        assertEquals(20, nameWidth, "the longest name is 'show grants for user'");
        assertEquals(SPEC_USAGES.get("set").length(), usageWidth, "the longest usage is SET's");

        assertEquals(pad("command", nameWidth) + " | " + pad("usage", usageWidth), LINES.get(2));
        assertEquals("-".repeat(nameWidth) + "-+-" + "-".repeat(usageWidth), LINES.get(3));
        for (int i = 0; i < SPEC_ORDER.size(); i++) {
            String row = LINES.get(4 + i);
            assertEquals(nameWidth + 3 + usageWidth, row.length(), row);
            assertEquals(pad(SPEC_ORDER.get(i), nameWidth) + " | ", row.substring(0, nameWidth + 3));
        }
    }

    @Test
    void shows_the_usage_strings_the_spec_gives() {
        for (int i = 0; i < SPEC_ORDER.size(); i++) {
            String row = LINES.get(4 + i);
            String name = row.substring(0, row.indexOf(" | ")).strip();
            String usage = row.substring(row.indexOf(" | ") + 3).strip();
            if (SPEC_USAGES.containsKey(name)) {
                assertEquals(SPEC_USAGES.get(name), usage, name);
            }
            assertEquals(CommandForm.values()[i].usage(), usage, "generated from the parser's metadata");
        }
    }

    @Test
    void has_no_trailing_line_break_and_is_ascii() {
        assertFalse(TEXT.endsWith("\n"));
        assertEquals(TEXT.length(), TEXT.chars().filter(c -> c < 0x80).count(), "widths in characters equal widths in bytes");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
