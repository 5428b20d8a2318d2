package dev.vaylix.server.offline;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.engine.EngineSnapshot;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.engine.memory.MemoryEngine;
import java.util.Optional;

/**
 * The key/value data alone, on {@link MemoryEngine}: snapshots are the engine's image, COMMAND
 * payloads are {@link dev.vaylix.api.engine.WriteBatchCodec} batches, CONFIG and NOOP entries only
 * advance the index and clock.
 *
 * <p>Partial on purpose: the server's state machine also holds the replicated auth state, with
 * its own snapshot section and log payloads. When it exists, the runtime passes its own
 * {@link ReplayStateMachineFactory} to {@link OfflineTools}; this one then remains the model for
 * data directories written by the engine alone (and for tests). A log entry this class does not
 * understand is an error ({@code ENG-014}), never skipped.
 */
public final class MemoryEngineReplay implements ReplayStateMachine {

    /** Opens a memory engine, restored from the snapshot when there is one. */
    public static final ReplayStateMachineFactory FACTORY = MemoryEngineReplay::open;

    private final MemoryEngine engine = new MemoryEngine();

    private MemoryEngineReplay() {
    }

    private static MemoryEngineReplay open(long snapshotIndex, Optional<Bytes> state) {
        MemoryEngineReplay replay = new MemoryEngineReplay();
        state.ifPresent(bytes -> replay.engine.restore(new EngineSnapshot(snapshotIndex, bytes)));
        return replay;
    }

    @Override
    public void apply(LogEntry entry) {
        engine.applyEntry(entry); // a Reply.Error is the command's deterministic result, not a replay failure
    }

    @Override
    public Bytes snapshot() {
        return engine.snapshot().state();
    }
}
