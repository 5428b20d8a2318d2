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
import java.util.List;
import javax.crypto.AEADBadTagException;

/**
 * The data parts of the two WAL record types (little-endian, after the 9-byte record header).
 *
 * <pre>
 * WAL_ENTRY   a group of n ≥ 1 consecutive entries of one batch.
 *             metadata (plaintext, authenticated), 12 + 21 n bytes:
 *               firstIndex u64 | n u32 | n × (term u64 | kind u8 | leaderTimeMs i64 | payloadLength u32)
 *             sealed payloads: AES-256-GCM(payload 1 || … || payload n) || tag (16)
 *
 * WAL_COMMIT  metadata (plaintext, authenticated), 12 bytes = 8 + 4:
 *               durableOffset u64   bytes of this file known fsynced before this record was written
 *               entryCount    u32   number of entries (not records) since the previous commit
 *             sealed body, 42 + v bytes = 8 + 8 + 8 + 8 + 8 + 2 + v:
 *               term u64 | commitIndex u64 | compactIndex u64 | compactTerm u64 |
 *               truncateFrom u64 (0 = none) | voteLength u16 | vote (v bytes of UTF-8)
 * </pre>
 *
 * <p><b>Why groups.</b> One AES-GCM operation per record has a fixed cost (cipher set-up, tag) of
 * about a microsecond through JCE, more than encrypting 256 bytes; with one record per entry a batch
 * of 1,024 small entries spent longer encrypting than the disk took to write and fsync it. A batch is
 * therefore cut into groups of consecutive entries, each at most {@link #GROUP_PAYLOAD_BYTES} of
 * payload (a larger entry is a group of its own) and {@link #GROUP_ENTRIES_MAX} entries; one AEAD
 * operation seals a whole group. The bound keeps a read of one entry cheap: it decrypts at most one
 * group. Every entry is still bound to its file, kind and position: the record is, and the entry's
 * place in it is authenticated metadata.
 *
 * <p>The index and term are plaintext so that the log can be indexed and checked for continuity
 * before anything is decrypted; they are still authenticated. The commit's {@code durableOffset} is
 * plaintext because recovery needs it while deciding whether damage is a torn tail, at a point where
 * it may not be able to locate records precisely enough to decrypt them.
 */
final class WalRecords {

    /** Group metadata before the per-entry part: firstIndex u64 | count u32. */
    static final int GROUP_META_FIXED_BYTES = 8 + 4;
    /** Per-entry metadata: term u64 | kind u8 | leaderTimeMs i64 | payloadLength u32. */
    static final int ENTRY_META_BYTES = 8 + 1 + 8 + 4;
    /** A group closes before its payloads would exceed this (a larger single entry is a group alone). */
    static final int GROUP_PAYLOAD_BYTES = 64 << 10;
    /** Most entries in one group, which bounds its metadata (entries may have empty payloads). */
    static final int GROUP_ENTRIES_MAX = 1024;
    static final int COMMIT_META_BYTES = 8 + 4;
    static final int COMMIT_BODY_FIXED_BYTES = 8 + 8 + 8 + 8 + 8 + 2;
    /** Node ids are short; the bound keeps a commit record small enough to find by scanning. */
    static final int VOTE_BYTES_MAX = 1024;
    static final int COMMIT_DATA_MIN_BYTES = COMMIT_META_BYTES + COMMIT_BODY_FIXED_BYTES + RecordCipher.TAG_BYTES;
    static final int COMMIT_DATA_MAX_BYTES = COMMIT_DATA_MIN_BYTES + VOTE_BYTES_MAX;
    /** Largest payload of one entry: what a group of one can hold. */
    static final int ENTRY_PAYLOAD_MAX_BYTES =
            RecordFormat.MAX_DATA_BYTES - GROUP_META_FIXED_BYTES - ENTRY_META_BYTES - RecordCipher.TAG_BYTES;

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

    /**
     * The plaintext metadata of an entry group: entries {@code firstIndex .. firstIndex + count - 1}.
     * Arrays are owned by the record and never modified.
     */
    record GroupMeta(long firstIndex, long[] terms, EntryKind[] kinds, long[] leaderTimesMs, int[] payloadBytes,
                     int metadataBytes, long payloadTotalBytes) {

        int count() {
            return terms.length;
        }

        long lastIndex() {
            return firstIndex + terms.length - 1;
        }
    }

    /**
     * An authenticated, decrypted group. {@code payloads} is owned by this record; {@link #entry} copies
     * out of it so an entry kept by a caller does not pin the whole group.
     */
    record Group(GroupMeta meta, byte[] payloads, int[] payloadOffsets) {

        boolean holds(long index) {
            return index >= meta.firstIndex() && index <= meta.lastIndex();
        }

        LogEntry entry(long index) {
            int i = (int) (index - meta.firstIndex());
            int length = meta.payloadBytes()[i];
            // A group of one owns its array outright: hand it over instead of copying it.
            Bytes payload = length == payloads.length ? Bytes.wrapUnsafe(payloads) : Bytes.of(payloads, payloadOffsets[i], length);
            return new LogEntry(index, meta.terms()[i], meta.kinds()[i], meta.leaderTimesMs()[i], payload);
        }
    }

