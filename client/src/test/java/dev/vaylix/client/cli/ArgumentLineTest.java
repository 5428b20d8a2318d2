package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.command.CommandParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Arguments split by the shell reach the parser as exactly the tokens they were. */
class ArgumentLineTest {

    @Property(tries = 300)
    void everyArgumentBecomesExactlyOneToken(@ForAll String key, @ForAll String value) {
        Assume.that(StandardCharsets.UTF_8.newEncoder().canEncode(key + value));
        Command parsed = CommandParser.parse(ArgumentLine.of(List.of("set", key, value)));
        assertEquals(Command.Set.of(Key.of(key), Bytes.utf8(value)), parsed);
    }

    @Test
    void plainWordsStayUnquoted() {
        assertEquals("set k v", ArgumentLine.of(List.of("set", "k", "v")));
        assertEquals("set \"\" \"a b\" \"q\\\"\\\\\"", ArgumentLine.of(List.of("set", "", "a b", "q\"\\")));
    }
}
