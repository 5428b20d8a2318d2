package dev.vaylix.raft.message;

/**
 * The answer to {@link AppendEntries} (and to the last {@link InstallSnapshot} chunk).
 *
 * @param success        the log matched at the previous index and the entries were stored durably
 * @param index          on success the highest index now known to match the leader's log; on rejection
 *                       the {@code prevLogIndex} that did not match
 * @param rejectHintIndex on rejection, the largest index at or below {@code index} whose term is
 *                       at most the leader's {@code prevLogTerm} (fast backoff); 0 on success
 * @param rejectHintTerm on rejection, the term of the receiver's entry at {@code rejectHintIndex}
 */
public record AppendResponse(Header header, boolean success, long index, long rejectHintIndex, long rejectHintTerm)
        implements Message {
    public AppendResponse {
        Checks.header(header);
        Checks.nonNegative(index, "index");
        Checks.indexTerm(rejectHintIndex, rejectHintTerm);
    }
}
