package dev.vaylix.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.transport.session.ClientSession;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A real server process keeps acknowledged data, with its versions, across graceful restarts. */
class RestartIT {

    @Test
    void restartKeepsValuesAndVersions() {
        Path dataDir = ServerProcess.freshDirectory("restart").resolve("data");
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            try (ClientSession session = server.connect("vaylix", "vaylix")) {
                assertEquals(Reply.OK, session.execute(Command.Set.of(Key.of("greeting"), Bytes.utf8("hello"))));
                assertEquals(Reply.OK, session.execute(Command.Set.of(Key.of("greeting"), Bytes.utf8("hello again"))));
                assertEquals(new Reply.Int(1), session.execute(new Command.Incr(Key.of("counter"))));
            }
            assertEquals(0, server.stop(), server.log());
        }
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            try (ClientSession session = server.connect("vaylix", "vaylix")) {
                assertEquals(Reply.Data.utf8("hello again"), session.execute(new Command.Get(Key.of("greeting"))));
                // IF VERSION 2 matches only if the version survived the restart.
                assertEquals(Reply.TRUE, session.execute(new Command.Set(Key.of("greeting"), Bytes.utf8("third"),
                        SetCondition.NONE, OptionalLong.of(2), Expiration.NONE, false, false)));
                assertEquals(new Reply.Int(2), session.execute(new Command.Incr(Key.of("counter"))));
            }
            assertEquals(0, server.stop(), server.log());
            assertTrue(server.log().contains("event=final_snapshot"), server.log());
        }
    }
}
