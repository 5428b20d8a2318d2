package dev.vaylix.server.session;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.auth.AuthOutcome;
import dev.vaylix.server.auth.SessionIdentity;
import dev.vaylix.server.exec.CommandExecutor;
import dev.vaylix.server.exec.CommandExecutor.Concurrency;
import dev.vaylix.server.exec.PendingReply;
import dev.vaylix.server.exec.ServerContext;
import dev.vaylix.server.limits.RateLimiter;
import dev.vaylix.server.metrics.Metric;
import dev.vaylix.server.policy.CommandPolicy;
import dev.vaylix.server.policy.CommandRule;
import dev.vaylix.server.policy.TransactionRule;
import dev.vaylix.server.rbac.Identity;
import dev.vaylix.server.rbac.Permission;
import dev.vaylix.transport.ReplicationRequest;
import dev.vaylix.transport.RequestCodec;
import dev.vaylix.transport.RequestEnvelope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checks every request of a session passes, in the order of VTP2.md §7.1 and COMMANDS.md §4, each
 * step answering with its error and letting the connection continue. The envelope was decoded by the
 * pipeline (step 1; its failures close the connection, §7.2).
 *
 * <p>One deliberate difference (COMPATIBILITY.md): a payload above {@code --max-request-payload-bytes}
 * is answered SRV-013 (step 5) instead of dropping the connection (VTP2.md Note 4), like every other
 * quota.
 *
 * <p>Not thread-safe: one per session, used by its reader, which also runs the immediate and inline
 * actions this class returns before it reads the next request.
 */
final class RequestGate {

    /**
     * What to do with one request.
     *
     * @param concurrency how it may overlap with its neighbours ({@link CommandExecutor.Concurrency})
     * @param action      starts or performs it; run by the reader after any barrier the concurrency needs
     */
    record Dispatch(Concurrency concurrency, String opcode, Command command, boolean raw, Slot.Refusal refusal,
                    Supplier<PendingReply> action) {
    }

    private final ServerContext context;
    private final CommandExecutor executor;
    private final SessionIdentity identity;
    private final RateLimiter rateLimiter;
    private final Transaction transaction = new Transaction();
    private final String peerHost;

    RequestGate(ServerContext context, CommandExecutor executor, String peerHost) {
        this.context = context;
        this.executor = executor;
        this.peerHost = peerHost;
        this.identity = context.config().auth().enabled() ? SessionIdentity.unauthenticated() : SessionIdentity.authDisabled();
        this.rateLimiter = new RateLimiter(context.config().limits().requestsPerSecond(), context.config().limits().requestBurst(),
                context.clock());
    }

    /** The session's user after the last request, for audit events; empty if unauthenticated. */
    Optional<String> username() {
        return identity.current(context.consensus().machine().authState()).map(Identity::username);
    }

