package dev.vaylix.server.exec;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.driver.ProposalOutcome;
import dev.vaylix.raft.driver.WriteAckMode;
import java.util.Locale;
import java.util.Optional;

/**
 * What a client is told about a proposal (docs/COMPATIBILITY.md, "Write outcomes"):
 *
 * <ul>
 *   <li>{@link ProposalOutcome.Applied}: the state machine's reply (which may itself be an error such as
 *       ENG-015: a command that failed deterministically, changing nothing).</li>
 *   <li>{@link ProposalOutcome.LocallyDurable} ({@code --write-ack-mode local}): the reply the command gives
 *       whatever the state ({@code OK}), known before it is applied; only commands with such a reply are
 *       proposed in local mode (see {@link Writes}).</li>
 *   <li>{@link ProposalOutcome.Rejected} with {@code NOT_LEADER}: SRV-037, the write was not accepted here.</li>
 *   <li>Any other rejection: SRV-036, definitely not applied (overloaded, closed, superseded, …); safe to retry.</li>
 *   <li>{@link ProposalOutcome.Unknown}: SRV-035 with the log index as the "sequence": the entry was
 *       appended and leadership was lost (or the node stopped) before its outcome was known. It <em>may
 *       have been applied</em>: a client must read before retrying a non-idempotent write.</li>
 * </ul>
 */
final class WriteOutcomes {

    private WriteOutcomes() {
    }

    /**
     * @param localReply the reply to give on {@link ProposalOutcome.LocallyDurable}; present exactly when the
     *                   proposal was made in local mode
     */
    static Reply toReply(ProposalOutcome<Reply> outcome, WriteAckMode mode, Optional<Reply> localReply) {
        return switch (outcome) {
            case ProposalOutcome.Applied<Reply> applied -> applied.result() != null ? applied.result() : Reply.OK;
            case ProposalOutcome.LocallyDurable<Reply> durable -> localReply.orElseThrow(() -> new IllegalStateException(
                    "a locally durable outcome for a proposal made in mode " + mode));
            case ProposalOutcome.Rejected<Reply> rejected -> rejected.reason() == ProposalOutcome.Reason.NOT_LEADER
                    ? Reply.Error.of(ErrorCode.SRV_037) : Reply.Error.of(ErrorCode.SRV_036);
            case ProposalOutcome.Unknown<Reply> unknown ->
                    Reply.Error.of(ErrorCode.SRV_035, unknown.index(), mode.name().toLowerCase(Locale.ROOT));
        };
    }
}
