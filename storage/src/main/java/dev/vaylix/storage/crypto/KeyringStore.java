package dev.vaylix.storage.crypto;

import dev.vaylix.api.io.FileIO;
import dev.vaylix.storage.io.AtomicFile;
import dev.vaylix.storage.io.StorageErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * The keyring file {@code <data-dir>/keyring.bin} and the current {@link Keyring}. Every change is
 * saved (atomic replace, file created 0600) before it becomes visible, so no file is ever encrypted
 * under a key that a crash could lose.
 *
 * <p>Thread-safety: reads are lock-free (the keyring is immutable and published through a volatile
 * field); rotations are serialised.
 */
public final class KeyringStore implements KeyProvider {

    public static final String FILE_NAME = "keyring.bin";
    private static final int FILE_BYTES_MAX = 16 << 20;

    /** What {@link #openOrCreate} did. */
    public enum Outcome {
        LOADED,
        CREATED,
        /** An unwrapped keyring was found and rewritten wrapped by the configured master key. */
        WRAPPED
    }

    private final FileIO io;
    private final Path path;
    private final Optional<MasterKey> master;
    private final SecureRandom random = new SecureRandom();
    private final Outcome outcome;
    private final boolean wrapped;
    private volatile Keyring current;

    private KeyringStore(FileIO io, Path path, Optional<MasterKey> master, Keyring keyring, Outcome outcome, boolean wrapped) {
        this.io = io;
        this.path = path;
        this.master = master;
        this.current = keyring;
        this.outcome = outcome;
        this.wrapped = wrapped;
    }

    public static Path pathIn(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * Loads the keyring of {@code dataDir} without creating or changing anything (offline tools).
     *
     * @throws dev.vaylix.api.VaylixException ENG-008 if it is missing, wrapped by another master key,
     *         or needs a master key that was not given; ENG-007 if damaged
     */
    public static KeyringStore load(FileIO io, Path dataDir, Optional<MasterKey> master) {
        Path path = pathIn(dataDir);
        if (!io.exists(path)) {
            throw StorageErrors.crypto(path + ": the keyring is missing");
        }
        KeyringFile.Decoded decoded = read(io, path, master);
        return new KeyringStore(io, path, master, decoded.keyring(), Outcome.LOADED, decoded.wrapped());
    }

    /**
     * Loads the keyring of {@code dataDir}, creating one with a fresh key if there is none. When a
     * master key is given and the file is not wrapped yet, it is rewritten wrapped. The caller must
     * not let this create a keyring beside existing encrypted files (they would become unreadable).
     */
    public static KeyringStore openOrCreate(FileIO io, Path dataDir, Optional<MasterKey> master, long nowMs) {
        Path path = pathIn(dataDir);
        if (!io.exists(path)) {
            KeyringStore created = new KeyringStore(io, path, master, Keyring.generate(nowMs, new SecureRandom()),
                    Outcome.CREATED, master.isPresent());
            created.save(created.current);
            return created;
        }
        KeyringFile.Decoded decoded = read(io, path, master);
        if (master.isPresent() && !decoded.wrapped()) {
            KeyringStore rewrapped = new KeyringStore(io, path, master, decoded.keyring(), Outcome.WRAPPED, true);
            rewrapped.save(decoded.keyring());
            return rewrapped;
        }
        return new KeyringStore(io, path, master, decoded.keyring(), Outcome.LOADED, decoded.wrapped());
    }

    private static KeyringFile.Decoded read(FileIO io, Path path, Optional<MasterKey> master) {
        try {
            return KeyringFile.decode(path, AtomicFile.readAll(io, path, FILE_BYTES_MAX), master);
        } catch (IOException e) {
            throw StorageErrors.io("read", path, e);
        }
    }

    private void save(Keyring keyring) {
        try {
            AtomicFile.write(io, path, KeyringFile.encode(keyring, master), true);
        } catch (IOException e) {
            throw StorageErrors.io("write", path, e);
        }
    }

    public Keyring current() {
        return current;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Whether the file on disk is wrapped by a master key. */
    public boolean wrapped() {
        return wrapped;
    }

    public Path path() {
        return path;
    }

    /** Adds a new active key created at {@code nowMs}, saved before it is used; returns the new keyring. */
    public synchronized Keyring rotate(long nowMs) {
        Keyring next = current.rotate(nowMs, random);
        save(next);
        current = next;
        return next;
    }

    /** Rotates when the active key is at least {@code maxAgeMs} old (the reference rotates at 30 days); returns whether it did. */
    public synchronized boolean rotateIfOlderThan(long maxAgeMs, long nowMs) {
        if (nowMs - current.activeKey().createdAtMs() < maxAgeMs) {
            return false;
        }
        rotate(nowMs);
        return true;
    }

    @Override
    public DataKey activeKey() {
        return current.activeKey();
    }

    @Override
    public DataKey key(UUID id) {
        return current.key(id);
    }
}
