package dev.vaylix.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.command.CommandParser;
import dev.vaylix.transport.session.ClientSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Commands written as CLI text, and assertions on replies. */
public final class Wire {

    private Wire() {
    }

    /** Parses one command line as the CLI would. */
    public static Command command(String line) {
        return CommandParser.parse(line);
    }

    /** Sends one command line and returns the reply. */
    public static Reply run(ClientSession session, String line) {
        return session.execute(command(line));
    }

    /** Sends command lines pipelined and returns the replies in order. */
    public static List<Reply> pipeline(ClientSession session, List<String> lines) {
        return session.executeAll(lines.stream().map(Wire::command).toList());
    }

    /** The key/value pairs of an entries reply, in reply order (values as UTF-8 text). */
    public static Map<String, String> entries(Reply reply) {
        Reply.Entries entries = assertInstanceOf(Reply.Entries.class, reply);
        Map<String, String> map = new LinkedHashMap<>();
        for (Reply.Entry entry : entries.entries()) {
            map.put(entry.key(), entry.value().utf8String());
        }
        return map;
    }

    /** Asserts an error reply with {@code code}; returns it. */
    public static Reply.Error assertError(ErrorCode code, Reply reply) {
        Reply.Error error = assertInstanceOf(Reply.Error.class, reply, () -> "expected " + code.code() + " but got " + reply);
        assertEquals(code.code(), error.code(), () -> "expected " + code.code() + " but got " + error);
        assertEquals(code.displayName(), error.name());
        return error;
    }

    /** As {@link #assertError(ErrorCode, Reply)}, with a reason shown on failure. */
    public static Reply.Error assertError(ErrorCode code, Reply reply, String why) {
        Reply.Error error = assertInstanceOf(Reply.Error.class, reply, () -> why + ": expected " + code.code() + " but got " + reply);
        assertEquals(code.code(), error.code(), () -> why + ": expected " + code.code() + " but got " + error);
        return error;
    }

    public static Reply.Data text(String value) {
        return Reply.Data.utf8(value);
    }
}
