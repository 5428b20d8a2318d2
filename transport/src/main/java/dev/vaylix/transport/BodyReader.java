package dev.vaylix.transport;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A bounds-checked big-endian reader over part of a byte array: the decoding side of the payload
 * primitives (§4).
 *
 * <p>Every read that runs past the end is {@code TRN-007}; a bool or presence byte other than 0/1 is
 * {@code TRN-008}; text that is not strict UTF-8 (overlong forms, surrogates, truncated sequences) is
 * {@code TRN-012}. Lengths read from the wire are compared with what remains before anything is
 * allocated, so a hostile length cannot make the reader allocate more than the input holds.
 *
 * <p>The reader never copies the input; values it returns ({@link Bytes}, {@link String}) are copies
 * and stay valid after the input buffer is reused. Not thread-safe; reusable through {@link #reset}.
 */
public final class BodyReader {

    private byte[] buffer = new byte[0];
    private int position;
    private int limit;
    private CharsetDecoder utf8Decoder; // created on the first non-ASCII string

    public BodyReader() {
    }

    public BodyReader(byte[] bytes) {
        reset(bytes, 0, bytes.length);
    }

    /** Reads {@code length} bytes of {@code bytes} from {@code offset}. The array is not copied. */
    public BodyReader reset(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length || offset + length < 0) {
            throw new IndexOutOfBoundsException("range [" + offset + ", +" + length + ") of " + bytes.length);
        }
        buffer = bytes;
        position = offset;
        limit = offset + length;
        return this;
    }

    /**
     * Reads the remaining bytes of {@code source} without changing its position. Heap buffers are read in
     * place; other buffers are copied once.
     */
    public BodyReader reset(ByteBuffer source) {
        if (source.hasArray()) {
            return reset(source.array(), source.arrayOffset() + source.position(), source.remaining());
        }
        byte[] copy = new byte[source.remaining()];
        source.duplicate().get(copy);
        return reset(copy, 0, copy.length);
    }

    /** An independent reader over the same remaining bytes (for look-ahead). */
    BodyReader copy() {
        BodyReader copy = new BodyReader();
        copy.buffer = buffer;
        copy.position = position;
        copy.limit = limit;
        return copy;
    }

    /** Skips {@code count} bytes ({@code TRN-007} if fewer remain). */
    public void skip(int count) {
        require(count);
        position += count;
    }

    public int remaining() {
        return limit - position;
    }

    public boolean hasRemaining() {
        return position < limit;
    }

    /** Fails with {@code TRN-007} unless at least {@code count} bytes remain. */
    public void require(long count) {
        if (count > limit - position) {
            throw ErrorCode.TRN_007.exception();
        }
    }

    /** Fails with {@code TRN-008} if any byte remains: every decoder consumes its input exactly. */
    public void expectEnd() {
        if (position != limit) {
            throw ErrorCode.TRN_008.exception();
        }
    }

    public int u8() {
        require(1);
        return buffer[position++] & 0xFF;
    }

    /** A byte that must be 0 or 1 ({@code TRN-008} otherwise): bools and presence flags. */
    public boolean bool() {
        return switch (u8()) {
            case 0 -> false;
            case 1 -> true;
            default -> throw ErrorCode.TRN_008.exception();
        };
    }

    public int u16() {
        require(2);
        int value = ((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    /** An unsigned 32-bit value. */
    public long u32() {
        require(4);
        long value = getInt(buffer, position) & 0xFFFF_FFFFL;
        position += 4;
        return value;
    }

    /** A u64 or i64; unsigned values must be compared with {@link Long#compareUnsigned}. */
    public long u64() {
        require(8);
        long value = ((long) getInt(buffer, position) << 32) | (getInt(buffer, position + 4) & 0xFFFF_FFFFL);
        position += 8;
        return value;
    }

    public UUID uuid() {
        require(16);
        return new UUID(u64(), u64());
    }

    /** {@code str16}. */
    public String str16() {
        return utf8(u16());
    }

    /** {@code str32}. */
    public String str32() {
        return utf8(u32());
    }

    /** {@code bytes32}: a copy of the bytes. */
    public Bytes bytes32() {
        long length = u32();
        require(length);
        return take((int) length);
    }

    /** A copy of everything that remains. */
    public Bytes rest() {
        return take(limit - position);
    }

    private Bytes take(int length) {
        Bytes bytes = Bytes.of(buffer, position, length);
        position += length;
        return bytes;
    }

    private String utf8(long length) {
        require(length);
        int n = (int) length;
        int start = position;
        boolean ascii = true;
        for (int i = start; i < start + n; i++) {
            if (buffer[i] < 0) {
                ascii = false;
                break;
            }
        }
        String text;
        if (ascii) {
            // Latin-1 of ASCII bytes is the same text and lets the JDK keep a compact string without decoding.
            text = new String(buffer, start, n, StandardCharsets.ISO_8859_1);
        } else {
            text = strictUtf8(start, n);
        }
        position += n;
        return text;
    }

    private String strictUtf8(int offset, int length) {
        if (utf8Decoder == null) {
            utf8Decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            return utf8Decoder.reset().decode(ByteBuffer.wrap(buffer, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw ErrorCode.TRN_012.exception();
        }
    }

    static int getInt(byte[] source, int offset) {
        return ((source[offset] & 0xFF) << 24) | ((source[offset + 1] & 0xFF) << 16)
                | ((source[offset + 2] & 0xFF) << 8) | (source[offset + 3] & 0xFF);
    }
}
