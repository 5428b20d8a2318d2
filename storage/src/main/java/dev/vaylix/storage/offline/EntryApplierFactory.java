package dev.vaylix.storage.offline;

import dev.vaylix.storage.RecoveredSnapshot;
import java.util.Optional;

/** Creates the {@link EntryApplier} that a restore or a verify replays the log into. */
@FunctionalInterface
public interface EntryApplierFactory {

    /**
     * A state machine holding {@code snapshot} (its data and membership), or the empty initial state
     * when there is none.
     *
     * @throws dev.vaylix.api.VaylixException if the snapshot cannot be decoded
     */
    EntryApplier open(Optional<RecoveredSnapshot> snapshot);
}
