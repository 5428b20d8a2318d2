package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import dev.vaylix.api.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Decompression on the receive path: bounded output, bounded memory, every failure a TRN code (§1.2 step 9). */
class ZstdBoundsTest {

    private static final int LIMIT = 64 * 1024;
    private static final FrameSettings SMALL = FrameSettings.negotiated(Compression.NONE, 0, LIMIT);

    /** A frame whose payload is {@code payload} with the zstd flag set. */
    private static byte[] compressedFrame(byte[] payload) {
        return FrameCodecTest.rawFrame(Vtp2.MAGIC, 2, 1, payload.length, payload, null);
    }

    /** zstd as a streaming encoder writes it: no content size in the frame header. */
    private static byte[] streamCompress(byte[] data, int windowLog) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (ZstdOutputStream out = new ZstdOutputStream(sink, 3)) {
            if (windowLog > 0) {
                out.setLong(windowLog);
            }
            out.write(data);
        }
        return sink.toByteArray();
    }

    @Test
    void aBodyOfExactlyTheLimitDecompressesOnBothPaths() throws IOException {
        byte[] body = new byte[LIMIT];
        Arrays.fill(body, (byte) 'x');
        assertArrayEquals(body, Frames.decode(compressedFrame(com.github.luben.zstd.Zstd.compress(body, 3)), SMALL));
        assertArrayEquals(body, Frames.decode(compressedFrame(streamCompress(body, 0)), SMALL));
    }

    @Test
    void oneByteOverTheLimitIsDecompressedFrameTooLargeOnBothPaths() throws IOException {
        byte[] body = new byte[LIMIT + 1];
        String message = "decompressed frame too large: 65537 bytes exceeds maximum 65536 bytes";
        Expect.error(ErrorCode.TRN_017, message,
                () -> Frames.decode(compressedFrame(com.github.luben.zstd.Zstd.compress(body, 3)), SMALL));
        byte[] streamed = streamCompress(body, 0);
        Expect.error(ErrorCode.TRN_017, message, () -> Frames.decode(compressedFrame(streamed), SMALL));
    }

    @Test
    void aDecompressionBombStopsAtTheLimitWithoutAllocatingTheBomb() throws IOException {
        byte[] bomb = streamCompress(new byte[16 * 1024 * 1024], 0); // 16 MiB of zeros in a few hundred bytes
        assertTrue(bomb.length < 64 * 1024, "the bomb is small on the wire: " + bomb.length);
        byte[] frame = compressedFrame(bomb);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Expect.error(ErrorCode.TRN_017, () -> Frames.decode(frame, SMALL));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4L * LIMIT + 1024 * 1024, "allocated " + allocated + " bytes for a " + LIMIT + "-byte limit");
    }

    @Test
    void aBombDeclaringItsHugeSizeIsStoppedTheSameWay() {
        byte[] bomb = com.github.luben.zstd.Zstd.compress(new byte[16 * 1024 * 1024], 3); // content size in header
        Expect.error(ErrorCode.TRN_017, "decompressed frame too large: 65537 bytes exceeds maximum 65536 bytes",
                () -> Frames.decode(compressedFrame(bomb), SMALL));
    }

    @Test
    void aFrameDemandingAWindowAboveEightMebibytesIsACompressionFailure() throws IOException {
        byte[] data = new byte[1024 * 1024];
        byte[] wideWindow = streamCompress(data, 27); // declares a 128 MiB window the decoder would have to allocate
        Expect.error(ErrorCode.TRN_011, "frame compression failure",
                () -> Frames.decode(compressedFrame(wideWindow), FrameSettings.HELLO));
    }

    @Test
    void garbageTruncationAndEmptinessAreCompressionFailures() {
        byte[] good = com.github.luben.zstd.Zstd.compress("some body".getBytes(), 3);
        Expect.error(ErrorCode.TRN_011, () -> Frames.decode(compressedFrame("not zstd at all".getBytes()), SMALL));
        Expect.error(ErrorCode.TRN_011, () -> Frames.decode(compressedFrame(Arrays.copyOf(good, good.length - 1)), SMALL));
        Expect.error(ErrorCode.TRN_011, () -> Frames.decode(compressedFrame(new byte[0]), SMALL));
        byte[] trailingGarbage = Hex.concat(good, new byte[] {1, 2, 3});
        Expect.error(ErrorCode.TRN_011, () -> Frames.decode(compressedFrame(trailingGarbage), SMALL));
    }

    @Test
    void concatenatedZstdFramesDecompressToTheirConcatenation() {
        byte[] first = "first,".getBytes();
        byte[] second = "second".getBytes();
        byte[] payload = Hex.concat(com.github.luben.zstd.Zstd.compress(first, 3), com.github.luben.zstd.Zstd.compress(second, 3));
        assertArrayEquals(Hex.concat(first, second), Frames.decode(compressedFrame(payload), SMALL));
    }
}
