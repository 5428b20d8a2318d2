package dev.vaylix.raft.message;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reader over untrusted bytes. Every read is bounds-checked: running out of input is
 * TRN-007, a value outside its allowed range TRN-008, malformed UTF-8 TRN-012. Never allocates more
 * than the input can hold (lengths are checked against the remaining bytes before allocating).
 */
final class WireReader {

    private final ByteBuffer buffer;

    WireReader(Bytes input) {
        this.buffer = input.asReadOnlyBuffer();
    }

    static VaylixException corrupted(String detail) {
        return new VaylixException(ErrorCode.TRN_008, ErrorCode.TRN_008.message() + ": " + detail);
    }

    private void need(long count) {
        if (count > buffer.remaining()) {
            throw new VaylixException(ErrorCode.TRN_007,
                    ErrorCode.TRN_007.message() + ": need " + count + " bytes, " + buffer.remaining() + " left");
        }
    }

    int u8() {
        need(1);
        return buffer.get() & 0xFF;
    }

    boolean bool() {
        int value = u8();
        if (value > 1) {
            throw corrupted("boolean byte " + value);
        }
        return value == 1;
    }

    int u16() {
        need(2);
        return buffer.getShort() & 0xFFFF;
    }

    long u32() {
        need(4);
        return buffer.getInt() & 0xFFFF_FFFFL;
    }

    long i64() {
        need(8);
        return buffer.getLong();
    }

    /** A u64 that must be in {@code [0, Long.MAX_VALUE]} (indexes, terms, sizes). */
    long u63(String name) {
        long value = i64();
        if (value < 0) {
            throw corrupted(name + " out of range");
        }
        return value;
    }

    String str16(int maxBytes, String name) {
        int length = u16();
        if (length > maxBytes) {
            throw corrupted(name + " longer than " + maxBytes + " bytes");
        }
        need(length);
        ByteBuffer slice = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice)
                    .toString();
        } catch (CharacterCodingException e) {
            throw ErrorCode.TRN_012.exception();
        }
    }

    Bytes bytes32(long maxBytes, String name) {
        long length = u32();
        if (length > maxBytes) {
            throw corrupted(name + " longer than " + maxBytes + " bytes");
        }
        need(length);
        byte[] out = new byte[(int) length];
        buffer.get(out);
        return Bytes.wrapUnsafe(out);
    }

    int remaining() {
        return buffer.remaining();
    }

    void expectEnd() {
        if (buffer.hasRemaining()) {
            throw corrupted(buffer.remaining() + " trailing bytes");
        }
    }
}
