package dev.vaylix.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    static final String VECTOR_PAYLOAD = "{\"audit_version\":1,\"sequence\":1,\"previous_hash\":"
            + "\"0000000000000000000000000000000000000000000000000000000000000000\",\"hash_algorithm\":\"sha256\","
            + "\"timestamp_ms\":1700000000000,\"connection_id\":3,\"peer\":\"127.0.0.1:50512\",\"username\":\"vaylix\","
            + "\"request_id\":\"01912d3c-7a4e-7b2a-8f00-0123456789ab\",\"opcode\":\"AUTH\",\"status\":\"ok\",\"error_code\":null,"
            + "\"latency_ms\":4,\"event_type\":\"auth\",\"details\":{\"result\":\"ok\",\"username\":\"vaylix\"}}";
    static final String VECTOR_HASH = "21f493e529424c5789e1fa5a1295ab57a1ca622e5dd4061eb669a9b0730e1faf";

    static AuditEvent vectorEvent() {
        AuditContext context = AuditContext.of(3, "127.0.0.1:50512", Optional.of("vaylix"),
                UUID.fromString("01912d3c-7a4e-7b2a-8f00-0123456789ab"));
        return AuditEvent.auth(context, "vaylix", AuditStatus.OK, Optional.empty(), 4);
    }

    @Test
    void the_storage_12_4_test_vector_is_reproduced_byte_for_byte() {
        AuditRecord record = AuditRecord.next(1, AuditRecord.GENESIS_HASH, 1_700_000_000_000L, vectorEvent());
        assertEquals(VECTOR_PAYLOAD, record.payloadJson());
        assertEquals(VECTOR_HASH, record.eventHash());
        String expectedLine = VECTOR_PAYLOAD.replace("\"hash_algorithm\"", "\"event_hash\":\"" + VECTOR_HASH + "\",\"hash_algorithm\"");
        assertEquals(expectedLine, record.lineJson());
    }

    @Test
    void a_stored_line_parses_back_to_the_same_record_and_hash() {
        AuditRecord record = AuditRecord.next(1, AuditRecord.GENESIS_HASH, 1_700_000_000_000L, vectorEvent());
        AuditRecord parsed = AuditRecord.parse(record.lineJson().getBytes(StandardCharsets.UTF_8));
        assertEquals(record, parsed);
        assertEquals(VECTOR_HASH, parsed.computeHash());
    }

    @Test
    void the_hash_covers_meaning_not_spacing_or_member_order() {
        String reordered = "{ \"details\" : {\"username\":\"vaylix\",\"result\":\"ok\"}, \"event_hash\":\"" + VECTOR_HASH + "\","
                + VECTOR_PAYLOAD.substring(1, VECTOR_PAYLOAD.indexOf(",\"details\"")) + "}";
        AuditRecord parsed = AuditRecord.parse(reordered.getBytes(StandardCharsets.UTF_8));
        assertEquals(VECTOR_HASH, parsed.computeHash());
    }

    @Test
    void unknown_members_unknown_statuses_and_missing_fields_are_refused_with_serde_style_reasons() {
        String line = AuditRecord.next(1, AuditRecord.GENESIS_HASH, 1_700_000_000_000L, vectorEvent()).lineJson();
        String extra = line.replace("\"details\"", "\"note\":\"x\",\"details\"");
        JsonException unknown = assertThrows(JsonException.class, () -> AuditRecord.parse(extra.getBytes(StandardCharsets.UTF_8)));
        assertEquals("unknown field `note`", unknown.getMessage());
        String status = line.replace("\"status\":\"ok\"", "\"status\":\"fine\"");
        JsonException variant = assertThrows(JsonException.class, () -> AuditRecord.parse(status.getBytes(StandardCharsets.UTF_8)));
        assertEquals("field `status`: unknown variant `fine`, expected one of `ok`, `error`, `not_found`", variant.getMessage());
        String missing = line.replace("\"sequence\":1,", "");
        JsonException absent = assertThrows(JsonException.class, () -> AuditRecord.parse(missing.getBytes(StandardCharsets.UTF_8)));
        assertEquals("missing field `sequence`", absent.getMessage());
        String typed = line.replace("\"latency_ms\":4", "\"latency_ms\":\"4\"");
        JsonException type = assertThrows(JsonException.class, () -> AuditRecord.parse(typed.getBytes(StandardCharsets.UTF_8)));
        assertTrue(type.getMessage().startsWith("field `latency_ms`: invalid type"), type.getMessage());
    }

    @Test
    void details_keys_are_written_in_byte_order_and_events_carry_the_section_12_2_fields() {
        AuditEvent grant = AuditEvent.permissionChange(AuditContext.RUNTIME, AuditDetails.RbacAction.GRANT_PERMISSION, "ReAd",
                "app:*", "ops", AuditStatus.OK, Optional.empty(), 2);
        String line = AuditRecord.next(7, AuditRecord.GENESIS_HASH, 5, grant).lineJson();
        assertTrue(line.contains("\"opcode\":\"GRANT_PERMISSION\""), line);
        assertTrue(line.endsWith("\"event_type\":\"rbac_grant_permission\",\"details\":{\"pattern\":\"app:*\","
                + "\"permission\":\"ReAd\",\"result\":\"ok\",\"role\":\"ops\"}}"), line);
        assertTrue(line.contains("\"connection_id\":0,\"peer\":null,\"username\":null,"
                + "\"request_id\":\"00000000-0000-0000-0000-000000000000\""), line);

        String slow = AuditRecord.next(1, AuditRecord.GENESIS_HASH, 5, AuditEvent.slowCommand(AuditContext.RUNTIME,
                dev.vaylix.api.command.CommandType.SCAN, AuditStatus.OK, 150, 100)).lineJson();
        assertTrue(slow.endsWith("\"error_code\":null,\"latency_ms\":150,\"event_type\":\"slow_command\","
                + "\"details\":{\"latency_ms\":\"150\",\"opcode\":\"SCAN\",\"threshold_ms\":\"100\"}}"), slow);

        String limited = AuditRecord.next(1, AuditRecord.GENESIS_HASH, 5, AuditEvent.rateLimited(AuditContext.RUNTIME, 0)).lineJson();
        assertTrue(limited.contains("\"opcode\":\"RATE_LIMIT\",\"status\":\"error\",\"error_code\":\"SRV-012\""), limited);
        assertTrue(limited.endsWith("\"event_type\":\"command\",\"details\":{}}"), limited);

        String reload = AuditRecord.next(1, AuditRecord.GENESIS_HASH, 5, AuditEvent.tlsReload(Optional.of(ErrorCode.SRV_010))).lineJson();
        assertTrue(reload.endsWith("\"event_type\":\"tls_reload\",\"details\":{\"error_code\":\"SRV-010\",\"result\":\"error\"}}"),
                reload);
    }

    @Test
    void oversized_and_ill_formed_strings_are_bounded_and_still_encodable() {
        String huge = "é".repeat(10_000);
        AuditEvent event = AuditEvent.auth(AuditContext.RUNTIME, huge + "\uD800", AuditStatus.ERROR,
                Optional.of(ErrorCode.SRV_008), 1);
        AuditDetails.Auth details = (AuditDetails.Auth) event.details();
        assertTrue(details.username().getBytes(StandardCharsets.UTF_8).length <= AuditText.FIELD_BYTES_MAX);
        assertTrue(details.username().endsWith(AuditText.TRUNCATED_MARKER));
        assertEquals("a\uFFFDb\uD83D\uDE00", AuditText.bounded("a\uDC00b\uD83D\uDE00"));
        AuditRecord record = AuditRecord.next(1, AuditRecord.GENESIS_HASH, 1, event);
        assertEquals(record, AuditRecord.parse(record.lineJson().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void an_rbac_action_must_match_the_shape_of_its_details() {
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.roleChange(AuditContext.RUNTIME,
                AuditDetails.RbacAction.DROP_USER, "ops", AuditStatus.OK, Optional.empty(), 1));
        AuditEvent drop = AuditEvent.userChange(AuditContext.RUNTIME, AuditDetails.RbacAction.DROP_USER, "bob", AuditStatus.NOT_FOUND,
                Optional.of(ErrorCode.SRV_020), 1);
        assertEquals("DROP_USER", drop.opcode());
        assertEquals("rbac_drop_user", drop.eventType());
        assertEquals(java.util.Map.of("target_user", "bob", "result", "not_found"), drop.details().entries());
    }

    @Test
    void opcodes_outside_the_catalogue_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent(AuditContext.RUNTIME, "HELP", AuditStatus.OK,
                Optional.empty(), 0, new AuditDetails.Command()));
    }

    @Test
    void peers_are_written_with_ipv6_in_brackets() {
        assertEquals("127.0.0.1:50512", AuditContext.peerText("127.0.0.1:50512"));
        assertEquals("[0:0:0:0:0:0:0:1]:9", AuditContext.peerText("0:0:0:0:0:0:0:1:9"));
        assertEquals("[fe80:0:0:0:0:0:0:1]:9", AuditContext.peerText("fe80:0:0:0:0:0:0:1%lo:9"), "no zone");
        assertEquals("[::1]:9", AuditContext.peerText("[::1]:9"));
    }

    @Property(tries = 100)
    void every_event_round_trips_through_its_line(@ForAll("events") AuditEvent event, @ForAll long sequence, @ForAll long timeMs) {
        AuditRecord record = AuditRecord.next(sequence, AuditRecord.GENESIS_HASH, timeMs, event);
        AuditRecord parsed = AuditRecord.parse(record.lineJson().getBytes(StandardCharsets.UTF_8));
        assertEquals(record, parsed);
        assertEquals(record.eventHash(), parsed.computeHash());
    }

    @Provide
    Arbitrary<AuditEvent> events() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<AuditContext> context = Combinators.combine(Arbitraries.longs(), text.optional(), text.optional(),
                Arbitraries.longs()).as((id, peer, user, bits) -> new AuditContext(id, peer, user, new UUID(bits, ~bits)));
        Arbitrary<AuditStatus> status = Arbitraries.of(AuditStatus.class);
        Arbitrary<Optional<ErrorCode>> code = Arbitraries.of(ErrorCode.class).optional();
        Arbitrary<Long> latency = Arbitraries.longs().greaterOrEqual(0);
        return Arbitraries.oneOf(
                Combinators.combine(context, text, status, code, latency).as(AuditEvent::auth),
                Combinators.combine(context, Arbitraries.of(AuditDetails.RbacAction.CREATE_ROLE, AuditDetails.RbacAction.DROP_ROLE), text, status, code, latency)
                        .as(AuditEvent::roleChange),
                Combinators.combine(context, Arbitraries.of(AuditDetails.RbacAction.GRANT_ROLE, AuditDetails.RbacAction.REVOKE_ROLE), text, text, status, code, latency)
                        .as(AuditEvent::roleMembership),
                Combinators.combine(context, Arbitraries.of(AuditDetails.RbacAction.CREATE_USER,
                        AuditDetails.RbacAction.ALTER_USER_PASSWORD, AuditDetails.RbacAction.DROP_USER), text, status, code, latency)
                        .as(AuditEvent::userChange),
                Combinators.combine(context, Arbitraries.of(true, false)).as(AuditEvent::maintenanceMode),
                Combinators.combine(context, text).as(AuditEvent::replicationPromote),
                code.map(AuditEvent::tlsReload));
    }
}
