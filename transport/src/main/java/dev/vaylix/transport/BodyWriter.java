package dev.vaylix.transport;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import java.util.Arrays;
import java.util.UUID;

/**
 * A reusable, growable big-endian writer for one frame body: hellos, request and response bodies and
 * their payload primitives (§4).
 *
 * <p>The first {@link Vtp2#HEADER_BYTES} bytes of the backing array are reserved, so that
 * {@link FrameWriter} can put the frame header in front of an uncompressed body and hand header and
 * body to the socket in one write, without copying the body. {@link #reset()} makes the writer ready
 * for the next body; a connection keeps one writer and reuses it for every frame it sends.
 *
 * <p>Strings are encoded as strict UTF-8 directly into the buffer (no intermediate array). Length
 * prefixes are checked: a string or byte run that does not fit its prefix is {@code TRN-008} (§4);
 * a string with an unpaired surrogate has no UTF-8 form and is {@code TRN-012}. A body can never grow
 * beyond {@link Vtp2#MAX_FRAME_LEN} ({@code TRN-006}), because no frame could carry it.
 *
 * <p>Not thread-safe: one writer per sending thread (connections serialise their senders).
 */
public final class BodyWriter {

    private static final int RESERVED = Vtp2.HEADER_BYTES;
    private static final int MAX_U16 = 0xFFFF;
    /** A writer whose buffer grew beyond this is shrunk again by {@link #reset()}: big bodies are rare. */
    private static final int RETAINED_CAPACITY_BYTES = 256 * 1024;
    private static final int INITIAL_CAPACITY_BYTES = 512;

    private byte[] buffer;
    private int position;

    public BodyWriter() {
        this(INITIAL_CAPACITY_BYTES);
    }

    public BodyWriter(int initialCapacityBytes) {
        buffer = new byte[RESERVED + Math.max(16, initialCapacityBytes)];
        position = RESERVED;
    }

    /** Forgets the current body. Returns this writer. */
    public BodyWriter reset() {
        if (buffer.length > RESERVED + RETAINED_CAPACITY_BYTES) {
            buffer = new byte[RESERVED + INITIAL_CAPACITY_BYTES];
        }
        position = RESERVED;
        return this;
    }

    /** Bytes written since the last reset. */
    public int length() {
        return position - RESERVED;
    }

    /** Drops everything written after the first {@code length} body bytes (undoes a partial write). */
    void truncate(int length) {
        if (length < 0 || length > length()) {
            throw new IllegalArgumentException("cannot truncate a body of " + length() + " bytes to " + length);
        }
        position = RESERVED + length;
    }

    /** A copy of the body. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(buffer, RESERVED, position);
    }

    /** The backing array: the body starts at {@link Vtp2#HEADER_BYTES}; the bytes before it are scratch space. */
    byte[] array() {
        return buffer;
    }

    public BodyWriter u8(int value) {
        ensure(1);
        buffer[position++] = (byte) value;
        return this;
    }

    public BodyWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    public BodyWriter u16(int value) {
        ensure(2);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
        return this;
    }

    /** The low 32 bits of {@code value}, big-endian. */
    public BodyWriter u32(long value) {
        ensure(4);
        putInt(buffer, position, (int) value);
        position += 4;
        return this;
    }

    /** A u64 or an i64: the 64 bits of {@code value}, big-endian. */
    public BodyWriter u64(long value) {
        ensure(8);
        putLong(buffer, position, value);
        position += 8;
        return this;
    }

    /** 16 bytes, most significant first (§ conventions). */
    public BodyWriter uuid(UUID uuid) {
        return u64(uuid.getMostSignificantBits()).u64(uuid.getLeastSignificantBits());
    }

    /** Raw bytes, no length prefix. */
    public BodyWriter raw(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
        return this;
    }

    /** Raw bytes, no length prefix. */
    public BodyWriter raw(Bytes bytes) {
        ensure(bytes.length());
        bytes.copyTo(buffer, position);
        position += bytes.length();
        return this;
    }

    /** {@code bytes32}: u32 length + raw bytes. */
    public BodyWriter bytes32(Bytes bytes) {
        u32(bytes.length());
        return raw(bytes);
    }

    /** {@code str16}: u16 byte length + UTF-8. */
    public BodyWriter str16(String text) {
        int length = utf8Length(text);
        if (length > MAX_U16) {
            throw ErrorCode.TRN_008.exception();
        }
        u16(length);
        return utf8(text, length);
    }

    /** {@code str32}: u32 byte length + UTF-8. (A Java string cannot exceed the u32 range.) */
    public BodyWriter str32(String text) {
        int length = utf8Length(text);
        u32(length);
        return utf8(text, length);
    }

    /** A presence byte, then {@code str16} if present. */
    public BodyWriter optStr16(String textOrNull) {
        if (textOrNull == null) {
            return u8(0);
        }
        return u8(1).str16(textOrNull);
    }

    /** A u16 count prefix for a list of {@code size} items; more than 65 535 items is {@code TRN-008}. */
    public BodyWriter count16(int size) {
        if (size > MAX_U16) {
            throw ErrorCode.TRN_008.exception();
        }
        return u16(size);
    }

    private BodyWriter utf8(String text, int utf8Length) {
        ensure(utf8Length);
        byte[] out = buffer;
        int p = position;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >>> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                // utf8Length already proved the pair is complete.
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[p++] = (byte) (0xF0 | (codePoint >>> 18));
                out[p++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3F));
                out[p++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (codePoint & 0x3F));
            } else {
                out[p++] = (byte) (0xE0 | (c >>> 12));
                out[p++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        assert p == position + utf8Length : "UTF-8 length mismatch";
        position = p;
        return this;
    }

    /**
     * The UTF-8 length of {@code text}.
     *
     * @throws dev.vaylix.api.VaylixException TRN-012 if the text has an unpaired surrogate (no UTF-8 form)
     */
    static int utf8Length(String text) {
        int n = text.length();
        long length = n; // one byte per char, plus the extra bytes below
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    length += 1;
                } else if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        throw ErrorCode.TRN_012.exception();
                    }
                    length += 2; // 4 bytes for two chars
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    throw ErrorCode.TRN_012.exception();
                } else {
                    length += 2;
                }
            }
        }
        if (length > Vtp2.MAX_FRAME_LEN) {
            throw ErrorCode.TRN_006.exception(length, Vtp2.MAX_FRAME_LEN);
        }
        return (int) length;
    }

    private void ensure(int more) {
        int needed = position + more;
        if (needed - RESERVED > Vtp2.MAX_FRAME_LEN || needed < 0) {
            throw ErrorCode.TRN_006.exception((long) position - RESERVED + more, Vtp2.MAX_FRAME_LEN);
        }
        if (needed > buffer.length) {
            int grown = (int) Math.min((long) RESERVED + Vtp2.MAX_FRAME_LEN, Math.max(needed, (long) buffer.length * 2));
            buffer = Arrays.copyOf(buffer, grown);
        }
    }

    static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }

    static void putLong(byte[] target, int offset, long value) {
        putInt(target, offset, (int) (value >>> 32));
        putInt(target, offset + 4, (int) value);
    }
}
