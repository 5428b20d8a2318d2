package dev.vaylix.storage.wal;

import static dev.vaylix.storage.wal.LogFixtures.KEYS;
import static dev.vaylix.storage.wal.LogFixtures.entries;
import static dev.vaylix.storage.wal.LogFixtures.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.storage.io.ChannelFileIO;
import dev.vaylix.storage.testing.FastTempDirs;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code sync} append costs exactly one flush call: the issue 3 target (≥ 0.8 × a raw write + force
 * loop) is out of reach with two. For the mapped backend the one call must be a {@code forceMapped}
 * of exactly the bytes appended since the previous one (contiguous ranges), never a full force.
 */
class SyncAppendFlushTest {

    private static final int APPENDS = 20;

    @TempDir(factory = FastTempDirs.class)
    Path dir;

    private final FlushRecordingFileIO io = new FlushRecordingFileIO(new ChannelFileIO());

    private LogStore open(WalOptions.Backend backend) {
        WalOptions options = WalOptions.DEFAULTS.withBackend(backend).withSyncPolicy(SyncPolicy.SYNC).withSegmentSizeBytes(64 << 10);
        return Wal.open(io, dir.resolve("wal"), KEYS, options).log();
    }

    @Test
    void each_sync_append_on_the_mapped_log_is_one_ranged_force_of_just_the_new_bytes() {
        try (LogStore log = open(WalOptions.Backend.MAPPED)) {
            // Opening starts a segment: its header and first commit record are forced once.
            Flush opening = io.takeFlushes().stream().filter(f -> f.kind().equals("forceMapped")).reduce((a, b) -> b).orElseThrow();
            long forcedEnd = opening.offset() + opening.length();
            for (long index = 1; index <= APPENDS + 1; index++) {
                log.append(List.of(entry(index, 1)), new HardState(1, "", index - 1));
                List<Flush> flushes = io.takeFlushes();
                assertEquals(1, flushes.size(), "append " + index + ": " + flushes);
                Flush flush = flushes.getFirst();
                assertEquals("forceMapped", flush.kind(), "append " + index);
                assertEquals(forcedEnd, flush.offset(), "ranges are contiguous: nothing forced twice, nothing skipped");
                assertTrue(flush.length() > 0 && flush.length() < 1024, "only the new records: " + flush);
                forcedEnd += flush.length();
            }
            log.sync();
            assertEquals(List.of(), io.takeFlushes(), "nothing appended since the last force: no flush");
        }
        try (LogStore reopened = open(WalOptions.Backend.MAPPED)) {
            assertEquals(entries(1, APPENDS + 1, 1), reopened.entries(1, APPENDS + 2, Long.MAX_VALUE));
        }
    }

    @Test
    void each_sync_append_on_the_channel_log_is_one_full_force() {
        try (LogStore log = open(WalOptions.Backend.CHANNEL)) {
            io.takeFlushes();
            for (long index = 1; index <= APPENDS + 1; index++) {
                log.append(List.of(entry(index, 1)), new HardState(1, "", index - 1));
                List<Flush> flushes = io.takeFlushes();
                assertEquals(List.of(new Flush("force", 0, 0)), flushes, "append " + index);
            }
        }
    }

    /** One flush call: {@code force} (offset and length 0), {@code forceMapped} or {@code syncDirectory}. */
    record Flush(String kind, long offset, long length) {
    }

    /** Passes every call to a real {@link FileIO} and records the flush calls, in order. */
    static final class FlushRecordingFileIO implements FileIO {
        private final FileIO delegate;
        private final List<Flush> flushes = new ArrayList<>();

        FlushRecordingFileIO(FileIO delegate) {
            this.delegate = delegate;
        }

        synchronized List<Flush> takeFlushes() {
            List<Flush> taken = List.copyOf(flushes);
            flushes.clear();
            return taken;
        }

        private synchronized void record(Flush flush) {
            flushes.add(flush);
        }

        @Override
        public StorageFile open(Path path, OpenMode mode, boolean ownerOnly) throws IOException {
            StorageFile file = delegate.open(path, mode, ownerOnly);
            return new StorageFile() {
                @Override
                public Path path() {
                    return file.path();
                }

                @Override
                public long size() throws IOException {
                    return file.size();
                }

                @Override
                public int read(ByteBuffer dst, long position) throws IOException {
                    return file.read(dst, position);
                }

                @Override
                public void write(ByteBuffer src, long position) throws IOException {
                    file.write(src, position);
                }

                @Override
                public void truncate(long size) throws IOException {
                    file.truncate(size);
                }

                @Override
                public void force() throws IOException {
                    record(new Flush("force", 0, 0));
                    file.force();
                }

                @Override
                public void forceMapped(long offset, long length) throws IOException {
                    record(new Flush("forceMapped", offset, length));
                    file.forceMapped(offset, length);
                }

                @Override
                public MemorySegment map(long offset, long length, Arena arena) throws IOException {
                    return file.map(offset, length, arena);
                }

                @Override
                public void close() throws IOException {
                    file.close();
                }
            };
        }

        @Override
        public boolean exists(Path path) {
            return delegate.exists(path);
        }

        @Override
        public boolean isRegularFile(Path path) {
            return delegate.isRegularFile(path);
        }

        @Override
        public long size(Path path) throws IOException {
            return delegate.size(path);
        }

        @Override
        public void createDirectories(Path dir) throws IOException {
            delegate.createDirectories(dir);
        }

        @Override
        public List<Path> list(Path dir) throws IOException {
            return delegate.list(dir);
        }

        @Override
        public void deleteIfExists(Path path) throws IOException {
            delegate.deleteIfExists(path);
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            delegate.rename(from, to);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            record(new Flush("syncDirectory", 0, 0));
            delegate.syncDirectory(dir);
        }
    }
}
