package dev.vaylix.client;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A MULTI/EXEC transaction (COMMANDS.md §9), built locally and applied in one step.
 *
 * <pre>{@code
 * Transaction tx = client.multi();
 * Response<Long> stock = tx.add(Requests.decr("stock"));
 * tx.add(Requests.set("order:42", "paid"));
 * tx.exec();               // all or nothing
 * long left = stock.get();
 * }</pre>
 *
 * <p>{@link #add} only queues, on this side: nothing is sent until {@link #exec()}, so a transaction never
 * holds server state while the application thinks, and cannot expire ({@code SRV-034}) half-built.
 * {@link #exec()} then takes the connection for itself (other threads' requests wait), sends MULTI and waits
 * for OK, sends the queued commands pipelined and checks that each was answered {@code QUEUED}, and only then
 * sends EXEC. If the server refused to queue any command ({@code SRV-017}, {@code SRV-013}, …) it sends DISCARD
 * instead and throws {@link TransactionAbortedException}: the reference server would otherwise execute the
 * rest and silently drop the refused command.
 *
 * <p>Outcomes of {@link #exec()}:
 * <ul>
 *   <li>returns normally — every command was applied atomically; each {@link Response} holds its result;</li>
 *   <li>{@link TransactionAbortedException} or a {@link VaylixException} — nothing was applied (a refused queue,
 *       an EXEC error such as {@code ENG-015}, or a failure before EXEC was sent);</li>
 *   <li>{@link OutcomeUnknownException} — EXEC was sent (or answered {@code SRV-035}) but its result is unknown.</li>
 * </ul>
 * Every {@link Response} fails with the same exception. A failure in the middle of the exchange, before EXEC,
 * closes the connection, because the server-side transaction state is then unknown.
 *
 * <p>Only the commands COMMANDS.md §9 allows inside MULTI may be added (data commands, SCAN, DBSIZE, COUNT,
 * LIST, CLEAR, PING; {@link WriteBatchCodec#isQueueable}, the same rule the server's log applies). Thread-safe;
 * usable once.
 */
public final class Transaction {

    /** Bound on queued commands (the server's own default limit is 127). */
    public static final int COMMANDS_MAX = 1 << 16;

    private enum State { BUILDING, EXECUTED, DISCARDED }

    private record Queued<T>(Request<T> request, CompletableFuture<T> result) {
        void complete(Reply item) {
            try {
                result.complete(request.decode(item));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }
    }

    private final VaylixClient client;
    private final List<Queued<?>> queued = new ArrayList<>();
    private State state = State.BUILDING;

    Transaction(VaylixClient client) {
        this.client = client;
    }

    /**
     * Queues {@code request} locally.
     *
     * @return its result, available after {@link #exec()}
     * @throws IllegalArgumentException if the command cannot be queued inside MULTI
     * @throws IllegalStateException after {@link #exec()} or {@link #discard()}, or beyond {@link #COMMANDS_MAX}
     */
    public synchronized <T> Response<T> add(Request<T> request) {
        requireBuilding();
        if (!WriteBatchCodec.isQueueable(request.command())) {
            throw new IllegalArgumentException(request.command().type() + " cannot be queued in a transaction");
        }
        if (queued.size() >= COMMANDS_MAX) {
            throw new IllegalStateException("a transaction holds at most " + COMMANDS_MAX + " commands");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        queued.add(new Queued<>(request, result));
        return new Response<>(result, client.config().requestTimeoutMs(), Effects.mayChangeState(request.command()),
                "the transaction has not been executed");
    }

    /** Number of queued commands. */
    public synchronized int size() {
        return queued.size();
    }

    /** Drops the queued commands without sending anything; their responses are cancelled. */
    public synchronized void discard() {
        requireBuilding();
        state = State.DISCARDED;
        for (Queued<?> entry : queued) {
            entry.result().cancel(false);
        }
    }

    /**
     * Applies the queued commands atomically; see the class comment for the outcomes. An empty transaction
     * sends nothing.
     */
    public synchronized void exec() {
        requireBuilding();
        state = State.EXECUTED;
        if (queued.isEmpty()) {
            return;
        }
        List<Command> commands = new ArrayList<>(queued.size());
        for (Queued<?> entry : queued) {
            commands.add(entry.request().command());
        }
        boolean mutating = Effects.anyMayChangeState(commands);
        Reply reply;
        try {
            reply = Await.result(sendExclusively(commands), client.config().requestTimeoutMs(), mutating);
        } catch (RuntimeException e) {
            failAll(e);
            throw e;
        }
        finish(reply);
    }

    /**
     * MULTI, the queued commands and EXEC (or DISCARD) while holding the connection exclusively. A failure after
     * MULTI may have been accepted and before EXEC was sent closes the connection: nothing was applied, but the
     * server-side session may still be inside MULTI and would queue the next user's commands.
     *
     * @return the future of EXEC's reply
     */
    private CompletableFuture<Reply> sendExclusively(List<Command> commands) {
        int timeoutMs = client.config().requestTimeoutMs();
        boolean mayBeInsideMulti = false;
        long stamp = client.takeExclusive();
        try {
            CompletableFuture<Reply> multiReply = client.submit(new Command.Multi());
            mayBeInsideMulti = true;
            Reply multi = Await.result(multiReply, timeoutMs, false);
            if (multi instanceof Reply.Error error) {
                mayBeInsideMulti = false; // refused before anything was queued
                throw Failures.fromError(error);
            }
            if (!(multi instanceof Reply.Ok)) {
                throw ErrorCode.TRN_018.exception("unexpected reply to MULTI: " + multi);
            }
            List<CompletableFuture<Reply>> acknowledgements = new ArrayList<>(commands.size());
            for (Command command : commands) {
                acknowledgements.add(client.submit(command));
            }
            List<TransactionAbortedException.Refusal> refusals = new ArrayList<>();
            for (int i = 0; i < acknowledgements.size(); i++) {
                Reply ack = Await.result(acknowledgements.get(i), timeoutMs, false);
                if (ack instanceof Reply.Error error) {
                    refusals.add(new TransactionAbortedException.Refusal(i, error));
                } else if (!Reply.QUEUED.equals(ack)) {
                    throw ErrorCode.TRN_018.exception("command " + i + " was answered " + ack + " instead of QUEUED");
                }
            }
            if (!refusals.isEmpty()) {
                Reply discarded = Await.result(client.submit(new Command.Discard()), timeoutMs, false);
                mayBeInsideMulti = !(discarded instanceof Reply.Ok);
                throw new TransactionAbortedException(refusals);
            }
            CompletableFuture<Reply> exec = client.submit(new Command.Exec());
            mayBeInsideMulti = false;
            return exec;
        } catch (RuntimeException e) {
            if (mayBeInsideMulti) {
                client.close();
            }
            throw e;
        } finally {
            client.releaseExclusive(stamp);
        }
    }

    /** EXEC's reply: results for every queued command, or the error that applied none of them. */
    private void finish(Reply reply) {
        switch (reply) {
            case Reply.ExecResults results when results.results().size() == queued.size() -> {
                for (int i = 0; i < queued.size(); i++) {
                    queued.get(i).complete(results.results().get(i));
                }
            }
            case Reply.Error error -> {
                RuntimeException failure = Failures.fromError(error);
                failAll(failure);
                throw failure;
            }
            default -> {
                // EXEC was answered, so it ran; but a reply we cannot match to the queue leaves results unknown.
                VaylixException mismatch = ErrorCode.TRN_018.exception(
                        "EXEC answered " + reply + " for " + queued.size() + " queued commands");
                RuntimeException failure = new OutcomeUnknownException("the transaction's results cannot be matched "
                        + "to its commands; it may or may not have been applied", mismatch);
                failAll(failure);
                throw failure;
            }
        }
    }

    private void failAll(RuntimeException failure) {
        for (Queued<?> entry : queued) {
            entry.result().completeExceptionally(failure);
        }
    }

    private void requireBuilding() {
        if (state != State.BUILDING) {
            throw new IllegalStateException("the transaction was already " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
