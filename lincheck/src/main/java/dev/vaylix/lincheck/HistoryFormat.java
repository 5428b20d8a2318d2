package dev.vaylix.lincheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Reads and writes register histories as JSON lines, one event per line, Jepsen style: each
 * operation is an {@code invoke} event and, later, an {@code ok}, {@code fail} or {@code info} event
 * of the same process. The format is specified in {@code lincheck/README.md}; in short:
 *
 * <pre>
 * {"process":1,"type":"invoke","f":"write","key":"x","value":"a","time":10}
 * {"process":2,"type":"invoke","f":"read","key":"x","value":null,"time":11}
 * {"process":1,"type":"ok","f":"write","key":"x","value":"a","time":15}
 * {"process":2,"type":"ok","f":"read","key":"x","value":"a","version":1,"time":16}
 * {"process":3,"type":"invoke","f":"cas","key":"x","value":["a","b"],"time":20}
 * {"process":3,"type":"info","f":"cas","key":"x","value":["a","b"],"time":90}
 * </pre>
 *
 * <p>Times come from the {@code time} field when every event has one, else from line numbers (the
 * order of lines is then the real-time order, as in Jepsen). Blank lines and lines starting with
 * {@code #} are skipped; unknown fields are ignored; events whose {@code process} is a string (Jepsen's
 * {@code "nemesis"}) are not client operations and are skipped.
 */
public final class HistoryFormat {

    /** Longest line accepted; an event is a few hundred bytes, so this only stops garbage. */
    public static final int LINE_CHARS_MAX = 1 << 20;

    private HistoryFormat() {
    }

