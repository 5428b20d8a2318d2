package dev.vaylix.server.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.server.exec.CommandExecutor.Concurrency;
import dev.vaylix.server.policy.CommandPolicy;
import dev.vaylix.server.policy.CommandSamples;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How commands may overlap on one connection must agree with what they are. */
class CommandExecutorTest {

    @Test
    void proposalsAreExactlyTheSingleEntryDataWritesAndReadsAreNeverWrites() {
        for (Map.Entry<String, Command> sample : CommandSamples.all().entrySet()) {
            Command command = sample.getValue();
            Concurrency concurrency = CommandExecutor.concurrency(command);
            // RESTORE is a single entry too, but large and rare: it runs inline. GETEX without options only reads.
            boolean dataWrite = WriteBatchCodec.isLoggableAlone(command) && !(command instanceof Command.Restore)
                    && !(command instanceof Command.GetEx getEx && !getEx.isMutating());
            assertEquals(dataWrite, concurrency == Concurrency.PROPOSE, sample.getKey());
            if (concurrency == Concurrency.PROPOSE) {
                assertEquals(true, CommandPolicy.isWrite(command), sample.getKey() + " is a write");
            }
            if (concurrency == Concurrency.READ) {
                assertFalse(CommandPolicy.isWrite(command), sample.getKey() + " is a read");
            }
        }
        assertEquals(Concurrency.READ, CommandExecutor.concurrency(CommandSamples.all().get("GETEX")));
        assertEquals(Concurrency.PROPOSE, CommandExecutor.concurrency(CommandSamples.all().get("GETEX EX")));
        assertEquals(Concurrency.IMMEDIATE, CommandExecutor.concurrency(CommandSamples.all().get("PING")));
    }
}
