package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/** A read that will not be served; the client may retry (elsewhere). */
public record ReadFailure(Bytes context, Reason reason) {

    public enum Reason {
        /** No leader is known (an election is under way). */
        NO_LEADER,
        /** This node stopped being leader, or its leader changed, before the read was confirmed. */
        LEADERSHIP_LOST,
        /** The leader refused the forwarded request (it is not leader any more). */
        REJECTED_BY_LEADER,
        /** Too many reads are pending on this node. */
        TOO_MANY_PENDING
    }

    public ReadFailure {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(reason, "reason");
    }
}
