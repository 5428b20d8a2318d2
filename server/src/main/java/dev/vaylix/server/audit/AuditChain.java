package dev.vaylix.server.audit;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Start-up verification of a whole audit log (STORAGE.md §12.3), streaming: memory is bounded by
 * one line whatever the file's size.
 *
 * <p>Every {@code \n}-terminated line must verify, or the log fails closed with
 * {@code SRV-028 audit log hash chain verification failed: line <n>: <reason>}: a complete line was
 * written whole and then changed. Only the bytes after the last newline are treated differently: we
 * write each line together with its newline, so an unterminated end is the remains of a write a
 * crash interrupted. It is kept (and terminated) if it verifies as the next line, else reported as
 * torn for the caller to cut off. Cutting it loses nothing an attacker could not already remove:
 * a hash chain cannot detect the removal of its last lines.
 */
final class AuditChain {

    /** Longest line accepted on read; ours stay far below (every string field is bounded, see {@link AuditText}). */
    static final int LINE_BYTES_MAX = 1 << 20;
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private AuditChain() {
    }

    /** What the end of the file holds after the last newline. */
    enum Tail {
        /** Nothing: the file is empty or ends with a newline. */
        CLEAN,
        /** A complete, valid line without its newline: keep it and add the newline. */
        UNTERMINATED,
        /** The remains of an interrupted write: cut the file at {@link Verified#validBytes()}. */
        TORN
    }

    /**
     * The verified state of a log.
     *
     * @param lines        verified lines (an unterminated but valid last line included)
     * @param lastSequence sequence of the last verified line, 0 for none
     * @param lastHash     its {@code event_hash}, or the genesis hash
     * @param validBytes   length of the verified prefix (for {@link Tail#UNTERMINATED}, the whole file)
     * @param tail         what follows the last newline
     * @param tailBytes    length of that tail
     */
    record Verified(long lines, long lastSequence, String lastHash, long validBytes, Tail tail, long tailBytes) {
        Verified {
            Objects.requireNonNull(lastHash, "lastHash");
            Objects.requireNonNull(tail, "tail");
        }

        static final Verified EMPTY = new Verified(0, 0, AuditRecord.GENESIS_HASH, 0, Tail.CLEAN, 0);
    }

    /**
     * Reads and verifies {@code in} to its end.
     *
     * @throws VaylixException {@code SRV-028} naming the first line that fails
     * @throws IOException     if reading fails
     */
    static Verified verify(InputStream in) throws IOException {
        Checker checker = new Checker();
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        byte[] line = new byte[256];
        int lineLength = 0;
        long lineBytesSeen = 0; // the whole current line, even beyond what `line` keeps
        long offset = 0;
        long lineStart = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                offset++;
                if (b == '\n') {
                    if (lineBytesSeen > LINE_BYTES_MAX) {
                        throw failure(checker.lines + 1, "line is longer than " + LINE_BYTES_MAX + " bytes");
                    }
                    checker.check(Arrays.copyOf(line, lineLength));
                    lineLength = 0;
                    lineBytesSeen = 0;
                    lineStart = offset;
                    continue;
                }
                lineBytesSeen++;
                if (lineBytesSeen <= LINE_BYTES_MAX) {
                    if (lineLength == line.length) {
                        line = Arrays.copyOf(line, Math.min(LINE_BYTES_MAX, line.length * 2));
                    }
                    line[lineLength++] = b;
                }
            }
        }
        if (lineBytesSeen == 0) {
            return checker.verified(offset, Tail.CLEAN, 0);
        }
        if (lineBytesSeen <= LINE_BYTES_MAX && checker.accepts(Arrays.copyOf(line, lineLength))) {
            checker.check(Arrays.copyOf(line, lineLength));
            return checker.verified(offset, Tail.UNTERMINATED, lineBytesSeen);
        }
        return checker.verified(lineStart, Tail.TORN, lineBytesSeen);
    }

    /** The chain state while reading: what the next line must continue. */
    private static final class Checker {
        long lines;
        long lastSequence;
        String lastHash = AuditRecord.GENESIS_HASH;

        /** Verifies {@code line} as the next one and advances; SRV-028 if it does not verify. */
        void check(byte[] line) {
            String reason = problem(line);
            if (reason != null) {
                throw failure(lines + 1, reason);
            }
        }

        /** Whether {@code line} would verify as the next one, without advancing. */
        boolean accepts(byte[] line) {
            long savedLines = lines;
            long savedSequence = lastSequence;
            String savedHash = lastHash;
            boolean ok = problem(line) == null;
            lines = savedLines;
            lastSequence = savedSequence;
            lastHash = savedHash;
            return ok;
        }

        /** The reason {@code line} does not continue the chain, or null after advancing past it. */
        private String problem(byte[] line) {
            int length = line.length;
            if (length > 0 && line[length - 1] == '\r') {
                length--; // a line ending in CRLF is read as the reference's line reader reads it
            }
            if (length == 0) {
                return "empty audit log line";
            }
            AuditRecord record;
            try {
                record = AuditRecord.parse(length == line.length ? line : Arrays.copyOf(line, length));
            } catch (JsonException e) {
                return e.getMessage();
            }
            if (record.auditVersion() != AuditRecord.AUDIT_VERSION) {
                return "unsupported audit version " + Long.toUnsignedString(record.auditVersion());
            }
            if (!record.hashAlgorithm().equals(AuditRecord.HASH_ALGORITHM)) {
                return "unsupported hash algorithm " + record.hashAlgorithm();
            }
            long expected = lastSequence + 1;
            if (record.sequence() != expected) {
                return "expected sequence " + Long.toUnsignedString(expected) + ", found " + Long.toUnsignedString(record.sequence());
            }
            if (!record.previousHash().equals(lastHash)) {
                return "previous hash mismatch";
            }
            if (!record.eventHash().equals(record.computeHash())) {
                return "event hash mismatch";
            }
            lines++;
            lastSequence = record.sequence();
            lastHash = record.eventHash();
            return null;
        }

        Verified verified(long validBytes, Tail tail, long tailBytes) {
            return new Verified(lines, lastSequence, lastHash, validBytes, tail, tailBytes);
        }
    }

    private static VaylixException failure(long lineNumber, String reason) {
        return ErrorCode.SRV_028.exception(lineNumber, reason);
    }
}
