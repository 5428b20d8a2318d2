package dev.vaylix.api.backup;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.json.Json;
import dev.vaylix.api.json.JsonArray;
import dev.vaylix.api.json.JsonException;
import dev.vaylix.api.json.JsonObject;
import dev.vaylix.api.json.JsonValue;
import dev.vaylix.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * Logical backups (STORAGE.md §11) as pure functions on bytes: writing the dump JSON v2, parsing v1
 * and v2, RESTORE CHECK, BACKUP VERIFY, and the sidecar manifest of BACKUP TO. File I/O and the path
 * sandbox belong to the server; applying a restore belongs to the engine.
 *
 * <p>Errors, as COMMANDS.md §3.3 specifies: malformed JSON, a missing or mistyped field, or bad
 * base64 → {@code ENG-004}; a dump version other than 1 or 2 → {@code ENG-009} (resource
 * {@code logical backup}); BACKUP VERIFY's header and manifest checks → {@code SRV-029}.
 * Unlike the reference, RESTORE CHECK and BACKUP VERIFY decode the base64 too (docs/COMPATIBILITY.md):
 * a check that passes must mean the restore will.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class LogicalBackup {

    /** The dump version BACKUP writes. */
    public static final int DUMP_VERSION = 2;
    /** {@code source_engine_version}: the reference's engine schema version, kept for compatibility. */
    public static final int SOURCE_ENGINE_VERSION = 3;
    public static final int MANIFEST_VERSION = 1;
    public static final String HASH_ALGORITHM = "sha256";
    /** The sidecar of {@code <file>} is {@code <file>.manifest.json}. */
    public static final String MANIFEST_SUFFIX = ".manifest.json";

    private static final String RESOURCE = "logical backup";
    private static final int ENTRY_JSON_CHARS_ESTIMATE = 96;

    private LogicalBackup() {
    }

    /**
     * Writes the compact dump JSON v2, entries in the given order.
     *
     * @param entries the live entries in strictly ascending key order (byte order), each with
     *                {@code version >= 1}
     * @return the UTF-8 dump, owned by the caller
     * @throws IllegalArgumentException if the entries are out of order or repeat a key
     */
    public static byte[] write(long createdAtMs, long sourceSequence, List<DumpEntry> entries) {
        JsonWriter out = JsonWriter.compact(128 + entries.size() * ENTRY_JSON_CHARS_ESTIMATE);
        out.beginObject()
                .name("version").value(DUMP_VERSION)
                .name("created_at_ms").valueUnsigned(createdAtMs)
                .name("source_engine_version").value(SOURCE_ENGINE_VERSION)
                .name("source_sequence").valueUnsigned(sourceSequence)
                .name("entries").beginArray();
        Key previous = null;
        Base64.Encoder base64 = Base64.getEncoder();
        for (DumpEntry entry : entries) {
            if (previous != null && previous.compareTo(entry.key()) >= 0) {
                throw new IllegalArgumentException("dump entries must be in strictly ascending key order");
            }
            previous = entry.key();
            out.beginObject()
                    .name("key").value(entry.key().text())
                    .name("value_base64").value(base64.encodeToString(entry.value().toByteArray()))
                    .name("expires_at_ms");
            if (entry.expiresAtMs().isPresent()) {
                out.valueUnsigned(entry.expiresAtMs().getAsLong());
            } else {
                out.nullValue();
            }
            out.name("version").valueUnsigned(entry.version()).endObject();
        }
        out.endArray().endObject();
        return out.toUtf8();
    }

    /**
     * Parses a v1 or v2 dump completely, base64 included. Unknown fields are ignored;
     * {@code expires_at_ms} may be missing (= null); every other field is required.
     *
     * @throws VaylixException ENG-004 if malformed, ENG-009 if the version is not 1 or 2
     */
    public static LogicalDump parse(byte[] dump) {
        JsonValue document;
        try {
            document = Json.parse(dump);
        } catch (JsonException e) {
            throw ErrorCode.ENG_004.exception(e.getMessage());
        }
        return parse(document);
    }

    /**
     * RESTORE CHECK: the number of entries not expired at {@code nowMs}, without changing anything.
     *
     * @throws VaylixException as {@link #parse}
     */
    public static long check(byte[] dump, long nowMs) {
        return parse(dump).liveCount(nowMs);
    }

    /**
     * BACKUP VERIFY: the header check, then the full parse.
     *
     * @throws VaylixException SRV-029 if the JSON is malformed, lacks a header field
     *         ({@code version}, {@code created_at_ms}, {@code source_engine_version},
     *         {@code source_sequence}, {@code entries}) or has a version other than 1 or 2; ENG-004
     *         if an entry is malformed
     */
    public static Verification verify(byte[] dump, long nowMs) {
        return verifyParsed(dump, nowMs).verification();
    }

    /**
     * BACKUP VERIFY FROM: checks the sidecar manifest, verifies the dump, and requires every manifest
     * field to match the values recomputed from the dump.
     *
     * @param manifest the bytes of {@code <file>.manifest.json} (reading it, and SRV-004 when it is
     *                 missing, are the server's job)
     * @throws VaylixException SRV-029 for an invalid manifest, an unsupported manifest version or
     *         hash algorithm, or any mismatch; and everything {@link #verify} throws
     */
    public static Verification verify(byte[] dump, byte[] manifest, long nowMs) {
        JsonObject fields;
        try {
            fields = Json.parse(manifest).asObject();
            long manifestVersion = fields.u32("manifest_version");
            if (manifestVersion != MANIFEST_VERSION) {
                throw verificationFailure("unsupported manifest version " + manifestVersion);
            }
            String algorithm = fields.string("hash_algorithm");
            if (!algorithm.equals(HASH_ALGORITHM)) {
                throw verificationFailure("unsupported hash algorithm " + algorithm);
            }
            for (String name : List.of("backup_version", "source_engine_version")) {
                fields.u32(name);
            }
            for (String name : List.of("created_at_ms", "source_sequence", "entry_count", "byte_len")) {
                fields.u64(name);
            }
            fields.string("sha256");
        } catch (JsonException e) {
            throw verificationFailure(e.getMessage());
        }
        Verified verified = verifyParsed(dump, nowMs);
        Verification verification = verified.verification();
        LogicalDump parsed = verified.dump();
        boolean matches = fields.u32("backup_version") == parsed.version()
                && fields.u64("created_at_ms") == parsed.createdAtMs()
                && fields.u32("source_engine_version") == parsed.sourceEngineVersion()
                && fields.u64("source_sequence") == parsed.sourceSequence()
                && fields.u64("entry_count") == verification.entryCount()
                && fields.u64("byte_len") == dump.length
                && fields.string("sha256").equals(verification.sha256());
        if (!matches) {
            throw verificationFailure("backup manifest does not match dump");
        }
        return verification;
    }

    /**
     * The sidecar manifest BACKUP TO writes beside {@code dump} (STORAGE.md §11.4): pretty JSON, no
     * trailing newline, fields in the documented order.
     *
     * @throws VaylixException ENG-004 / ENG-009 if {@code dump} is not a valid dump
     */
    public static String manifest(byte[] dump) {
        LogicalDump parsed = parse(dump);
        JsonObject manifest = JsonObject.builder()
                .put("manifest_version", MANIFEST_VERSION)
                .put("backup_version", parsed.version())
                .putUnsigned("created_at_ms", parsed.createdAtMs())
                .putUnsigned("source_engine_version", parsed.sourceEngineVersion())
                .putUnsigned("source_sequence", parsed.sourceSequence())
                .put("entry_count", parsed.entries().size())
                .put("byte_len", dump.length)
                .put("hash_algorithm", HASH_ALGORITHM)
                .put("sha256", sha256Hex(dump))
                .build();
        return Json.pretty(manifest);
    }

    /** {@code <dumpPath>.manifest.json}. */
    public static String manifestPath(String dumpPath) {
        return dumpPath + MANIFEST_SUFFIX;
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private record Verified(LogicalDump dump, Verification verification) {
    }

    private static Verified verifyParsed(byte[] dump, long nowMs) {
        JsonValue document;
        try {
            document = Json.parse(dump);
        } catch (JsonException e) {
            throw verificationFailure(e.getMessage());
        }
        long version;
        long entryCount;
        try {
            JsonObject header = document.asObject();
            version = header.u32("version");
            header.u64("created_at_ms");
            header.u32("source_engine_version");
            header.u64("source_sequence");
            entryCount = header.array("entries").size();
        } catch (JsonException e) {
            throw verificationFailure(e.getMessage());
        }
        if (version != 1 && version != 2) {
            throw verificationFailure("unsupported backup version " + version);
        }
        LogicalDump parsed = parse(document);
        return new Verified(parsed, new Verification(parsed.liveCount(nowMs), entryCount, sha256Hex(dump)));
    }

    private static LogicalDump parse(JsonValue document) {
        try {
            JsonObject root = document.asObject();
            long version = root.u32("version");
            if (version != 1 && version != 2) {
                throw ErrorCode.ENG_009.exception(RESOURCE);
            }
            long createdAtMs = root.u64("created_at_ms");
            long sourceEngineVersion = root.u32("source_engine_version");
            long sourceSequence = root.u64("source_sequence");
            JsonArray array = root.array("entries");
            List<DumpEntry> entries = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                entries.add(version == 2 ? parseV2Entry(array.get(i), i) : parseV1Entry(array.get(i), i));
            }
            return new LogicalDump((int) version, createdAtMs, sourceEngineVersion, sourceSequence, entries);
        } catch (JsonException e) {
            throw ErrorCode.ENG_004.exception(e.getMessage());
        }
    }

    private static DumpEntry parseV2Entry(JsonValue element, int index) {
        try {
            JsonObject entry = element.asObject();
            Key key = Key.of(entry.string("key"));
            Bytes value = decodeCanonicalBase64(entry.string("value_base64"));
            OptionalLong expiresAtMs = entry.optionalU64("expires_at_ms");
            long version = entry.u64("version");
            return new DumpEntry(key, value, version, expiresAtMs);
        } catch (JsonException e) {
            throw new JsonException("entries[" + index + "]: " + e.getMessage());
        }
    }

    private static DumpEntry parseV1Entry(JsonValue element, int index) {
        try {
            JsonObject entry = element.asObject();
            Key key = Key.of(entry.string("key"));
            Bytes value = Bytes.wrapUnsafe(entry.string("value").getBytes(StandardCharsets.UTF_8));
            return new DumpEntry(key, value, 1, entry.optionalU64("expires_at_ms"));
        } catch (JsonException e) {
            throw new JsonException("entries[" + index + "]: " + e.getMessage());
        }
    }

    /** Standard alphabet, padded, no line breaks, zero trailing bits: the one form base64 of these bytes has. */
    private static Bytes decodeCanonicalBase64(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new JsonException("field `value_base64`: invalid base64: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw new JsonException("field `value_base64`: base64 is not canonical padded standard base64");
        }
        return Bytes.wrapUnsafe(decoded);
    }

    private static VaylixException verificationFailure(String detail) {
        return ErrorCode.SRV_029.exception(detail);
    }
}
