package dev.vaylix.bench.storage;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FileIO} that passes every call to a real one and counts what reaches the disk: file and
 * directory fsyncs, and bytes written with {@link StorageFile#write}. The benchmarks report these
 * instead of assuming them, so a policy that fsyncs more often than once per append (segment rotation,
 * directory syncs) shows up in the figures.
 *
 * <p>Bytes copied into a memory mapping are not writes and are not counted (the mapped backend writes
 * that way); its syncs are counted, whether a full {@code force} or a ranged {@code forceMapped}. Thread-safe: the counters are atomic, so the persistence and apply threads of a Raft
 * driver may both count.
 */
public final class CountingFileIO implements FileIO {

    private final FileIO delegate;
    private final AtomicLong fileSyncs = new AtomicLong();
    private final AtomicLong directorySyncs = new AtomicLong();
    private final AtomicLong writtenBytes = new AtomicLong();

    public CountingFileIO(FileIO delegate) {
        this.delegate = delegate;
    }

    /**
     * File syncs so far: {@link StorageFile#force} calls (fdatasync, plus msync of live mappings) and
     * {@link StorageFile#forceMapped} calls (one ranged msync, itself an fdatasync of the range on
     * Linux), each counted once since each costs one device flush.
     */
    public long fileSyncs() {
        return fileSyncs.get();
    }

    /** {@link #syncDirectory} calls so far. */
    public long directorySyncs() {
        return directorySyncs.get();
    }

    /** Every fsync of either kind so far. */
    public long syncs() {
        return fileSyncs.get() + directorySyncs.get();
    }

    /** Bytes handed to {@link StorageFile#write} so far. */
    public long writtenBytes() {
        return writtenBytes.get();
    }

    @Override
    public StorageFile open(Path path, OpenMode mode, boolean ownerOnly) throws IOException {
        return new CountingFile(delegate.open(path, mode, ownerOnly));
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
        delegate.syncDirectory(dir);
        directorySyncs.incrementAndGet();
    }

    private final class CountingFile implements StorageFile {
        private final StorageFile file;

        CountingFile(StorageFile file) {
            this.file = file;
        }

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
            int bytes = src.remaining();
            file.write(src, position);
            writtenBytes.addAndGet(bytes);
        }

        @Override
        public void truncate(long size) throws IOException {
            file.truncate(size);
        }

        @Override
        public void force() throws IOException {
            file.force();
            fileSyncs.incrementAndGet();
        }

        @Override
        public void forceMapped(long offset, long length) throws IOException {
            file.forceMapped(offset, length);
            fileSyncs.incrementAndGet();
        }

        @Override
        public MemorySegment map(long offset, long length, Arena arena) throws IOException {
            return file.map(offset, length, arena);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
