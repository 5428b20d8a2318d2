package dev.vaylix.server.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.raft.driver.ReadOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Readers share ReadIndex rounds, and a reader only ever gets a round requested after it arrived. */
class ReadBarrierTest {

    private final List<CompletableFuture<ReadOutcome>> issued = new ArrayList<>();
    private final ReadBarrier barrier = new ReadBarrier(() -> {
        CompletableFuture<ReadOutcome> read = new CompletableFuture<>();
        issued.add(read);
        return read;
    });

    @Test
    void readersArrivingDuringARoundShareTheNextOne() {
        CompletableFuture<ReadOutcome> first = barrier.await();
        CompletableFuture<ReadOutcome> second = barrier.await();
        CompletableFuture<ReadOutcome> third = barrier.await();
        assertEquals(1, issued.size(), "one round in flight at a time");
        assertSame(second, third, "later readers share the next round");
        issued.getFirst().complete(new ReadOutcome.Ready(5));
        assertEquals(new ReadOutcome.Ready(5), first.join());
        assertFalse(second.isDone(), "the second reader arrived after the first round was requested");
        assertEquals(2, issued.size(), "the next round was requested when the first completed");
        issued.get(1).complete(new ReadOutcome.Ready(7));
        assertEquals(new ReadOutcome.Ready(7), second.join());
        CompletableFuture<ReadOutcome> fourth = barrier.await();
        assertEquals(3, issued.size(), "idle again: a new reader starts a round at once");
        issued.get(2).complete(new ReadOutcome.Failed(null, "no leader"));
        assertInstanceOf(ReadOutcome.Failed.class, fourth.join());
    }

    @Test
    void aFailedDriverReadFailsTheBatchInsteadOfHangingIt() {
        CompletableFuture<ReadOutcome> read = barrier.await();
        issued.getFirst().completeExceptionally(new IllegalStateException("stopped"));
        ReadOutcome outcome = read.join();
        assertTrue(outcome instanceof ReadOutcome.Failed failed && failed.detail().contains("stopped"));
    }
}
