package dev.vaylix.api.engine;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reader for {@link WriteBatchCodec}. Every read checks the remaining length first,
 * and every failure is {@code ENG-014} naming the field and the offset, so no malformed payload can
 * cause an out-of-bounds read, a huge allocation or a non-canonical value. Not thread-safe.
 */
final class PayloadReader {

    private final ByteBuffer in;
    private final int start;

    PayloadReader(ByteBuffer in) {
        this.in = in;
        this.start = in.position();
    }

    int remaining() {
        return in.remaining();
    }

    int u8(String field) {
        need(1, field);
        return in.get() & 0xFF;
    }

    boolean bool(String field) {
        int offset = offset();
        int value = u8(field);
        if (value > 1) {
            throw failure(field + " must be 0 or 1, found " + value, offset);
        }
        return value == 1;
    }

    /** Unsigned LEB128 in its shortest form (so every value has exactly one encoding). */
    long varint(String field) {
        int offset = offset();
        long value = 0;
        for (int i = 0; i < WriteBatchCodec.VARINT_MAX_BYTES; i++) {
            need(1, field);
            int b = in.get() & 0xFF;
            if (i == WriteBatchCodec.VARINT_MAX_BYTES - 1 && b > 1) {
                throw failure(field + " overflows 64 bits", offset);
            }
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw failure(field + " is not in its shortest encoding", offset);
                }
                return value;
            }
        }
        throw failure(field + " is longer than " + WriteBatchCodec.VARINT_MAX_BYTES + " bytes", offset);
    }

    /** A count of following items, each at least {@code minItemBytes} long; bounded by what remains. */
    int count(String field, int minItemBytes) {
        int offset = offset();
        long count = varint(field);
        if (Long.compareUnsigned(count, in.remaining() / minItemBytes) > 0) {
            throw failure(field + " " + Long.toUnsignedString(count) + " exceeds the remaining "
                    + in.remaining() + " bytes", offset);
        }
        return (int) count;
    }

    Bytes bytes(String field) {
        int length = length(field);
        byte[] copy = new byte[length];
        in.get(copy);
        return Bytes.wrapUnsafe(copy);
    }

    String text(String field) {
        int offset = offset();
        int length = length(field);
        ByteBuffer slice = in.slice(in.position(), length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer decoded = decoder.decode(slice);
            in.position(in.position() + length);
            return decoded.toString();
        } catch (CharacterCodingException e) {
            throw failure(field + " is not valid UTF-8", offset);
        }
    }

    Key key(String field) {
        return new Key(text(field));
    }

    int offset() {
        return in.position() - start;
    }

    VaylixException failure(String detail, int offset) {
        return ErrorCode.ENG_014.exception(detail + " at payload offset " + offset);
    }

    private int length(String field) {
        int offset = offset();
        long length = varint(field + " length");
        if (Long.compareUnsigned(length, in.remaining()) > 0) {
            throw failure(field + " length " + Long.toUnsignedString(length) + " exceeds the remaining "
                    + in.remaining() + " bytes", offset);
        }
        return (int) length;
    }

    private void need(int bytes, String field) {
        if (in.remaining() < bytes) {
            throw failure("payload truncated reading " + field, offset());
        }
    }
}
