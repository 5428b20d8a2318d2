package dev.vaylix.server.exec;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.Status;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.server.metrics.ServerMetrics;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INFO, METRICS, METRICS PROM, HEALTH, SHOW CLUSTER, SHOW REPLICATION, MAINTENANCE, SAVE/SNAPSHOT and the
 * cluster controls of a single node (COMMANDS.md §3.3, §3.6, §10).
 *
 * <ul>
 *   <li>SAVE and SNAPSHOT take a real snapshot now: the state machine is serialised at its applied index,
 *       encrypted and written durably, and the log is compacted up to it.</li>
 *   <li>Membership changes (CLUSTER JOIN/REMOVE) and PAUSE/RESUME REPLICATION answer SRV-016 until
 *       multi-node clusters are wired; PROMOTE FOLLOWER answers SRV-038 ({@code only followers may be
 *       promoted}): a single node always leads.</li>
 * </ul>
 */
final class OperationsCommands {

    /** A snapshot of a large state can take a while on a slow disk; beyond this it is reported failed. */
    static final long SNAPSHOT_TIMEOUT_MS = 120_000;
    static final long STATUS_TIMEOUT_MS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(OperationsCommands.class);

    private final ServerContext context;
    private final AtomicLong reportedDurableAppends = new AtomicLong();

    OperationsCommands(ServerContext context) {
        this.context = context;
    }

    Reply info() {
        ClusterView view = view();
        long keyCount = context.consensus().machine().engine().read(new Command.DbSize(), now()) instanceof Reply.Count(long count)
                ? count : 0;
        return new InfoReport(context.config(), context.facts(), view, sampleMetrics(view), keyCount,
                context.authenticator().lockout().lockedRecordCount(), context.maintenance().enabled(),
                context.backups().directory().toString(), ackMode(), now()).entries();
    }

    Reply metrics() {
        return sampleMetrics(view()).entries();
    }

    Reply metricsProm() {
        return sampleMetrics(view()).prometheusReply();
    }

    Reply health() {
        return view().health(context.maintenance().enabled());
    }

    Reply showCluster() {
        return view().showCluster(ackMode());
    }

    Reply showReplication() {
        return view().showReplication(ackMode());
    }

    Reply maintenanceStatus() {
        return context.maintenance().status();
    }

    /**
     * MAINTENANCE ON / OFF: durable before it is acknowledged. The session audits the change
     * ({@code maintenance_mode}) with its own context once this answered OK.
     */
    Reply maintenance(boolean on) {
        try {
            context.maintenance().set(on);
        } catch (VaylixException e) {
            return Reply.Error.of(e);
        }
        return Reply.OK;
    }

    /** SAVE / SNAPSHOT. */
    Reply snapshot() {
        long start = context.clock().monotonicNanos();
        try {
            long index = Await.get(context.consensus().snapshotNow(), SNAPSHOT_TIMEOUT_MS);
            LOG.info("event=snapshot_requested index={} duration_ms={}", index,
                    (context.clock().monotonicNanos() - start) / 1_000_000);
            return Reply.OK;
        } catch (VaylixException e) {
            LOG.warn("event=snapshot_failed error={}", e.getMessage());
            return Reply.Error.of(e);
        }
    }

    Reply promoteFollower() {
        return Reply.Error.of(ErrorCode.SRV_038, "only followers may be promoted");
    }

    /** CLUSTER JOIN / REMOVE, PAUSE / RESUME REPLICATION on a single node. */
    Reply notYetSupported() {
        return Reply.Error.of(ErrorCode.SRV_016);
    }

    /** Brings the metrics that mirror driver state up to date, then takes their values. */
    private ServerMetrics.Snapshot sampleMetrics(ClusterView view) {
        ServerMetrics metrics = context.metrics();
        long durable = context.consensus().durableAppends();
        long before = reportedDurableAppends.getAndAccumulate(durable, Math::max);
        if (durable > before) {
            metrics.add(Metric.HA_WRITE_BATCH, durable - before);
        }
        metrics.set(Metric.READ_INDEX_LAG, Math.max(0, view.commitIndex() - view.appliedIndex()));
        return metrics.snapshot();
    }

    private ClusterView view() {
        Status status = Await.get(context.consensus().status(), STATUS_TIMEOUT_MS);
        return ClusterView.of(status, context.consensus().machine().appliedIndex(), context.config().replication().groupId(),
                context.facts().listenAddress());
    }

    private String ackMode() {
        return context.config().replication().writeAckMode().name().toLowerCase(Locale.ROOT);
    }

    private long now() {
        return context.clock().wallTimeMs();
    }
}
