package dev.vaylix.storage.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The one record framing used by every file this module writes (after seed 004 and LevelDB's
 * {@code log_format.md}):
 *
 * <pre>
 * offset  size  field
 *      0     4  length  u32 little-endian: number of data bytes (1 .. MAX_DATA_BYTES)
 *      4     4  crc     u32 little-endian: CRC32C of bytes [0,4) and [8, 9 + length), i.e. of
 *                       length | type | data (the whole record except the crc field itself)
 *      8     1  type    {@link RecordType#code()}
 *      9     n  data    plaintext (file header) or metadata followed by AES-256-GCM ciphertext
 * </pre>
 *
 * <p>Because the CRC covers the length and type too, a bit flip anywhere in a record is found
 * before anything is decrypted or parsed. A length of zero never occurs in a valid record, so the
 * zeroes of a preallocated (memory-mapped) segment read as "no record here".
 */
public final class RecordFormat {

    public static final int LENGTH_BYTES = 4;
    public static final int CRC_BYTES = 4;
    public static final int TYPE_BYTES = 1;
    /** {@code 4 + 4 + 1}. */
    public static final int HEADER_BYTES = LENGTH_BYTES + CRC_BYTES + TYPE_BYTES;
    public static final int CRC_OFFSET = LENGTH_BYTES;
    public static final int TYPE_OFFSET = LENGTH_BYTES + CRC_BYTES;

    /**
     * Largest data part of one record: 64 MiB. Writers refuse larger records (ENG-013) before writing
     * anything, so no record is ever acknowledged that a reader would reject (unlike the reference,
     * spec Note 4). Big enough for any single command batch the server accepts.
     */
    public static final int MAX_DATA_BYTES = 64 << 20;

    private RecordFormat() {
    }

    /** Bytes a record with {@code dataBytes} of data occupies on disk. */
    public static long recordBytes(long dataBytes) {
        return HEADER_BYTES + dataBytes;
    }

    /**
     * Reserves a record header at {@code dst}'s position and returns the offset of the record start;
     * the caller writes the data and then calls {@link #finish}.
     */
    public static int begin(ByteBuffer dst, RecordType type) {
        int start = dst.position();
        dst.order(ByteOrder.LITTLE_ENDIAN);
        dst.putInt(0).putInt(0).put((byte) type.code());
        return start;
    }

    /** Fills in length and CRC of the record started at {@code start}; its data ends at {@code dst}'s position. */
    public static void finish(ByteBuffer dst, int start) {
        int dataBytes = dst.position() - start - HEADER_BYTES;
        if (dataBytes < 1 || dataBytes > MAX_DATA_BYTES) {
            throw new IllegalStateException("record data size out of range: " + dataBytes);
        }
        dst.order(ByteOrder.LITTLE_ENDIAN).putInt(start, dataBytes);
        dst.putInt(start + CRC_OFFSET, crc(dst, start, dataBytes));
    }

    /** The CRC of the record at {@code start} in {@code buffer} whose data part has {@code dataBytes}. */
    public static int crc(ByteBuffer buffer, int start, int dataBytes) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(start, LENGTH_BYTES));
        crc.update(buffer.slice(start + TYPE_OFFSET, TYPE_BYTES + dataBytes));
        return (int) crc.getValue();
    }
}
