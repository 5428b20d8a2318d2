package dev.vaylix.raft.message;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/**
 * The leader's answer to a {@link ReadIndexRequest}: on success, the read may be served once the
 * follower has applied {@code readIndex}; otherwise the read failed (the sender is not, or no longer,
 * a leader that could confirm its leadership) and {@code readIndex} is 0.
 */
public record ReadIndexResponse(Header header, Bytes context, boolean success, long readIndex) implements Message {
    public ReadIndexResponse {
        Checks.header(header);
        Objects.requireNonNull(context, "context");
        Checks.context(context);
        Checks.nonNegative(readIndex, "readIndex");
        if (!success && readIndex != 0) {
            throw new IllegalArgumentException("a failed read carries no read index");
        }
    }
}
