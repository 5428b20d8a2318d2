package dev.vaylix.storage.wal;

import dev.vaylix.api.VaylixException;
import dev.vaylix.api.io.FileIO;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.storage.crypto.KeyProvider;
import dev.vaylix.storage.io.ReadOnlyFileIO;
import dev.vaylix.storage.io.StorageErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the write-ahead log of a data directory ({@code <data-dir>/wal/}) as a {@link LogStore}.
 *
 * <p>Opening reads and authenticates every segment and checks the log's continuity (docs/STORAGE.md
 * "Recovery"), failing closed with ENG-007 (checksum), ENG-008 (key or authentication), ENG-009
 * (format version) or ENG-014 (structure). A torn tail of the newest segment is reported and, in a
 * writable open, repaired.
 */
public final class Wal {

    /** The directory name inside the data directory. */
    public static final String DIRECTORY = "wal";

    /** An open log and what opening it found and did. */
    public record Opened(LogStore log, WalReport report) {
    }

    private Wal() {
    }

    /**
     * Opens (creating if absent) the log in {@code walDir} for writing: repairs a torn tail, removes
     * leftovers, seals the previous active segment and starts a fresh one.
     */
    public static Opened open(FileIO io, Path walDir, KeyProvider keys, WalOptions options) {
        WalRecovery.Result recovered = WalRecovery.recover(io, walDir, keys);
        SegmentedLogStore store = SegmentedLogStore.create(io, walDir, keys, options, recovered, false);
        WalReport.Builder actions = new WalReport.Builder();
        try {
            store.files().openForWriting(recovered, store.state(), actions);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(store);
            throw e instanceof IOException io1 ? StorageErrors.io("open", walDir, io1) : (RuntimeException) e;
        }
        Optional<WalReport.TornTail> torn = recovered.tornTail().map(t ->
                new WalReport.TornTail(t.path(), t.offset(), t.bytesDropped(), t.reason(), true));
        return new Opened(store, new WalReport(store.describeSegments(), torn, actions.deleted, actions.sealed));
    }

    /**
     * Opens the log in {@code walDir} without creating, repairing or changing anything; every
     * mutation of the returned store fails with ENG-011. A torn tail is reported, not repaired, and
     * the log reads as if it had been. A missing directory reads as an empty log.
     */
    public static Opened openReadOnly(FileIO io, Path walDir, KeyProvider keys) {
        FileIO readOnly = ReadOnlyFileIO.wrap(io);
        WalRecovery.Result recovered = WalRecovery.recover(readOnly, walDir, keys);
        SegmentedLogStore store = SegmentedLogStore.create(readOnly, walDir, keys, WalOptions.DEFAULTS, recovered, true);
        Optional<WalReport.TornTail> torn = recovered.tornTail().map(t ->
                new WalReport.TornTail(t.path(), t.offset(), t.bytesDropped(), t.reason(), false));
        return new Opened(store, new WalReport(store.describeSegments(), torn, java.util.List.of(), java.util.List.of()));
    }

    private static void closeAfterFailure(SegmentedLogStore store) {
        try {
            store.close();
        } catch (VaylixException ignored) {
            // The open failure is what the caller needs to see.
        }
    }
}
