package dev.vaylix.api;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The complete error catalogue (COMMANDS.md §12, VTP2.md §9): every failure a client can see has one
 * of these stable codes, with a fixed human name and a message template.
 *
 * <p>Codes and names are part of the wire contract: a code is never renamed or reused. Message
 * templates use {@link String#format} placeholders; {@link #message(Object...)} fills them.
 * {@code ENG-*} errors returned by the server are prefixed {@code engine failure: } and transport
 * errors raised inside command execution {@code transport failure: } ({@link #remoteMessage}).
 */
public enum ErrorCode {

    // --- CMD: the text command parser; produced client-side, never sent on the wire (§12.1) ---
    CMD_001("CMD-001", "Empty Command", "empty command"),
    CMD_002("CMD-002", "Unknown Command", "unknown command: %s"),
    CMD_003("CMD-003", "Invalid Command Arity", "usage: %s"),
    /** The reference's ERROR_CODES.md calls it "Invalid Command Integer"; its code says this name. */
    CMD_004("CMD-004", "Invalid Integer Argument", "invalid integer for %s: %s"),
    CMD_005("CMD-005", "Invalid Command Option", "invalid option for %s: %s"),
    CMD_006("CMD-006", "Conflicting Command Options", "conflicting options for %s: %s"),
    /** Kept for catalogue completeness; the lexer cannot produce it. */
    CMD_007("CMD-007", "Expected Opening Quote", "expected opening quote"),
    CMD_008("CMD-008", "Unterminated Quoted String", "unterminated quoted string starting at byte %d"),

    // --- ENG: engine and storage (§12.2) ---
    /** Unused by the server; kept so the code is never reassigned. */
    ENG_001("ENG-001", "Project Directories Unavailable", "could not determine project directories"),
    ENG_002("ENG-002", "Filesystem I/O Failure", "filesystem I/O failed: %s"),
    ENG_003("ENG-003", "Snapshot Serialization Failure", "snapshot serialization failed: %s"),
    ENG_004("ENG-004", "Snapshot Deserialization Failure", "snapshot deserialization failed: %s"),
    ENG_005("ENG-005", "Manifest Serialization Failure", "manifest serialization failed: %s"),
    ENG_006("ENG-006", "Manifest Deserialization Failure", "manifest deserialization failed: %s"),
    ENG_007("ENG-007", "Checksum Validation Failure", "checksum validation failed for %s"),
    ENG_008("ENG-008", "Encrypted Storage Failure", "encrypted storage operation failed for %s"),
    ENG_009("ENG-009", "Unsupported Storage Format", "unsupported storage format for %s"),
    ENG_010("ENG-010", "Storage Migration Required", "storage migration is required for legacy wal layout"),
    ENG_011("ENG-011", "Invalid Storage Operation", "invalid storage operation: %s"),
    ENG_012("ENG-012", "Restore Point Unavailable", "restore point is unavailable: %s"),
    ENG_013("ENG-013", "WAL Serialization Failure", "write-ahead log serialization failed: %s"),
    ENG_014("ENG-014", "WAL Deserialization Failure", "write-ahead log deserialization failed: %s"),
    ENG_015("ENG-015", "Invalid Integer Value", "value for key '%s' is not a valid integer: %s"),
    ENG_016("ENG-016", "Numeric Overflow", "numeric overflow for key '%s'"),
    ENG_017("ENG-017", "Unsupported Command", "command is not supported inside transactions"),

    // --- TRN: transport (VTP2.md §9) ---
    TRN_001("TRN-001", "Invalid Frame", "invalid frame"),
    TRN_002("TRN-002", "Unknown Opcode", "unknown opcode: 0x%02X"),
    TRN_003("TRN-003", "Unknown Status", "unknown status: 0x%02X"),
    TRN_004("TRN-004", "Unsupported Command", "unsupported command for transport: %s"),
    TRN_005("TRN-005", "Version Mismatch", "protocol version mismatch: expected 2, got %d"),
    TRN_006("TRN-006", "Frame Too Large", "frame too large: %d bytes exceeds maximum %d bytes"),
    TRN_007("TRN-007", "Unexpected End Of Frame", "unexpected end of input"),
    TRN_008("TRN-008", "Corrupted Payload", "corrupted payload"),
    TRN_009("TRN-009", "Checksum Mismatch", "frame checksum mismatch: expected 0x%08X, got 0x%08X"),
    TRN_010("TRN-010", "Unsupported Frame Flags", "unsupported frame flags: 0x%02X"),
    TRN_011("TRN-011", "Compression Failure", "frame compression failure"),
    TRN_012("TRN-012", "Invalid UTF-8 Payload", "invalid utf-8 in payload"),
    TRN_013("TRN-013", "Transport I/O Failure", "i/o error: %s"),
    /** Detail is {@code unsupported protocol version}, {@code server rejected startup} or {@code unsupported server protocol version}. */
    TRN_014("TRN-014", "Protocol Negotiation Failed", "protocol negotiation failed: %s"),
    TRN_015("TRN-015", "Transport Capability Mismatch", "transport capability mismatch: %s"),
    TRN_016("TRN-016", "Request Deadline Exceeded", "request deadline exceeded"),
    TRN_017("TRN-017", "Decompressed Frame Too Large", "decompressed frame too large: %d bytes exceeds maximum %d bytes"),
    /** Detail is {@code expected client hello}, {@code expected server hello} or {@code pipelined requests are not supported inside transactions}. */
    TRN_018("TRN-018", "Protocol State Violation", "protocol state violation: %s"),

    // --- SRV: server (§12.4) ---
    SRV_001("SRV-001", "Listener Bind Failure", "failed to bind TCP listener: %s"),
    SRV_002("SRV-002", "Connection Accept Failure", "failed to accept client connection: %s"),
    SRV_003("SRV-003", "Connection Slot Pool Closed", "connection slot pool is closed"),
    SRV_004("SRV-004", "Filesystem I/O Failure", "filesystem I/O failed: %s"),
    SRV_005("SRV-005", "Engine Worker Closed", "engine worker is unavailable"),
    /** Unused by the server; kept so the code is never reassigned. */
    SRV_006("SRV-006", "Engine Lock Poisoned", "engine lock is poisoned"),
    SRV_007("SRV-007", "Authentication Required", "client authentication is required"),
    SRV_008("SRV-008", "Authentication Failed", "client authentication failed"),
    SRV_009("SRV-009", "Authentication Configuration Invalid", "server authentication configuration is invalid"),
    SRV_010("SRV-010", "TLS Configuration Invalid", "TLS configuration is invalid"),
    SRV_011("SRV-011", "TLS Handshake Failure", "TLS handshake failed: %s"),
    SRV_012("SRV-012", "Rate Limit Exceeded", "request rate limit exceeded"),
    SRV_013("SRV-013", "Quota Exceeded", "request exceeds configured quotas"),
    SRV_014("SRV-014", "Transaction Already Active", "transaction already active for this session"),
    SRV_015("SRV-015", "No Active Transaction", "no active transaction for this session"),
    SRV_016("SRV-016", "Unsupported Remote Command", "unsupported remote command"),
    SRV_017("SRV-017", "Permission Denied", "permission denied"),
    SRV_018("SRV-018", "Invalid Permission", "unknown permission: %s"),
    SRV_019("SRV-019", "User Already Exists", "user already exists: %s"),
    SRV_020("SRV-020", "User Not Found", "user not found: %s"),
    SRV_021("SRV-021", "Role Already Exists", "role already exists: %s"),
    SRV_022("SRV-022", "Role Not Found", "role not found: %s"),
    SRV_023("SRV-023", "Protected Role", "role is protected: %s"),
    SRV_024("SRV-024", "Last Admin User", "cannot remove the last admin user"),
    SRV_025("SRV-025", "Auth Store Serialization Failure", "auth store serialization failed: %s"),
    SRV_026("SRV-026", "Auth Store Deserialization Failure", "auth store deserialization failed: %s"),
    SRV_027("SRV-027", "Backup Path Rejected", "backup path is outside the configured backup directory: %s"),
    SRV_028("SRV-028", "Audit Chain Verification Failure", "audit log hash chain verification failed: line %d: %s"),
    SRV_029("SRV-029", "Backup Verification Failure", "backup verification failed: %s"),
    SRV_030("SRV-030", "Invalid Arguments", "invalid command-line arguments: %s"),
    SRV_031("SRV-031", "Authentication Locked", "authentication lockout active for %s"),
    SRV_032("SRV-032", "Password Policy Violation", "password does not satisfy the configured policy"),
    SRV_033("SRV-033", "Maintenance Mode Enabled", "maintenance mode is enabled"),
    SRV_034("SRV-034", "Transaction Expired", "transaction expired after %d seconds"),
    SRV_035("SRV-035", "Replication Acknowledgement Timeout",
            "replication write acknowledgement timed out for sequence %d in mode %s"),
    SRV_036("SRV-036", "Replication Acknowledgement Unavailable", "replication write acknowledgement is unavailable"),
    SRV_037("SRV-037", "Follower Write Rejected", "writes are rejected on follower nodes"),
    SRV_038("SRV-038", "Replication Promotion Denied", "replication promotion denied: %s"),
    SRV_039("SRV-039", "Healthcheck Failed", "%s"),

    // --- CLI: the client process (§12.5); CLI-001 and CLI-002 do not exist in the reference ---
    CLI_003("CLI-003", "Filesystem I/O Failure", "filesystem I/O failed: %s"),
    CLI_004("CLI-004", "Readline Failure", "readline failed: %s"),
    CLI_005("CLI-005", "Project Directories Unavailable", "could not determine project directories"),
    CLI_006("CLI-006", "Response Id Mismatch", "mismatched response id: expected %s, got %s"),
    CLI_007("CLI-007", "Local Command Response", "%s"),
    CLI_008("CLI-008", "Invalid Client Configuration", "%s");

    /** The four families that reach clients, plus the client's own. */
    public enum Family { CMD, ENG, TRN, SRV, CLI }

    /**
     * The name the server sends with {@code TRN-011} when an error payload itself cannot be encoded
     * (VTP2.md §6.9): the only place a code travels with a name other than its catalogue name.
     */
    public static final String REMOTE_ERROR_ENCODING_FAILURE_NAME = "Remote Error Encoding Failure";
    public static final String REMOTE_ERROR_ENCODING_FAILURE_MESSAGE = "failed to encode structured error payload";

    private static final Map<String, ErrorCode> BY_CODE = new HashMap<>();

    static {
        for (ErrorCode code : values()) {
            BY_CODE.put(code.code, code);
        }
    }

    private final String code;
    private final String displayName;
    private final String template;

    ErrorCode(String code, String displayName, String template) {
        this.code = code;
        this.displayName = displayName;
        this.template = template;
    }

    /** The stable code, e.g. {@code SRV-007}. */
    public String code() {
        return code;
    }

    /** The fixed human name, e.g. {@code Authentication Required}. */
    public String displayName() {
        return displayName;
    }

    /** The message template with {@link String#format} placeholders. */
    public String template() {
        return template;
    }

    public Family family() {
        return Family.valueOf(code.substring(0, 3));
    }

    /** The message with its placeholders filled, e.g. {@code unknown command: frob}. */
    public String message(Object... args) {
        return args.length == 0 && !template.contains("%") ? template : String.format(Locale.ROOT, template, args);
    }

    /**
     * The message as the server sends it: {@code ENG-*} messages get the {@code engine failure: }
     * prefix; every other family is sent as is. Transport errors raised inside command execution are
     * prefixed by the server itself ({@code transport failure: }), because the same TRN code can also be
     * sent bare by the connection loop.
     */
    public String remoteMessage(Object... args) {
        String message = message(args);
        return family() == Family.ENG ? "engine failure: " + message : message;
    }

    /** A new exception with this code and the message filled from {@code args}. */
    public VaylixException exception(Object... args) {
        return new VaylixException(this, message(args));
    }

    /** Looks up a code such as {@code ENG-015}. */
    public static Optional<ErrorCode> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
