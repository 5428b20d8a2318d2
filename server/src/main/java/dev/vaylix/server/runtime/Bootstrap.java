package dev.vaylix.server.runtime;

import dev.vaylix.api.Clock;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.driver.ReadOutcome;
import dev.vaylix.server.auth.BootstrapPlanner;
import dev.vaylix.server.auth.PasswordHasher;
import dev.vaylix.server.config.AuthConfig;
import dev.vaylix.server.consensus.ConsensusNode;
import dev.vaylix.server.exec.Writes;
import dev.vaylix.server.rbac.AuthMutation;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up steps that need a working Raft group: waiting until this node leads its group and has
 * applied everything committed before the restart, then the bootstrap administrator's reconciliation
 * (STORAGE.md §13) as a log entry.
 */
final class Bootstrap {

    /** A one-voter group elects itself within two election timeouts; this bounds a stuck start-up. */
    static final long LEADERSHIP_TIMEOUT_MS = 60_000;
    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private Bootstrap() {
    }

    /**
     * Returns once a linearizable read succeeded: this node leads, and the state machine has applied every
     * entry committed before now (so the bootstrap plan sees the real auth state).
     *
     * @throws VaylixException SRV-005 if that does not happen within {@value #LEADERSHIP_TIMEOUT_MS} ms or the
     *                         driver failed
     */
    static void awaitLeadership(ConsensusNode node, Clock clock) {
        long deadline = clock.monotonicNanos() + TimeUnit.MILLISECONDS.toNanos(LEADERSHIP_TIMEOUT_MS);
        while (clock.monotonicNanos() - deadline < 0) {
            if (node.failure().isPresent()) {
                throw new VaylixException(ErrorCode.SRV_005, ErrorCode.SRV_005.message(), node.failure().get());
            }
            try {
                if (node.read().get(LEADERSHIP_TIMEOUT_MS, TimeUnit.MILLISECONDS) instanceof ReadOutcome.Ready ready) {
                    LOG.info("event=leader node_id={} term={} applied_index={}", node.nodeId(), node.softState().term(),
                            ready.readIndex());
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            // Not leader yet (the election timeout runs at start-up): poll again shortly.
            LockSupport.parkNanos(RETRY_PAUSE_NANOS);
        }
        throw ErrorCode.SRV_005.exception();
    }

    /**
     * Plans the reconciliation on this node (Argon2 work; the configured password is reused if it already
     * verifies) and proposes it. Unchanged credentials change nothing.
     *
     * @throws VaylixException SRV-009 / SRV-012 from hashing, SRV-035 / SRV-036 if the entry did not commit
     */
    static void bootstrapAdmin(ConsensusNode node, Writes writes, AuthConfig auth, PasswordHasher hasher) {
        AuthMutation.BootstrapAdmin plan = BootstrapPlanner.plan(node.machine().authState(), auth.bootstrapUser(),
                auth.bootstrapPassword(), hasher);
        Reply reply = writes.propose(plan).await();
        if (reply instanceof Reply.Error error) {
            throw error.errorCode().map(code -> new VaylixException(code, error.message()))
                    .orElseGet(() -> ErrorCode.SRV_009.exception());
        }
        LOG.info("event=bootstrap_admin username={} auth_revision={} default_credentials={}", auth.bootstrapUser(),
                node.machine().authState().revision(), auth.insecureDefaultCredentials());
        if (auth.insecureDefaultCredentials()) {
            LOG.warn("event=insecure_default_credentials: the bootstrap administrator is vaylix/vaylix; set --user and "
                    + "--password (or VAYLIX_USER / VAYLIX_PASSWORD) for anything but local development");
        }
    }
}
