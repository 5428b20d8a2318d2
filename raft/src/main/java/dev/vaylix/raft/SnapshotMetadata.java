package dev.vaylix.raft;

import dev.vaylix.raft.confchange.Configuration;
import java.util.Objects;

/**
 * What a snapshot covers (thesis §5.1): the log up to {@code index}, whose entry had {@code term}, and
 * the configuration in force at that index. Index 0 / term 0 describes the empty log; its
 * configuration is the bootstrap configuration.
 */
public record SnapshotMetadata(long index, long term, Configuration configuration) {
    public SnapshotMetadata {
        Objects.requireNonNull(configuration, "configuration");
        if (index < 0 || term < 0 || (index == 0) != (term == 0)) {
            throw new IllegalArgumentException("bad snapshot position " + index + "/" + term);
        }
    }
}
