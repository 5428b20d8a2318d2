package dev.vaylix.server.runtime;

import dev.vaylix.api.snapshot.SnapshotMeta;
import dev.vaylix.server.exec.NodeFacts;
import dev.vaylix.server.node.BuildInfo;
import dev.vaylix.storage.crypto.KeyringStore;
import dev.vaylix.storage.wal.SegmentName;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** {@link NodeFacts} of the running process. Thread-safe. */
final class RuntimeFacts implements NodeFacts {

    private final String listenAddress;
    private final long recoveryDurationMs;
    private final KeyringStore keyring;
    private final ObservedSnapshotStore snapshots;
    private final Path walDirectory;
    private final Supplier<TlsStatus> tls;
    private final BuildInfo build;

    RuntimeFacts(String listenAddress, long recoveryDurationMs, KeyringStore keyring, ObservedSnapshotStore snapshots,
                 Path walDirectory, Supplier<TlsStatus> tls, BuildInfo build) {
        this.listenAddress = listenAddress;
        this.recoveryDurationMs = recoveryDurationMs;
        this.keyring = keyring;
        this.snapshots = snapshots;
        this.walDirectory = walDirectory;
        this.tls = tls;
        this.build = build;
    }

    @Override
    public String listenAddress() {
        return listenAddress;
    }

    @Override
    public long recoveryDurationMs() {
        return recoveryDurationMs;
    }

    @Override
    public String storageKeyId() {
        return keyring.activeKey().id().toString();
    }

    @Override
    public OptionalLong lastSnapshotAtMs() {
        Optional<SnapshotMeta> latest = snapshots.latest();
        return latest.isPresent() ? OptionalLong.of(latest.get().createdAtMs()) : OptionalLong.empty();
    }

    @Override
    public OptionalLong lastSnapshotDurationMs() {
        return snapshots.lastDurationMs();
    }

    /** Lists {@code wal/} now; files that vanish while listed (a compaction) are skipped. */
    @Override
    public WalStats walStats() {
        int count = 0;
        long size = 0;
        long oldest = Long.MAX_VALUE;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(walDirectory)) {
            for (Path file : files) {
                Optional<SegmentName> name = SegmentName.parse(file.getFileName().toString());
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    size += Files.size(file);
                } catch (IOException vanished) {
                    continue;
                }
                count++;
                oldest = Math.min(oldest, name.get().start());
            }
        } catch (IOException e) {
            return new WalStats(0, 0, OptionalLong.empty());
        }
        return new WalStats(count, size, count == 0 ? OptionalLong.empty() : OptionalLong.of(oldest));
    }

    @Override
    public TlsStatus tls() {
        return tls.get();
    }

    @Override
    public BuildInfo build() {
        return build;
    }
}
