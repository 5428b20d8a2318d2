package dev.vaylix.api.engine;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/**
 * A consistent image of the engine state as of {@code appliedIndex}, in the engine's own encoding.
 * The encoding is self-describing (format name and version inside), so an engine refuses an image
 * another engine wrote instead of misreading it. Storage encrypts and checksums it; the engine never
 * sees files.
 *
 * @param appliedIndex the last log index the image includes (also recorded inside {@code state}; a
 *                     mismatch is refused on restore)
 * @param state        the encoded state, owned by the holder
 */
public record EngineSnapshot(long appliedIndex, Bytes state) {
    public EngineSnapshot {
        Objects.requireNonNull(state, "state");
        if (appliedIndex < 0) {
            throw new IllegalArgumentException("applied index is non-negative: " + appliedIndex);
        }
    }
}
