package dev.vaylix.raft.message;

/**
 * Acknowledges chunks of the snapshot at {@code snapshotIndex}: the receiver holds its first
 * {@code receivedBytes} bytes and wants the chunk that starts there. (The last chunk is answered with
 * an {@link AppendResponse} once the snapshot is installed.)
 */
public record InstallSnapshotResponse(Header header, long snapshotIndex, long receivedBytes) implements Message {
    public InstallSnapshotResponse {
        Checks.header(header);
        Checks.nonNegative(snapshotIndex, "snapshotIndex");
        Checks.nonNegative(receivedBytes, "receivedBytes");
    }
}
