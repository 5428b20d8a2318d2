package dev.vaylix.server.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who and which request an audit event is about (STORAGE.md §12.1).
 *
 * @param connectionId the session's connection number (u64; 0 for runtime events)
 * @param peer         the client's socket address, {@code ip:port} or {@code [v6addr]:port} (see {@link #peerText})
 * @param username     the session identity <em>after</em> the command, if any
 * @param requestId    the request's id (nil for runtime events)
 */
public record AuditContext(long connectionId, Optional<String> peer, Optional<String> username, UUID requestId) {

    /** The request id of runtime events: {@code 00000000-0000-0000-0000-000000000000}. */
    public static final UUID NIL_REQUEST_ID = new UUID(0, 0);

    /** The context of events no client caused (TLS reload, lost-event markers): connection 0, no peer or user. */
    public static final AuditContext RUNTIME = new AuditContext(0, Optional.empty(), Optional.empty(), NIL_REQUEST_ID);

    public AuditContext {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(requestId, "requestId");
        peer = peer.map(AuditText::bounded);
        username = username.map(AuditText::bounded);
    }

    /** A session's context. */
    public static AuditContext of(long connectionId, String peer, Optional<String> username, UUID requestId) {
        return new AuditContext(connectionId, Optional.of(peer), username, requestId);
    }

    /** The same context with the identity the session has after the command. */
    public AuditContext withUsername(Optional<String> value) {
        return new AuditContext(connectionId, peer, value, requestId);
    }

    /**
     * A transport peer ({@code Connection.peerAddress()}: {@code ip:port}, IPv6 without brackets) as the
     * audit log writes it: {@code 127.0.0.1:50512}, {@code [::1]:50512} (IPv6 in brackets and without a
     * zone, so the port stays unambiguous). Anything else is returned as it is.
     */
    public static String peerText(String transportPeer) {
        int colon = transportPeer.lastIndexOf(':');
        if (colon <= 0 || transportPeer.startsWith("[")) {
            return transportPeer;
        }
        String host = transportPeer.substring(0, colon);
        if (host.indexOf(':') < 0) {
            return transportPeer;
        }
        int zone = host.indexOf('%');
        return "[" + (zone >= 0 ? host.substring(0, zone) : host) + "]" + transportPeer.substring(colon);
    }
}
