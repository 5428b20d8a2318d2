package dev.vaylix.bench.storage;

import dev.vaylix.bench.BenchDirs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * The disk's physical limit for a log batch, as the storage benchmarks measure it: one positional
 * {@code FileChannel.write} of a fixed {@code batchBytes}-byte buffer, then {@code force(false)}
 * (fdatasync, as the log's FileChannel backend does) — no encoding, no encryption, no CRC. Files
 * {@code raw-0}, {@code raw-1}, … in a scratch directory of its own; a new file is started once the
 * current one holds {@code fileSizeBytes} or more, as the log rotates segments.
 *
 * <p>One owner thread (a JMH {@code Scope.Thread} state); not thread-safe. {@link #close()} deletes the
 * scratch directory with everything in it.
 */
final class RawWriteForceLoop implements AutoCloseable {

    private final Path scratch;
    private final long fileSizeBytes;
    private final ByteBuffer batch;
    private FileChannel channel;
    private Path current;
    private long position;
    private int files;

    private RawWriteForceLoop(Path scratch, long fileSizeBytes, ByteBuffer batch) {
        this.scratch = scratch;
        this.fileSizeBytes = fileSizeBytes;
        this.batch = batch;
    }

    /**
     * Creates a scratch directory named {@code prefix…} under {@code dir} (see {@link BenchDirs#create})
     * and opens the first file in it. The batch is {@code batchBytes} seeded pseudo-random bytes (what
     * the log writes is ciphertext; only the length matters).
     *
     * @throws IllegalArgumentException if {@code batchBytes} or {@code fileSizeBytes} is not positive
     */
    static RawWriteForceLoop open(String dir, String prefix, int batchBytes, long fileSizeBytes) throws IOException {
        if (batchBytes <= 0 || fileSizeBytes <= 0) {
            throw new IllegalArgumentException("batchBytes and fileSizeBytes must be positive: " + batchBytes + ", " + fileSizeBytes);
        }
        ByteBuffer batch = ByteBuffer.allocateDirect(batchBytes);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < batchBytes; i++) {
            batch.put(i, (byte) random.nextInt(256));
        }
        RawWriteForceLoop loop = new RawWriteForceLoop(BenchDirs.create(dir, prefix), fileSizeBytes, batch);
        try {
            loop.nextFile();
        } catch (IOException | RuntimeException e) {
            BenchDirs.delete(loop.scratch);
            throw e;
        }
        return loop;
    }

    /** Bytes written by each {@link #writeAndForce()}. */
    int batchBytes() {
        return batch.capacity();
    }

    /** The scratch directory holding the files. */
    Path directory() {
        return scratch;
    }

    /**
     * Writes the batch at the end of the current file (starting a new file first if the current one is
     * full) and forces it to the device.
     *
     * @return the bytes written, as the channel reported them: always {@link #batchBytes()}
     */
    int writeAndForce() throws IOException {
        if (position >= fileSizeBytes) {
            nextFile();
        }
        ByteBuffer bytes = batch.duplicate().clear();
        int written = 0;
        // FileChannel does not promise that one positional write takes the whole buffer.
        while (bytes.hasRemaining()) {
            written += channel.write(bytes, position + written);
        }
        position += written;
        channel.force(false);
        return written;
    }

    /** Deletes every file but the one being written, so a long run does not fill the disk. */
    void dropFilledFiles() throws IOException {
        try (var entries = Files.list(scratch)) {
            for (Path file : entries.filter(path -> !path.equals(current)).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Closes the current file and deletes the scratch directory. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            BenchDirs.delete(scratch);
        }
    }

    private void nextFile() throws IOException {
        if (channel != null) {
            channel.close();
        }
        current = scratch.resolve("raw-" + files++);
        channel = FileChannel.open(current, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        position = 0;
    }
}
