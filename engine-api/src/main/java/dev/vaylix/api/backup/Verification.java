package dev.vaylix.api.backup;

import dev.vaylix.api.reply.Reply;
import java.util.List;

/**
 * The result of BACKUP VERIFY (STORAGE.md §11.3).
 *
 * @param liveEntries entries not expired at the verification time
 * @param entryCount  length of the {@code entries} array
 * @param sha256      lower-case hex SHA-256 of the exact dump bytes
 */
public record Verification(long liveEntries, long entryCount, String sha256) {

    /** The reply entries in the order the server sends them: status, entries, entry_count, sha256. */
    public Reply.Entries toReply() {
        return new Reply.Entries(List.of(
                Reply.Entry.text("status", "ok"),
                Reply.Entry.text("entries", Long.toUnsignedString(liveEntries)),
                Reply.Entry.text("entry_count", Long.toUnsignedString(entryCount)),
                Reply.Entry.text("sha256", sha256)));
    }
}
