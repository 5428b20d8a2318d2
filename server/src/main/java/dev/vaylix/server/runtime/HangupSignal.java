package dev.vaylix.server.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP as "reload the TLS certificate" (STORAGE.md §9 step 8). The JDK has no supported API for
 * signals; {@code sun.misc.Signal} (module {@code jdk.unsupported}, present in every JDK build this server
 * runs on) is confined to this class. Installing it replaces the JVM's default SIGHUP behaviour (a
 * graceful exit): a server never stops on SIGHUP, with or without TLS.
 *
 * <p>The JVM runs the handler on a thread of its own, one signal at a time; the action must not block
 * for long.
 */
final class HangupSignal {

    private static final Logger LOG = LoggerFactory.getLogger(HangupSignal.class);

    private HangupSignal() {
    }

    /**
     * Runs {@code action} on every SIGHUP from now on. If signals cannot be handled in this JVM (no
     * {@code jdk.unsupported}, or {@code -Xrs}), that is logged at WARN and SIGHUP keeps the JVM's default
     * behaviour.
     */
    static void install(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), _ -> action.run());
            LOG.info("event=sighup_installed");
        } catch (LinkageError | IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warn("event=sighup_unavailable error=\"{}\": certificates are reloaded only by a restart", e.toString());
        }
    }
}
