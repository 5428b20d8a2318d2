package dev.vaylix.api.reply;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed reply: one record per response kind of VTP2.md §6. Which kind a command yields is fixed by
 * COMMANDS.md §3 (for example SET yields {@link Ok}, {@link Bool} or {@link Data}/{@link NotFound}
 * depending on its options).
 */
public sealed interface Reply {

    Ok OK = new Ok();
    NotFound NOT_FOUND = new NotFound();
    Bool TRUE = new Bool(true);
    Bool FALSE = new Bool(false);
    /** The value every command queued inside MULTI is answered with. */
    Data QUEUED = new Data(Bytes.utf8("QUEUED"));

    /** Success with no payload. */
    record Ok() implements Reply {
    }

    /** The key (or value) is absent. */
    record NotFound() implements Reply {
    }

    /** A single value: GET, GETDEL, GETEX, PING, BACKUP, METRICS PROM, {@code QUEUED}. Binary-safe. */
    record Data(Bytes value) implements Reply {
        public Data {
            Objects.requireNonNull(value, "value");
        }

        public static Data utf8(String text) {
            return new Data(Bytes.utf8(text));
        }
    }

    record Bool(boolean value) implements Reply {
        public static Bool of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    /** An unsigned 64-bit count: DEL, DBSIZE, COUNT, RESTORE forms. */
    record Count(long value) implements Reply {
    }

    /** A signed 64-bit integer: INCR, DECR, TTL. */
    record Int(long value) implements Reply {
    }

    /**
     * Key/value text pairs (INFO, METRICS, SHOW …, WHOAMI, LIST …). Values are UTF-8 text for every
     * command except LIST, whose values are the raw stored bytes.
     */
    record Entries(List<Entry> entries) implements Reply {
        public Entries {
            entries = List.copyOf(entries);
        }
    }

    /** One pair of {@link Entries}; the key is text, the value bytes. */
    record Entry(String key, Bytes value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        public static Entry text(String key, String value) {
            return new Entry(key, Bytes.utf8(value));
        }
    }

    /** MGET: one optional value per requested key, in request order. */
    record Values(List<Optional<Bytes>> values) implements Reply {
        public Values {
            values = List.copyOf(values);
        }
    }

    /** A SCAN page; {@code nextCursor == 0} means the iteration is complete. */
    record ScanPage(long nextCursor, List<Key> keys) implements Reply {
        public ScanPage {
            keys = List.copyOf(keys);
        }
    }

    /**
     * EXEC: one result per queued command, in queue order. Items are never {@link Error} or nested
     * {@link ExecResults} (a failing transaction answers with the error instead, VTP2.md §6.1).
     */
    record ExecResults(List<Reply> results) implements Reply {
        public ExecResults {
            results = List.copyOf(results);
            for (Reply result : results) {
                if (result instanceof Error || result instanceof ExecResults) {
                    throw new IllegalArgumentException("EXEC results hold no errors and no nested EXEC: " + result);
                }
            }
        }
    }

    /**
     * An error reply. Code and name are strings so that a client can show any error a newer server
     * sends; {@link #errorCode()} maps them back to the catalogue.
     *
     * @param message the message as sent (ENG messages carry their {@code engine failure: } prefix)
     */
    record Error(String code, String name, String message) implements Reply {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(message, "message");
        }

        /** The error as the server sends it: catalogue name, remote message form. */
        public static Error of(ErrorCode code, Object... args) {
            return new Error(code.code(), code.displayName(), code.remoteMessage(args));
        }

        /** The error of an exception as the server sends it (ENG messages get their prefix). */
        public static Error of(VaylixException e) {
            ErrorCode code = e.code();
            String message = code.family() == ErrorCode.Family.ENG ? "engine failure: " + e.getMessage() : e.getMessage();
            return new Error(code.code(), code.displayName(), message);
        }

        public Optional<ErrorCode> errorCode() {
            return ErrorCode.fromCode(code);
        }
    }
}
