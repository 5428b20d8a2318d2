package dev.vaylix.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up verification (STORAGE.md §12.3): each reason, exactly, and the torn-tail rule. */
class AuditChainTest {

    /** {@code count} valid lines, each with its newline. */
    static List<String> chain(int count) {
        List<String> lines = new ArrayList<>();
        String hash = AuditRecord.GENESIS_HASH;
        for (int i = 1; i <= count; i++) {
            AuditRecord record = AuditRecord.next(i, hash, 1_000 + i, AuditEvent.maintenanceMode(AuditContext.RUNTIME, i % 2 == 0));
            lines.add(record.lineJson() + "\n");
            hash = record.eventHash();
        }
        return lines;
    }

    static AuditChain.Verified verify(String content) throws IOException {
        return AuditChain.verify(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    static void assertFails(String content, String expectedMessage) {
        VaylixException e = assertThrows(VaylixException.class, () -> verify(content));
        assertEquals(ErrorCode.SRV_028, e.code());
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void a_valid_chain_verifies_and_reports_where_appending_continues() throws IOException {
        List<String> lines = chain(3);
        String content = String.join("", lines);
        AuditChain.Verified verified = verify(content);
        assertEquals(3, verified.lines());
        assertEquals(3, verified.lastSequence());
        assertEquals(AuditRecord.parse(lines.get(2).strip().getBytes(StandardCharsets.UTF_8)).eventHash(), verified.lastHash());
        assertEquals(content.length(), verified.validBytes());
        assertEquals(AuditChain.Tail.CLEAN, verified.tail());
        assertEquals(AuditChain.Verified.EMPTY, verify(""));
    }

    @Test
    void an_empty_line_fails_closed() {
        List<String> lines = chain(2);
        assertFails(lines.get(0) + "\n" + lines.get(1),
                "audit log hash chain verification failed: line 2: empty audit log line");
    }

    @Test
    void invalid_json_fails_with_the_parser_error() {
        List<String> lines = chain(1);
        VaylixException e = assertThrows(VaylixException.class, () -> verify(lines.get(0) + "{\"audit_version\":1,\n"));
        assertTrue(e.getMessage().startsWith("audit log hash chain verification failed: line 2: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 1 column"), e.getMessage());
    }

    @Test
    void a_missing_field_fails_with_its_name() {
        String line = chain(1).get(0).replace("\"latency_ms\":0,", "");
        assertFails(line, "audit log hash chain verification failed: line 1: missing field `latency_ms`");
    }

    @Test
    void an_unsupported_version_or_algorithm_fails_before_the_chain_is_checked() {
        String line = chain(1).get(0);
        assertFails(line.replace("\"audit_version\":1", "\"audit_version\":2"),
                "audit log hash chain verification failed: line 1: unsupported audit version 2");
        assertFails(line.replace("\"sha256\"", "\"md5\""),
                "audit log hash chain verification failed: line 1: unsupported hash algorithm md5");
    }

    @Test
    void a_missing_or_repeated_line_breaks_the_sequence() {
        List<String> lines = chain(3);
        assertFails(lines.get(0) + lines.get(2), "audit log hash chain verification failed: line 2: expected sequence 2, found 3");
        assertFails(lines.get(0) + lines.get(0), "audit log hash chain verification failed: line 2: expected sequence 2, found 1");
    }

    @Test
    void a_line_from_another_chain_fails_on_its_previous_hash() {
        List<String> lines = chain(2);
        String forged = AuditRecord.next(2, "f".repeat(64), 5, AuditEvent.maintenanceMode(AuditContext.RUNTIME, true)).lineJson();
        assertFails(lines.get(0) + forged + "\n", "audit log hash chain verification failed: line 2: previous hash mismatch");
    }

    @Test
    void an_edited_field_fails_on_the_event_hash() {
        List<String> lines = chain(2);
        assertFails(lines.get(0) + lines.get(1).replace("\"enabled\":\"true\"", "\"enabled\":\"false\""),
                "audit log hash chain verification failed: line 2: event hash mismatch");
        assertFails(lines.get(0).replace("\"timestamp_ms\":1001", "\"timestamp_ms\":1002") + lines.get(1),
                "audit log hash chain verification failed: line 1: event hash mismatch");
    }

    @Test
    void an_added_member_fails_even_though_the_hash_would_not_cover_it() {
        String line = chain(1).get(0).replace("\"details\"", "\"comment\":\"approved\",\"details\"");
        assertFails(line, "audit log hash chain verification failed: line 1: unknown field `comment`");
    }

    @Test
    void a_partial_last_line_is_reported_as_torn_at_the_last_newline() throws IOException {
        List<String> lines = chain(3);
        String prefix = lines.get(0) + lines.get(1);
        String partial = lines.get(2).substring(0, 40);
        AuditChain.Verified verified = verify(prefix + partial);
        assertEquals(AuditChain.Tail.TORN, verified.tail());
        assertEquals(prefix.length(), verified.validBytes());
        assertEquals(40, verified.tailBytes());
        assertEquals(2, verified.lastSequence());
        assertEquals(AuditChain.Tail.TORN, verify(prefix + "\0\0\0\0").tail(), "zeroes left by a crash are torn, too");
    }

    @Test
    void a_complete_last_line_without_its_newline_is_kept() throws IOException {
        List<String> lines = chain(2);
        String content = lines.get(0) + lines.get(1).strip();
        AuditChain.Verified verified = verify(content);
        assertEquals(AuditChain.Tail.UNTERMINATED, verified.tail());
        assertEquals(2, verified.lastSequence());
        assertEquals(content.length(), verified.validBytes());
    }

    @Test
    void damage_in_a_complete_line_is_never_treated_as_a_torn_tail() {
        List<String> lines = chain(3);
        String damaged = lines.get(2).substring(0, 40) + "\n";
        VaylixException e = assertThrows(VaylixException.class, () -> verify(lines.get(0) + lines.get(1) + damaged));
        assertTrue(e.getMessage().startsWith("audit log hash chain verification failed: line 3: "), e.getMessage());
    }

    @Test
    void an_over_long_complete_line_fails_without_buffering_it_all() {
        String content = chain(1).get(0) + "x".repeat(AuditChain.LINE_BYTES_MAX + 1) + "\n";
        assertFails(content, "audit log hash chain verification failed: line 2: line is longer than 1048576 bytes");
    }

    @Test
    void crlf_line_ends_are_read_like_the_reference_reads_them() throws IOException {
        List<String> lines = chain(2);
        String content = lines.get(0).replace("\n", "\r\n") + lines.get(1);
        assertEquals(2, verify(content).lastSequence());
    }
}
