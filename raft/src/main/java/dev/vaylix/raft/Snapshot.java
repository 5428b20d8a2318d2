package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/**
 * A state-machine snapshot: its metadata and the state machine's own encoding of its state. Raft
 * treats {@code data} as opaque bytes and sends it in chunks (InstallSnapshot).
 */
public record Snapshot(SnapshotMetadata metadata, Bytes data) {
    public Snapshot {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(data, "data");
    }

    public long index() {
        return metadata.index();
    }

    public long term() {
        return metadata.term();
    }
}
