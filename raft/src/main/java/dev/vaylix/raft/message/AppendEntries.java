package dev.vaylix.raft.message;

import dev.vaylix.api.log.LogEntry;
import java.util.List;

/**
 * AppendEntries (thesis §3.5): the entries after {@code prevLogIndex}, which the receiver accepts only
 * if its own entry there has term {@code prevLogTerm}. The entries are contiguous and start at
 * {@code prevLogIndex + 1}.
 */
public record AppendEntries(Header header, long prevLogIndex, long prevLogTerm, List<LogEntry> entries,
                            long leaderCommit) implements Message {
    public AppendEntries {
        Checks.header(header);
        Checks.indexTerm(prevLogIndex, prevLogTerm);
        entries = List.copyOf(entries);
        long expected = prevLogIndex + 1;
        for (LogEntry entry : entries) {
            if (entry.index() != expected) {
                throw new IllegalArgumentException("entries must be contiguous after " + prevLogIndex);
            }
            if (entry.term() > header.term()) {
                throw new IllegalArgumentException("an entry's term cannot exceed the leader's term");
            }
            expected++;
        }
        Checks.nonNegative(leaderCommit, "leaderCommit");
    }

    /** Index of the last entry carried, or {@code prevLogIndex} when empty. */
    public long lastIndex() {
        return prevLogIndex + entries.size();
    }
}
