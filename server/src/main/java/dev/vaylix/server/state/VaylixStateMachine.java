package dev.vaylix.server.state;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.engine.Engine;
import dev.vaylix.api.engine.EngineSnapshot;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.engine.memory.MemoryEngine;
import dev.vaylix.raft.driver.StateMachine;
import dev.vaylix.server.rbac.AuthResult;
import dev.vaylix.server.rbac.AuthState;
import dev.vaylix.server.rbac.AuthStateCodec;
import java.util.Objects;

/**
 * The replicated state of a Vaylix node: the key/value engine and the users/roles/grants
 * ({@link AuthState}), both changed only by committed log entries (DESIGN.md §3), in log order.
 *
 * <p>Every entry reaches the engine, RBAC entries as a {@link WriteBatch.Noop}: the engine's applied
 * index is therefore always this state machine's applied index, and its expiry clock advances with
 * every entry's leader time (the engine purges expired keys on every entry anyway).
 *
 * <p>Threading: the driver's apply thread calls {@link #apply}, {@link #snapshot} and {@link #restore};
 * sessions read {@link #engine()} (whose reads see the state between two entries) and
 * {@link #authState()} (a volatile reference to an immutable state) from any thread. Within one
 * entry the auth state is published before the entry counts as applied, so a reader that waited for
 * an applied index also sees the auth state as of that index.
 */
public final class VaylixStateMachine implements StateMachine<Reply> {

    private static final WriteBatch NOOP = new WriteBatch.Noop();

    private final Engine engine;
    private volatile AuthState auth = AuthState.INITIAL;

    public VaylixStateMachine() {
        this(new MemoryEngine());
    }

    VaylixStateMachine(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** The engine, for linearizable reads once a read index has been applied. Any thread. */
    public Engine engine() {
        return engine;
    }

    /** The current users, roles and grants. Any thread; immutable. */
    public AuthState authState() {
        return auth;
    }

    @Override
    public long appliedIndex() {
        return engine.appliedIndex();
    }

    /**
     * Applies one committed entry. A command that fails (ENG-015, SRV-020, …) is an ordinary result:
     * its error is the reply. A payload that does not decode is corruption that passed the log's checks
     * and stops the driver (ENG-014).
     */
    @Override
    public Reply apply(LogEntry entry) {
        return switch (entry.kind()) {
            case COMMAND -> applyCommand(entry);
            case CONFIG, NOOP -> engine.apply(entry.index(), entry.leaderTimeMs(), NOOP);
        };
    }

    private Reply applyCommand(LogEntry entry) {
        return switch (LogPayload.decode(entry.payload())) {
            case LogPayload.Data data -> engine.apply(entry.index(), entry.leaderTimeMs(), data.batch());
            case LogPayload.Auth change -> {
                AuthResult result = auth.apply(change.mutation());
                // Published before the engine advances the applied index (see the class comment).
                auth = result.state();
                engine.apply(entry.index(), entry.leaderTimeMs(), NOOP);
                yield result.reply();
            }
        };
    }

    @Override
    public Bytes snapshot() {
        AuthState authAtSnapshot = auth;
        EngineSnapshot image = engine.snapshot();
        return new StateImage(image.appliedIndex(), image.state(), AuthStateCodec.encode(authAtSnapshot)).encode();
    }

    /**
     * Replaces both states with a snapshot taken at {@code index}. An empty snapshot at index 0 (the
     * implicit snapshot of a new log) resets to the initial state.
     *
     * @throws dev.vaylix.api.VaylixException ENG-004 / ENG-009 for an image that does not decode or does
     *                                        not belong to {@code index}; SRV-026 for a bad auth image
     */
    @Override
    public void restore(long index, Bytes data) {
        if (index == 0 && data.isEmpty()) {
            engine.restore(new MemoryEngine().snapshot());
            auth = AuthState.INITIAL;
            return;
        }
        StateImage image = StateImage.decode(data);
        if (image.appliedIndex() != index) {
            throw ErrorCode.ENG_004.exception("state image is at index " + image.appliedIndex() + " but restores " + index);
        }
        AuthState restored = AuthStateCodec.decode(image.auth());
        engine.restore(image.engineSnapshot());
        auth = restored;
    }
}
