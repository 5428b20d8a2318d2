package dev.vaylix.server.exec;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.driver.ProposalOutcome;
import dev.vaylix.raft.driver.WriteAckMode;
import dev.vaylix.server.consensus.ConsensusNode;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.server.metrics.ServerMetrics;
import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.state.LogPayload;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Every change to replicated state goes through here: encoded as a log payload, proposed to Raft,
 * answered per {@link WriteOutcomes}. Nothing writes around the log.
 *
 * <p><b>{@code --write-ack-mode local}.</b> A locally durable entry is not applied yet, so its reply is
 * unknown unless the command's reply does not depend on the state. Only such commands are proposed
 * in local mode and answered as soon as the entry is fsynced here: plain SET (no NX/XX, IF VERSION or
 * GET), MSET and CLEAR, which always answer {@code OK}. Every other write needs its applied result and
 * is acknowledged as in {@code majority} mode. (The one apply-time failure of those three, ENG-016 for a
 * version at u64 max, which only RESTORE can create, is then not reported to the client.)
 *
 * <p>Thread-safe.
 */
public final class Writes {

    private final ConsensusNode node;
    private final WriteAckMode mode;
    private final ServerMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();

    public Writes(ConsensusNode node, WriteAckMode mode, ServerMetrics metrics) {
        this.node = node;
        this.mode = mode;
        this.metrics = metrics;
    }

    /** Proposes a data write (a single command, EXEC, RESTORE, the sweeper's purge). */
    public PendingReply propose(WriteBatch batch) {
        Optional<Reply> localReply = mode == WriteAckMode.LOCAL ? stateIndependentReply(batch) : Optional.empty();
        WriteAckMode effective = mode == WriteAckMode.LOCAL && localReply.isEmpty() ? WriteAckMode.MAJORITY : mode;
        return proposePayload(() -> LogPayload.data(batch), effective, localReply);
    }

    /** Proposes an RBAC mutation; its reply is OK or the SRV error apply decided. */
    public PendingReply propose(AuthMutation mutation) {
        WriteAckMode effective = mode == WriteAckMode.LOCAL ? WriteAckMode.MAJORITY : mode;
        return proposePayload(() -> LogPayload.auth(mutation), effective, Optional.empty());
    }

    private PendingReply proposePayload(Supplier<Bytes> encode, WriteAckMode effective, Optional<Reply> localReply) {
        Bytes payload;
        try {
            payload = encode.get();
        } catch (VaylixException e) {
            return PendingReply.of(Reply.Error.of(e)); // a command the log cannot carry: nothing was proposed
        }
        CompletableFuture<ProposalOutcome<Reply>> future = node.propose(payload, effective);
        metrics.increment(Metric.HA_WRITE_COORDINATED);
        metrics.recordMax(Metric.HA_WRITE_BATCH_MAX_SIZE, inFlight.incrementAndGet());
        return PendingReply.after(future, () -> {
            try {
                return WriteOutcomes.toReply(Await.get(future), effective, localReply);
            } catch (VaylixException e) {
                return Reply.Error.of(e);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** The reply of a single command that does not depend on the state it is applied to: plain SET, MSET, CLEAR. */
    static Optional<Reply> stateIndependentReply(WriteBatch batch) {
        if (!(batch instanceof WriteBatch.Single(Command command))) {
            return Optional.empty();
        }
        boolean plainSet = command instanceof Command.Set set && set.condition() == SetCondition.NONE
                && set.ifVersion().isEmpty() && !set.returnPrevious();
        return plainSet || command instanceof Command.MSet || command instanceof Command.Clear
                ? Optional.of(Reply.OK) : Optional.empty();
    }
}
