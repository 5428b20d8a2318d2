package dev.vaylix.spec.trace;

import dev.vaylix.api.json.Json;
import dev.vaylix.api.json.JsonArray;
import dev.vaylix.api.json.JsonBool;
import dev.vaylix.api.json.JsonException;
import dev.vaylix.api.json.JsonNull;
import dev.vaylix.api.json.JsonNumber;
import dev.vaylix.api.json.JsonObject;
import dev.vaylix.api.json.JsonString;
import dev.vaylix.api.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Turns a trace in the format of TRACE_FORMAT.md (JSON lines) into a TLA+ module that extends
 * {@code VaylixRaftTrace}, and the {@code .cfg} that checks it.
 *
 * <p>Every event is validated here first (known action, required fields with the right types,
 * node ids from the header, read ids introduced before use), so that a malformed trace fails with
 * a {@link TraceFormatException} naming the line, instead of as an obscure TLC evaluation error.
 * Unknown fields are rejected unless their name starts with {@code x_} (free for emitters' notes).
 *
 * <p>Stateless apart from one generation; not thread-safe (create one per trace).
 */
public final class TraceModuleWriter {

    /** Longest node id accepted; ids become TLA+ strings. */
    static final int NODE_ID_LENGTH_MAX = 64;
    /** Largest number accepted: TLC integers are 32-bit. */
    static final long NUMBER_MAX = Integer.MAX_VALUE;
    /** Longest trace accepted, in events. */
    static final int EVENTS_MAX = 1_000_000;

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1," + NODE_ID_LENGTH_MAX + "}");
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Set<String> ROLES = Set.of("Follower", "PreCandidate", "Candidate", "Leader");
    private static final Set<String> CHANGES = Set.of("add_learner", "promote", "remove");
    private static final Set<String> ENTRY_KINDS = Set.of("noop", "write", "config");
    private static final Set<String> NODE_ONLY = Set.of("contact_expired", "timeout", "become_candidate",
            "become_leader", "abandon_campaign", "check_quorum_step_down", "step_down_removed", "client_write",
            "transfer_abort", "read_round");
    /** Events that carry a message the sender's spec action must produce or have produced. */
    private static final Set<String> SENDS = Set.of("send_append", "send_heartbeat", "send_timeout_now", "sent");
    private static final Map<String, String> SEND_TYPES = Map.of("send_append", "AppendReq",
            "send_heartbeat", "Heartbeat", "send_timeout_now", "TimeoutNow");

    /** The generated module holding the trace; {@code VaylixRaftTrace} extends it. */
    public static final String DATA_MODULE = "TraceData";
    /** The root module of a trace check. */
    public static final String ROOT_MODULE = "VaylixRaftTrace";
    /** The root module of the diagnosis run (shows the longest explained prefix). */
    public static final String DIAGNOSIS_MODULE = "TraceDiag";

    /**
     * A generated trace check. The trace is a definition ({@code TraceLog}) of its own module rather
     * than a constant substituted in the configuration, because TLC evaluates a zero-arity definition
     * once but re-evaluates a substituted constant at every use (about 100 times slower here).
     *
     * @param module      text of the module {@link #DATA_MODULE}
     * @param config      text of the {@code .cfg} of {@link #ROOT_MODULE} that accepts iff the trace is a behaviour
     * @param eventLines  eventLines.get(i - 1) is the line number in the trace file of event i
     *                    (for a generated {@code discard} step, the line of the message's last use)
     * @param truncated   why the emitter ended the trace early ({@code truncated} line), or empty
     */
    public record Generated(String module, String config, List<Integer> eventLines, String truncated) {
        public Generated {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(config, "config");
            eventLines = List.copyOf(eventLines);
            Objects.requireNonNull(truncated, "truncated");
        }

        public int eventCount() {
            return eventLines.size();
        }
    }

    private final Set<String> servers = new LinkedHashSet<>();
    private final Map<String, Integer> readIds = new HashMap<>();
    private int lineNumber;

    private TraceModuleWriter() {}

    /**
     * Generates the data module and configuration for one trace.
     *
     * @param lines the trace file's lines; blank lines are skipped
     * @throws TraceFormatException if the trace does not follow TRACE_FORMAT.md
     */
    public static Generated generate(List<String> lines) {
        return new TraceModuleWriter().write(lines);
    }

    /** The module whose run prints the behaviour explaining events 1..event - 1 (diagnosis). */
    public static String diagnosisModule(int event) {
        return "---- MODULE " + DIAGNOSIS_MODULE + " ----\n"
                + "EXTENDS " + ROOT_MODULE + "\n"
                + "TraceStuck == TraceBelow(" + event + ")\n"
                + "====\n";
    }

    public static String diagnosisConfig(String generatedConfig) {
        return generatedConfig + "INVARIANT TraceStuck\n";
    }

    private Generated write(List<String> lines) {
        MessageLifetimes events = new MessageLifetimes();
        String voters = null;
        String truncated = "";
        for (int i = 0; i < lines.size(); i++) {
            lineNumber = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (!truncated.isEmpty()) {
                throw error("nothing may follow the \"truncated\" line");
            }
            Fields e = new Fields(parseObject(line), "event");
            String action = e.string("action");
            if (voters == null) {
                if (!action.equals("init")) {
                    throw error("the first event must be \"init\", not \"" + action + "\"");
                }
                voters = header(e);
                continue;
            }
            switch (action) {
                case "init" -> throw error("\"init\" may appear only once, as the first line");
                case "note" -> e.finish();
                case "truncated" -> {
                    truncated = e.string("reason");
                    e.finish();
                }
                default -> {
                    if (events.size() >= EVENTS_MAX) {
                        throw error("more than " + EVENTS_MAX + " events");
                    }
                    event(action, e, events);
                }
            }
        }
        if (voters == null) {
            throw new TraceFormatException("empty trace: no \"init\" line");
        }
        events.close();
        StringBuilder module = new StringBuilder();
        module.append("---- MODULE ").append(DATA_MODULE).append(" ----\n");
        module.append("\\* Generated by dev.vaylix.spec.trace.TraceModuleWriter from a trace in the format of\n");
        module.append("\\* TRACE_FORMAT.md. Do not edit.\n");
        module.append("TraceLog == <<\n");
        List<String> records = events.records();
        for (int i = 0; i < records.size(); i++) {
            module.append("  ").append(records.get(i)).append(i + 1 < records.size() ? ",\n" : "\n");
        }
        module.append(">>\n====\n");
        return new Generated(module.toString(), config(set(servers), voters), events.lines(), truncated);
    }

    private static String config(String servers, String voters) {
        return """
                \\* Generated by dev.vaylix.spec.trace.TraceModuleWriter. Do not edit.
                \\* The trace is accepted iff TLC prints VaylixRaftTrace!AcceptedMarker (every event explained).
                CONSTANTS
                    Server = %s
                    InitVoters = %s
                    Nil = Nil
                    Features = {"crash", "writes", "reads", "config", "transfer", "drop", "dup", "checkquorum",
                                "pipeline", "compacted"}
                    Mutation = "none"
                    MaxTerm = 0
                    MaxLogLen = 0
                    MaxMsgs = 0
                    MaxRestarts = 0
                    MaxReads = 0
                    MaxBatch = 0
                INIT TraceInit
                NEXT TraceNext
                CHECK_DEADLOCK FALSE
                """.formatted(servers, voters);
    }

    private String header(Fields e) {
        List<JsonValue> serverList = e.array("servers");
        if (serverList.isEmpty()) {
            throw error("\"servers\" must not be empty");
        }
        for (JsonValue v : serverList) {
            String id = nodeIdOf(v, "servers");
            if (!servers.add(id)) {
                throw error("duplicate server \"" + id + "\"");
            }
        }
        Set<String> voters = new LinkedHashSet<>();
        for (JsonValue v : e.array("voters")) {
            voters.add(knownNode(nodeIdOf(v, "voters"), "voters"));
        }
        if (voters.isEmpty()) {
            throw error("\"voters\" must not be empty");
        }
        e.finish();
        return set(voters);
    }

    private void event(String action, Fields e, MessageLifetimes events) {
        StringBuilder r = new StringBuilder("[action |-> ").append(str(action));
        String msg = null;
        if (NODE_ONLY.contains(action)) {
            r.append(", node |-> ").append(e.node("node"));
        } else if (SENDS.contains(action)) {
            String from = e.node("node");
            Fields m = e.object("msg");
            String type = SEND_TYPES.get(action);
            if (type != null && !m.string("type").equals(type)) {
                throw error(action + " carries a " + type + " message");
            }
            msg = message(m, from, null);
            r.append(", node |-> ").append(from).append(", msg |-> ").append(msg);
        } else {
            switch (action) {
                case "persist" -> r.append(", node |-> ").append(e.node("node"))
                        .append(", index |-> ").append(e.nat("index"));
                case "receive", "receive_compacted" -> {
                    String to = e.node("node");
                    msg = message(e.object("msg"), null, to);
                    r.append(", node |-> ").append(to).append(", msg |-> ").append(msg);
                }
                case "advance_commit" -> r.append(", node |-> ").append(e.node("node"))
                        .append(", commit |-> ").append(e.nat("commit"));
                case "propose_config" -> {
                    String change = e.string("change");
                    if (!CHANGES.contains(change)) {
                        throw error("\"change\" must be one of " + CHANGES + ", not \"" + change + "\"");
                    }
                    r.append(", node |-> ").append(e.node("node")).append(", change |-> ").append(str(change))
                            .append(", server |-> ").append(e.node("server"));
                }
                case "transfer_start" -> r.append(", node |-> ").append(e.node("node"))
                        .append(", target |-> ").append(e.node("target"));
                case "read_begin" -> r.append(", node |-> ").append(e.node("node"))
                        .append(", id |-> ").append(newReadId(e.value("id")));
                case "read_forward" -> r.append(", node |-> ").append(e.node("node"))
                        .append(", id |-> ").append(newReadId(e.value("id")))
                        .append(", to |-> ").append(e.node("to"));
                case "read_ready", "read_reject" -> r.append(", node |-> ").append(e.node("node"))
                        .append(", id |-> ").append(readId(e.value("id")));
                case "read_fail" -> {
                    r.append(", id |-> ").append(readId(e.value("id")));
                    if (e.has("node")) {
                        r.append(", node |-> ").append(e.node("node"));
                    }
                }
                case "restart" -> r.append(", node |-> ").append(e.node("node"))
                        .append(", logLen |-> ").append(e.nat("logLen"))
                        .append(", commit |-> ").append(e.nat("commit"));
                default -> throw error("unknown action \"" + action + "\"");
            }
        }
        if (e.has("post")) {
            if (!e.has("node")) {
                throw error("\"post\" needs the acting \"node\"");
            }
            r.append(", post |-> ").append(post(e.object("post")));
        }
        e.finish();
        boolean received = action.equals("receive") || action.equals("receive_compacted");
        events.add(r.append("]").toString(), lineNumber, msg, received);
    }

    private String post(Fields p) {
        StringJoiner fields = new StringJoiner(", ", "[", "]");
        for (String f : List.of("term", "commit", "logLen", "lastTerm", "synced")) {
            if (p.has(f)) {
                fields.add(f + " |-> " + p.nat(f));
            }
        }
        if (p.has("role")) {
            String role = p.string("role");
            if (!ROLES.contains(role)) {
                throw error("\"role\" must be one of " + ROLES + ", not \"" + role + "\"");
            }
            fields.add("role |-> " + str(role));
        }
        if (p.has("votedFor")) {
            // The data module cannot name the model value Nil: "" stands for "no vote" (VaylixRaftTrace).
            fields.add("votedFor |-> " + (p.value("votedFor") instanceof JsonNull ? "\"\"" : p.node("votedFor")));
        }
        p.finish();
        if (fields.length() == 2) {
            throw error("\"post\" is empty");
        }
        return fields.toString();
    }

    /**
     * A message in the spec's shape. {@code from}/{@code to}, when given, are implied by the event
     * and must agree with the message if it names them.
     */
    private String message(Fields m, String from, String to) {
        String type = m.string("type");
        String sender = implied(m, "from", from);
        String receiver = implied(m, "to", to);
        StringBuilder r = new StringBuilder("[type |-> ").append(str(type))
                .append(", from |-> ").append(sender).append(", to |-> ").append(receiver);
        switch (type) {
            case "PreVoteReq" -> r.append(", term |-> ").append(m.nat("term"))
                    .append(", lastLogTerm |-> ").append(m.nat("lastLogTerm"))
                    .append(", lastLogIndex |-> ").append(m.nat("lastLogIndex"));
            case "PreVoteResp", "VoteResp" -> r.append(", term |-> ").append(m.nat("term"))
                    .append(", granted |-> ").append(m.bool("granted"));
            case "VoteReq" -> r.append(", term |-> ").append(m.nat("term"))
                    .append(", lastLogTerm |-> ").append(m.nat("lastLogTerm"))
                    .append(", lastLogIndex |-> ").append(m.nat("lastLogIndex"))
                    .append(", transfer |-> ").append(m.bool("transfer"));
            case "AppendReq" -> r.append(", term |-> ").append(m.nat("term"))
                    .append(", prevIndex |-> ").append(m.nat("prevIndex"))
                    .append(", prevTerm |-> ").append(m.nat("prevTerm"))
                    .append(", entries |-> ").append(entries(m.array("entries")))
                    .append(", commit |-> ").append(m.nat("commit"));
            case "AppendResp" -> {
                boolean success = m.bool("success").equals("TRUE");
                long match = m.nat("matchIndex");
                // A rejection's match index is a backoff hint in the implementation; the spec's
                // rejections carry 0 (the leader learns nothing from them but the term).
                r.append(", term |-> ").append(m.nat("term"))
                        .append(", success |-> ").append(success ? "TRUE" : "FALSE")
                        .append(", matchIndex |-> ").append(success ? match : 0);
            }
            case "Heartbeat" -> r.append(", term |-> ").append(m.nat("term"))
                    .append(", commit |-> ").append(m.nat("commit"))
                    .append(", round |-> ").append(m.nat("round"));
            case "HeartbeatResp" -> r.append(", term |-> ").append(m.nat("term"))
                    .append(", round |-> ").append(m.nat("round"));
            case "TimeoutNow" -> r.append(", term |-> ").append(m.nat("term"));
            case "ReadIndexReq" -> r.append(", term |-> ").append(m.nat("term"))
                    .append(", id |-> ").append(readId(m.value("id")));
            case "ReadIndexResp" -> {
                boolean ok = m.bool("ok").equals("TRUE");
                r.append(", term |-> ").append(m.nat("term"))
                        .append(", id |-> ").append(readId(m.value("id")))
                        .append(", ok |-> ").append(ok ? "TRUE" : "FALSE")
                        .append(", readIndex |-> ").append(m.nat("readIndex"));
            }
            default -> throw error("unknown message type \"" + type + "\"");
        }
        m.finish();
        return r.append("]").toString();
    }

    private String implied(Fields m, String field, String implied) {
        if (implied == null) {
            return m.node(field);
        }
        if (m.has(field) && !m.node(field).equals(implied)) {
            throw error("message \"" + field + "\" is " + m.node(field) + " but the event implies " + implied);
        }
        return implied;
    }

    private String entries(List<JsonValue> items) {
        StringJoiner out = new StringJoiner(", ", "<<", ">>");
        for (JsonValue item : items) {
            if (!(item instanceof JsonObject obj)) {
                throw error("\"entries\" must hold objects");
            }
            Fields f = new Fields(obj, "entry");
            long term = f.nat("term");
            if (term < 1) {
                throw error("entry terms start at 1");
            }
            String kind = f.string("kind");
            if (!ENTRY_KINDS.contains(kind)) {
                throw error("entry \"kind\" must be one of " + ENTRY_KINDS + ", not \"" + kind + "\"");
            }
            String cfg = "[voters |-> {}, learners |-> {}]";
            if (kind.equals("config")) {
                cfg = "[voters |-> " + nodeSet(f.array("voters"), "voters")
                        + ", learners |-> " + nodeSet(f.array("learners"), "learners") + "]";
            }
            f.finish();
            out.add("[term |-> " + term + ", kind |-> " + str(kind) + ", cfg |-> " + cfg + "]");
        }
        return out.toString();
    }

    private String nodeSet(List<JsonValue> items, String field) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonValue v : items) {
            ids.add(knownNode(nodeIdOf(v, field), field));
        }
        return set(ids);
    }

    private int newReadId(JsonValue id) {
        String key = readKey(id);
        if (readIds.containsKey(key)) {
            throw error("read id " + key + " was already used");
        }
        int tlaId = readIds.size() + 1;
        readIds.put(key, tlaId);
        return tlaId;
    }

    private int readId(JsonValue id) {
        Integer tlaId = readIds.get(readKey(id));
        if (tlaId == null) {
            throw error("read id " + readKey(id) + " was not introduced by read_begin or read_forward");
        }
        return tlaId;
    }

    private String readKey(JsonValue id) {
        return switch (id) {
            case JsonNumber n -> Long.toString(natural(n, "id"));
            case JsonString s -> "\"" + s.value() + "\"";
            case JsonObject o -> throw error("a read id is a number or a string");
            case JsonArray a -> throw error("a read id is a number or a string");
            case JsonBool b -> throw error("a read id is a number or a string");
            case JsonNull n -> throw error("a read id is a number or a string");
        };
    }

    private String nodeIdOf(JsonValue v, String field) {
        if (!(v instanceof JsonString s) || !NODE_ID.matcher(s.value()).matches()) {
            throw error("\"" + field + "\" must hold node ids matching " + NODE_ID.pattern());
        }
        return s.value();
    }

    private String knownNode(String id, String field) {
        if (!servers.contains(id)) {
            throw error("\"" + field + "\" names \"" + id + "\", which is not in the init line's servers");
        }
        return id;
    }

    private static String set(Set<String> ids) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        ids.forEach(id -> out.add(str(id)));
        return out.toString();
    }

    /** Only called on validated strings (node ids, known keywords): no escaping needed. */
    private static String str(String s) {
        return "\"" + s + "\"";
    }

    private JsonObject parseObject(String line) {
        JsonValue value;
        try {
            value = Json.parse(line);
        } catch (JsonException e) {
            throw error("invalid JSON: " + e.getMessage());
        }
        if (value instanceof JsonObject obj) {
            return obj;
        }
        throw error("each line must be a JSON object");
    }

    /** An integer in 0..NUMBER_MAX (TLC integers are 32-bit). */
    private long natural(JsonNumber n, String field) {
        try {
            long v = n.longValue();
            if (v >= 0 && v <= NUMBER_MAX) {
                return v;
            }
        } catch (JsonException e) {
            // not an integer, or out of range: reported below
        }
        throw error("\"" + field + "\" must be an integer in 0.." + NUMBER_MAX);
    }

    private TraceFormatException error(String what) {
        return new TraceFormatException("line " + lineNumber + ": " + what);
    }

    /** Typed access to an object's fields; remembers which were used so leftovers can be rejected. */
    private final class Fields {
        private final JsonObject obj;
        private final String what;
        private final Set<String> used = new LinkedHashSet<>();

        Fields(JsonObject obj, String what) {
            this.obj = obj;
            this.what = what;
        }

        boolean has(String field) {
            return obj.has(field);
        }

        JsonValue value(String field) {
            JsonValue v = obj.get(field).orElse(null);
            if (v == null) {
                throw error(what + " lacks \"" + field + "\"");
            }
            used.add(field);
            return v;
        }

        String string(String field) {
            if (value(field) instanceof JsonString s) {
                return s.value();
            }
            throw error("\"" + field + "\" must be a string");
        }

        long nat(String field) {
            if (value(field) instanceof JsonNumber n) {
                return natural(n, field);
            }
            throw error("\"" + field + "\" must be an integer in 0.." + NUMBER_MAX);
        }

        String bool(String field) {
            if (value(field) instanceof JsonBool b) {
                return b.value() ? "TRUE" : "FALSE";
            }
            throw error("\"" + field + "\" must be true or false");
        }

        List<JsonValue> array(String field) {
            if (value(field) instanceof JsonArray a) {
                return a.elements();
            }
            throw error("\"" + field + "\" must be an array");
        }

        Fields object(String field) {
            if (value(field) instanceof JsonObject o) {
                return new Fields(o, "\"" + field + "\"");
            }
            throw error("\"" + field + "\" must be an object");
        }

        String node(String field) {
            return str(knownNode(nodeIdOf(value(field), field), field));
        }

        void finish() {
            for (JsonObject.Member member : obj.members()) {
                String field = member.name();
                if (!used.contains(field) && !field.startsWith("x_")) {
                    throw error(what + " has unknown field \"" + field + "\"");
                }
            }
        }
    }
}
