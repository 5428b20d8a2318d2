package dev.vaylix.raft.message;

/**
 * A Raft message: one record per kind, no catch-all (every field means one thing). Messages are
 * immutable values; {@link MessageCodec} gives them a versioned binary form, the payload of the VTP2
 * replication opcodes.
 */
public sealed interface Message
        permits PreVoteRequest, PreVoteResponse, VoteRequest, VoteResponse, AppendEntries, AppendResponse,
                Heartbeat, HeartbeatResponse, InstallSnapshot, InstallSnapshotResponse, ReadIndexRequest,
                ReadIndexResponse, TimeoutNow {

    Header header();

    default String clusterId() {
        return header().clusterId();
    }

    default String from() {
        return header().from();
    }

    default String to() {
        return header().to();
    }

    default long term() {
        return header().term();
    }

    /**
     * True if the message acknowledges or depends on the sender's durable state (its term, vote or log)
     * and therefore may leave only after that state is persisted (thesis §3.8, RAFT-VARIANT.md "State"):
     * every answer to a vote or to replication, and a candidate's own vote requests.
     */
    default boolean requiresDurableState() {
        return switch (this) {
            case VoteRequest _, VoteResponse _, AppendResponse _, HeartbeatResponse _, InstallSnapshotResponse _ -> true;
            case PreVoteRequest _, PreVoteResponse _, AppendEntries _, Heartbeat _, InstallSnapshot _,
                 ReadIndexRequest _, ReadIndexResponse _, TimeoutNow _ -> false;
        };
    }
}
