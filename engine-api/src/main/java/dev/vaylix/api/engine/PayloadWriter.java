package dev.vaylix.api.engine;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Growable byte buffer with the primitive encodings of {@link WriteBatchCodec}. Not thread-safe. */
final class PayloadWriter {

    private byte[] buffer;
    private int size;

    PayloadWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    void u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void bool(boolean value) {
        u8(value ? 1 : 0);
    }

    /** Unsigned LEB128: 7 bits per byte, low group first, high bit set on every byte but the last. */
    void varint(long value) {
        ensure(WriteBatchCodec.VARINT_MAX_BYTES);
        while ((value & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
    }

    void bytes(Bytes value) {
        varint(value.length());
        ensure(value.length());
        value.copyTo(buffer, size);
        size += value.length();
    }

    /** Length-prefixed strict UTF-8; a string with an unpaired surrogate has no encoding (ENG-013). */
    void text(String value, String field) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer encoded;
        try {
            encoded = encoder.encode(CharBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw ErrorCode.ENG_013.exception(field + " contains an unpaired surrogate and has no UTF-8 form");
        }
        int length = encoded.remaining();
        varint(length);
        ensure(length);
        encoded.get(buffer, size, length);
        size += length;
    }

    Bytes toBytes() {
        return Bytes.wrapUnsafe(Arrays.copyOf(buffer, size));
    }

    private void ensure(int extra) {
        if (buffer.length - size < extra) {
            long wanted = Math.max((long) buffer.length * 2, (long) size + extra);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw ErrorCode.ENG_013.exception("log payload larger than 2 GiB");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}
