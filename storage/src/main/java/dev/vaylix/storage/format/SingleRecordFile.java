package dev.vaylix.storage.format;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.storage.io.StorageErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The small files (manifest, keyring): a {@link FileHeader} record followed by exactly one body
 * record, and nothing else.
 */
public final class SingleRecordFile {

    /** Offset of the body record: right after the header record. */
    public static final long BODY_OFFSET = FileHeader.RECORD_BYTES;

    private SingleRecordFile() {
    }

    /** The parsed file: its header and the body record's data (a read-only view). */
    public record Parsed(FileHeader header, ByteBuffer body) {
    }

    /**
     * Encodes a file. With a {@code cipher} the body is sealed (no plaintext metadata); without one it
     * is stored as is (protected by its CRC only).
     */
    public static ByteBuffer encode(FileHeader header, RecordType bodyType, byte[] body, RecordCipher cipher) {
        int bodyBytes = cipher == null ? body.length : RecordCipher.sealedBytes(body.length);
        ByteBuffer out = ByteBuffer.allocate(FileHeader.RECORD_BYTES + RecordFormat.HEADER_BYTES + bodyBytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        header.writeRecord(out);
        int start = RecordFormat.begin(out, bodyType);
        if (cipher == null) {
            out.put(body);
        } else {
            cipher.seal(bodyType, BODY_OFFSET, ByteBuffer.allocate(0), ByteBuffer.wrap(body), out);
        }
        RecordFormat.finish(out, start);
        return out.flip();
    }

    /**
     * Parses {@code bytes} read from {@code path}.
     *
     * @throws dev.vaylix.api.VaylixException ENG-007 if the framing or a CRC is damaged (naming the
     *         offset), ENG-009 if the header is of another format, version or kind
     */
    public static Parsed decode(Path path, byte[] bytes, FileKind kind, RecordType bodyType) {
        ByteSource source = new ByteSource() {
            @Override
            public Path path() {
                return path;
            }

            @Override
            public int read(ByteBuffer dst, long position) {
                int n = (int) Math.min(dst.remaining(), Math.max(0, bytes.length - position));
                dst.put(bytes, (int) position, n);
                return n;
            }
        };
        RecordScanner scanner = new RecordScanner(source, 0, bytes.length);
        try {
            FileHeader header = FileHeader.decode(path, expect(scanner, path, RecordType.FILE_HEADER), kind);
            ByteBuffer body = ByteBuffer.wrap(expect(scanner, path, bodyType).array()).asReadOnlyBuffer();
            RecordScanner.Step rest = scanner.next();
            if (!(rest instanceof RecordScanner.Stopped(long offset, RecordScanner.Stop reason)) || reason != RecordScanner.Stop.END) {
                throw StorageErrors.checksum(path, scanner.offset(), "unexpected bytes after the body record");
            }
            return new Parsed(header, body);
        } catch (IOException e) {
            throw StorageErrors.io("read", path, e);
        }
    }

    /** The next record's data copied into a fresh buffer, which must be of {@code type}. */
    private static ByteBuffer expect(RecordScanner scanner, Path path, RecordType type) throws IOException {
        return switch (scanner.next()) {
            case RecordScanner.Found found -> {
                if (found.typeCode() != type.code()) {
                    throw new dev.vaylix.api.VaylixException(ErrorCode.ENG_009, ErrorCode.ENG_009.message(
                            path + ": record type " + found.typeCode() + " at offset " + found.offset() + " where " + type + " was expected"));
                }
                byte[] copy = new byte[found.data().remaining()];
                found.data().get(copy);
                yield ByteBuffer.wrap(copy);
            }
            case RecordScanner.Stopped stopped ->
                    throw StorageErrors.checksum(path, stopped.offset(), "record " + describe(stopped.reason()));
        };
    }

    /** Words for a scan stop in an error message. */
    public static String describe(RecordScanner.Stop reason) {
        return switch (reason) {
            case END -> "missing: the file ends early";
            case TRUNCATED -> "truncated";
            case ZERO_LENGTH -> "zero length";
            case BAD_LENGTH -> "length out of range";
            case CRC_MISMATCH -> "CRC32C mismatch";
        };
    }
}
