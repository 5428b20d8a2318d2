package dev.vaylix.server.exec;

import dev.vaylix.server.node.BuildInfo;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What only the running process knows about itself and that reports (INFO, SHOW CLUSTER) need.
 * Implemented by the runtime. Thread-safe; each call reads the current value (the WAL statistics list
 * the directory).
 */
public interface NodeFacts {

    /** The bound listener address, e.g. {@code 127.0.0.1:9173}. */
    String listenAddress();

    /** Time spent in storage recovery and state machine replay at start-up. */
    long recoveryDurationMs();

    /** The keyring's active key id (hyphenated lower-case UUID). */
    String storageKeyId();

    /** The time the current snapshot's state reflects, if there is a snapshot. */
    OptionalLong lastSnapshotAtMs();

    /** How long the last snapshot written by this process took; empty before the first. */
    OptionalLong lastSnapshotDurationMs();

    /** The WAL segment files now. */
    WalStats walStats();

    /** The certificate in use and its reloads; {@link TlsStatus#NONE} without TLS. */
    TlsStatus tls();

    BuildInfo build();

    /**
     * @param segmentCount         segment files in {@code wal/}
     * @param sizeBytes            their total size
     * @param oldestRetainedIndex  the first index of the oldest segment; empty without segments
     */
    record WalStats(int segmentCount, long sizeBytes, OptionalLong oldestRetainedIndex) {
    }

    /**
     * @param certificateNotAfterMs  the expiry (epoch ms) of the certificate new connections get
     * @param lastReloadSuccessAtMs  when a SIGHUP reload last succeeded, if ever
     * @param lastReloadFailureAtMs  when a SIGHUP reload last failed (the previous certificate stayed), if ever
     */
    record TlsStatus(OptionalLong certificateNotAfterMs, OptionalLong lastReloadSuccessAtMs, OptionalLong lastReloadFailureAtMs) {

        /** A server without TLS. */
        public static final TlsStatus NONE = new TlsStatus(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

        public TlsStatus {
            Objects.requireNonNull(certificateNotAfterMs, "certificateNotAfterMs");
            Objects.requireNonNull(lastReloadSuccessAtMs, "lastReloadSuccessAtMs");
            Objects.requireNonNull(lastReloadFailureAtMs, "lastReloadFailureAtMs");
        }
    }
}
