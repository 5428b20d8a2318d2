package dev.vaylix.raft;

import java.util.Objects;

/** What happened to a proposal: appended to the leader's log at a position, or refused (never appended). */
public sealed interface ProposeResult {

    /** Appended at {@code index} in {@code term}; whether it commits is not known yet. */
    record Accepted(long index, long term) implements ProposeResult {
    }

    /**
     * Not appended anywhere: a definite failure, safe to retry.
     *
     * @param leaderHint the leader this node knows of, or {@code ""}
     */
    record Rejected(Reason reason, String leaderHint, String detail) implements ProposeResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(leaderHint, "leaderHint");
            Objects.requireNonNull(detail, "detail");
        }
    }

    enum Reason {
        NOT_LEADER,
        /** A leadership transfer is in progress (thesis §3.10: the leader stops accepting proposals). */
        TRANSFER_IN_PROGRESS,
        /** The payload exceeds the largest entry the codec carries. */
        TOO_LARGE,
        /** Too many uncommitted bytes; back off. */
        UNCOMMITTED_LIMIT,
        /** A configuration entry is still uncommitted (one change at a time, thesis §4.1). */
        CONF_CHANGE_PENDING,
        /** The leader has not committed an entry of its term yet (Ongaro's 2015 single-server fix). */
        NO_COMMIT_IN_TERM,
        /** The change does not apply to the current configuration. */
        INVALID_CONF_CHANGE
    }
}
