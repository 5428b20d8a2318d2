package dev.vaylix.storage.io;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real {@link FileIO}: {@link FileChannel}s, {@code fdatasync} through {@link FileChannel#force},
 * directory fsync by forcing a channel opened on the directory (POSIX), and memory mappings through
 * {@link FileChannel#map(FileChannel.MapMode, long, long, Arena)}, forced range by range with
 * {@code msync(MS_SYNC)} through {@link MemorySegment#force()} on slices of them.
 *
 * <p>Thread-safety: stateless apart from the open files; safe for concurrent use.
 */
public final class ChannelFileIO implements FileIO {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] OWNER_ONLY = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
    private static final FileAttribute<?>[] DEFAULT = new FileAttribute<?>[0];

    @Override
    public StorageFile open(Path path, OpenMode mode, boolean ownerOnly) throws IOException {
        Set<StandardOpenOption> options = switch (mode) {
            case READ -> EnumSet.of(StandardOpenOption.READ);
            case READ_WRITE -> EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
            case CREATE_NEW -> EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
            case TRUNCATE -> EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        };
        FileChannel channel = FileChannel.open(path, options, ownerOnly ? OWNER_ONLY : DEFAULT);
        return new ChannelFile(path, channel);
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean isRegularFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public long size(Path path) throws IOException {
        return Files.size(path);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.addFirst(p);
        }
        for (Path created : missing) {
            Files.createDirectory(created);
            // A new directory entry is durable only once its parent is synced.
            syncDirectory(created.getParent());
        }
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }

    @Override
    public void deleteIfExists(Path path) throws IOException {
        Files.deleteIfExists(path);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a directory");
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * The end of {@code [offset, offset + length)}, for {@link StorageFile#forceMapped} implementations.
     *
     * @throws IllegalArgumentException if either is negative or the sum overflows
     */
    static long checkedEnd(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length < 0) {
            throw new IllegalArgumentException("bad file range: offset " + offset + ", length " + length);
        }
        return offset + length;
    }

    /** A live or dead mapping of a file, with the file offset it starts at. */
    private record Mapping(long offset, MemorySegment segment) {
        long end() {
            return offset + segment.byteSize();
        }
    }

    /**
     * One open file. Mappings are remembered with their file offsets so that {@link #force} covers
     * them all and {@link #forceMapped} can find the ones a range touches.
     */
    private static final class ChannelFile implements StorageFile {
        private final Path path;
        private final FileChannel channel;
        private final List<Mapping> mappings = new ArrayList<>();

        ChannelFile(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            int total = 0;
            while (dst.hasRemaining()) {
                int n = channel.read(dst, position + total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            return total;
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            long at = position;
            while (src.hasRemaining()) {
                at += channel.write(src, at);
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            channel.truncate(size);
        }

        @Override
        public void force() throws IOException {
            for (Mapping mapping : liveMappings()) {
                try {
                    mapping.segment().force();
                } catch (IllegalStateException closedMeanwhile) {
                    // The owner closed the arena after we listed it: its dirty pages are in the page
                    // cache, which the fdatasync below covers.
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            channel.force(false);
        }

        @Override
        public void forceMapped(long offset, long length) throws IOException {
            long end = checkedEnd(offset, length);
            if (length == 0) {
                return;
            }
            // Plan the slices first: msync the range only if live mappings cover all of it, each byte
            // once (overlapping mappings share their pages), else fall back to the full force.
            List<MemorySegment> slices = new ArrayList<>();
            long covered = offset;
            for (Mapping mapping : liveMappings()) {
                if (mapping.offset() > covered) {
                    break;
                }
                if (mapping.end() > covered) {
                    long to = Math.min(end, mapping.end());
                    slices.add(mapping.segment().asSlice(covered - mapping.offset(), to - covered));
                    covered = to;
                    if (covered == end) {
                        break;
                    }
                }
            }
            if (covered < end) {
                force();
                return;
            }
            for (MemorySegment slice : slices) {
                try {
                    // MappedMemoryUtils.force: msync(MS_SYNC) from the page holding the slice's first
                    // byte to its last byte, i.e. vfs_fsync_range(datasync) of that file range on Linux.
                    slice.force();
                } catch (IllegalStateException closedMeanwhile) {
                    // Unmapped after we planned: munmap does not write back, so the full force must.
                    force();
                    return;
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }

        /** Live mappings ordered by file offset (dead ones forgotten). */
        private List<Mapping> liveMappings() {
            synchronized (mappings) {
                mappings.removeIf(m -> !m.segment().scope().isAlive());
                List<Mapping> live = new ArrayList<>(mappings);
                live.sort(Comparator.comparingLong(Mapping::offset));
                return live;
            }
        }

        @Override
        public MemorySegment map(long offset, long length, Arena arena) throws IOException {
            MemorySegment mapping = channel.map(FileChannel.MapMode.READ_WRITE, offset, length, arena);
            synchronized (mappings) {
                mappings.add(new Mapping(offset, mapping));
            }
            return mapping;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
