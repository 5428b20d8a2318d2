package dev.vaylix.server.exec;

import dev.vaylix.api.Clock;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.driver.ReadOutcome;
import dev.vaylix.server.consensus.ConsensusNode;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.server.metrics.ServerMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Linearizable reads (DESIGN.md §3 "Read"): wait for a ReadIndex barrier shared with concurrent
 * readers ({@link ConsensusNode#read()}), then read the applied state directly, without a log entry.
 * A read whose barrier fails (leadership lost, no leader, the driver overloaded or stopping) is
 * answered SRV-036: it was not served, and nothing changed. Thread-safe.
 */
public final class Reads {

    private final ConsensusNode node;
    private final Clock clock;
    private final ServerMetrics metrics;

    public Reads(ConsensusNode node, Clock clock, ServerMetrics metrics) {
        this.node = node;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * An engine read (GET, MGET, EXISTS, TTL, SCAN, DBSIZE, COUNT, LIST, GETEX without options, BACKUP):
     * the barrier is requested now; the engine is read when the reply is awaited.
     */
    public PendingReply read(Command command) {
        CompletableFuture<ReadOutcome> barrier = node.read();
        if (command instanceof Command.Get || command instanceof Command.MGet || command instanceof Command.Exists
                || command instanceof Command.Ttl) {
            metrics.increment(Metric.READ_FASTPATH_HIT);
        }
        return PendingReply.after(barrier, () -> after(barrier, () -> node.machine().engine().read(command, clock.wallTimeMs())));
    }

    /** Runs {@code read} once a barrier requested now has been applied; blocks. */
    public Reply linearizable(Supplier<Reply> read) {
        return after(node.read(), read);
    }

    private static Reply after(CompletableFuture<ReadOutcome> barrier, Supplier<Reply> read) {
        try {
            return switch (Await.get(barrier)) {
                case ReadOutcome.Ready _ -> read.get();
                case ReadOutcome.Failed _ -> Reply.Error.of(ErrorCode.SRV_036);
            };
        } catch (VaylixException e) {
            return Reply.Error.of(e);
        }
    }
}
