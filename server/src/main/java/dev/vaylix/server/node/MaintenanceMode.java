package dev.vaylix.server.node;

import dev.vaylix.api.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintenance mode of this node (COMMANDS.md §8), persisted as the sentinel file
 * {@code <data-dir>/maintenance.mode} holding {@code maintenance=on\n}: present means on, and it
 * survives restarts. It is per node, not replicated: an operator takes one node out of service.
 * Changes are durable (written and fsynced, directory fsynced) before they are acknowledged.
 *
 * <p>Thread-safe: reads are a volatile load; changes are serialised.
 */
public final class MaintenanceMode {

    public static final String FILE_NAME = "maintenance.mode";
    private static final byte[] CONTENT = "maintenance=on\n".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceMode.class);

    private final Path sentinel;
    private volatile boolean enabled;

    private MaintenanceMode(Path sentinel, boolean enabled) {
        this.sentinel = sentinel;
        this.enabled = enabled;
    }

    /** Reads the sentinel of {@code dataDir}: only its existence matters. */
    public static MaintenanceMode load(Path dataDir) {
        Path sentinel = dataDir.resolve(FILE_NAME);
        return new MaintenanceMode(sentinel, Files.exists(sentinel));
    }

    public boolean enabled() {
        return enabled;
    }

    public Path sentinel() {
        return sentinel;
    }

    /**
     * Turns maintenance mode on or off, durably; idempotent.
     *
     * @throws dev.vaylix.api.VaylixException SRV-004 if the sentinel cannot be written or removed (the mode
     *                                        is then unchanged)
     */
    public synchronized void set(boolean on) {
        if (on) {
            DurableFiles.writeAtomically(sentinel, CONTENT);
        } else {
            DurableFiles.deleteDurably(sentinel);
        }
        if (enabled != on) {
            LOG.info("event=maintenance_mode enabled={}", on);
        }
        enabled = on;
    }

    /** MAINTENANCE STATUS: {@code enabled}, {@code path}. */
    public Reply.Entries status() {
        return new Reply.Entries(List.of(
                Reply.Entry.text("enabled", Boolean.toString(enabled)),
                Reply.Entry.text("path", sentinel.toString())));
    }
}
