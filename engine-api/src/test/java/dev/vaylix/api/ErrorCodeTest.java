package dev.vaylix.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorCodeTest {

    /** Every code of COMMANDS.md §12 and VTP2.md §9 with its exact name. */
    @ParameterizedTest(name = "{0} is named \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            CMD-001|Empty Command
            CMD-002|Unknown Command
            CMD-003|Invalid Command Arity
            CMD-004|Invalid Integer Argument
            CMD-005|Invalid Command Option
            CMD-006|Conflicting Command Options
            CMD-007|Expected Opening Quote
            CMD-008|Unterminated Quoted String
            ENG-001|Project Directories Unavailable
            ENG-002|Filesystem I/O Failure
            ENG-003|Snapshot Serialization Failure
            ENG-004|Snapshot Deserialization Failure
            ENG-005|Manifest Serialization Failure
            ENG-006|Manifest Deserialization Failure
            ENG-007|Checksum Validation Failure
            ENG-008|Encrypted Storage Failure
            ENG-009|Unsupported Storage Format
            ENG-010|Storage Migration Required
            ENG-011|Invalid Storage Operation
            ENG-012|Restore Point Unavailable
            ENG-013|WAL Serialization Failure
            ENG-014|WAL Deserialization Failure
            ENG-015|Invalid Integer Value
            ENG-016|Numeric Overflow
            ENG-017|Unsupported Command
            TRN-001|Invalid Frame
            TRN-002|Unknown Opcode
            TRN-003|Unknown Status
            TRN-004|Unsupported Command
            TRN-005|Version Mismatch
            TRN-006|Frame Too Large
            TRN-007|Unexpected End Of Frame
            TRN-008|Corrupted Payload
            TRN-009|Checksum Mismatch
            TRN-010|Unsupported Frame Flags
            TRN-011|Compression Failure
            TRN-012|Invalid UTF-8 Payload
            TRN-013|Transport I/O Failure
            TRN-014|Protocol Negotiation Failed
            TRN-015|Transport Capability Mismatch
            TRN-016|Request Deadline Exceeded
            TRN-017|Decompressed Frame Too Large
            TRN-018|Protocol State Violation
            SRV-001|Listener Bind Failure
            SRV-002|Connection Accept Failure
            SRV-003|Connection Slot Pool Closed
            SRV-004|Filesystem I/O Failure
            SRV-005|Engine Worker Closed
            SRV-006|Engine Lock Poisoned
            SRV-007|Authentication Required
            SRV-008|Authentication Failed
            SRV-009|Authentication Configuration Invalid
            SRV-010|TLS Configuration Invalid
            SRV-011|TLS Handshake Failure
            SRV-012|Rate Limit Exceeded
            SRV-013|Quota Exceeded
            SRV-014|Transaction Already Active
            SRV-015|No Active Transaction
            SRV-016|Unsupported Remote Command
            SRV-017|Permission Denied
            SRV-018|Invalid Permission
            SRV-019|User Already Exists
            SRV-020|User Not Found
            SRV-021|Role Already Exists
            SRV-022|Role Not Found
            SRV-023|Protected Role
            SRV-024|Last Admin User
            SRV-025|Auth Store Serialization Failure
            SRV-026|Auth Store Deserialization Failure
            SRV-027|Backup Path Rejected
            SRV-028|Audit Chain Verification Failure
            SRV-029|Backup Verification Failure
            SRV-030|Invalid Arguments
            SRV-031|Authentication Locked
            SRV-032|Password Policy Violation
            SRV-033|Maintenance Mode Enabled
            SRV-034|Transaction Expired
            SRV-035|Replication Acknowledgement Timeout
            SRV-036|Replication Acknowledgement Unavailable
            SRV-037|Follower Write Rejected
            SRV-038|Replication Promotion Denied
            SRV-039|Healthcheck Failed
            CLI-003|Filesystem I/O Failure
            CLI-004|Readline Failure
            CLI-005|Project Directories Unavailable
            CLI-006|Response Id Mismatch
            CLI-007|Local Command Response
            CLI-008|Invalid Client Configuration
            """)
    void catalogue_has_code_with_exact_name(String code, String name) {
        ErrorCode errorCode = ErrorCode.fromCode(code).orElseThrow(() -> new AssertionError("missing " + code));
        assertEquals(name, errorCode.displayName());
        assertEquals(code, errorCode.code());
        assertEquals(code.replace('-', '_'), errorCode.name());
    }

    @Test
    void catalogue_has_exactly_the_specified_codes() {
        // 8 CMD + 17 ENG + 18 TRN + 39 SRV + 6 CLI
        assertEquals(88, ErrorCode.values().length);
        Set<String> codes = new HashSet<>();
        Arrays.stream(ErrorCode.values()).forEach(c -> assertTrue(codes.add(c.code()), "duplicate " + c.code()));
    }

    @Test
    void messages_fill_their_templates() {
        assertEquals("unknown command: frob", ErrorCode.CMD_002.message("frob"));
        assertEquals("invalid integer for seconds: -1", ErrorCode.CMD_004.message("seconds", "-1"));
        assertEquals("unterminated quoted string starting at byte 4", ErrorCode.CMD_008.message(4));
        assertEquals("frame checksum mismatch: expected 0x727FC440, got 0x00000001",
                ErrorCode.TRN_009.message(0x727fc440, 1));
        assertEquals("unknown opcode: 0x4A", ErrorCode.TRN_002.message(0x4a));
        assertEquals("value for key 'k' is not a valid integer: abc", ErrorCode.ENG_015.message("k", "abc"));
        assertEquals("transaction expired after 30 seconds", ErrorCode.SRV_034.message(30));
        assertEquals("audit log hash chain verification failed: line 3: previous hash mismatch",
                ErrorCode.SRV_028.message(3, "previous hash mismatch"));
    }

    @Test
    void messages_without_placeholders_are_returned_verbatim() {
        // A literal '%' never appears in a template without arguments, so no format call can fail.
        for (ErrorCode code : ErrorCode.values()) {
            if (!code.template().contains("%")) {
                assertEquals(code.template(), code.message());
            }
        }
        assertEquals("client authentication is required", ErrorCode.SRV_007.message());
    }

    @Test
    void only_engine_errors_get_the_engine_failure_prefix_on_the_wire() {
        assertEquals("engine failure: numeric overflow for key 'n'", ErrorCode.ENG_016.remoteMessage("n"));
        assertEquals("permission denied", ErrorCode.SRV_017.remoteMessage());
        assertEquals("request deadline exceeded", ErrorCode.TRN_016.remoteMessage());
    }

    @Test
    void exception_carries_code_and_describes_itself_like_the_cli() {
        VaylixException e = ErrorCode.SRV_022.exception("ops");
        assertEquals(ErrorCode.SRV_022, e.code());
        assertEquals("role not found: ops", e.getMessage());
        assertEquals("[SRV-022] Role Not Found: role not found: ops", e.describe());
    }

    @Test
    void families_follow_the_code_prefix() {
        assertEquals(ErrorCode.Family.CMD, ErrorCode.CMD_001.family());
        assertEquals(ErrorCode.Family.ENG, ErrorCode.ENG_017.family());
        assertEquals(ErrorCode.Family.TRN, ErrorCode.TRN_018.family());
        assertEquals(ErrorCode.Family.SRV, ErrorCode.SRV_039.family());
        assertEquals(ErrorCode.Family.CLI, ErrorCode.CLI_008.family());
    }
}
