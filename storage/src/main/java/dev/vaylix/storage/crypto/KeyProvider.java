package dev.vaylix.storage.crypto;

import java.util.UUID;

/**
 * Where the storage components get data keys: the active one for new files, any one by id for
 * reading old files. Implemented by {@link KeyringStore} (which follows rotations) and by
 * {@link Keyring} itself (a fixed set).
 *
 * <p>Thread-safety: implementations are safe for concurrent use.
 */
public interface KeyProvider {

    /** The key new files are encrypted with. */
    DataKey activeKey();

    /**
     * The key with {@code id}.
     *
     * @throws dev.vaylix.api.VaylixException ENG-008 if the keyring has no such key (the data was
     *         written under another keyring)
     */
    DataKey key(UUID id);
}