    Dispatch admit(RequestEnvelope envelope) {
        String opcode = opcodeName(envelope);
        // §7.1 step 2: the only deadline with a meaning is 0, "already expired".
        if (envelope.metadata().deadlineExpired()) {
            return answer(opcode, null, Reply.Error.of(ErrorCode.TRN_016));
        }
        // Step 3: pipelining (a sequence number) is not supported inside a transaction.
        if (transaction.isOpen() && envelope.metadata().sequence().isPresent()) {
            return answer(opcode, null, Reply.Error.of(ErrorCode.TRN_018, "pipelined requests are not supported inside transactions"));
        }
        // Step 4: the per-connection token bucket; rate-limited requests are always audited (RequestObserver).
        if (!rateLimiter.tryAcquire()) {
            return refused(Slot.Refusal.RATE_LIMITED, opcode, null, Reply.Error.of(ErrorCode.SRV_012));
        }
        // Step 5: the payload limit, answered SRV-013 (the reference dropped the connection, Note 4).
        if (!context.quotas().allowsPayload(envelope.payloadLength())) {
            return refused(Slot.Refusal.OVER_QUOTA, opcode, null, Reply.Error.of(ErrorCode.SRV_013));
        }
        context.metrics().increment(Metric.REQUEST);
        // Step 6: replication opcodes go to their own handler (§8).
        if (envelope.isReplication()) {
            return replication(envelope, opcode);
        }
        // Step 7: the payload; a malformed one is answered with its bare transport error and always audited.
        Command command;
        try {
            command = RequestCodec.decodeCommand(envelope);
        } catch (VaylixException e) {
            return refused(Slot.Refusal.UNDECODABLE, opcode, null, Reply.Error.of(e));
        }
        // Step 8: quotas (§5).
        if (!context.quotas().allows(command)) {
            return refused(Slot.Refusal.OVER_QUOTA, opcode, command, Reply.Error.of(ErrorCode.SRV_013));
        }
        // Step 9 (COMMANDS.md §4 step 8): AUTH is handled at once, also inside a transaction.
        if (command instanceof Command.Auth auth) {
            return new Dispatch(Concurrency.IMMEDIATE, opcode, command, false, Slot.Refusal.NONE,
                    () -> PendingReply.of(authenticate(auth)));
        }
        CommandRule rule = CommandPolicy.rule(command);
        Optional<Identity> current = identity.current(context.consensus().machine().authState());
        // §4 step 9: authentication; a dropped user or changed password has lost its session here.
        if (rule.requiresAuthentication() && current.isEmpty()) {
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_007));
        }
        // §4 step 10: an expired transaction is discarded and this request is not executed.
        long now = context.clock().monotonicNanos();
        long maxSeconds = context.config().limits().transactionMaxSeconds();
        if (transaction.isOpen() && transaction.expired(now, maxSeconds)) {
            transaction.close();
            context.metrics().increment(Metric.TRANSACTION_DISCARD);
            context.metrics().increment(Metric.TRANSACTION_TIMEOUT);
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_034, maxSeconds));
        }
        // §4 step 11: maintenance mode (§8 allow-list in CommandPolicy).
        if (context.maintenance().enabled() && !rule.allowedInMaintenance()) {
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_033));
        }
        // §4 step 12: writes only on the leader. (The reference's SRV-036 "acknowledgement window" has no
        // counterpart: Raft bounds uncommitted entries itself and a refused proposal answers SRV-036.)
        if (rule.write() && !context.consensus().isLeader()) {
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_037));
        }
        // §4 step 13: inside a transaction (§9).
        if (transaction.isOpen()) {
            return inTransaction(opcode, command, rule, current);
        }
        if (command instanceof Command.Exec || command instanceof Command.Discard) {
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_015));
        }
        if (command instanceof Command.Multi) {
            transaction.begin(now);
            context.metrics().increment(Metric.TRANSACTION_BEGIN);
            return answer(opcode, command, Reply.OK);
        }
        // §4 step 14: authorization (none at all with --disable-auth; none for PING, which needs no identity).
        if (!authorized(current, command)) {
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_017));
        }
        // §4 step 15: execute.
        return new Dispatch(CommandExecutor.concurrency(command), opcode, command, false, Slot.Refusal.NONE,
                () -> executor.execute(command, current));
    }

    /** COMMANDS.md §9, for a session with an open transaction (after §4 steps 1–12). */
    private Dispatch inTransaction(String opcode, Command command, CommandRule rule, Optional<Identity> current) {
        // Inside a transaction the node must accept writes, for reads too.
        if (!context.consensus().isLeader()) {
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_037));
        }
        if (command instanceof Command.Multi) {
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_014));
        }
        if (command instanceof Command.Discard) {
            transaction.close();
            context.metrics().increment(Metric.TRANSACTION_DISCARD);
            return answer(opcode, command, Reply.OK);
        }
        if (command instanceof Command.Exec) {
            return exec(opcode, command);
        }
        // Queue full, then quotas (already checked at step 8), then queueable, then authorization.
        if (!context.quotas().transactionHasRoom(transaction.size())) {
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_013));
        }
        if (rule.transaction() != TransactionRule.QUEUE || !WriteBatchCodec.isQueueable(command)) {
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_016));
        }
        if (!authorized(current, command)) {
            return answer(opcode, command, Reply.Error.of(ErrorCode.SRV_017));
        }
        transaction.add(command);
        return answer(opcode, command, Reply.QUEUED);
    }

    /**
     * EXEC: from here the transaction is over whatever happens; the queued commands become one log entry
     * applied atomically (an empty transaction writes nothing).
     */
    private Dispatch exec(String opcode, Command command) {
        List<Command> queued = transaction.close();
        if (queued.isEmpty()) {
            context.metrics().increment(Metric.TRANSACTION_COMMIT);
            return answer(opcode, command, new Reply.ExecResults(List.of()));
        }
        return new Dispatch(Concurrency.PROPOSE, opcode, command, false, Slot.Refusal.NONE,
                () -> context.writes().propose(new WriteBatch.Transaction(queued)).then(reply -> {
                    if (reply instanceof Reply.ExecResults) {
                        context.metrics().increment(Metric.TRANSACTION_COMMIT);
                    }
                    return reply;
                }));
    }

    /**
     * RBAC (COMMANDS.md §6.2). An empty identity reaches here only for commands that need none (PING): every
     * other command was answered SRV-007 before.
     */
    private boolean authorized(Optional<Identity> current, Command command) {
        return !context.config().auth().enabled() || current.isEmpty() || CommandPolicy.permits(current.get(), command);
    }

    /** AUTH (COMMANDS.md §7): lockout, verification, lockout bookkeeping; the metrics of §10.2. */
    private Reply authenticate(Command.Auth auth) {
        if (!context.config().auth().enabled()) {
            return Reply.OK; // every session is anonymous with every permission
        }
        AuthOutcome outcome;
        try {
            outcome = context.authenticator().authenticate(context.consensus().machine().authState(), auth.username(),
                    auth.password(), peerHost);
        } catch (VaylixException e) {
            return Reply.Error.of(e); // SRV-009 unusable stored hash, SRV-012 hashing saturated: not an attempt
        }
        identity.onAuth(outcome);
        switch (outcome) {
            case AuthOutcome.Success _ -> context.metrics().increment(Metric.AUTH_SUCCESS);
            case AuthOutcome.Failed failed -> {
                context.metrics().increment(Metric.AUTH_FAILURE);
                if (failed.lockTriggered()) {
                    context.metrics().increment(Metric.AUTH_LOCKED_ATTEMPT);
                }
            }
            case AuthOutcome.Locked _ -> context.metrics().increment(Metric.AUTH_LOCKED_ATTEMPT);
        }
        return outcome.reply();
    }

    /** §8 gatekeeping: authenticated (SRV-007), then the admin permission (SRV-017). */
    private Dispatch replication(RequestEnvelope envelope, String opcode) {
        boolean authEnabled = context.config().auth().enabled();
        Optional<Identity> current = identity.current(context.consensus().machine().authState());
        if (authEnabled && current.isEmpty()) {
            return answer(opcode, null, Reply.Error.of(ErrorCode.SRV_007));
        }
        if (authEnabled && !current.orElseThrow().has(Permission.ADMIN)) {
            return answer(opcode, null, Reply.Error.of(ErrorCode.SRV_017));
        }
        ReplicationRequest request = RequestCodec.decodeReplication(envelope);
        return new Dispatch(Concurrency.IMMEDIATE, opcode, null, true, Slot.Refusal.NONE,
                () -> PendingReply.of(context.replication().handle(request)));
    }

    private static Dispatch answer(String opcode, Command command, Reply reply) {
        return new Dispatch(Concurrency.IMMEDIATE, opcode, command, false, Slot.Refusal.NONE, () -> PendingReply.of(reply));
    }

    private static Dispatch refused(Slot.Refusal refusal, String opcode, Command command, Reply reply) {
        return new Dispatch(Concurrency.IMMEDIATE, opcode, command, false, refusal, () -> PendingReply.of(reply));
    }

    private static String opcodeName(RequestEnvelope envelope) {
        return envelope.commandType().map(Enum::name)
                .orElseGet(() -> "REPLICATION_" + envelope.replicationOpcode().orElseThrow().name().toUpperCase(Locale.ROOT));
    }
}
