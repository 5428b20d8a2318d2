package dev.vaylix.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The renderer is the parser's inverse: canonical text, quoting only where needed, and a refusal for what text cannot say. */
class CommandRendererTest {

    static Stream<Arguments> canonicalLines() {
        Key k = Key.of("k");
        Bytes v = Bytes.utf8("v");
        return Stream.of(
                Arguments.of(new Command.Get(Key.of("plain")), "get plain"),
                Arguments.of(new Command.Get(Key.of("")), "get \"\""),
                Arguments.of(new Command.Get(Key.of("a b")), "get \"a b\""),
                Arguments.of(new Command.Get(Key.of("say \"hi\"")), "get \"say \\\"hi\\\"\""),
                Arguments.of(new Command.Get(Key.of("back\\slash")), "get \"back\\\\slash\""),
                Arguments.of(new Command.Get(Key.of("line\nbreak\ttab")), "get \"line\\nbreak\\ttab\""),
                Arguments.of(new Command.Get(Key.of("cr\rhere")), "get \"cr\rhere\""),
                Arguments.of(new Command.Get(Key.of("nbsp\u00A0")), "get \"nbsp\u00A0\""),
                Arguments.of(new Command.Get(Key.of("ctl\u0001")), "get \"ctl\u0001\""),
                Arguments.of(new Command.Get(Key.of("日本😀")), "get 日本😀"),
                Arguments.of(new Command.Get(Key.of("nx")), "get nx"),
                Arguments.of(new Command.Set(k, v, SetCondition.XX, OptionalLong.empty(), Expiration.millis(5), false, true),
                        "set k v xx px 5 get"),
                Arguments.of(new Command.Set(k, v, SetCondition.NONE, OptionalLong.of(-1L), Expiration.NONE, true, false),
                        "set k v if version 18446744073709551615 keepttl"),
                Arguments.of(new Command.Scan(-1L, Optional.of("a*"), OptionalInt.of(65535)),
                        "scan 18446744073709551615 match a* count 65535"),
                Arguments.of(new Command.GrantPermission("read", "*", "ops"), "grant permission read to ops"),
                Arguments.of(new Command.RevokePermission("read", "cfg:*", "ops"), "revoke permission read on cfg:* from ops"),
                Arguments.of(new Command.Restore("{\"version\":2}"), "restore \"{\\\"version\\\":2}\""),
                Arguments.of(new Command.Ping(Optional.of("")), "ping \"\""),
                Arguments.of(new Command.Del(List.of(k, Key.of("x y"))), "del k \"x y\""),
                Arguments.of(new Command.Clear(), "clear"),
                Arguments.of(new Command.Exit(), "exit"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("canonicalLines")
    void renders_canonical_text_that_parses_back(Command command, String line) {
        assertEquals(line, CommandRenderer.render(command));
        assertEquals(command, CommandParser.parse(line));
    }

    static Stream<Command> inexpressible() {
        Key k = Key.of("k");
        return Stream.of(
                new Command.SetNx(k, Bytes.fromHex("ff00")), // not UTF-8
                new Command.Set(k, Bytes.utf8("v"), SetCondition.NX, OptionalLong.of(1), Expiration.NONE, false, false),
                new Command.Set(k, Bytes.utf8("v"), SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(1), true, false),
                new Command.GetEx(k, Expiration.millis(1), true),
                new Command.MGet(List.of()),
                new Command.Del(List.of()),
                new Command.MSet(List.of()),
                new Command.Restore("from"),
                new Command.Restore("CHECK"),
                new Command.RestoreCheck("From"),
                new Command.BackupVerify("from"),
                new Command.Ping(Optional.of("\uD800")), // an unpaired surrogate has no UTF-8 form
                new Command.CreateUser("\uDC00", "pw"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("inexpressible")
    void refuses_commands_the_text_language_cannot_express(Command command) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandRenderer.render(command));
        assertFalse(e.getMessage().contains("pw"), "the refusal does not echo arguments");
    }

    @Property(tries = 1000)
    void every_command_the_parser_can_produce_round_trips(@ForAll("commands") Command command) {
        String line = CommandRenderer.render(command);
        assertFalse(line.contains("\n"), "one line");
        assertEquals(command, CommandParser.parse(line), line);
        assertEquals(line, CommandParser.trimLine(line), "the REPL's trimming changes nothing");
    }

    @Provide
    Arbitrary<Command> commands() {
        return CommandArbitraries.command();
    }

    @Test
    void the_generators_cover_every_command_record() {
        assertEquals(List.of(Command.class.getPermittedSubclasses()).stream().map(Class::getSimpleName).sorted().toList(),
                CommandArbitraries.byRecord().keySet().stream().map(Class::getSimpleName).sorted().toList());
    }
}
