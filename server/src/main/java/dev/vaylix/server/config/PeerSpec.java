package dev.vaylix.server.config;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.util.Objects;

/**
 * One entry of {@code --cluster-peers}: {@code node_id@host:port}.
 *
 * @param nodeId  the peer's stable node id; not empty
 * @param address {@code host:port}; not empty
 */
public record PeerSpec(String nodeId, String address) {

    public PeerSpec {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(address, "address");
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_030} with the reference's messages
     */
    public static PeerSpec parse(String entry) {
        int at = entry.indexOf('@');
        if (at < 0) {
            throw ErrorCode.SRV_030.exception("cluster peers must use node_id@host:port form");
        }
        String nodeId = entry.substring(0, at).trim();
        String address = entry.substring(at + 1).trim();
        if (nodeId.isEmpty() || address.isEmpty()) {
            throw ErrorCode.SRV_030.exception("cluster peer entries must include both node_id and host:port");
        }
        return new PeerSpec(nodeId, address);
    }
}
