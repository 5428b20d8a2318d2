package dev.vaylix.server.session;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.exec.PendingReply;
import java.util.Optional;
import java.util.UUID;

/**
 * One request on its way through a connection's window: its place in the reply order and what the
 * reply will be.
 *
 * @param requestId   echoed in the response
 * @param opcode      the audit name of the request: a command name ({@code GET}), a replication opcode
 *                    name, or a pseudo-opcode ({@code RATE_LIMIT}, {@code DECODE})
 * @param command     the decoded command; null when the request never decoded into one
 * @param username    the session's user once the request was admitted (after an AUTH: the new one), for audit
 * @param startNanos  monotonic time the request was read
 * @param reply       the reply, possibly not known yet
 * @param raw         a replication answer: its payload goes out as is, without a length prefix (§8)
 * @param alwaysAudit a rate-limited, undecodable or over-quota request: audited whatever the settings
 */
record Slot(UUID requestId, String opcode, Command command, Optional<String> username, long startNanos, PendingReply reply,
            boolean raw, boolean alwaysAudit) {

    /** The end of the connection's requests: the writer finishes what came before and stops. */
    static final Slot END = new Slot(new UUID(0, 0), "END", null, Optional.empty(), 0, PendingReply.of(Reply.OK), false, false);
}
