package dev.vaylix.raft.driver;

import dev.vaylix.raft.ReadFailure;

/** How a linearizable read request ended. */
public sealed interface ReadOutcome {

    /**
     * Confirmed (ReadIndex, thesis §6.4) and the state machine has applied at least {@code readIndex}:
     * reading the state machine now is linearizable.
     */
    record Ready(long readIndex) implements ReadOutcome {
    }

    /** Not served; retry, possibly on another node. {@code reason} is null for driver-level failures. */
    record Failed(ReadFailure.Reason reason, String detail) implements ReadOutcome {
    }
}
