package dev.vaylix.client;

import dev.vaylix.api.reply.Reply;
import java.util.List;
import java.util.Objects;

/**
 * A transaction that was discarded before EXEC because the server refused to queue some of its commands
 * (for example {@code SRV-017 permission denied} or {@code SRV-013} quota). Nothing of it was applied.
 *
 * <p>The server does not abort a transaction when it refuses one command (COMMANDS.md §9); executing the rest
 * would silently drop that command, so {@link Transaction#exec()} sends DISCARD instead and raises this.
 */
public final class TransactionAbortedException extends RuntimeException {

    /** A refused command: its position in the transaction and the server's error. */
    public record Refusal(int index, Reply.Error error) {
        public Refusal {
            Objects.requireNonNull(error, "error");
        }
    }

    private final List<Refusal> refusals;

    public TransactionAbortedException(List<Refusal> refusals) {
        super(describe(refusals));
        this.refusals = List.copyOf(refusals);
    }

    /** Every refused command, in transaction order; never empty. */
    public List<Refusal> refusals() {
        return refusals;
    }

    private static String describe(List<Refusal> refusals) {
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("an aborted transaction has at least one refusal");
        }
        Refusal first = refusals.getFirst();
        return "transaction discarded: command " + first.index() + " was refused: [" + first.error().code() + "] "
                + first.error().name() + ": " + first.error().message()
                + (refusals.size() > 1 ? " (and " + (refusals.size() - 1) + " more)" : "");
    }
}
