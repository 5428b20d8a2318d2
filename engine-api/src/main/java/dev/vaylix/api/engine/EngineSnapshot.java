package dev.vaylix.api.engine;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/**
 * A consistent image of the engine state as of {@code appliedIndex}, in the engine's own encoding.
 *
 * @param appliedIndex the last log index the image includes
 * @param state        the encoded state, owned by the holder
 */
public record EngineSnapshot(long appliedIndex, Bytes state) {
    public EngineSnapshot {
        Objects.requireNonNull(state, "state");
    }
}
