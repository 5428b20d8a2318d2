package dev.vaylix.bench.raft;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.driver.StateMachine;
import java.nio.ByteBuffer;

/**
 * The state machine of {@link DriverCommitBenchmark}: it only counts the command entries it applies,
 * so the benchmark measures consensus and storage, not an engine (EngineBenchmark measures that). The
 * result handed to a proposer is the entry's index. Its snapshot is the count (8 bytes).
 */
final class CountingMachine implements StateMachine<Long> {

    private volatile long appliedIndex;
    private volatile long commands;

    @Override
    public long appliedIndex() {
        return appliedIndex;
    }

    @Override
    public Long apply(LogEntry entry) {
        if (entry.index() != appliedIndex + 1) {
            throw new IllegalStateException("applied " + entry.index() + " after " + appliedIndex);
        }
        if (entry.kind() == EntryKind.COMMAND) {
            commands++;
        }
        appliedIndex = entry.index();
        return entry.index();
    }

    @Override
    public Bytes snapshot() {
        return Bytes.wrapUnsafe(ByteBuffer.allocate(Long.BYTES).putLong(commands).array());
    }

    @Override
    public void restore(long index, Bytes data) {
        commands = data.isEmpty() ? 0 : ByteBuffer.wrap(data.toByteArray()).getLong();
        appliedIndex = index;
    }

    /** Command entries applied so far (including those a restored snapshot covers). */
    long commands() {
        return commands;
    }
}
