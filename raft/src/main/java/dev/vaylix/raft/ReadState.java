package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/**
 * A confirmed ReadIndex (thesis §6.4): the read identified by {@code context} may be served from the
 * local state machine once it has applied {@code index}.
 */
public record ReadState(Bytes context, long index) {
    public ReadState {
        Objects.requireNonNull(context, "context");
        if (index < 0) {
            throw new IllegalArgumentException("read index is non-negative");
        }
    }
}
