package dev.vaylix.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.raft.message.InstallSnapshot;
import java.util.Optional;

/**
 * Reassembles a snapshot from {@link InstallSnapshot} chunks on the receiving side (thesis §5.3).
 * Chunks must arrive in order: a chunk that starts exactly at the bytes received so far is taken, any
 * other (duplicate, reordered, from a gap) is ignored, and the answer tells the leader where to resume.
 * A chunk at offset 0 of a different snapshot starts over.
 */
final class SnapshotAssembler {

    /** Snapshots are reassembled in one array; larger ones are refused (docs/RAFT.md "Limits"). */
    static final long MAX_SNAPSHOT_BYTES = Integer.MAX_VALUE - 16;

    private long index;
    private long term;
    private long leaderTerm;
    private long totalBytes;
    private byte[] buffer;
    private int receivedBytes;
    private InstallSnapshot first;

    /** Takes {@code chunk}; returns the whole snapshot once its last byte has arrived. */
    Optional<Snapshot> accept(InstallSnapshot chunk) {
        if (!isCurrent(chunk)) {
            if (chunk.offsetBytes() != 0 || chunk.totalBytes() > MAX_SNAPSHOT_BYTES) {
                return Optional.empty();
            }
            start(chunk);
        }
        if (chunk.offsetBytes() == receivedBytes) {
            chunk.chunk().copyTo(buffer, receivedBytes);
            receivedBytes += chunk.chunk().length();
        }
        if (receivedBytes < totalBytes) {
            return Optional.empty();
        }
        Snapshot complete = new Snapshot(
                new SnapshotMetadata(first.snapshotIndex(), first.snapshotTerm(), first.configuration()),
                Bytes.wrapUnsafe(buffer));
        reset();
        return Optional.of(complete);
    }

    /** How many bytes of the snapshot {@code chunk} belongs to are held (0 if another one is in progress). */
    long receivedBytesFor(InstallSnapshot chunk) {
        return isCurrent(chunk) ? receivedBytes : 0;
    }

    void reset() {
        first = null;
        buffer = null;
        receivedBytes = 0;
        totalBytes = 0;
    }

    private boolean isCurrent(InstallSnapshot chunk) {
        return first != null && chunk.snapshotIndex() == index && chunk.snapshotTerm() == term
                && chunk.term() == leaderTerm && chunk.totalBytes() == totalBytes;
    }

    private void start(InstallSnapshot chunk) {
        first = chunk;
        index = chunk.snapshotIndex();
        term = chunk.snapshotTerm();
        leaderTerm = chunk.term();
        totalBytes = chunk.totalBytes();
        buffer = new byte[(int) totalBytes];
        receivedBytes = 0;
    }
}
