package dev.vaylix.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.exec.PendingReply;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SessionPartsTest {

    private static Slot slot() {
        return new Slot(UUID.randomUUID(), "PING", Optional.empty(), null, Optional.empty(), 0, PendingReply.of(Reply.OK), false,
                Slot.Refusal.NONE);
    }

    @Test
    void aTransactionExpiresOnlyAfterItsLifetime() {
        Transaction transaction = new Transaction();
        assertFalse(transaction.isOpen());
        transaction.begin(1_000);
        transaction.add(new Command.Ping(Optional.empty()));
        assertTrue(transaction.isOpen());
        assertEquals(1, transaction.size());
        assertFalse(transaction.expired(1_000 + TimeUnit.SECONDS.toNanos(30), 30));
        assertTrue(transaction.expired(1_001 + TimeUnit.SECONDS.toNanos(30), 30));
        assertFalse(transaction.expired(Long.MAX_VALUE, Long.MAX_VALUE), "a huge lifetime does not overflow");
        assertEquals(List.of(new Command.Ping(Optional.empty())), transaction.close());
        assertFalse(transaction.isOpen());
    }

    @Test
    void theWindowIsDrainedOnceEveryAdmittedRequestIsAnswered() throws InterruptedException {
        Window window = new Window(4);
        assertTrue(window.awaitDrained(0));
        window.put(slot());
        window.put(slot());
        assertFalse(window.awaitDrained(TimeUnit.MILLISECONDS.toNanos(10)));
        window.take();
        window.answered();
        assertFalse(window.awaitDrained(0));
        window.take();
        window.answered();
        assertTrue(window.awaitDrained(0));
        window.end();
        assertEquals(Slot.END, window.poll());
    }

    @Test
    void thePeerHostDropsThePort() {
        assertEquals("127.0.0.1", Session.peerHost("127.0.0.1:53122"));
        assertEquals("0:0:0:0:0:0:0:1", Session.peerHost("0:0:0:0:0:0:0:1:53122"));
    }
}
