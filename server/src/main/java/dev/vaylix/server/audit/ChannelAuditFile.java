package dev.vaylix.server.audit;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log on a real file: opened, locked against a second process, verified and repaired
 * at its tail, then appended to with positional writes and {@code fdatasync}.
 */
final class ChannelAuditFile implements AuditFile {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelAuditFile.class);
    private static final byte[] NEWLINE = {'\n'};

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private long position;

    private ChannelAuditFile(Path path, FileChannel channel, FileLock lock, long position) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.position = position;
    }

    /** An opened, verified and repaired file with the chain state to continue from. */
    record Opened(ChannelAuditFile file, AuditChain.Verified verified) {
    }

    /**
     * Creates the file (and its parent directories, mode {@code 0600} where POSIX) if missing, takes
     * an exclusive lock, verifies the whole chain, and cuts off or terminates an interrupted last line.
     *
     * @throws VaylixException {@code SRV-028} if the chain does not verify (nothing is changed),
     *         {@code SRV-004} for I/O failures or a log locked by another process
     */
    static Opened open(Path path) {
        Path absolute = path.toAbsolutePath();
        FileChannel channel = null;
        try {
            Path parent = absolute.getParent();
            Path firstCreated = absolute;
            while (firstCreated.getParent() != null && !Files.exists(firstCreated.getParent())) {
                firstCreated = firstCreated.getParent();
            }
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean created = !Files.exists(absolute);
            channel = created ? create(absolute) : FileChannel.open(absolute, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel, absolute);
            if (created) {
                // Every new name, from the first directory created down to the file, must survive a crash like the lines.
                for (Path dir = parent; dir != null && dir.startsWith(firstCreated.getParent()); dir = dir.getParent()) {
                    syncDirectory(dir);
                }
            }
            channel.position(0);
            // The stream is not closed: that would close the channel the log goes on writing.
            AuditChain.Verified verified = AuditChain.verify(Channels.newInputStream(channel));
            repairTail(channel, absolute, verified);
            ChannelAuditFile file = new ChannelAuditFile(absolute, channel, lock, channel.size());
            return new Opened(file, verified);
        } catch (IOException e) {
            closeQuietly(channel);
            throw ErrorCode.SRV_004.exception("audit log " + absolute + ": " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileChannel create(Path path) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        return FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE), attributes);
    }

    private static FileLock tryLock(FileChannel channel, Path path) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this process: another log object already writes it
        }
        if (lock == null) {
            throw new IOException("locked by another writer (is another server using this audit log?)");
        }
        return lock;
    }

    private static void repairTail(FileChannel channel, Path path, AuditChain.Verified verified) throws IOException {
        switch (verified.tail()) {
            case CLEAN -> {
            }
            case UNTERMINATED -> {
                channel.write(ByteBuffer.wrap(NEWLINE), verified.validBytes());
                channel.force(false);
                LOG.warn("audit log {}: the last line (sequence {}) had no newline after a crash; newline added",
                        path, verified.lastSequence());
            }
            case TORN -> {
                channel.truncate(verified.validBytes());
                channel.force(true);
                LOG.warn("audit log {}: cut off {} bytes of an interrupted write after sequence {} (offset {})",
                        path, verified.tailBytes(), verified.lastSequence(), verified.validBytes());
            }
        }
    }

    @Override
    public void append(ByteBuffer lines) throws IOException {
        while (lines.hasRemaining()) {
            position += channel.write(lines, position);
        }
    }

    @Override
    public void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("audit log {}: releasing the lock failed: {}", path, e.toString());
        }
        closeQuietly(channel);
    }

    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing an audit log channel failed: {}", e.toString());
        }
    }
}
