package dev.vaylix.storage.io;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.io.StorageFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * An in-memory file system with the failure behaviour of a real one, for crash and corruption tests
 * (test scope; the fault-injection module will provide the decorator for real files).
 *
 * <p>Model: every file has its current content and its durable content (as of its last
 * {@link StorageFile#force}, plus the ranges made durable since by {@link StorageFile#forceMapped},
 * which makes exactly the bytes of its range and the current size durable and nothing else); every
 * directory has its durable entries (as of its last
 * {@link #syncDirectory}) and the operations since (create, delete, rename). {@link #crash} builds
 * the file system a reboot would find: each directory keeps its durable entries plus a random prefix
 * of the later operations, and each file its durable content plus, in {@link CrashMode#TORN}, a random
 * subset of the 512-byte sectors written since (and a random length between the old and new size),
 * which covers lost unsynced writes, torn writes and reordered page write-back.
 *
 * <p>Faults: a crash injected after a number of I/O calls (every later call fails, as if the process
 * died there), EIO from a chosen {@code force} or {@code forceMapped} (they share one count), and bit
 * flips. Directory renames and creations are
 * durable at once (only PITR uses them, not the crash tests).
 *
 * <p>Not thread-safe beyond what the storage code needs: all calls synchronise on this object.
 */
public final class FaultyFileIO implements FileIO {

    public static final int SECTOR_BYTES = 512;

    /** What survives a crash of data that was written but not forced. */
    public enum CrashMode {
        /** Nothing unsynced survives. */
        LOSE_UNSYNCED,
        /** Any subset of the unsynced sectors survives, and the file length may land anywhere between. */
        TORN
    }

    /** Thrown by every call once the injected crash point is reached. */
    public static final class CrashedException extends IOException {
        CrashedException() {
            super("simulated crash");
        }
    }

    private static final class Node {
        MemorySegment data = Arena.ofAuto().allocate(0);
        long size;
        byte[] durable = new byte[0];
        boolean mapped;
        boolean ownerOnly;
        /** Every {@link StorageFile#map} of the node, with the caller's arena to tell whether it is live. */
        final List<MappedRange> mappings = new ArrayList<>();
        /**
         * The hull of the bytes written with {@code write} since the last full force. The model cannot
         * tell those bytes from mapped ones inside the hull, so a {@code forceMapped} touching it is
         * refused loudly rather than modelled wrongly (the WAL never mixes the two on one file).
         */
        long writtenFrom = Long.MAX_VALUE;
        long writtenTo = Long.MIN_VALUE;

        void ensureCapacity(long needed) throws IOException {
            if (needed <= data.byteSize()) {
                return;
            }
            if (mapped) {
                throw new IOException("fault model: a mapped file cannot grow beyond its mapping");
            }
            MemorySegment bigger = Arena.ofAuto().allocate(Math.max(needed, data.byteSize() * 2));
            MemorySegment.copy(data, 0, bigger, 0, size);
            data = bigger;
        }

        byte[] current() {
            return data.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private record MappedRange(long offset, long length, Arena arena) {
    }

    private record Op(String kind, Path from, Path to, Node node) {
    }

    private final Map<Path, Node> files = new LinkedHashMap<>();
    private final Map<Path, Node> durableFiles = new LinkedHashMap<>();
    private final Map<Path, List<Op>> pending = new HashMap<>();
    private final TreeSet<Path> dirs = new TreeSet<>();
    private long calls;
    private long crashAtCall = Long.MAX_VALUE;
    private long failForceAtCall = -1;
    private long forces;
    private boolean crashed;

    // ------------------------------------------------------------------------------ fault control

    /** The process "dies" at the {@code n}-th I/O call from now (that call and all later ones fail). */
    public synchronized void crashAfterCalls(long n) {
        crashAtCall = calls + n;
    }

    /** The {@code n}-th force from now (1 = the next) fails with EIO. */
    public synchronized void failForce(long n) {
        failForceAtCall = forces + n;
    }

    public synchronized long calls() {
        return calls;
    }

    /** Forces attempted so far (successful or not). */
    public synchronized long forces() {
        return forces;
    }

    public synchronized boolean crashed() {
        return crashed;
    }

    /** What a reboot finds: a new file system built from this one's durable state (see the class comment). */
    public synchronized FaultyFileIO crash(CrashMode mode, Random random) {
        Map<Path, Node> survivors = new LinkedHashMap<>(durableFiles);
        for (List<Op> ops : pending.values()) {
            int keep = mode == CrashMode.TORN ? random.nextInt(ops.size() + 1) : 0;
            for (Op op : ops.subList(0, keep)) {
                apply(survivors, op);
            }
        }
        FaultyFileIO rebooted = new FaultyFileIO();
        rebooted.dirs.addAll(dirs);
        for (Map.Entry<Path, Node> entry : survivors.entrySet()) {
            Node node = new Node();
            byte[] content = afterCrash(entry.getValue(), mode, random);
            node.data = Arena.ofAuto().allocate(content.length);
            MemorySegment.copy(MemorySegment.ofArray(content), 0, node.data, 0, content.length);
            node.size = content.length;
            node.durable = content;
            node.ownerOnly = entry.getValue().ownerOnly;
            rebooted.files.put(entry.getKey(), node);
            rebooted.durableFiles.put(entry.getKey(), node);
        }
        return rebooted;
    }

    private static byte[] afterCrash(Node node, CrashMode mode, Random random) {
        byte[] durable = node.durable;
        if (mode == CrashMode.LOSE_UNSYNCED) {
            return durable.clone();
        }
        byte[] current = node.current();
        long low = Math.min(durable.length, current.length);
        long high = Math.max(durable.length, current.length);
        int length = (int) (low + (high > low ? random.nextLong(high - low + 1) : 0));
        byte[] out = new byte[length];
        System.arraycopy(durable, 0, out, 0, Math.min(durable.length, length));
        for (int sector = 0; sector * (long) SECTOR_BYTES < length; sector++) {
            int from = sector * SECTOR_BYTES;
            int to = Math.min(length, from + SECTOR_BYTES);
            if (random.nextBoolean() && from < current.length) {
                System.arraycopy(current, from, out, from, Math.min(to, current.length) - from);
            }
        }
        return out;
    }

    /** Flips one bit of a file's current and durable content (silent media corruption). */
    public synchronized void flipBit(Path path, long offset, int bit) throws IOException {
        Node node = node(path);
        if (offset >= node.size) {
            throw new IOException("offset " + offset + " beyond " + node.size);
        }
        byte value = node.data.get(ValueLayout.JAVA_BYTE, offset);
        node.data.set(ValueLayout.JAVA_BYTE, offset, (byte) (value ^ (1 << bit)));
        if (offset < node.durable.length) {
            node.durable[(int) offset] ^= (byte) (1 << bit);
        }
    }

    /** A copy of a file's current content. */
    public synchronized byte[] content(Path path) throws IOException {
        return node(path).current();
    }

    /** Replaces a file's content, durably (test setup). */
    public synchronized void replaceContent(Path path, byte[] content) throws IOException {
        Node node = node(path);
        node.mapped = false;
        node.mappings.clear();
        node.data = Arena.ofAuto().allocate(content.length);
        MemorySegment.copy(MemorySegment.ofArray(content), 0, node.data, 0, content.length);
        node.size = content.length;
        node.durable = content.clone();
    }

    /** A listing of current and durable names with sizes, for failure messages. */
    public synchronized String describe() {
        StringBuilder out = new StringBuilder("current:");
        files.forEach((path, node) -> out.append("\n  ").append(path).append(" ").append(node.size).append(" (durable ")
                .append(node.durable.length).append(")"));
        out.append("\ndurable names: ").append(durableFiles.keySet());
        out.append("\npending: ").append(pending);
        return out.toString();
    }

    public synchronized boolean isOwnerOnly(Path path) throws IOException {
        return node(path).ownerOnly;
    }

    // ------------------------------------------------------------------------------ FileIO

    private void tick() throws IOException {
        if (crashed || ++calls >= crashAtCall) {
            crashed = true;
            throw new CrashedException();
        }
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private Node node(Path path) throws IOException {
        Node node = files.get(key(path));
        if (node == null) {
            throw new NoSuchFileException(path.toString());
        }
        return node;
    }

    private void record(Path dir, Op op) {
        pending.computeIfAbsent(dir, d -> new ArrayList<>()).add(op);
    }

    private static void apply(Map<Path, Node> namespace, Op op) {
        switch (op.kind()) {
            case "create" -> namespace.put(op.to(), op.node());
            case "delete" -> namespace.remove(op.from());
            case "rename" -> {
                namespace.remove(op.from());
                namespace.put(op.to(), op.node());
            }
            default -> throw new IllegalStateException(op.kind());
        }
    }

    @Override
    public synchronized StorageFile open(Path path, OpenMode mode, boolean ownerOnly) throws IOException {
        tick();
        Path at = key(path);
        if (!dirs.contains(at.getParent())) {
            throw new NoSuchFileException(path.toString(), null, "no such directory");
        }
        Node node = files.get(at);
        switch (mode) {
            case READ -> {
                if (node == null) {
                    throw new NoSuchFileException(path.toString());
                }
            }
            case CREATE_NEW -> {
                if (node != null) {
                    throw new FileAlreadyExistsException(path.toString());
                }
            }
            case READ_WRITE, TRUNCATE -> {
                if (node != null && mode == OpenMode.TRUNCATE) {
                    node.size = 0;
                }
            }
        }
        if (node == null) {
            node = new Node();
            node.ownerOnly = ownerOnly;
            files.put(at, node);
            record(at.getParent(), new Op("create", null, at, node));
        }
        return new File(path, node, mode == OpenMode.READ);
    }

    @Override
    public synchronized boolean exists(Path path) {
        Path at = key(path);
        return files.containsKey(at) || dirs.contains(at);
    }

    @Override
    public synchronized boolean isRegularFile(Path path) {
        return files.containsKey(key(path));
    }

    @Override
    public synchronized long size(Path path) throws IOException {
        tick();
        return node(path).size;
    }

    @Override
    public synchronized void createDirectories(Path dir) throws IOException {
        tick();
        for (Path p = key(dir); p != null; p = p.getParent()) {
            if (files.containsKey(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, "a file is in the way");
            }
            dirs.add(p);
        }
    }

    @Override
    public synchronized List<Path> list(Path dir) throws IOException {
        tick();
        Path at = key(dir);
        TreeSet<Path> children = new TreeSet<>();
        for (Path file : files.keySet()) {
            if (at.equals(file.getParent())) {
                children.add(dir.resolve(file.getFileName()));
            }
        }
        for (Path sub : dirs) {
            if (at.equals(sub.getParent())) {
                children.add(dir.resolve(sub.getFileName()));
            }
        }
        return List.copyOf(children);
    }

    @Override
    public synchronized void deleteIfExists(Path path) throws IOException {
        tick();
        Path at = key(path);
        if (files.remove(at) != null) {
            record(at.getParent(), new Op("delete", at, null, null));
            return;
        }
        if (dirs.contains(at)) {
            boolean empty = files.keySet().stream().noneMatch(f -> f.startsWith(at))
                    && dirs.stream().noneMatch(d -> !d.equals(at) && d.startsWith(at));
            if (!empty) {
                throw new DirectoryNotEmptyException(path.toString());
            }
            dirs.remove(at);
        }
    }

    @Override
    public synchronized void rename(Path from, Path to) throws IOException {
        tick();
        Path source = key(from);
        Path target = key(to);
        Node node = files.remove(source);
        if (node != null) {
            files.put(target, node);
            record(target.getParent(), new Op("rename", source, target, node));
            return;
        }
        if (!dirs.contains(source)) {
            throw new NoSuchFileException(from.toString());
        }
        renameDirectory(source, target);
    }

    /** Moves a directory tree, durably at once (see the class comment). */
    private void renameDirectory(Path source, Path target) throws IOException {
        if (dirs.contains(target) && (files.keySet().stream().anyMatch(f -> f.startsWith(target)))) {
            throw new DirectoryNotEmptyException(target.toString());
        }
        for (Path dir : List.copyOf(dirs)) {
            if (dir.startsWith(source)) {
                dirs.remove(dir);
                dirs.add(target.resolve(source.relativize(dir)));
            }
        }
        for (Map<Path, Node> namespace : List.of(files, durableFiles)) {
            for (Path file : List.copyOf(namespace.keySet())) {
                if (file.startsWith(source)) {
                    namespace.put(target.resolve(source.relativize(file)), namespace.remove(file));
                }
            }
        }
    }

    @Override
    public synchronized void syncDirectory(Path dir) throws IOException {
        tick();
        Path at = key(dir);
        if (!dirs.contains(at)) {
            throw new NoSuchFileException(dir.toString());
        }
        for (Op op : pending.getOrDefault(at, List.of())) {
            apply(durableFiles, op);
        }
        pending.remove(at);
    }

    private final class File implements StorageFile {
        private final Path path;
        private final Node node;
        private final boolean readOnly;
        private boolean closed;

        File(Path path, Node node, boolean readOnly) {
            this.path = path;
            this.node = node;
            this.readOnly = readOnly;
        }

        private void check(boolean write) throws IOException {
            tick();
            if (closed) {
                throw new IOException("closed: " + path);
            }
            if (write && readOnly) {
                throw new IOException("opened read-only: " + path);
            }
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public long size() throws IOException {
            synchronized (FaultyFileIO.this) {
                check(false);
                return node.size;
            }
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            synchronized (FaultyFileIO.this) {
                check(false);
                int n = (int) Math.max(0, Math.min(dst.remaining(), node.size - position));
                if (n > 0) {
                    MemorySegment.copy(node.data, position, MemorySegment.ofBuffer(dst), 0, n);
                    dst.position(dst.position() + n);
                }
                return n;
            }
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            synchronized (FaultyFileIO.this) {
                check(true);
                int n = src.remaining();
                node.ensureCapacity(position + n);
                if (position > node.size) {
                    node.data.asSlice(node.size, position - node.size).fill((byte) 0);
                }
                MemorySegment.copy(MemorySegment.ofBuffer(src), 0, node.data, position, n);
                src.position(src.limit());
                node.size = Math.max(node.size, position + n);
                if (n > 0) {
                    node.writtenFrom = Math.min(node.writtenFrom, position);
                    node.writtenTo = Math.max(node.writtenTo, position + n);
                }
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            synchronized (FaultyFileIO.this) {
                check(true);
                node.size = Math.min(node.size, size);
            }
        }

        @Override
        public void force() throws IOException {
            synchronized (FaultyFileIO.this) {
                check(true);
                forces++;
                if (forces == failForceAtCall) {
                    throw new IOException("simulated EIO from fsync");
                }
                forceAll();
            }
        }

        private void forceAll() {
            node.durable = node.current();
            node.writtenFrom = Long.MAX_VALUE;
            node.writtenTo = Long.MIN_VALUE;
        }

        @Override
        public void forceMapped(long offset, long length) throws IOException {
            synchronized (FaultyFileIO.this) {
                check(true);
                long end = ChannelFileIO.checkedEnd(offset, length);
                if (length == 0) {
                    return;
                }
                forces++;
                if (forces == failForceAtCall) {
                    throw new IOException("simulated EIO from msync");
                }
                if (!coveredByLiveMappings(offset, end)) {
                    forceAll();
                    return;
                }
                if (offset < node.writtenTo && node.writtenFrom < end) {
                    throw new IllegalStateException("fault model: forceMapped of [" + offset + ", " + end + ") of " + path
                            + " overlaps bytes written with write in [" + node.writtenFrom + ", " + node.writtenTo + ")");
                }
                // The size becomes durable; bytes beyond the old durable content and outside the range
                // keep what the disk holds for never-written blocks (zeroes of a hole), while their
                // current content stays unsynced (a TORN crash may still keep any of its sectors).
                byte[] durable = java.util.Arrays.copyOf(node.durable, (int) node.size);
                long to = Math.min(end, node.size);
                if (offset < to) {
                    MemorySegment.copy(node.data, ValueLayout.JAVA_BYTE, offset, durable, (int) offset, (int) (to - offset));
                }
                node.durable = durable;
            }
        }

        private boolean coveredByLiveMappings(long offset, long end) {
            List<MappedRange> live = new ArrayList<>();
            for (MappedRange mapping : node.mappings) {
                if (mapping.arena().scope().isAlive()) {
                    live.add(mapping);
                }
            }
            live.sort(java.util.Comparator.comparingLong(MappedRange::offset));
            long covered = offset;
            for (MappedRange mapping : live) {
                if (mapping.offset() > covered) {
                    break;
                }
                covered = Math.max(covered, mapping.offset() + mapping.length());
                if (covered >= end) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public MemorySegment map(long offset, long length, Arena arena) throws IOException {
            synchronized (FaultyFileIO.this) {
                check(true);
                long end = offset + length;
                if (end > node.size) {
                    node.ensureCapacity(end);
                    node.data.asSlice(node.size, end - node.size).fill((byte) 0);
                    node.size = end;
                }
                node.mapped = true;
                node.mappings.removeIf(m -> !m.arena().scope().isAlive());
                node.mappings.add(new MappedRange(offset, length, arena));
                return node.data.asSlice(offset, length);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
