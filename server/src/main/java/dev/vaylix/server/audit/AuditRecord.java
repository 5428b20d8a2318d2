package dev.vaylix.server.audit;

import dev.vaylix.api.Key;
import dev.vaylix.api.json.Json;
import dev.vaylix.api.json.JsonException;
import dev.vaylix.api.json.JsonObject;
import dev.vaylix.api.json.JsonValue;
import dev.vaylix.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One line of the audit log (STORAGE.md §12.1), as written and as read back.
 *
 * <p>{@code event_hash} is the lower-case hex SHA-256 of {@link #payloadJson()}: the compact JSON
 * (serde_json profile, §2.2) of every field except {@code event_hash}, in the §12.1 order, with the
 * {@code details} keys byte-sorted. Because the hash is recomputed from the parsed values, it does
 * not depend on how a reader spaced or ordered the members, only on what they say.
 *
 * @param status    {@code ok}, {@code error} or {@code not_found}
 * @param errorCode the code text ({@code SRV-012}); free text when read back
 * @param details   string values, keys byte-sorted
 */
record AuditRecord(long auditVersion, long sequence, String previousHash, String eventHash, String hashAlgorithm, long timestampMs,
                   long connectionId, Optional<String> peer, Optional<String> username, String requestId, String opcode,
                   AuditStatus status, Optional<String> errorCode, long latencyMs, String eventType,
                   SortedMap<String, String> details) {

    static final long AUDIT_VERSION = 1;
    static final String HASH_ALGORITHM = "sha256";
    /** {@code previous_hash} of line 1. */
    static final String GENESIS_HASH = "0".repeat(64);

    /** The members a line may have, as §12.1 lists them; anything else is refused on read. */
    private static final Set<String> FIELDS = Set.of("audit_version", "sequence", "previous_hash", "event_hash", "hash_algorithm",
            "timestamp_ms", "connection_id", "peer", "username", "request_id", "opcode", "status", "error_code", "latency_ms",
            "event_type", "details");

    AuditRecord {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(eventHash, "eventHash");
        Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(eventType, "eventType");
        SortedMap<String, String> sorted = new TreeMap<>(Key::compareUtf8); // byte order, as a Rust BTreeMap<String, _>
        sorted.putAll(details);
        details = sorted;
    }

    /** The line that follows {@code previousHash} at {@code sequence} for {@code event}, its hash computed. */
    static AuditRecord next(long sequence, String previousHash, long timestampMs, AuditEvent event) {
        AuditContext context = event.context();
        AuditRecord unhashed = new AuditRecord(AUDIT_VERSION, sequence, previousHash, "", HASH_ALGORITHM, timestampMs,
                context.connectionId(), context.peer(), context.username(), context.requestId().toString(), event.opcode(),
                event.status(), event.errorCode().map(code -> code.code()), event.latencyMs(), event.eventType(),
                event.details().entries());
        return unhashed.withEventHash(unhashed.computeHash());
    }

    AuditRecord withEventHash(String hash) {
        return new AuditRecord(auditVersion, sequence, previousHash, hash, hashAlgorithm, timestampMs, connectionId, peer, username,
                requestId, opcode, status, errorCode, latencyMs, eventType, details);
    }

    /** The hashed form: compact JSON without {@code event_hash}. */
    String payloadJson() {
        return json(false);
    }

    /** The stored form: compact JSON with {@code event_hash} after {@code previous_hash}, without the newline. */
    String lineJson() {
        return json(true);
    }

    /** Lower-case hex SHA-256 of the UTF-8 of {@link #payloadJson()}. */
    String computeHash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(payloadJson().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String json(boolean withEventHash) {
        JsonWriter out = JsonWriter.compact(512).beginObject();
        out.name("audit_version").valueUnsigned(auditVersion);
        out.name("sequence").valueUnsigned(sequence);
        out.name("previous_hash").value(previousHash);
        if (withEventHash) {
            out.name("event_hash").value(eventHash);
        }
        out.name("hash_algorithm").value(hashAlgorithm);
        out.name("timestamp_ms").valueUnsigned(timestampMs);
        out.name("connection_id").valueUnsigned(connectionId);
        optional(out.name("peer"), peer);
        optional(out.name("username"), username);
        out.name("request_id").value(requestId);
        out.name("opcode").value(opcode);
        out.name("status").value(status.text());
        optional(out.name("error_code"), errorCode);
        out.name("latency_ms").valueUnsigned(latencyMs);
        out.name("event_type").value(eventType);
        out.name("details").beginObject();
        details.forEach((key, value) -> out.name(key).value(value));
        return out.endObject().endObject().text();
    }

    private static void optional(JsonWriter out, Optional<String> value) {
        if (value.isPresent()) {
            out.value(value.get());
        } else {
            out.nullValue();
        }
    }

    /**
     * Parses one line (without its newline).
     *
     * @throws JsonException with serde-style text ({@code missing field `sequence`}, {@code unknown
     *         field `x`}, a syntax error with its position) when the line is not a well-formed record
     */
    static AuditRecord parse(byte[] line) {
        JsonValue value = Json.parse(line);
        JsonObject object = value.asObject();
        for (JsonObject.Member member : object.members()) {
            if (!FIELDS.contains(member.name())) {
                throw new JsonException("unknown field `" + member.name() + "`");
            }
        }
        long auditVersion = object.u64("audit_version");
        long sequence = object.u64("sequence");
        String previousHash = object.string("previous_hash");
        String eventHash = object.string("event_hash");
        String hashAlgorithm = object.string("hash_algorithm");
        long timestampMs = object.u64("timestamp_ms");
        long connectionId = object.u64("connection_id");
        Optional<String> peer = object.optionalString("peer");
        Optional<String> username = object.optionalString("username");
        String requestId = object.string("request_id");
        String opcode = object.string("opcode");
        String statusText = object.string("status");
        AuditStatus status = AuditStatus.parse(statusText).orElseThrow(() -> new JsonException("field `status`: unknown variant `"
                + statusText + "`, expected one of `ok`, `error`, `not_found`"));
        Optional<String> errorCode = object.optionalString("error_code");
        long latencyMs = object.u64("latency_ms");
        String eventType = object.string("event_type");
        SortedMap<String, String> details = new TreeMap<>(Key::compareUtf8);
        List<JsonObject.Member> members = object.object("details").members();
        for (JsonObject.Member member : members) {
            try {
                details.put(member.name(), member.value().asString());
            } catch (JsonException e) {
                throw new JsonException("field `details`: `" + member.name() + "`: " + e.getMessage());
            }
        }
        return new AuditRecord(auditVersion, sequence, previousHash, eventHash, hashAlgorithm, timestampMs, connectionId, peer,
                username, requestId, opcode, status, errorCode, latencyMs, eventType, details);
    }
}
