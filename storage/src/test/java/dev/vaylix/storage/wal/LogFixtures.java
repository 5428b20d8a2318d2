package dev.vaylix.storage.wal;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.storage.crypto.Keyring;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Entries and keys for log tests. */
final class LogFixtures {

    static final Keyring KEYS = Keyring.generate(1_700_000_000_000L, new SecureRandom());

    private LogFixtures() {
    }

    /** An entry whose payload names its index and term and contains a NUL and an invalid UTF-8 byte. */
    static LogEntry entry(long index, long term) {
        byte[] text = ("entry-" + index + "-term-" + term).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] payload = new byte[text.length + 2];
        System.arraycopy(text, 0, payload, 0, text.length);
        payload[text.length] = 0;
        payload[text.length + 1] = (byte) 0xFF;
        return new LogEntry(index, term, EntryKind.COMMAND, 1_700_000_000_000L + index, Bytes.wrapUnsafe(payload));
    }

    /** Entries {@code from..to} inclusive, all in {@code term}. */
    static List<LogEntry> entries(long from, long to, long term) {
        List<LogEntry> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(entry(i, term));
        }
        return out;
    }
}
