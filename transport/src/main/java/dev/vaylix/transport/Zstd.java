package dev.vaylix.transport;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * zstd for frame payloads (§1.2 step 9, §1.3 step 3), with the bounds a network-facing decoder needs.
 *
 * <p><b>Decompression never produces more than {@code limit + 1} bytes and never allocates more than
 * about {@code limit} bytes</b>, whatever the compressed input claims:
 * <ul>
 *   <li>Fast path: a payload that is exactly one zstd frame whose header declares a content size
 *       &le; {@code limit} is decoded in one shot straight into a buffer of that size (no window buffer).
 *       If that fails for any reason the streaming path runs instead, so that the error reported is the
 *       one the streaming decoder of the reference would report.</li>
 *   <li>Streaming path: output is pulled in chunks into a buffer that grows with the data actually
 *       produced and stops at {@code limit + 1} bytes ({@code TRN-017}). The decoder's window is capped
 *       at {@link #WINDOW_LOG_MAX} (8 MiB, the largest body), so a frame that declares a giant window
 *       cannot make the native decoder allocate it; such a frame fails with {@code TRN-011}.</li>
 * </ul>
 *
 * <p>Compression and one-shot decompression contexts are expensive native objects (a level-3 compression
 * context holds about a megabyte of tables), so they are shared through small bounded pools rather than
 * held per connection. Thread-safe.
 */
final class Zstd {

    /** log2 of {@link Vtp2#MAX_FRAME_LEN}: no legitimate body needs a larger window. */
    static final int WINDOW_LOG_MAX = 23;

    private static final int POOL_SIZE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final ArrayBlockingQueue<ZstdCompressCtx> COMPRESSORS = new ArrayBlockingQueue<>(POOL_SIZE);
    private static final ArrayBlockingQueue<ZstdDecompressCtx> DECOMPRESSORS = new ArrayBlockingQueue<>(POOL_SIZE);

    /** Output chunk of the streaming path. */
    private static final int STREAM_CHUNK_BYTES = 64 * 1024;
    /** A streaming output buffer starts this large and doubles as data arrives. */
    private static final int STREAM_INITIAL_BYTES = 16 * 1024;

    private Zstd() {
    }

    /** Worst-case compressed size of {@code length} input bytes. */
    static int compressBound(int length) {
        return (int) com.github.luben.zstd.Zstd.compressBound(length);
    }

    /**
     * Compresses {@code src[srcOffset, +srcLength)} as one zstd frame (level 3, content size in the header)
     * into {@code dst} from {@code dstOffset}, which must have {@link #compressBound} bytes of room.
     *
     * @return the compressed length
     * @throws VaylixException TRN-011 if the library fails
     */
    static int compress(byte[] dst, int dstOffset, byte[] src, int srcOffset, int srcLength) {
        ZstdCompressCtx ctx = COMPRESSORS.poll();
        try {
            if (ctx == null) {
                ctx = new ZstdCompressCtx().setLevel(Vtp2.ZSTD_LEVEL).setContentSize(true).setChecksum(false);
            }
            return ctx.compressByteArray(dst, dstOffset, dst.length - dstOffset, src, srcOffset, srcLength);
        } catch (RuntimeException e) {
            // ZstdException, or IllegalStateException from a closed context: the library failed.
            throw new VaylixException(ErrorCode.TRN_011, ErrorCode.TRN_011.message(), e);
        } finally {
            if (ctx != null && !COMPRESSORS.offer(ctx)) {
                ctx.close();
            }
        }
    }

    /** Receives the output of {@link #decompress}: a buffer to grow and the number of valid bytes. */
    interface Output {
        /** A buffer of at least {@code capacity} bytes whose first {@code keep} bytes are those of the previous one. */
        byte[] grow(int capacity, int keep);
    }

    /**
     * Decompresses a whole payload.
     *
     * @param limit the largest acceptable body ({@code max_decompressed_frame_len})
     * @return the body length; the body is in the last array returned by {@code output.grow}, from index 0
     * @throws VaylixException TRN-011 for any decoder error, TRN-017 if the output exceeds {@code limit}
     */
    static int decompress(byte[] src, int offset, int length, int limit, Output output) {
        if (length == 0) {
            // A compressed payload holds at least one zstd frame; libzstd's streaming reader would call an empty
            // input an empty body, the reference's decoder calls it an incomplete frame.
            throw ErrorCode.TRN_011.exception();
        }
        int fast = tryOneShot(src, offset, length, limit, output);
        if (fast >= 0) {
            return fast;
        }
        return stream(src, offset, length, limit, output);
    }

    /** The one-shot fast path; -1 when it does not apply or fails. */
    private static int tryOneShot(byte[] src, int offset, int length, int limit, Output output) {
        long contentSize;
        long frameSize;
        try {
            contentSize = com.github.luben.zstd.Zstd.getFrameContentSize(src, offset, length);
            if (contentSize < 0 || contentSize > limit) {
                return -1; // unknown size, error, or too big: let the streaming path decide
            }
            frameSize = com.github.luben.zstd.Zstd.findFrameCompressedSize(src, offset, length);
        } catch (RuntimeException e) {
            return -1;
        }
        if (frameSize != length) {
            return -1; // several frames or trailing bytes
        }
        byte[] target = output.grow((int) contentSize, 0);
        ZstdDecompressCtx ctx = DECOMPRESSORS.poll();
        try {
            if (ctx == null) {
                ctx = new ZstdDecompressCtx();
            }
            int produced = ctx.decompressByteArray(target, 0, (int) contentSize, src, offset, length);
            return produced == contentSize ? produced : -1;
        } catch (RuntimeException e) {
            if (ctx != null) {
                ctx.reset();
            }
            return -1;
        } finally {
            if (ctx != null && !DECOMPRESSORS.offer(ctx)) {
                ctx.close();
            }
        }
    }

    private static int stream(byte[] src, int offset, int length, int limit, Output output) {
        int cap = limit + 1; // read one byte past the limit to detect "too large", never more
        byte[] target = output.grow(Math.min(cap, STREAM_INITIAL_BYTES), 0);
        int produced = 0;
        // Each read either produces output or consumes input; a decoder that does neither for longer than the
        // input is long is stuck, and the loop must end anyway.
        long idleReadsMax = (long) length + 64;
        long idleReads = 0;
        try (var in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(src, offset, length),
                RecyclingBufferPool.INSTANCE)) {
            in.setLongMax(WINDOW_LOG_MAX);
            while (produced < cap) {
                if (produced == target.length) {
                    target = output.grow((int) Math.min(cap, (long) target.length * 2), produced);
                }
                int room = Math.min(target.length - produced, STREAM_CHUNK_BYTES);
                int n = in.read(target, produced, room);
                if (n < 0) {
                    break;
                }
                if (n == 0 && ++idleReads > idleReadsMax) {
                    throw ErrorCode.TRN_011.exception();
                }
                produced += n;
            }
        } catch (VaylixException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new VaylixException(ErrorCode.TRN_011, ErrorCode.TRN_011.message(), e);
        }
        if (produced > limit) {
            throw ErrorCode.TRN_017.exception(produced, limit);
        }
        return produced;
    }
}
