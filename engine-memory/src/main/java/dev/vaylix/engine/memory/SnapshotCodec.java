package dev.vaylix.engine.memory;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.Value;
import dev.vaylix.api.VaylixException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * The in-memory engine's snapshot image: a stream of MessagePack values (msgpack-core), so it can be
 * written and read entry by entry.
 *
 * <pre>
 * image  = header entry{key_count}
 * header = map(5) { "format": "vaylix-engine-memory", "format_version": 1,
 *                   "applied_index": u64, "clock_ms": u64, "key_count": u64 }
 * entry  = array(4) [ key: str (UTF-8), value: bin, version: u64 (&gt;= 1), expires_at_ms: u64 | nil ]
 * </pre>
 *
 * <p>Integers use msgpack's smallest unsigned form (u64 values above 2^63 as {@code uint 64}).
 * Entries are in strictly ascending key order (UTF-8 byte order), values are binary so any bytes
 * round-trip, and no entry is expired at {@code clock_ms} (the engine purges at every apply). The
 * engine clock is part of the image so a restored replica evaluates expiry exactly as the others.
 *
 * <p>Decoding checks all of that (header names and order, types, counts against the bytes left,
 * UTF-8, key order, versions, expiries, no trailing bytes) and fails with {@code ENG-004}; an
 * unknown format name or version fails with {@code ENG-009} (resource {@code snapshot}).
 *
 * <p>Integrity against corruption (checksums, encryption) is the storage layer's job, not this one's.
 */
final class SnapshotCodec {

    static final String FORMAT = "vaylix-engine-memory";
    static final int FORMAT_VERSION = 1;
    private static final List<String> HEADER_FIELDS =
            List.of("format", "format_version", "applied_index", "clock_ms", "key_count");
    private static final int ENTRY_MIN_BYTES = 5; // fixarray + fixstr + bin8 header + fixint + nil
    private static final BigInteger TWO_TO_THE_64 = BigInteger.ONE.shiftLeft(64);

    private SnapshotCodec() {
    }