    /**
     * Reads a history file (UTF-8).
     *
     * @throws LincheckException LIN-007 if the file cannot be read; LIN-001 to LIN-006 with the line
     *                           number if its content is malformed
     */
    public static History<RegisterInput, RegisterOutput> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException | UncheckedIOException e) {
            throw new LincheckException(LincheckError.LIN_007, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses history text (the content of a file). */
    public static History<RegisterInput, RegisterOutput> parse(String text) {
        return read(new StringReader(text));
    }

    /** Reads a history from {@code reader} until its end; the caller closes the reader. */
    public static History<RegisterInput, RegisterOutput> read(Reader reader) {
        HistoryParser parser = new HistoryParser();
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        try {
            int lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                parser.line(lineNumber, line);
            }
        } catch (IOException e) {
            throw new LincheckException(LincheckError.LIN_007, "cannot read history: " + e.getMessage(), e);
        }
        return parser.finish();
    }

    /**
     * Writes {@code history} as JSON lines with explicit {@code time} fields, so reading it back gives
     * the same operations with the same times (and the same ids, if ids follow invocation order, as
     * {@link HistoryBuilder} assigns them; otherwise ids are renumbered in that order). Operations of unknown outcome whose completion was never
     * observed ({@link Operation#NEVER}) are written as an invocation alone.
     *
     * @throws LincheckException LIN-006 if a process has overlapping operations (a Jepsen-style
     *                           history pairs events by process, so those cannot be written);
     *                           LIN-007 if writing fails
     */
    public static void write(History<RegisterInput, RegisterOutput> history, Writer out) {
        Objects.requireNonNull(out, "out");
        try {
            for (String line : lines(history)) {
                out.write(line);
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new LincheckException(LincheckError.LIN_007, "cannot write history: " + e.getMessage(), e);
        }
    }

    /** Writes {@code history} to {@code file} (UTF-8), replacing it. */
    public static void write(History<RegisterInput, RegisterOutput> history, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(history, w);
        } catch (IOException e) {
            throw new LincheckException(LincheckError.LIN_007, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code history} as JSON-lines text. */
    public static String toJsonLines(History<RegisterInput, RegisterOutput> history) {
        StringWriter w = new StringWriter();
        write(history, w);
        return w.toString();
    }

    private record Event(Operation<RegisterInput, RegisterOutput> op, boolean invoke, long time) {
    }

    /**
     * The events of each process form a chain ordered in time (invoke, completion, invoke, ...);
     * merging the chains by time gives lines that pair up again per process.
     */
    private static List<String> lines(History<RegisterInput, RegisterOutput> history) {
        Map<Long, List<Operation<RegisterInput, RegisterOutput>>> byProcess = new TreeMap<>();
        for (Operation<RegisterInput, RegisterOutput> op : history.operations()) {
            byProcess.computeIfAbsent(op.process(), p -> new ArrayList<>()).add(op);
        }
        List<List<Event>> chains = new ArrayList<>(byProcess.size());
        for (List<Operation<RegisterInput, RegisterOutput>> ops : byProcess.values()) {
            ops.sort(Comparator.comparingLong((Operation<RegisterInput, RegisterOutput> o) -> o.invokeTime())
                    .thenComparingInt(Operation::id));
            List<Event> chain = new ArrayList<>(2 * ops.size());
            Operation<RegisterInput, RegisterOutput> previous = null;
            for (Operation<RegisterInput, RegisterOutput> op : ops) {
                if (previous != null && (previous.completeTime() == Operation.NEVER
                        || previous.completeTime() > op.invokeTime())) {
                    throw new LincheckException(LincheckError.LIN_006,
                            "process " + op.process() + " invokes #" + op.id() + " while #" + previous.id()
                                    + " is in flight; a history file pairs events by process");
                }
                chain.add(new Event(op, true, op.invokeTime()));
                if (op.completeTime() != Operation.NEVER) {
                    chain.add(new Event(op, false, op.completeTime()));
                }
                previous = op;
            }
            chains.add(chain);
        }
        // Merge by (time, operation id): each chain is non-decreasing in time, so its order is kept;
        // invocations at equal times come out in id order, so ids assigned in invocation order (as
        // HistoryBuilder does) survive the round trip.
        record Cursor(List<Event> chain, int index) {
            Event head() {
                return chain.get(index);
            }
        }
        PriorityQueue<Cursor> queue = new PriorityQueue<>(Comparator
                .comparingLong((Cursor c) -> c.head().time())
                .thenComparingInt(c -> c.head().op().id()));
        for (List<Event> chain : chains) {
            queue.add(new Cursor(chain, 0));
        }
        List<String> out = new ArrayList<>(2 * history.size());
        while (!queue.isEmpty()) {
            Cursor c = queue.poll();
            out.add(eventLine(c.head()));
            if (c.index() + 1 < c.chain().size()) {
                queue.add(new Cursor(c.chain(), c.index() + 1));
            }
        }
        return out;
    }

    private static String eventLine(Event e) {
        Operation<RegisterInput, RegisterOutput> op = e.op();
        String type = e.invoke() ? "invoke" : switch (op.outcome()) {
            case OK -> "ok";
            case FAIL -> "fail";
            case UNKNOWN -> "info";
        };
        StringBuilder line = new StringBuilder(128);
        line.append("{\"process\":").append(op.process())
                .append(",\"type\":\"").append(type).append('"')
                .append(",\"f\":\"").append(function(op.input())).append('"')
                .append(",\"key\":").append(Json.quote(op.key()))
                .append(",\"value\":");
        OptionalLong version = OptionalLong.empty();
        switch (op.input()) {
            case RegisterInput.Read r -> {
                if (!e.invoke() && op.output() instanceof RegisterOutput.ReadOk read) {
                    line.append(quoteOrNull(read.value()));
                    version = read.version();
                } else {
                    line.append("null");
                }
            }
            case RegisterInput.Write w -> {
                line.append(Json.quote(w.value()));
                if (!e.invoke() && op.output() instanceof RegisterOutput.WriteOk ok) {
                    version = ok.version();
                }
            }
            case RegisterInput.Cas c -> {
                line.append('[').append(quoteOrNull(c.expected())).append(',').append(Json.quote(c.newValue())).append(']');
                if (!e.invoke() && op.output() instanceof RegisterOutput.CasOk ok) {
                    line.append(",\"swapped\":").append(ok.swapped());
                    version = ok.version();
                }
            }
        }
        if (version.isPresent()) {
            line.append(",\"version\":").append(version.getAsLong());
        }
        return line.append(",\"time\":").append(e.time()).append('}').toString();
    }

    private static String quoteOrNull(String value) {
        return value == null ? "null" : Json.quote(value);
    }

    static String function(RegisterInput input) {
        return switch (input) {
            case RegisterInput.Read r -> "read";
            case RegisterInput.Write w -> "write";
            case RegisterInput.Cas c -> "cas";
        };
    }

    /** Event-by-event parser state: the builder plus what each in-flight invocation looked like. */
    private static final class HistoryParser {

        private record Pending(String f, String key, RegisterInput input, Object rawValue, int line) {
        }

        private final HistoryBuilder<RegisterInput, RegisterOutput> builder = new HistoryBuilder<>();
        /** Looked up by process, never iterated. */
        private final Map<Long, Pending> pending = new HashMap<>();
        /** Whether events carry {@code time}; decided by the first event. */
        private Boolean explicitTimes;
        private int line;

        void line(int lineNumber, String text) {
            this.line = lineNumber;
            if (text.length() > LINE_CHARS_MAX) {
                throw error(LincheckError.LIN_001, "longer than " + LINE_CHARS_MAX + " characters");
            }
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                return;
            }
            Map<String, Object> event;
            try {
                event = Json.parseObject(trimmed);
            } catch (Json.SyntaxError e) {
                throw error(LincheckError.LIN_001, e.getMessage());
            }
            Object process = event.get("process");
            if (process instanceof String) {
                return; // a nemesis or other non-client event
            }
            long p = integer("process", process);
            String type = oneOf(event, "type", "invoke", "ok", "fail", "info");
            String f = oneOf(event, "f", "read", "write", "cas");
            String key = text("key", event.get("key"), false);
            long time = time(event);
            if (type.equals("invoke")) {
                invoke(event, p, f, key, time);
            } else {
                complete(event, p, type, f, key, time);
            }
        }

        History<RegisterInput, RegisterOutput> finish() {
            return builder.build();
        }

        private void invoke(Map<String, Object> event, long process, String f, String key, long time) {
            Pending inFlight = pending.get(process);
            if (inFlight != null) {
                throw error(LincheckError.LIN_004,
                        "process " + process + " invokes while its invocation on line " + inFlight.line() + " is in flight");
            }
            for (String field : new String[] {"swapped", "version"}) {
                if (event.containsKey(field)) {
                    throw error(LincheckError.LIN_002, "\"" + field + "\" belongs on an ok completion, not an invocation");
                }
            }
            Object raw = event.get("value");
            RegisterInput input = switch (f) {
                case "read" -> {
                    if (raw != null && raw != Json.NULL) {
                        throw error(LincheckError.LIN_002, "a read invocation has no value (null or absent)");
                    }
                    yield RegisterInput.read();
                }
                case "write" -> RegisterInput.write(text("value", raw, false));
                case "cas" -> {
                    if (!(raw instanceof List<?> pair) || pair.size() != 2) {
                        throw error(LincheckError.LIN_002, "a cas value is [expected, new]");
                    }
                    yield RegisterInput.cas(text("value[0]", pair.get(0), true), text("value[1]", pair.get(1), false));
                }
                default -> throw new IllegalStateException("unreachable: " + f);
            };
            guarded(() -> builder.invoke(process, key, input, time));
            pending.put(process, new Pending(f, key, input, raw, line));
        }

        private void complete(Map<String, Object> event, long process, String type, String f, String key, long time) {
            Pending inv = pending.get(process);
            if (inv == null) {
                throw error(LincheckError.LIN_003, "process " + process + " has no invocation in flight");
            }
            if (!inv.f().equals(f) || !inv.key().equals(key)) {
                throw error(LincheckError.LIN_005, "completes " + f + " on \"" + key + "\" but line " + inv.line()
                        + " invoked " + inv.f() + " on \"" + inv.key() + "\"");
            }
            boolean ok = type.equals("ok");
            if (!ok && (event.containsKey("swapped") || event.containsKey("version"))) {
                throw error(LincheckError.LIN_002, "\"swapped\" and \"version\" belong on ok completions only");
            }
            if (event.containsKey("swapped") && !f.equals("cas")) {
                throw error(LincheckError.LIN_002, "\"swapped\" belongs on cas completions only");
            }
            Object raw = event.get("value");
            if (!f.equals("read") && raw != null && !sameValue(raw, inv.rawValue())) {
                throw error(LincheckError.LIN_005, "value " + raw + " differs from the invocation's on line " + inv.line());
            }
            pending.remove(process);
            switch (type) {
                case "ok" -> {
                    OptionalLong version = event.containsKey("version")
                            ? OptionalLong.of(nonNegative("version", integer("version", event.get("version"))))
                            : OptionalLong.empty();
                    RegisterOutput output = switch (f) {
                        case "read" -> {
                            if (raw == null) {
                                throw error(LincheckError.LIN_002, "a read completion needs \"value\" (null if absent)");
                            }
                            yield new RegisterOutput.ReadOk(text("value", raw, true), version);
                        }
                        case "write" -> new RegisterOutput.WriteOk(version);
                        case "cas" -> {
                            Object swapped = event.getOrDefault("swapped", Boolean.TRUE);
                            if (!(swapped instanceof Boolean b)) {
                                throw error(LincheckError.LIN_002, "\"swapped\" must be true or false");
                            }
                            yield guarded(() -> new RegisterOutput.CasOk(b, version));
                        }
                        default -> throw new IllegalStateException("unreachable: " + f);
                    };
                    guarded(() -> builder.ok(process, output, time));
                }
                case "fail" -> guarded(() -> builder.fail(process, time));
                case "info" -> guarded(() -> builder.info(process, time));
                default -> throw new IllegalStateException("unreachable: " + type);
            }
        }

        /** Values compare by their canonical text, so 3 and "3" are the same value. */
        private static boolean sameValue(Object a, Object b) {
            return canonical(a).equals(canonical(b));
        }

        private static Object canonical(Object v) {
            if (v instanceof Json.Num n && n.isInteger()) {
                return new BigInteger(n.literal()).toString();
            }
            if (v instanceof List<?> list) {
                return list.stream().map(HistoryParser::canonical).toList();
            }
            return v;
        }

        /** Runs a builder or constructor call, giving its error the current line number. */
        private <T> T guarded(Supplier<T> action) {
            try {
                return action.get();
            } catch (LincheckException e) {
                throw error(e.code(), e.getMessage());
            }
        }

        private long time(Map<String, Object> event) {
            boolean has = event.containsKey("time");
            if (explicitTimes == null) {
                explicitTimes = has;
            } else if (explicitTimes != has) {
                throw error(LincheckError.LIN_002, explicitTimes
                        ? "missing \"time\" (earlier events have one; give it on all events or none)"
                        : "has \"time\" but earlier events do not (give it on all events or none)");
            }
            return has ? integer("time", event.get("time")) : line;
        }

        private String oneOf(Map<String, Object> event, String field, String... allowed) {
            Object v = event.get(field);
            if (v instanceof String s) {
                for (String a : allowed) {
                    if (a.equals(s)) {
                        return a;
                    }
                }
            }
            throw error(LincheckError.LIN_002, (v == null ? "missing \"" + field + "\"" : "invalid \"" + field + "\": " + v)
                    + "; expected one of " + String.join(", ", allowed));
        }

        private long integer(String field, Object v) {
            if (v instanceof Json.Num n && n.isInteger()) {
                try {
                    return Long.parseLong(n.literal());
                } catch (NumberFormatException e) {
                    throw error(LincheckError.LIN_002, "\"" + field + "\" out of range: " + n.literal());
                }
            }
            throw error(LincheckError.LIN_002, v == null ? "missing \"" + field + "\"" : "\"" + field + "\" must be an integer: " + v);
        }

        private long nonNegative(String field, long v) {
            if (v < 0) {
                throw error(LincheckError.LIN_002, "\"" + field + "\" must not be negative: " + v);
            }
            return v;
        }

        /** A string, or an integer as its decimal text; null (absent key) only where allowed. */
        private String text(String field, Object v, boolean nullable) {
            if (v instanceof String s) {
                return s;
            }
            if (v instanceof Json.Num n && n.isInteger()) {
                return new BigInteger(n.literal()).toString();
            }
            if (nullable && v == Json.NULL) {
                return null;
            }
            throw error(LincheckError.LIN_002, v == null
                    ? "missing \"" + field + "\""
                    : "\"" + field + "\" must be a string or an integer" + (nullable ? " or null" : "") + ": " + v);
        }

        private LincheckException error(LincheckError code, String message) {
            return new LincheckException(code, "line " + line + ": " + message);
        }
    }
}
