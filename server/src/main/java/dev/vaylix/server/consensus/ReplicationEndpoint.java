package dev.vaylix.server.consensus;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.json.JsonWriter;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.Status;
import dev.vaylix.raft.message.MessageCodec;
import dev.vaylix.transport.ReplicationRequest;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The server side of the replication opcodes 0x42–0x49 (VTP2.md §8, with our own payloads: docs/RAFT.md
 * §4). The session has already checked authentication and the {@code admin} permission.
 *
 * <ul>
 *   <li>0x42 STATUS: a compact JSON status of this node ({@code node_id}, {@code group_id}, {@code role},
 *       {@code term}, {@code leader_node_id}, {@code commit_index}, {@code applied_index}).</li>
 *   <li>0x43 SNAPSHOT: refused with SRV-016; Raft ships snapshots in InstallSnapshot chunks (0x49).</li>
 *   <li>0x44–0x49: the payload is one Raft message ({@link MessageCodec}); it is handed to the driver and
 *       answered OK with an empty payload. Raft answers travel as messages of their own, so the opcode only
 *       routes and is not checked against the message type. A payload that does not decode is answered with
 *       its TRN code (TRN-007/008/012).</li>
 * </ul>
 *
 * Thread-safe.
 */
public final class ReplicationEndpoint {

    private static final long STATUS_TIMEOUT_MS = 2_000;

    private final ConsensusNode node;
    private final String groupId;

    public ReplicationEndpoint(ConsensusNode node, String groupId) {
        this.node = node;
        this.groupId = groupId;
    }

    /** The reply: {@link Reply.Data} holding the raw response payload, or an error. Blocks briefly for STATUS. */
    public Reply handle(ReplicationRequest request) {
        return switch (request.opcode()) {
            case STATUS -> status();
            case SNAPSHOT -> Reply.Error.of(ErrorCode.SRV_016);
            case FETCH, ACK, VOTE, HEARTBEAT, APPEND, INSTALL_SNAPSHOT -> deliver(request.payload());
        };
    }

    private Reply deliver(Bytes payload) {
        try {
            node.receive(MessageCodec.decode(payload));
            return new Reply.Data(Bytes.EMPTY);
        } catch (VaylixException e) {
            return Reply.Error.of(e);
        }
    }

    private Reply status() {
        Status status;
        try {
            status = node.status().get(STATUS_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Reply.Error.of(ErrorCode.SRV_005);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.Error.of(ErrorCode.SRV_005);
        }
        JsonWriter json = JsonWriter.compact().beginObject()
                .name("node_id").value(status.id())
                .name("group_id").value(groupId)
                .name("role").value(status.role().name().toLowerCase(Locale.ROOT))
                .name("term").valueUnsigned(status.term())
                .name("leader_node_id");
        if (status.leaderId().isEmpty()) {
            json.nullValue();
        } else {
            json.value(status.leaderId());
        }
        json.name("commit_index").valueUnsigned(status.commitIndex())
                .name("applied_index").valueUnsigned(node.machine().appliedIndex())
                .endObject();
        return new Reply.Data(Bytes.wrapUnsafe(json.toUtf8()));
    }
}
