package dev.vaylix.server.rbac;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * A strict MessagePack reader for the auth codecs: every malformed, truncated or oversized input
 * becomes {@link ErrorCode#SRV_026}, never another exception and never an allocation larger than
 * the input (lengths are checked against the bytes that remain before anything is read).
 *
 * <p>It also accepts only the shortest encoding of each header and integer, the one msgpack-core's
 * packer writes ({@link MsgpackOut}), so one value has exactly one accepted byte form: a decoded
 * state re-encodes to the very bytes it came from, and replicas can compare encodings.
 *
 * <p>Not thread-safe; one instance per decode.
 */
final class MsgpackIn implements AutoCloseable {

    private final MessageUnpacker unpacker;
    private final long totalBytes;

    MsgpackIn(byte[] input) {
        this.unpacker = MessagePack.newDefaultUnpacker(input);
        this.totalBytes = input.length;
    }

    static VaylixException malformed(String detail) {
        return ErrorCode.SRV_026.exception(detail);
    }

    /** Reads an array header and requires exactly {@code expected} elements. */
    void arrayOf(int expected, String what) {
        int length = array(what);
        if (length != expected) {
            throw malformed(what + " has " + length + " fields, expected " + expected);
        }
    }

    /** Reads an array header; the length is bounded by the remaining bytes (each element takes ≥ 1). */
    int array(String what) {
        expect(ValueType.ARRAY, what);
        try {
            long before = unpacker.getTotalReadBytes();
            int length = unpacker.unpackArrayHeader();
            if (length < 0 || length > remaining()) {
                throw malformed(what + " claims " + Integer.toUnsignedString(length) + " elements, more than the input holds");
            }
            requireShortest(before, length < 16 ? 1 : length < 65_536 ? 3 : 5, what);
            return length;
        } catch (IOException | MessagePackException e) {
            throw malformed(what + ": " + e.getMessage());
        }
    }

    long uint64AsLong(String what) {
        expect(ValueType.INTEGER, what);
        try {
            long before = unpacker.getTotalReadBytes();
            long value = unpacker.unpackLong();
            requireShortest(before, integerSize(value), what);
            return value;
        } catch (IOException | MessagePackException e) {
            throw malformed(what + " is not a 64-bit integer");
        }
    }

    int smallInt(String what) {
        expect(ValueType.INTEGER, what);
        try {
            long before = unpacker.getTotalReadBytes();
            int value = unpacker.unpackInt();
            requireShortest(before, integerSize(value), what);
            return value;
        } catch (IOException | MessagePackException e) {
            throw malformed(what + " is not a 32-bit integer");
        }
    }

    boolean bool(String what) {
        expect(ValueType.BOOLEAN, what);
        try {
            return unpacker.unpackBoolean();
        } catch (IOException | MessagePackException e) {
            throw malformed(what + ": " + e.getMessage());
        }
    }

    /** A strictly valid UTF-8 string (no replacement of malformed bytes). */
    String string(String what) {
        expect(ValueType.STRING, what);
        try {
            long before = unpacker.getTotalReadBytes();
            int length = unpacker.unpackRawStringHeader();
            if (length < 0 || length > remaining()) {
                throw malformed(what + " claims " + Integer.toUnsignedString(length) + " bytes, more than the input holds");
            }
            requireShortest(before, length < 32 ? 1 : length < 256 ? 2 : length < 65_536 ? 3 : 5, what);
            byte[] utf8 = unpacker.readPayload(length);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(what + " is not valid UTF-8");
        } catch (IOException | MessagePackException e) {
            throw malformed(what + ": " + e.getMessage());
        }
    }

    /** True (and consumed) if the next value is nil. */
    boolean nil(String what) {
        try {
            if (!unpacker.hasNext()) {
                throw malformed("input ends before " + what);
            }
            if (unpacker.getNextFormat().getValueType() == ValueType.NIL) {
                unpacker.unpackNil();
                return true;
            }
            return false;
        } catch (IOException | MessagePackException e) {
            throw malformed(what + ": " + e.getMessage());
        }
    }

    /** Requires that every byte was consumed. */
    void end() {
        try {
            if (unpacker.hasNext()) {
                throw malformed(remaining() + " trailing bytes");
            }
        } catch (IOException e) {
            throw malformed(e.getMessage());
        }
    }

    private void requireShortest(long before, int expectedBytes, String what) {
        if (unpacker.getTotalReadBytes() - before != expectedBytes) {
            throw malformed(what + " is not in its shortest encoding");
        }
    }

    /** Bytes of the shortest MessagePack integer encoding, as msgpack-core's {@code packLong} writes it. */
    static int integerSize(long value) {
        if (value >= -32 && value < 128) {
            return 1;
        }
        if (value < 0) {
            return value >= -128 ? 2 : value >= -32_768 ? 3 : value >= Integer.MIN_VALUE ? 5 : 9;
        }
        return value < 256 ? 2 : value < 65_536 ? 3 : value < (1L << 32) ? 5 : 9;
    }

    private long remaining() {
        return totalBytes - unpacker.getTotalReadBytes();
    }

    private void expect(ValueType type, String what) {
        try {
            if (!unpacker.hasNext()) {
                throw malformed("input ends before " + what);
            }
            ValueType actual = unpacker.getNextFormat().getValueType();
            if (actual != type) {
                throw malformed(what + " is a " + actual.name().toLowerCase(java.util.Locale.ROOT) + ", expected "
                        + type.name().toLowerCase(java.util.Locale.ROOT));
            }
        } catch (IOException | MessagePackException e) {
            throw malformed(what + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            unpacker.close();
        } catch (IOException e) {
            throw malformed(e.getMessage());
        }
    }
}
