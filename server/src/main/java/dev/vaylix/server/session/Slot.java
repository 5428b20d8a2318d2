package dev.vaylix.server.session;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.CommandType;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.exec.PendingReply;
import java.util.Optional;
import java.util.UUID;

/**
 * One request on its way through a connection's window: its place in the reply order and what the
 * reply will be.
 *
 * @param requestId  echoed in the response
 * @param opcode     the name of the request for log lines: a command name ({@code GET}) or a replication
 *                   opcode name ({@code REPLICATION_STATUS})
 * @param type       the command kind when the request is a command (known from its opcode, also when its
 *                   payload did not decode); empty for replication opcodes
 * @param command    the decoded command; null when the request never decoded into one
 * @param username   the session's user once the request was admitted (after an AUTH: the new one), for audit
 * @param startNanos monotonic time the request was read
 * @param reply      the reply, possibly not known yet
 * @param raw        a replication answer: its payload goes out as is, without a length prefix (§8)
 * @param refusal    why the request was refused before execution, if it is one of the refusals audited
 *                   whatever the settings
 */
record Slot(UUID requestId, String opcode, Optional<CommandType> type, Command command, Optional<String> username,
            long startNanos, PendingReply reply, boolean raw, Refusal refusal) {

    /** The refusals STORAGE.md §12.2 audits always (as {@code command} events). */
    enum Refusal {
        /** Not one of them. */
        NONE,
        /** The per-connection rate limiter: opcode {@code RATE_LIMIT}, {@code SRV-012}. */
        RATE_LIMITED,
        /** The payload did not decode: opcode {@code DECODE}, the TRN code. */
        UNDECODABLE,
        /** A quota (payload, key, value, keys per batch): the command's name, {@code SRV-013}. */
        OVER_QUOTA
    }

    /** The end of the connection's requests: the writer finishes what came before and stops. */
    static final Slot END = new Slot(new UUID(0, 0), "END", Optional.empty(), null, Optional.empty(), 0, PendingReply.of(Reply.OK),
            false, Refusal.NONE);
}
