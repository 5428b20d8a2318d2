package dev.vaylix.storage.format;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;

/**
 * Strict reading of a MessagePack map with string keys (the metadata inside snapshots, manifests and
 * keyrings), and the few packing helpers the writers share. A missing field or a field of the wrong
 * type is an error with the caller's code; unknown fields are ignored so a later format can add some.
 */
public final class MsgpackFields {

    static {
        // msgpack-core's default buffer uses sun.misc.Unsafe, which JDK 24+ warns about on stderr at
        // first use; its "universal" buffer does not. Our MessagePack is small metadata, so its speed is
        // irrelevant. Set only if the operator has not chosen, and before any msgpack class loads here.
        if (System.getProperty("msgpack.universal-buffer") == null) {
            System.setProperty("msgpack.universal-buffer", "true");
        }
    }

    private final Map<Value, Value> fields;
    private final String what;
    private final ErrorCode code;

    private MsgpackFields(Map<Value, Value> fields, String what, ErrorCode code) {
        this.fields = fields;
        this.what = what;
        this.code = code;
    }

    /**
     * Decodes {@code bytes}, which must hold exactly one map.
     *
     * @param what names the document in error messages
     * @param code the error code for malformed content
     */
    public static MsgpackFields decode(byte[] bytes, String what, ErrorCode code) {
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
            Value value = unpacker.unpackValue();
            if (unpacker.hasNext()) {
                throw new VaylixException(code, code.message(what + ": trailing bytes after the map"));
            }
            if (!value.isMapValue()) {
                throw new VaylixException(code, code.message(what + ": expected a map"));
            }
            return new MsgpackFields(value.asMapValue().map(), what, code);
        } catch (IOException | RuntimeException e) {
            if (e instanceof VaylixException coded) {
                throw coded;
            }
            throw new VaylixException(code, code.message(what + ": " + e.getMessage()), e);
        }
    }

    private Value field(String name) {
        Value value = fields.get(ValueFactory.newString(name));
        if (value == null || value.isNilValue()) {
            throw fail("missing field '" + name + "'");
        }
        return value;
    }

    private VaylixException fail(String detail) {
        return new VaylixException(code, code.message(what + ": " + detail));
    }

    /** A non-negative integer field. */
    public long u64(String name) {
        Value value = field(name);
        if (!value.isIntegerValue() || !value.asIntegerValue().isInLongRange() || value.asIntegerValue().asLong() < 0) {
            throw fail("field '" + name + "' is not a non-negative integer");
        }
        return value.asIntegerValue().asLong();
    }

    public byte[] bin(String name) {
        Value value = field(name);
        if (!value.isBinaryValue()) {
            throw fail("field '" + name + "' is not binary");
        }
        return value.asBinaryValue().asByteArray();
    }

    /** A binary field of exactly {@code length} bytes. */
    public byte[] bin(String name, int length) {
        byte[] bytes = bin(name);
        if (bytes.length != length) {
            throw fail("field '" + name + "' is " + bytes.length + " bytes, expected " + length);
        }
        return bytes;
    }

    public String str(String name) {
        Value value = field(name);
        if (!value.isStringValue()) {
            throw fail("field '" + name + "' is not a string");
        }
        return value.asStringValue().asString();
    }

    /** An array field whose elements are maps. */
    public List<MsgpackFields> maps(String name) {
        Value value = field(name);
        if (!value.isArrayValue()) {
            throw fail("field '" + name + "' is not an array");
        }
        List<MsgpackFields> out = new ArrayList<>();
        for (Value element : value.asArrayValue()) {
            if (!element.isMapValue()) {
                throw fail("an element of '" + name + "' is not a map");
            }
            out.add(new MsgpackFields(element.asMapValue().map(), what, code));
        }
        return out;
    }

    /** Writes a map with string keys; values are written by {@code body} in the declared order. */
    public static byte[] pack(int fieldCount, PackBody body) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packMapHeader(fieldCount);
            body.write(packer);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("packing into memory cannot fail", e);
        }
    }

    /** Packs {@code name} and a binary value. */
    public static void packBin(MessageBufferPacker packer, String name, byte[] value) throws IOException {
        packer.packString(name);
        packer.packBinaryHeader(value.length);
        packer.writePayload(value);
    }

    /** Packs {@code name} and a non-negative integer. */
    public static void packU64(MessageBufferPacker packer, String name, long value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be non-negative: " + value);
        }
        packer.packString(name);
        packer.packLong(value);
    }

    public static void packStr(MessageBufferPacker packer, String name, String value) throws IOException {
        packer.packString(name);
        packer.packString(value);
    }

    @FunctionalInterface
    public interface PackBody {
        void write(MessageBufferPacker packer) throws IOException;
    }
}
