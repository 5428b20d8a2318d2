package dev.vaylix.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.client.testing.FakeServerExtension;
import dev.vaylix.client.testing.FakeVaylixServer;
import dev.vaylix.client.testing.FakeVaylixServer.Action;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VaylixConnectionIT {

    @RegisterExtension
    final FakeServerExtension fake = FakeServerExtension.perTest();

    private FakeVaylixServer server;
    private ClientConfig config;

    @BeforeEach
    void start() {
        server = fake.server();
        config = server.clientConfig().build();
    }

    @Test
    void aLargeBatchIsPipelinedAndAnsweredInOrder() {
        try (VaylixConnection connection = VaylixConnection.connect(config)) {
            List<Command> writes = new ArrayList<>();
            List<Command> reads = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                writes.add(Command.Set.of(Key.of("k" + i), Bytes.utf8("v" + i)));
                reads.add(new Command.Get(Key.of("k" + i)));
            }
            List<Reply> written = connection.executeAll(writes);
            assertEquals(2_000, written.size());
            written.forEach(reply -> assertEquals(Reply.OK, reply));
            List<Reply> read = connection.executeAll(reads);
            for (int i = 0; i < read.size(); i++) {
                assertEquals(new Reply.Data(Bytes.utf8("v" + i)), read.get(i));
            }
        }
    }

    @Test
    void aBatchWithWritesLostMidwayHasAnUnknownOutcome() {
        server.intercept(command -> command instanceof Command.Set set && set.key().text().equals("k5")
                ? new Action.Drop() : null);
        try (VaylixConnection connection = VaylixConnection.connect(config)) {
            List<Command> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(Command.Set.of(Key.of("k" + i), Bytes.utf8("v")));
            }
            assertThrows(OutcomeUnknownException.class, () -> connection.executeAll(batch));
            assertFalse(connection.isOpen());
        }
    }

    @Test
    void aBatchOfReadsLostMidwayIsADefiniteFailure() {
        server.intercept(command -> command instanceof Command.Get ? new Action.Drop() : null);
        try (VaylixConnection connection = VaylixConnection.connect(config)) {
            VaylixException failure = assertThrows(VaylixException.class,
                    () -> connection.executeAll(List.of(new Command.Get(Key.of("a")), new Command.Get(Key.of("b")))));
            assertEquals(ErrorCode.TRN_007, failure.code());
        }
    }

    @Test
    void refusedCredentialsFailTheConnect() {
        VaylixException refused = assertThrows(VaylixException.class,
                () -> VaylixConnection.connect(config.toBuilder().credentials("vaylix", "wrong").build()));
        assertEquals(ErrorCode.SRV_008, refused.code());
    }
}
