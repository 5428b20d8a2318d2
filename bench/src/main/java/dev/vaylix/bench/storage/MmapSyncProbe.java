package dev.vaylix.bench.storage;

import dev.vaylix.bench.BenchDirs;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * What a durable append costs through a memory mapping compared with {@code write}, with no log code
 * at all: the same bytes per batch, on the same disk, interleaved batch by batch. It isolates the part
 * of the MAPPED backend's gap to the raw loop that the operating system imposes (docs/PERFORMANCE.md).
 *
 * <p>Two files of {@code fileMiB}: one written with a positional {@code write} of each batch and
 * {@code force(false)} (the raw loop of {@link RawWriteForceBenchmark}); one created sparse at its
 * full size, mapped whole like a MAPPED segment, each batch copied into the mapping and the range
 * written since the previous sync forced ({@link MemorySegment#force()} on the slice: one
 * {@code msync(MS_SYNC)}, what {@code StorageFile.forceMapped} does). The order alternates every
 * batch. Prints the mean time per batch of each, for each eighth of the file, so a cost that grows
 * with the position in the file shows.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     dev.vaylix.bench.storage.MmapSyncProbe [dir] [batchBytes] [fileMiB]
 * </pre>
 * Defaults: {@value BenchDirs#DEFAULT}, 4,500 bytes (a batch of 16 entries of 256 bytes), 64 MiB.
 */
public final class MmapSyncProbe {

    private static final int PARTS = 8;

    private MmapSyncProbe() {
    }

    public static void main(String[] args) throws IOException {
        String dirArg = args.length > 0 ? args[0] : BenchDirs.DEFAULT;
        int batchBytes = args.length > 1 ? Integer.parseInt(args[1]) : 4_500;
        long fileBytes = (args.length > 2 ? Long.parseLong(args[2]) : 64) << 20;
        if (batchBytes < 1 || fileBytes < (long) batchBytes * PARTS) {
            throw new IllegalArgumentException("need 1 <= batchBytes and at least " + PARTS + " batches per file");
        }
        Path dir = BenchDirs.create(dirArg, "vaylix-mmap-probe-");
        try {
            run(dir, batchBytes, fileBytes);
        } finally {
            BenchDirs.delete(dir);
        }
    }

    private static void run(Path dir, int batchBytes, long fileBytes) throws IOException {
        byte[] batch = new byte[batchBytes];
        new SplittableRandom(42).nextBytes(batch);
        long batches = fileBytes / batchBytes;
        long perPart = batches / PARTS;
        System.out.printf("batch %,d bytes, %,d batches per file, mean microseconds per durable batch%n", batchBytes, batches);
        System.out.println("part  file offset MiB  write+fdatasync  mmap copy+msync  mmap rate / write rate");
        try (FileChannel written = FileChannel.open(dir.resolve("written"), StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE);
             FileChannel mappedFile = FileChannel.open(dir.resolve("mapped"), StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.READ, StandardOpenOption.WRITE);
             Arena arena = Arena.ofShared()) {
            MemorySegment mapping = mappedFile.map(FileChannel.MapMode.READ_WRITE, 0, fileBytes, arena);
            MemorySegment source = MemorySegment.ofArray(batch);
            long position = 0;
            for (int part = 0; part < PARTS; part++) {
                long writeNanos = 0;
                long mmapNanos = 0;
                for (long i = 0; i < perPart; i++) {
                    boolean writeFirst = (i & 1) == 0;
                    if (writeFirst) {
                        writeNanos += timeWrite(written, batch, position);
                    }
                    long start = System.nanoTime();
                    MemorySegment.copy(source, 0, mapping, position, batchBytes);
                    mapping.asSlice(position, batchBytes).force();
                    mmapNanos += System.nanoTime() - start;
                    if (!writeFirst) {
                        writeNanos += timeWrite(written, batch, position);
                    }
                    position += batchBytes;
                }
                System.out.printf("%4d  %15d  %15.0f  %15.0f  %5.2f%n", part + 1, position >> 20,
                        writeNanos / 1e3 / perPart, mmapNanos / 1e3 / perPart, (double) writeNanos / mmapNanos);
            }
        }
    }

    private static long timeWrite(FileChannel channel, byte[] batch, long position) throws IOException {
        long start = System.nanoTime();
        ByteBuffer bytes = ByteBuffer.wrap(batch);
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
        channel.force(false);
        return System.nanoTime() - start;
    }
}
