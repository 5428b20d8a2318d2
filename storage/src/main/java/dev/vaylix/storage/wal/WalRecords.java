package dev.vaylix.storage.wal;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.storage.format.RecordCipher;
import dev.vaylix.storage.format.RecordFormat;
import dev.vaylix.storage.format.RecordType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import javax.crypto.AEADBadTagException;

/**
 * The data parts of the two WAL record types (little-endian, after the 9-byte record header).
 *
 * <pre>
 * WAL_ENTRY   metadata (plaintext, authenticated), 25 bytes = 8 + 8 + 1 + 8:
 *               index u64 | term u64 | kind u8 | leaderTimeMs i64
 *             sealed payload: AES-256-GCM(payload) || tag (16)
 *
 * WAL_COMMIT  metadata (plaintext, authenticated), 12 bytes = 8 + 4:
 *               durableOffset u64   bytes of this file known fsynced before this record was written
 *               entryCount    u32   number of WAL_ENTRY records since the previous commit
 *             sealed body, 42 + v bytes = 8 + 8 + 8 + 8 + 8 + 2 + v:
 *               term u64 | commitIndex u64 | compactIndex u64 | compactTerm u64 |
 *               truncateFrom u64 (0 = none) | voteLength u16 | vote (v bytes of UTF-8)
 * </pre>
 *
 * <p>The index and term are plaintext so that the log can be indexed and checked for continuity
 * before anything is decrypted; they are still authenticated. The commit's {@code durableOffset} is
 * plaintext because recovery needs it while deciding whether damage is a torn tail, at a point where
 * it may not be able to locate records precisely enough to decrypt them.
 */
final class WalRecords {

    static final int ENTRY_META_BYTES = 8 + 8 + 1 + 8;
    static final int COMMIT_META_BYTES = 8 + 4;
    static final int COMMIT_BODY_FIXED_BYTES = 8 + 8 + 8 + 8 + 8 + 2;
    /** Node ids are short; the bound keeps a commit record small enough to find by scanning. */
    static final int VOTE_BYTES_MAX = 1024;
    static final int COMMIT_DATA_MIN_BYTES = COMMIT_META_BYTES + COMMIT_BODY_FIXED_BYTES + RecordCipher.TAG_BYTES;
    static final int COMMIT_DATA_MAX_BYTES = COMMIT_DATA_MIN_BYTES + VOTE_BYTES_MAX;
    static final int ENTRY_PAYLOAD_MAX_BYTES = RecordFormat.MAX_DATA_BYTES - ENTRY_META_BYTES - RecordCipher.TAG_BYTES;

    private WalRecords() {
    }

    /**
     * What a commit record says.
     *
     * @param durableOffset bytes of the file fsynced before the record was written
     * @param entryCount    entries of the batch it commits
     * @param truncateFrom  entries of this segment from this index on are dropped before the batch's
     *                      entries are added; 0 for none
     */
    record Commit(long durableOffset, int entryCount, HardState hardState, long compactIndex, long compactTerm,
                  long truncateFrom) {
    }

    record EntryMeta(long index, long term, EntryKind kind, long leaderTimeMs) {
    }

    static long entryRecordBytes(LogEntry entry) {
        return RecordFormat.recordBytes(ENTRY_META_BYTES + (long) entry.payload().length() + RecordCipher.TAG_BYTES);
    }

    static long commitRecordBytes(HardState hardState) {
        return RecordFormat.recordBytes(COMMIT_DATA_MIN_BYTES + voteBytes(hardState).length);
    }

