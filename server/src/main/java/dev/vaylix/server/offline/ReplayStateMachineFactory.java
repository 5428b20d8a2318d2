package dev.vaylix.server.offline;

import dev.vaylix.api.Bytes;
import java.util.Optional;

/** Creates the {@link ReplayStateMachine} an offline tool replays into. */
@FunctionalInterface
public interface ReplayStateMachineFactory {

    /**
     * A state machine holding a snapshot's state, or the initial state.
     *
     * @param snapshotIndex the snapshot's last included index (0 without a snapshot)
     * @param state         the snapshot's plaintext as the server wrote it, empty without a snapshot
     * @throws dev.vaylix.api.VaylixException if the state does not decode ({@code ENG-004}, {@code ENG-009})
     */
    ReplayStateMachine open(long snapshotIndex, Optional<Bytes> state);
}