    /** End (exclusive) of the group that starts at {@code from} of {@code entries}: at least one entry. */
    static int groupEnd(List<LogEntry> entries, int from) {
        long payloadBytes = entries.get(from).payload().length();
        int end = from + 1;
        while (end < entries.size() && end - from < GROUP_ENTRIES_MAX) {
            long next = payloadBytes + entries.get(end).payload().length();
            if (next > GROUP_PAYLOAD_BYTES) {
                break;
            }
            payloadBytes = next;
            end++;
        }
        return end;
    }

    /** Bytes the entry records of {@code entries} occupy (grouped as {@link #groupEnd} cuts them). */
    static long entryRecordsBytes(List<LogEntry> entries) {
        long bytes = 0;
        for (int from = 0; from < entries.size(); ) {
            int end = groupEnd(entries, from);
            bytes += groupRecordBytes(entries, from, end);
            from = end;
        }
        return bytes;
    }

    private static long groupRecordBytes(List<LogEntry> entries, int from, int end) {
        long payloadBytes = 0;
        for (int i = from; i < end; i++) {
            payloadBytes += entries.get(i).payload().length();
        }
        return RecordFormat.recordBytes(GROUP_META_FIXED_BYTES + (long) ENTRY_META_BYTES * (end - from) + payloadBytes
                + RecordCipher.TAG_BYTES);
    }

    static long commitRecordBytes(HardState hardState) {
        return RecordFormat.recordBytes(COMMIT_DATA_MIN_BYTES + voteBytes(hardState).length);
    }

    static byte[] voteBytes(HardState hardState) {
        return hardState.votedFor().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the group {@code entries[from, end)} as one entry record that will start at
     * {@code fileOffset} of its file, at {@code out}'s position. The payloads are copied into place and
     * encrypted there ({@code out} should be array-backed: JCE's array path is several times faster).
     */
    static void writeGroup(ByteBuffer out, RecordCipher cipher, long fileOffset, List<LogEntry> entries, int from, int end) {
        int start = RecordFormat.begin(out, RecordType.WAL_ENTRY);
        int metaAt = out.position();
        out.putLong(entries.get(from).index()).putInt(end - from);
        for (int i = from; i < end; i++) {
            LogEntry entry = entries.get(i);
            out.putLong(entry.term()).put((byte) entry.kind().code()).putLong(entry.leaderTimeMs())
                    .putInt(entry.payload().length());
        }
        ByteBuffer meta = out.slice(metaAt, out.position() - metaAt);
        int plainAt = out.position();
        for (int i = from; i < end; i++) {
            entries.get(i).payload().writeTo(out);
        }
        int plainBytes = out.position() - plainAt;
        out.position(plainAt);
        cipher.sealInPlace(RecordType.WAL_ENTRY, fileOffset, meta, out, plainBytes);
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
     * Parses the plaintext metadata of an entry record's data ({@code data} positioned at its start).
     *
     * @return null if it is malformed: too short, no entries, more than {@link #GROUP_ENTRIES_MAX}, an
     *         index or term below 1, an unknown kind, terms decreasing within the group, or payload
     *         lengths that do not add up to the sealed part (a structural error for the caller)
     */
    static GroupMeta groupMeta(ByteBuffer data) {
        ByteBuffer in = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < GROUP_META_FIXED_BYTES + RecordCipher.TAG_BYTES) {
            return null;
        }
        long firstIndex = in.getLong();
        int count = in.getInt();
        if (firstIndex < 1 || count < 1 || count > GROUP_ENTRIES_MAX
                || in.remaining() < (long) count * ENTRY_META_BYTES + RecordCipher.TAG_BYTES
                || firstIndex > Long.MAX_VALUE - count) {
            return null;
        }
        long[] terms = new long[count];
        EntryKind[] kinds = new EntryKind[count];
        long[] times = new long[count];
        int[] lengths = new int[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            terms[i] = in.getLong();
            int kindCode = Byte.toUnsignedInt(in.get());
            times[i] = in.getLong();
            lengths[i] = in.getInt();
            if (terms[i] < 1 || (i > 0 && terms[i] < terms[i - 1]) || kindCode < 1 || kindCode > EntryKind.values().length
                    || lengths[i] < 0) {
                return null;
            }
            kinds[i] = EntryKind.fromCode(kindCode);
            total += lengths[i];
        }
        int metadataBytes = GROUP_META_FIXED_BYTES + count * ENTRY_META_BYTES;
        if (total != in.remaining() - RecordCipher.TAG_BYTES) {
            return null;
        }
        return new GroupMeta(firstIndex, terms, kinds, times, lengths, metadataBytes, total);
    }

    /** Authenticates and decrypts an entry record; {@code meta} is the result of {@link #groupMeta} for {@code data}. */
    static Group openGroup(ByteBuffer data, GroupMeta meta, RecordCipher cipher, long fileOffset) throws AEADBadTagException {
        ByteBuffer metadata = data.slice(data.position(), meta.metadataBytes());
        ByteBuffer sealed = data.slice(data.position() + meta.metadataBytes(), data.remaining() - meta.metadataBytes());
        byte[] payloads = cipher.open(RecordType.WAL_ENTRY, fileOffset, metadata, sealed);
        int[] offsets = new int[meta.count()];
        int at = 0;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = at;
            at += meta.payloadBytes()[i];
        }
        return new Group(meta, payloads, offsets);
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
