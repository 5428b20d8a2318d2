package dev.vaylix.raft.message;

import dev.vaylix.api.Bytes;
import dev.vaylix.raft.confchange.Configuration;
import java.util.Objects;

/**
 * One chunk of a snapshot (thesis §5.3): bytes {@code [offsetBytes, offsetBytes + chunk.length())} of a
 * snapshot of {@code totalBytes} bytes covering the log up to {@code snapshotIndex}/{@code snapshotTerm},
 * with the configuration as of that index.
 */
public record InstallSnapshot(Header header, long snapshotIndex, long snapshotTerm, Configuration configuration,
                              long totalBytes, long offsetBytes, Bytes chunk) implements Message {
    public InstallSnapshot {
        Checks.header(header);
        Checks.indexTerm(snapshotIndex, snapshotTerm);
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(chunk, "chunk");
        if (snapshotIndex < 1) {
            throw new IllegalArgumentException("a snapshot covers at least index 1");
        }
        if (totalBytes < 0 || offsetBytes < 0 || offsetBytes + chunk.length() > totalBytes) {
            throw new IllegalArgumentException("chunk [" + offsetBytes + ", +" + chunk.length() + ") outside "
                    + totalBytes + " bytes");
        }
    }

    /** True for the chunk that completes the snapshot. */
    public boolean last() {
        return offsetBytes + chunk.length() == totalBytes;
    }
}
