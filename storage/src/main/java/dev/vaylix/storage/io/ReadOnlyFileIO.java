package dev.vaylix.storage.io;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link FileIO} decorator that refuses every call that could create, change or delete anything.
 *
 * <p>The offline tools that promise to be read-only ({@code storage verify}, {@code pitr inspect}, the
 * source side of {@code pitr restore}) run on this decorator, so the promise holds by construction
 * rather than by care: a code path that tried to write would fail loudly instead of touching the
 * operator's data (the reference's {@code storage verify} creates a WAL segment, spec Note 7).
 */
public final class ReadOnlyFileIO implements FileIO {

    private final FileIO delegate;

    private ReadOnlyFileIO(FileIO delegate) {
        this.delegate = delegate;
    }

    /** A read-only view of {@code delegate} (returned as is when it already is one). */
    public static FileIO wrap(FileIO delegate) {
        return delegate instanceof ReadOnlyFileIO ? delegate : new ReadOnlyFileIO(delegate);
    }

    private static IOException refused(String what, Path path) {
        return new AccessDeniedException(path.toString(), null, "read-only storage access refuses " + what);
    }

    @Override
    public StorageFile open(Path path, OpenMode mode, boolean ownerOnly) throws IOException {
        if (mode != OpenMode.READ) {
            throw refused("open for " + mode, path);
        }
        return new ReadOnlyFile(delegate.open(path, OpenMode.READ, false));
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
        throw refused("createDirectories", dir);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        return delegate.list(dir);
    }

    @Override
    public void deleteIfExists(Path path) throws IOException {
        throw refused("delete", path);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        throw refused("rename", from);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        throw refused("syncDirectory", dir);
    }

    private record ReadOnlyFile(StorageFile file) implements StorageFile {
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
            throw refused("write", file.path());
        }

        @Override
        public void truncate(long size) throws IOException {
            throw refused("truncate", file.path());
        }

        @Override
        public void force() throws IOException {
            throw refused("force", file.path());
        }

        @Override
        public void forceMapped(long offset, long length) throws IOException {
            throw refused("forceMapped", file.path());
        }

        @Override
        public MemorySegment map(long offset, long length, Arena arena) throws IOException {
            throw refused("map", file.path());
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
