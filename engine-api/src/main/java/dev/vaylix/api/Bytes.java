package dev.vaylix.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes with value semantics.
 *
 * <p>Records compare {@code byte[]} components by reference, so every byte payload that appears in a
 * record (values, log payloads, snapshots) is wrapped in this type instead. Ordering is unsigned
 * lexicographic, the order of keys on disk and on the wire.
 *
 * <p>Ownership: {@link #of(byte[])} copies its argument and {@link #toByteArray()} returns a copy, so
 * no caller can change a {@code Bytes} after the fact. {@link #wrapUnsafe(byte[])} skips the copy for
 * hot paths that provably never touch the array again; it is named so a reviewer sees each use.
 *
 * <p>Thread-safety: instances are immutable and safe to share.
 */
public final class Bytes implements Comparable<Bytes> {

    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;
    private int hash; // 0 = not yet computed; racy single-check caching as in String

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}; later changes to the array do not affect the result. */
    public static Bytes of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /** A copy of {@code length} bytes of {@code bytes} starting at {@code offset}. */
    public static Bytes of(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /**
     * Takes ownership of {@code bytes} without copying. The caller promises never to modify the array
     * afterwards (typically it was just allocated to decode into).
     */
    public static Bytes wrapUnsafe(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    /** The remaining bytes of {@code buffer}, copied; the buffer's position is not changed. */
    public static Bytes copyOf(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return wrapUnsafe(copy);
    }

    /** The UTF-8 encoding of {@code text}. Unpaired surrogates are rejected rather than replaced. */
    public static Bytes utf8(String text) {
        return wrapUnsafe(Utf8.encode(text));
    }

    /** Parses lower- or upper-case hex digits (no separators). */
    public static Bytes fromHex(String hex) {
        return wrapUnsafe(HEX.parseHex(hex));
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** A read-only view of the content, without copying (the content never changes). */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** Copies the content into {@code target} at its position, advancing it. */
    public void writeTo(ByteBuffer target) {
        target.put(bytes);
    }

    /** Copies the content into {@code target} starting at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    public Bytes slice(int offset, int length) {
        if (offset == 0 && length == bytes.length) {
            return this;
        }
        return of(bytes, offset, length);
    }

    public Bytes concat(Bytes other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        byte[] joined = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
        System.arraycopy(other.bytes, 0, joined, bytes.length, other.bytes.length);
        return wrapUnsafe(joined);
    }

    public boolean startsWith(Bytes prefix) {
        return prefix.bytes.length <= bytes.length
                && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    /** True if the content is well-formed UTF-8 (no overlong forms, no surrogates, ≤ U+10FFFF). */
    public boolean isValidUtf8() {
        return Utf8.isValid(bytes, 0, bytes.length);
    }

    /**
     * Decodes the content as UTF-8.
     *
     * @throws VaylixException {@link ErrorCode#TRN_012} if the content is not valid UTF-8
     */
    public String utf8String() {
        return Utf8.decode(bytes, 0, bytes.length);
    }

    /** Lower-case hex of every byte, no separators. */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && bytes.length > 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    /** Readable form for logs and test failures: the text if printable UTF-8, else {@code 0x<hex>}. */
    @Override
    public String toString() {
        if (isValidUtf8()) {
            String text = utf8String();
            if (text.codePoints().noneMatch(Character::isISOControl)) {
                return '"' + text + '"';
            }
        }
        return "0x" + toHex();
    }

    /** Strict UTF-8 helpers shared by {@link Bytes} and {@link Key}. */
    static final class Utf8 {
        private Utf8() {
        }

        static byte[] encode(String text) {
            var encoder = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                ByteBuffer encoded = encoder.encode(CharBuffer.wrap(text));
                byte[] out = new byte[encoded.remaining()];
                encoded.get(out);
                return out;
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("text contains an unpaired surrogate and has no UTF-8 form");
            }
        }

        static String decode(byte[] bytes, int offset, int length) {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
            } catch (CharacterCodingException e) {
                throw ErrorCode.TRN_012.exception();
            }
        }

        static boolean isValid(byte[] bytes, int offset, int length) {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                decoder.decode(ByteBuffer.wrap(bytes, offset, length));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        /** True if {@code text} has no unpaired surrogate, i.e. it has a UTF-8 encoding. */
        static boolean isWellFormed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
