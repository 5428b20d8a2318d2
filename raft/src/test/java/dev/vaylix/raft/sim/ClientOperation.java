package dev.vaylix.raft.sim;

import java.util.Objects;

/**
 * One client operation of a simulation's history, in the shape a Wing–Gong linearizability checker
 * consumes: who, on which key, what, when it was invoked and completed (in ticks), and how it ended.
 *
 * @param client         client id; each client has at most one operation outstanding
 * @param key            the register
 * @param type           read, write or compare-and-set
 * @param value          write: the value written; cas: the new value; read: null
 * @param expected       cas: the expected current value ({@code null} = absent); otherwise null
 * @param invokeTick     when the client sent it
 * @param completeTick   when the client learned the outcome; for {@link Outcome#UNKNOWN}, when it gave up
 *                       (the operation may take effect at any later time)
 * @param outcome        ok, fail (definitely no effect) or unknown (may or may not have taken effect)
 * @param result         read: the value read ({@code null} = absent); cas: "true"/"false"; write: "ok";
 *                       null unless {@code outcome == OK}
 * @param logIndex       writes: the log index the proposal got (0 if never appended); reads: the index of
 *                       the state the read was served from (0 unless ok). Not needed by a generic checker;
 *                       used by {@link LogOrderCheck}.
 * @param logTerm        writes: the term of the proposal's entry (0 if never appended)
 */
public record ClientOperation(int client, String key, Type type, String value, String expected, long invokeTick,
                              long completeTick, Outcome outcome, String result, long logIndex, long logTerm) {

    public enum Type { READ, WRITE, CAS }

    public enum Outcome { OK, FAIL, UNKNOWN }

    public ClientOperation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        if (completeTick < invokeTick) {
            throw new IllegalArgumentException("completes before it is invoked");
        }
    }

    @Override
    public String toString() {
        String what = switch (type) {
            case READ -> "read(" + key + ")";
            case WRITE -> "write(" + key + ", " + value + ")";
            case CAS -> "cas(" + key + ", " + expected + " -> " + value + ")";
        };
        return "c" + client + " " + what + " [" + invokeTick + ", " + completeTick + "] " + outcome
                + (result == null ? "" : " = " + result) + (logIndex > 0 ? " @" + logIndex : "");
    }
}