    static byte[] voteBytes(HardState hardState) {
        return hardState.votedFor().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes an entry record that will start at {@code fileOffset} of its file, at {@code out}'s position. */
    static void writeEntry(ByteBuffer out, RecordCipher cipher, long fileOffset, LogEntry entry) {
        int start = RecordFormat.begin(out, RecordType.WAL_ENTRY);
        int metaAt = out.position();
        out.putLong(entry.index()).putLong(entry.term()).put((byte) entry.kind().code()).putLong(entry.leaderTimeMs());
        ByteBuffer meta = out.slice(metaAt, ENTRY_META_BYTES);
        cipher.seal(RecordType.WAL_ENTRY, fileOffset, meta, entry.payload().asReadOnlyBuffer(), out);
        RecordFormat.finish(out, start);
    }

    /** Writes a commit record that will start at {@code fileOffset} of its file, at {@code out}'s position. */
    static void writeCommit(ByteBuffer out, RecordCipher cipher, long fileOffset, Commit commit) {
        int start = RecordFormat.begin(out, RecordType.WAL_COMMIT);
        int metaAt = out.position();
        out.putLong(commit.durableOffset()).putInt(commit.entryCount());
        ByteBuffer meta = out.slice(metaAt, COMMIT_META_BYTES);
        byte[] vote = voteBytes(commit.hardState());
        ByteBuffer body = ByteBuffer.allocate(COMMIT_BODY_FIXED_BYTES + vote.length).order(ByteOrder.LITTLE_ENDIAN);
        HardState hs = commit.hardState();
        body.putLong(hs.term()).putLong(hs.commitIndex()).putLong(commit.compactIndex()).putLong(commit.compactTerm())
                .putLong(commit.truncateFrom()).putShort((short) vote.length).put(vote).flip();
        cipher.seal(RecordType.WAL_COMMIT, fileOffset, meta, body, out);
        RecordFormat.finish(out, start);
    }

    /**
     * The plaintext metadata of an entry record's data ({@code data} positioned at its start).
     *
     * @return null if the data is too short or the kind byte unknown (a structural error for the caller)
     */
    static EntryMeta entryMeta(ByteBuffer data) {
        if (data.remaining() < ENTRY_META_BYTES + RecordCipher.TAG_BYTES) {
            return null;
        }
        ByteBuffer in = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long index = in.getLong();
        long term = in.getLong();
        int kindCode = Byte.toUnsignedInt(in.get());
        long leaderTimeMs = in.getLong();
        if (index < 1 || term < 1 || kindCode < 1 || kindCode > EntryKind.values().length) {
            return null;
        }
        return new EntryMeta(index, term, EntryKind.fromCode(kindCode), leaderTimeMs);
    }

    /** Decrypts an entry record's payload; {@code meta} is the result of {@link #entryMeta} for {@code data}. */
    static LogEntry openEntry(ByteBuffer data, EntryMeta meta, RecordCipher cipher, long fileOffset) throws AEADBadTagException {
        ByteBuffer metadata = data.slice(data.position(), ENTRY_META_BYTES);
        ByteBuffer sealed = data.slice(data.position() + ENTRY_META_BYTES, data.remaining() - ENTRY_META_BYTES);
        byte[] payload = cipher.open(RecordType.WAL_ENTRY, fileOffset, metadata, sealed);
        return new LogEntry(meta.index(), meta.term(), meta.kind(), meta.leaderTimeMs(), Bytes.wrapUnsafe(payload));
    }

    /** A commit record's plaintext durable offset, or -1 if the data cannot be a commit record. */
    static long commitDurableOffset(ByteBuffer data) {
        if (data.remaining() < COMMIT_DATA_MIN_BYTES || data.remaining() > COMMIT_DATA_MAX_BYTES) {
            return -1;
        }
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /**
     * Decrypts and parses a commit record.
     *
     * @return null if it authenticates but its content is malformed (a structural error for the caller)
     */
    static Commit openCommit(ByteBuffer data, RecordCipher cipher, long fileOffset) throws AEADBadTagException {
        if (data.remaining() < COMMIT_DATA_MIN_BYTES || data.remaining() > COMMIT_DATA_MAX_BYTES) {
            return null;
        }
        ByteBuffer metadata = data.slice(data.position(), COMMIT_META_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer sealed = data.slice(data.position() + COMMIT_META_BYTES, data.remaining() - COMMIT_META_BYTES);
        ByteBuffer body = ByteBuffer.wrap(cipher.open(RecordType.WAL_COMMIT, fileOffset, metadata, sealed))
                .order(ByteOrder.LITTLE_ENDIAN);
        long durableOffset = metadata.getLong(0);
        int entryCount = metadata.getInt(8);
        long term = body.getLong();
        long commitIndex = body.getLong();
        long compactIndex = body.getLong();
        long compactTerm = body.getLong();
        long truncateFrom = body.getLong();
        int voteLength = Short.toUnsignedInt(body.getShort());
        if (entryCount < 0 || term < 0 || commitIndex < 0 || compactIndex < 0 || compactTerm < 0 || truncateFrom < 0
                || voteLength != body.remaining()) {
            return null;
        }
        String vote;
        try {
            vote = StandardCharsets.UTF_8.newDecoder().decode(body).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        return new Commit(durableOffset, entryCount, new HardState(term, vote, commitIndex), compactIndex, compactTerm, truncateFrom);
    }
}
