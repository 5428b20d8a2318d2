package dev.vaylix.server.node;

import dev.vaylix.api.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the data directory: the {@code LOCK} file held with {@link FileChannel#tryLock()}
 * for the life of the process. Storage has no lock of its own (docs/STORAGE.md §10): two writers on
 * one log would destroy it, so a second server on the same directory must fail at once, before it
 * reads anything. The operating system releases the lock when the process dies, even after SIGKILL,
 * so a crash never leaves a stale lock. The file stays; only the lock matters.
 */
public final class DataDirLock implements AutoCloseable {

    public static final String FILE_NAME = "LOCK";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the data directory if needed and locks it.
     *
     * @throws dev.vaylix.api.VaylixException SRV-004 if another process (or this one) holds the lock, or on
     *                                        an I/O failure
     */
    public static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw ErrorCode.SRV_004.exception(file + ": the data directory is in use by another vaylix process");
            }
            // The pid helps an operator find the holder; it is informational only.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw DurableFiles.failure(file, e);
        }
    }

    /**
     * For the offline tools, which must not change a byte of the directory: a shared lock on an existing
     * {@code LOCK} file, held until closed, so that the tool never reads a directory a server is writing and
     * no server starts on it meanwhile. A directory without a {@code LOCK} file was never opened by a server
     * and is not locked (nothing is created).
     *
     * @throws dev.vaylix.api.VaylixException SRV-004 if a server holds the directory, or on an I/O failure
     */
    public static DataDirLock shareExisting(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new DataDirLock(null, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw ErrorCode.SRV_004.exception(file + ": the data directory is in use by a running vaylix server; stop it first");
            }
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw DurableFiles.failure(file, e);
        }
    }

    @Override
    public void close() {
        if (lock == null) {
            return; // shareExisting on a directory without a LOCK file: nothing was locked
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do: the process is giving the directory up either way
        }
    }
}
