package dev.vaylix.server.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.raft.driver.ProposalOutcome;
import dev.vaylix.raft.driver.WriteAckMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The SRV-035 / SRV-036 / SRV-037 mapping of proposal outcomes, and which writes local mode acknowledges early. */
class WriteOutcomesTest {

    private static final WriteAckMode MAJORITY = WriteAckMode.MAJORITY;

    @Test
    void anAppliedProposalAnswersWithTheStateMachinesReplyEvenAnError() {
        assertEquals(new Reply.Int(3), WriteOutcomes.toReply(new ProposalOutcome.Applied<>(9, 1, new Reply.Int(3)), MAJORITY,
                Optional.empty()));
        Reply engineError = Reply.Error.of(ErrorCode.ENG_015, "k", "x");
        assertEquals(engineError, WriteOutcomes.toReply(new ProposalOutcome.Applied<>(9, 1, engineError), MAJORITY, Optional.empty()));
    }

    @Test
    void notLeaderIsSrv037AndEveryOtherDefiniteRejectionSrv036() {
        assertEquals(Reply.Error.of(ErrorCode.SRV_037), WriteOutcomes.toReply(
                new ProposalOutcome.Rejected<>(ProposalOutcome.Reason.NOT_LEADER, "", ""), MAJORITY, Optional.empty()));
        for (ProposalOutcome.Reason reason : ProposalOutcome.Reason.values()) {
            if (reason != ProposalOutcome.Reason.NOT_LEADER) {
                assertEquals(Reply.Error.of(ErrorCode.SRV_036), WriteOutcomes.toReply(
                        new ProposalOutcome.Rejected<>(reason, "", ""), MAJORITY, Optional.empty()), reason.name());
            }
        }
    }

    @Test
    void anUnknownOutcomeIsSrv035WithTheLogIndexAndTheMode() {
        Reply reply = WriteOutcomes.toReply(new ProposalOutcome.Unknown<>(1234, 2, "leadership lost"), WriteAckMode.ALL,
                Optional.empty());
        assertEquals(new Reply.Error("SRV-035", "Replication Acknowledgement Timeout",
                "replication write acknowledgement timed out for sequence 1234 in mode all"), reply);
    }

    @Test
    void aLocallyDurableWriteAnswersItsStateIndependentReply() {
        assertEquals(Reply.OK, WriteOutcomes.toReply(new ProposalOutcome.LocallyDurable<>(5, 1), WriteAckMode.LOCAL,
                Optional.of(Reply.OK)));
        assertThrows(IllegalStateException.class, () -> WriteOutcomes.toReply(new ProposalOutcome.LocallyDurable<>(5, 1),
                MAJORITY, Optional.empty()));
    }

    @Test
    void onlyPlainSetMsetAndClearHaveAReplyThatDoesNotDependOnTheState() {
        Key k = Key.of("k");
        Bytes v = Bytes.utf8("v");
        List<Command> independent = List.of(Command.Set.of(k, v), new Command.Set(k, v, SetCondition.NONE, OptionalLong.empty(),
                Expiration.seconds(5), false, false), new Command.MSet(List.of()), new Command.Clear());
        for (Command command : independent) {
            assertEquals(Optional.of(Reply.OK), Writes.stateIndependentReply(WriteBatch.single(command)), command.toString());
        }
        List<Command> dependent = List.of(new Command.Set(k, v, SetCondition.NX, OptionalLong.empty(), Expiration.NONE, false, false),
                new Command.Set(k, v, SetCondition.NONE, OptionalLong.of(1), Expiration.NONE, false, false),
                new Command.Set(k, v, SetCondition.NONE, OptionalLong.empty(), Expiration.NONE, false, true),
                new Command.Incr(k), new Command.Del(List.of(k)), new Command.SetNx(k, v), new Command.GetDel(k));
        for (Command command : dependent) {
            assertEquals(Optional.empty(), Writes.stateIndependentReply(WriteBatch.single(command)), command.toString());
        }
        assertEquals(Optional.empty(), Writes.stateIndependentReply(WriteBatch.transaction(Command.Set.of(k, v))));
        assertEquals(Optional.empty(), Writes.stateIndependentReply(new WriteBatch.PurgeExpired()));
    }
}
