package dev.vaylix.raft.message;

import dev.vaylix.api.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Big-endian writer into a growing array. Single use, not thread-safe. */
final class WireWriter {

    private byte[] buffer;
    private int position;

    WireWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        int needed = position + extra;
        if (needed < 0) {
            throw new IllegalArgumentException("message exceeds 2 GiB");
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }

    void u8(int value) {
        ensure(1);
        buffer[position++] = (byte) value;
    }

    void bool(boolean value) {
        u8(value ? 1 : 0);
    }

    void u16(int value) {
        ensure(2);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    void u32(long value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[position++] = (byte) (value >>> shift);
        }
    }

    void i64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[position++] = (byte) (value >>> shift);
        }
    }

    /** A string as u16 length + UTF-8 bytes. */
    void str16(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new IllegalArgumentException("string too long for str16");
        }
        u16(utf8.length);
        raw(utf8);
    }

    /** Bytes as u32 length + content. */
    void bytes32(Bytes value) {
        u32(value.length());
        ensure(value.length());
        value.copyTo(buffer, position);
        position += value.length();
    }

    void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    Bytes toBytes() {
        return Bytes.wrapUnsafe(Arrays.copyOf(buffer, position));
    }
}
