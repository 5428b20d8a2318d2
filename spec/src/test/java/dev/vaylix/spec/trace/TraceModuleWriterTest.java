package dev.vaylix.spec.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceModuleWriterTest {

    private static final String INIT = "{\"action\":\"init\",\"servers\":[\"n1\",\"n2\",\"n3\"],\"voters\":[\"n1\",\"n2\",\"n3\"]}";

    @Test
    void events_become_records_of_the_spec_vocabulary() {
        TraceModuleWriter.Generated g = TraceModuleWriter.generate(List.of(INIT,
                "{\"action\":\"timeout\",\"node\":\"n1\",\"post\":{\"role\":\"PreCandidate\",\"votedFor\":null}}",
                "",
                "{\"action\":\"note\",\"x_text\":\"skipped\"}",
                "{\"action\":\"receive\",\"node\":\"n2\",\"msg\":{\"type\":\"AppendReq\",\"from\":\"n1\",\"term\":1,"
                        + "\"prevIndex\":0,\"prevTerm\":0,\"entries\":[{\"term\":1,\"kind\":\"config\",\"voters\":[\"n1\"],"
                        + "\"learners\":[\"n3\"]}],\"commit\":0},\"x_note\":\"free\"}"));
        assertEquals(List.of(2, 5), g.eventLines());
        assertEquals("", g.truncated());
        assertTrue(g.module().contains("---- MODULE TraceData ----"), g.module());
        assertTrue(g.module().contains("[action |-> \"timeout\", node |-> \"n1\", post |-> [role |-> \"PreCandidate\", "
                + "votedFor |-> \"\"]]"), g.module());
        assertTrue(g.module().contains("msg |-> [type |-> \"AppendReq\", from |-> \"n1\", to |-> \"n2\", term |-> 1, "
                + "prevIndex |-> 0, prevTerm |-> 0, entries |-> <<[term |-> 1, kind |-> \"config\", "
                + "cfg |-> [voters |-> {\"n1\"}, learners |-> {\"n3\"}]]>>, commit |-> 0], consume |-> TRUE]"), g.module());
        assertTrue(g.config().contains("Server = {\"n1\", \"n2\", \"n3\"}"), g.config());
        assertTrue(g.config().contains("NEXT TraceNext"), g.config());
        assertFalse(g.config().contains("INVARIANT"), "an accepted trace must not be printed as a counterexample");
        assertTrue(TraceModuleWriter.diagnosisConfig(g.config()).endsWith("INVARIANT TraceStuck\n"));
    }

    @Test
    void a_message_leaves_the_network_at_its_last_use() {
        String hb = "\"msg\":{\"type\":\"Heartbeat\",\"from\":\"n1\",\"to\":\"n2\",\"term\":1,\"commit\":0,\"round\":0}";
        String lost = "\"msg\":{\"type\":\"Heartbeat\",\"from\":\"n1\",\"to\":\"n3\",\"term\":1,\"commit\":0,\"round\":0}";
        List<String> lines = new ArrayList<>(List.of(INIT,
                "{\"action\":\"send_heartbeat\",\"node\":\"n1\"," + hb + "}",
                "{\"action\":\"send_heartbeat\",\"node\":\"n1\"," + lost + "}",
                "{\"action\":\"receive\",\"node\":\"n2\"," + hb + "}",
                "{\"action\":\"receive\",\"node\":\"n2\"," + hb + "}"));
        while (lines.size() <= MessageLifetimes.DISCARD_BATCH) {
            lines.add("{\"action\":\"timeout\",\"node\":\"n3\"}");
        }
        lines.add("{\"action\":\"truncated\",\"reason\":\"event limit\"}");
        TraceModuleWriter.Generated g = TraceModuleWriter.generate(lines);
        // The first delivery keeps a copy, the last consumes it; the lost heartbeat is discarded
        // with the batch that follows event DISCARD_BATCH (it gets that event's line).
        assertEquals(MessageLifetimes.DISCARD_BATCH + 1, g.eventCount());
        assertEquals(MessageLifetimes.DISCARD_BATCH + 1, g.eventLines().get(MessageLifetimes.DISCARD_BATCH));
        assertEquals("event limit", g.truncated());
        String module = g.module();
        assertTrue(module.contains("[action |-> \"discard\", msgs |-> {[type |-> \"Heartbeat\", from |-> \"n1\", to |-> \"n3\""),
                module);
        int first = module.indexOf("consume |-> FALSE");
        int last = module.indexOf("consume |-> TRUE");
        assertTrue(first > 0 && last > first, module);
    }

    @Test
    void a_rejection_loses_its_backoff_hint() {
        TraceModuleWriter.Generated g = TraceModuleWriter.generate(List.of(INIT,
                "{\"action\":\"receive\",\"node\":\"n1\",\"msg\":{\"type\":\"AppendResp\",\"from\":\"n2\",\"term\":1,"
                        + "\"success\":false,\"matchIndex\":7}}"));
        assertTrue(g.module().contains("success |-> FALSE, matchIndex |-> 0"), g.module());
    }

    @Test
    void read_ids_are_numbered_in_order_of_introduction() {
        TraceModuleWriter.Generated g = TraceModuleWriter.generate(List.of(INIT,
                "{\"action\":\"read_forward\",\"node\":\"n2\",\"id\":\"r-9\",\"to\":\"n1\"}",
                "{\"action\":\"read_begin\",\"node\":\"n1\",\"id\":77}",
                "{\"action\":\"read_ready\",\"node\":\"n2\",\"id\":\"r-9\"}",
                "{\"action\":\"read_fail\",\"id\":77}"));
        assertTrue(g.module().contains("[action |-> \"read_forward\", node |-> \"n2\", id |-> 1, to |-> \"n1\"]"), g.module());
        assertTrue(g.module().contains("[action |-> \"read_begin\", node |-> \"n1\", id |-> 2]"), g.module());
        assertTrue(g.module().contains("[action |-> \"read_ready\", node |-> \"n2\", id |-> 1]"), g.module());
        assertTrue(g.module().contains("[action |-> \"read_fail\", id |-> 2]"), g.module());
    }

    @Test
    void malformed_traces_name_the_line_and_the_problem() {
        assertRejected(List.of("{\"action\":\"timeout\",\"node\":\"n1\"}"), "line 1: the first event must be \"init\"");
        assertRejected(List.of(INIT, "{\"action\":\"fly\",\"node\":\"n1\"}"), "line 2: unknown action \"fly\"");
        assertRejected(List.of(INIT, "{\"action\":\"timeout\",\"node\":\"n9\"}"), "line 2: \"node\" names \"n9\"");
        assertRejected(List.of(INIT, "{\"action\":\"timeout\"}"), "line 2: event lacks \"node\"");
        assertRejected(List.of(INIT, "{\"action\":\"timeout\",\"node\":\"n1\",\"nod\":1}"), "unknown field \"nod\"");
        assertRejected(List.of(INIT, "{\"action\":\"persist\",\"node\":\"n1\",\"index\":-1}"), "\"index\" must be an integer");
        assertRejected(List.of(INIT, "{\"action\":\"persist\",\"node\":\"n1\",\"index\":2147483648}"), "0..2147483647");
        assertRejected(List.of(INIT, "{\"action\":\"read_ready\",\"node\":\"n1\",\"id\":3}"), "was not introduced");
        assertRejected(List.of(INIT, "{\"action\":\"truncated\",\"reason\":\"x\"}", "{\"action\":\"timeout\",\"node\":\"n1\"}"),
                "line 3: nothing may follow");
        assertRejected(List.of(INIT, "{\"action\":\"send_heartbeat\",\"node\":\"n1\",\"msg\":{\"type\":\"TimeoutNow\","
                + "\"to\":\"n2\",\"term\":1}}"), "send_heartbeat carries a Heartbeat message");
        assertRejected(List.of(INIT, "{\"action\":\"receive\",\"node\":\"n1\",\"msg\":{\"type\":\"Gossip\",\"from\":\"n2\"}}"),
                "unknown message type \"Gossip\"");
        assertRejected(List.of(INIT, "{\"action\":\"receive\",\"node\":\"n1\",\"msg\":{\"type\":\"TimeoutNow\",\"from\":\"n2\","
                + "\"to\":\"n3\",\"term\":1}}"), "the event implies \"n1\"");
        assertRejected(List.of(INIT, "not json"), "line 2: invalid JSON");
        assertRejected(List.of(INIT, "[1]"), "line 2: each line must be a JSON object");
        assertRejected(List.of(), "empty trace");
        assertRejected(List.of("{\"action\":\"init\",\"servers\":[\"n 1\"],\"voters\":[\"n 1\"]}"), "node ids matching");
    }

    @Test
    void an_entry_needs_a_known_kind_and_a_positive_term() {
        List<String> lines = new ArrayList<>(List.of(INIT));
        lines.add("{\"action\":\"send_append\",\"node\":\"n1\",\"msg\":{\"type\":\"AppendReq\",\"to\":\"n2\",\"term\":1,"
                + "\"prevIndex\":0,\"prevTerm\":0,\"entries\":[{\"term\":0,\"kind\":\"noop\"}],\"commit\":0}}");
        assertRejected(lines, "entry terms start at 1");
        lines.set(1, lines.get(1).replace("\"term\":0,\"kind\":\"noop\"", "\"term\":1,\"kind\":\"snapshot\""));
        assertRejected(lines, "entry \"kind\" must be one of");
    }

    private static void assertRejected(List<String> lines, String messagePart) {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceModuleWriter.generate(lines));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
