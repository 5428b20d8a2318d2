package dev.vaylix.server.session;

import dev.vaylix.api.command.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A session's open MULTI (COMMANDS.md §9): the queued commands and when the transaction began. The
 * lifetime is checked when the next request arrives (there is no background expiry, as in the
 * reference). Not thread-safe: owned by the session's reader.
 */
final class Transaction {

    private List<Command> queued;
    private long startedNanos;

    boolean isOpen() {
        return queued != null;
    }

    /** MULTI. */
    void begin(long nowNanos) {
        queued = new ArrayList<>();
        startedNanos = nowNanos;
    }

    /** True once the open transaction is older than {@code maxSeconds}. */
    boolean expired(long nowNanos, long maxSeconds) {
        return nowNanos - startedNanos > TimeUnit.SECONDS.toNanos(maxSeconds); // toNanos saturates
    }

    int size() {
        return queued.size();
    }

    void add(Command command) {
        queued.add(command);
    }

    /** Ends the transaction (EXEC, DISCARD, expiry) and returns what was queued. */
    List<Command> close() {
        List<Command> commands = queued;
        queued = null;
        return commands;
    }
}
