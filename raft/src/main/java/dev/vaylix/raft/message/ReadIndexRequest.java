package dev.vaylix.raft.message;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/** A follower asks the leader for a read index (thesis §6.4); {@code context} identifies the read. */
public record ReadIndexRequest(Header header, Bytes context) implements Message {
    public ReadIndexRequest {
        Checks.header(header);
        Objects.requireNonNull(context, "context");
        Checks.context(context);
    }
}
