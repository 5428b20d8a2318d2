package dev.vaylix.raft.driver;

import java.util.Objects;

/**
 * How a proposal ended. A client must treat {@link Unknown} as "may or may not have happened" (and
 * never as a failure): the entry may still commit later.
 *
 * @param <R> the state machine's result type
 */
public sealed interface ProposalOutcome<R> {

    /** Committed and applied at {@code index}; {@code result} is the state machine's answer. */
    record Applied<R>(long index, long term, R result) implements ProposalOutcome<R> {
    }

    /**
     * Mode {@link WriteAckMode#LOCAL}: durable on the leader at {@code index}, not known to be committed,
     * no result. See {@link WriteAckMode#LOCAL} for what may still be lost.
     */
    record LocallyDurable<R>(long index, long term) implements ProposalOutcome<R> {
    }

    /** Definitely not applied: never appended, or another entry was committed at its index. Safe to retry. */
    record Rejected<R>(Reason reason, String leaderHint, String detail) implements ProposalOutcome<R> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(leaderHint, "leaderHint");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Appended at {@code index}/{@code term}, then this node lost its leadership (or stopped) before it
     * could learn the outcome. It may or may not commit.
     */
    record Unknown<R>(long index, long term, String reason) implements ProposalOutcome<R> {
    }

    enum Reason {
        NOT_LEADER,
        TRANSFER_IN_PROGRESS,
        UNCOMMITTED_LIMIT,
        CONF_CHANGE_PENDING,
        NO_COMMIT_IN_TERM,
        INVALID_CONF_CHANGE,
        TOO_LARGE,
        /** A different entry was committed at the proposal's index: it can never commit. */
        SUPERSEDED,
        /** The driver's queue is full; back off. */
        OVERLOADED,
        /** The driver is stopped. */
        CLOSED
    }
}
