package dev.vaylix.server.state;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.engine.EngineSnapshot;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The snapshot of the whole replicated state: the engine's image and the auth state's image in one
 * versioned container (docs/LOG_PAYLOAD.md, "State snapshot"). Storage encrypts and checksums it.
 *
 * <pre>
 * image = magic "VXSM" (4) | version u8 (= 1) | applied_index u64
 *       | engine_length u32 | engine image (the engine's own self-describing encoding)
 *       | auth_length u32   | auth image (AuthStateCodec)
 * HEADER_BYTES = 4 + 1 + 8 = 13; integers big-endian; nothing may follow the auth image
 * </pre>
 *
 * @param appliedIndex the last log index both images include
 * @param engine       the engine's image (its own applied index must equal {@code appliedIndex})
 * @param auth         the auth state's encoding
 */
public record StateImage(long appliedIndex, Bytes engine, Bytes auth) {

    static final byte[] MAGIC = "VXSM".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BYTES = 4 + 1 + 8;

    public StateImage {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(auth, "auth");
        if (appliedIndex < 0) {
            throw new IllegalArgumentException("applied index is non-negative: " + appliedIndex);
        }
    }

    /** The engine part as the engine restores it. */
    public EngineSnapshot engineSnapshot() {
        return new EngineSnapshot(appliedIndex, engine);
    }

    /** The container bytes; owned by the caller. */
    public Bytes encode() {
        long total = (long) HEADER_BYTES + 4 + engine.length() + 4 + auth.length();
        if (total > Integer.MAX_VALUE - 16) {
            throw ErrorCode.ENG_003.exception("state image of " + total + " bytes exceeds 2 GiB");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total);
        out.put(MAGIC).put((byte) VERSION).putLong(appliedIndex);
        out.putInt(engine.length());
        engine.writeTo(out);
        out.putInt(auth.length());
        auth.writeTo(out);
        return Bytes.wrapUnsafe(out.array());
    }

    /**
     * Decodes a container written by {@link #encode}.
     *
     * @throws dev.vaylix.api.VaylixException ENG-009 (resource {@code snapshot}) for another magic or
     *                                        version; ENG-004 for anything malformed
     */
    public static StateImage decode(Bytes image) {
        ByteBuffer in = image.asReadOnlyBuffer();
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            int version = in.get() & 0xFF;
            if (!Arrays.equals(magic, MAGIC) || version != VERSION) {
                throw ErrorCode.ENG_009.exception("snapshot");
            }
            long appliedIndex = in.getLong();
            if (appliedIndex < 0) {
                throw ErrorCode.ENG_004.exception("state image applied index out of range");
            }
            Bytes engine = part(in, "engine image");
            Bytes auth = part(in, "auth image");
            if (in.hasRemaining()) {
                throw ErrorCode.ENG_004.exception(in.remaining() + " trailing bytes after the state image");
            }
            return new StateImage(appliedIndex, engine, auth);
        } catch (BufferUnderflowException e) {
            throw ErrorCode.ENG_004.exception("state image truncated");
        }
    }

    private static Bytes part(ByteBuffer in, String what) {
        long length = in.getInt() & 0xFFFF_FFFFL;
        if (length > in.remaining()) {
            throw ErrorCode.ENG_004.exception(what + " length " + length + " exceeds the " + in.remaining() + " bytes left");
        }
        byte[] bytes = new byte[(int) length];
        in.get(bytes);
        return Bytes.wrapUnsafe(bytes);
    }
}
