package dev.vaylix.server.audit;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
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
     * {@code address} as the audit log writes a peer: {@code 127.0.0.1:50512}, {@code [::1]:50512}
     * (IPv6 in brackets, so the port stays unambiguous).
     */
    public static String peerText(InetSocketAddress address) {
        if (address.getAddress() == null) {
            return address.getHostString() + ":" + address.getPort();
        }
        String host = address.getAddress().getHostAddress();
        if (address.getAddress() instanceof Inet6Address) {
            int zone = host.indexOf('%');
            return "[" + (zone >= 0 ? host.substring(0, zone) : host) + "]:" + address.getPort();
        }
        return host + ":" + address.getPort();
    }
}