    static Bytes encode(State state) {
        try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
            out.packMapHeader(HEADER_FIELDS.size());
            out.packString("format").packString(FORMAT);
            out.packString("format_version").packInt(FORMAT_VERSION);
            out.packString("applied_index");
            packU64(out, state.appliedIndex());
            out.packString("clock_ms");
            packU64(out, state.clockMs());
            out.packString("key_count");
            packU64(out, state.size());
            Cursor<Key, Value> walk = new Cursor<>(state.data());
            for (Node<Key, Value> node = walk.next(); node != null; node = walk.next()) {
                out.packArrayHeader(4);
                byte[] key = node.key.text().getBytes(StandardCharsets.UTF_8);
                out.packRawStringHeader(key.length).writePayload(key);
                byte[] value = node.value.data().toByteArray();
                out.packBinaryHeader(value.length).writePayload(value);
                packU64(out, node.value.version());
                if (node.value.hasExpiry()) {
                    packU64(out, node.value.expiresAtMs());
                } else {
                    out.packNil();
                }
            }
            return Bytes.wrapUnsafe(out.toByteArray());
        } catch (IOException e) {
            throw ErrorCode.ENG_003.exception(e.getMessage());
        }
    }

    static State decode(Bytes image) {
        byte[] bytes = image.toByteArray();
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
            return new Decoder(in, bytes.length).decode();
        } catch (MessagePackException | IOException e) {
            throw failure("malformed MessagePack: " + e.getMessage());
        }
    }

    private static void packU64(MessagePacker out, long value) throws IOException {
        if (value >= 0) {
            out.packLong(value);
        } else {
            out.packBigInteger(BigInteger.valueOf(value).add(TWO_TO_THE_64));
        }
    }

    private static VaylixException failure(String detail) {
        return ErrorCode.ENG_004.exception(detail);
    }

    /** One decoding pass; not thread-safe. */
    private static final class Decoder {
        private final MessageUnpacker in;
        private final long totalBytes;

        Decoder(MessageUnpacker in, long totalBytes) {
            this.in = in;
            this.totalBytes = totalBytes;
        }

        State decode() throws IOException {
            int fields = in.unpackMapHeader();
            if (fields != HEADER_FIELDS.size()) {
                throw failure("snapshot header has " + fields + " fields, expected " + HEADER_FIELDS.size());
            }
            expectName("format");
            String format = text("format");
            expectName("format_version");
            long formatVersion = u64("format_version");
            if (!format.equals(FORMAT) || formatVersion != FORMAT_VERSION) {
                throw ErrorCode.ENG_009.exception("snapshot");
            }
            expectName("applied_index");
            long appliedIndex = u64("applied_index");
            expectName("clock_ms");
            long clockMs = u64("clock_ms");
            expectName("key_count");
            long keyCount = u64("key_count");
            if (Long.compareUnsigned(keyCount, remaining() / ENTRY_MIN_BYTES) > 0) {
                throw failure("key_count " + Long.toUnsignedString(keyCount) + " exceeds what " + remaining()
                        + " remaining bytes can hold");
            }
            List<Key> keys = new ArrayList<>((int) keyCount);
            List<Value> values = new ArrayList<>((int) keyCount);
            List<ExpiryKey> expiryKeys = new ArrayList<>();
            for (long i = 0; i < keyCount; i++) {
                int arity = in.unpackArrayHeader();
                if (arity != 4) {
                    throw failure("entry " + i + " has " + arity + " fields, expected 4");
                }
                Key key = new Key(text("key"));
                if (!keys.isEmpty() && KeyOrder.KEYS.compare(keys.getLast(), key) >= 0) {
                    throw failure("entry " + i + " is not in strictly ascending key order");
                }
                Bytes value = binary("value");
                long version = u64("version");
                if (version == 0) {
                    throw failure("entry " + i + " has version 0");
                }
                long expiresAtMs = Value.NO_EXPIRY;
                if (!in.tryUnpackNil()) {
                    expiresAtMs = u64("expires_at_ms");
                    if (Long.compareUnsigned(expiresAtMs, clockMs) <= 0) {
                        throw failure("entry " + i + " expired at or before the snapshot clock");
                    }
                    expiryKeys.add(new ExpiryKey(expiresAtMs, key));
                }
                keys.add(key);
                values.add(new Value(value, version, expiresAtMs));
            }
            if (in.hasNext()) {
                throw failure("trailing bytes after " + Long.toUnsignedString(keyCount) + " entries");
            }
            expiryKeys.sort(ExpiryKey.ORDER);
            List<Key> expiryValues = expiryKeys.stream().map(ExpiryKey::key).toList();
            return new State(PersistentTree.fromSorted(keys, values),
                    PersistentTree.fromSorted(expiryKeys, expiryValues), appliedIndex, clockMs);
        }

        private void expectName(String name) throws IOException {
            String found = text("field name");
            if (!found.equals(name)) {
                throw failure("snapshot header field " + found + " where " + name + " was expected");
            }
        }

        private String text(String what) throws IOException {
            if (in.getNextFormat().getValueType() != ValueType.STRING) {
                throw failure(what + " is " + in.getNextFormat() + ", expected a string");
            }
            int length = in.unpackRawStringHeader();
            byte[] utf8 = payload(length, what);
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(utf8)).toString();
            } catch (CharacterCodingException e) {
                throw failure(what + " is not valid UTF-8");
            }
        }

        private Bytes binary(String what) throws IOException {
            if (in.getNextFormat().getValueType() != ValueType.BINARY) {
                throw failure(what + " is " + in.getNextFormat() + ", expected binary");
            }
            return Bytes.wrapUnsafe(payload(in.unpackBinaryHeader(), what));
        }

        private byte[] payload(int length, String what) throws IOException {
            if (length < 0 || length > remaining()) {
                throw failure(what + " length " + length + " exceeds the remaining " + remaining() + " bytes");
            }
            return in.readPayload(length);
        }

        private long u64(String what) throws IOException {
            MessageFormat format = in.getNextFormat();
            if (format == MessageFormat.UINT64) {
                return in.unpackBigInteger().longValue(); // low 64 bits = the u64 in two's complement
            }
            if (format.getValueType() != ValueType.INTEGER) {
                throw failure(what + " is " + format + ", expected an unsigned integer");
            }
            long value = in.unpackLong();
            if (value < 0) {
                throw failure(what + " is negative");
            }
            return value;
        }

        private long remaining() {
            return totalBytes - in.getTotalReadBytes();
        }
    }
}
