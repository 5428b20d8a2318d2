package dev.vaylix.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.reply.Reply;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerMetricsTest {

    final ServerMetrics metrics = new ServerMetrics();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
             0 | vaylix.server.connection.accepted.count       | counter | {connection}
             1 | vaylix.server.connection.active               | gauge   | {connection}
             2 | vaylix.server.connection.completed.count      | counter | {connection}
             3 | vaylix.server.request.count                   | counter | {request}
             4 | vaylix.server.auth.success.count              | counter | {authentication}
             5 | vaylix.server.auth.failure.count              | counter | {authentication}
             6 | vaylix.server.auth.locked.attempt.count       | counter | {authentication}
             7 | vaylix.server.transaction.begin.count         | counter | {transaction}
             8 | vaylix.server.transaction.commit.count        | counter | {transaction}
             9 | vaylix.server.transaction.discard.count       | counter | {transaction}
            10 | vaylix.server.transaction.timeout.count       | counter | {transaction}
            11 | vaylix.server.connection.idle.disconnect.count | counter | {disconnect}
            12 | vaylix.persistence.snapshot.completed.count   | counter | {snapshot}
            13 | vaylix.storage.expiration.sweep.count         | counter | {sweep}
            14 | vaylix.storage.expired.key.removed.count      | counter | {key}
            15 | vaylix.server.command.slow.count              | counter | {command}
            16 | vaylix.persistence.wal.entry.replayed.count   | counter | {entry}
            17 | vaylix.server.read.fastpath.hit.count         | counter | {request}
            18 | vaylix.server.read.fastpath.fallback.count    | counter | {request}
            19 | vaylix.server.ha.write.batch.count            | counter | {batch}
            20 | vaylix.server.ha.write.coordinated.count      | counter | {request}
            21 | vaylix.server.ha.write.batch.max.size         | gauge   | {request}
            22 | vaylix.server.read.index.lag                  | gauge   | {entry}
            """)
    void metrics_are_declared_in_section_10_2_order(int position, String key, String kind, String unit) {
        Metric metric = Metric.values()[position];
        assertEquals(key, metric.key());
        assertEquals(kind, metric.kind().text());
        assertEquals(unit, metric.unit());
        assertEquals(key.replace('.', '_'), metric.promName());
    }

    @Test
    void the_23_of_section_10_2_come_first_then_ours_all_with_sentence_help_texts() {
        assertEquals(23 + Metric.RAFT_METRICS, Metric.values().length);
        assertEquals(Metric.READ_INDEX_LAG, Metric.values()[22], "the last of §10.2 stays at position 22");
        for (int i = 23; i < Metric.values().length; i++) {
            assertTrue(Metric.values()[i].key().startsWith("vaylix.raft."), Metric.values()[i].key());
        }
        for (Metric metric : Metric.values()) {
            assertTrue(metric.help().endsWith("."), metric::key);
        }
        assertEquals("Number of failed authentication attempts.", Metric.AUTH_FAILURE.help());
        assertEquals("Current committed read-index lag behind the latest acknowledged write.", Metric.READ_INDEX_LAG.help());
    }

    @Test
    void a_fresh_registry_reports_exactly_the_23_of_section_10_2_as_zeroes_in_order() {
        List<Reply.Entry> entries = metrics.snapshot().entries().entries();
        assertEquals(23, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(Metric.values()[i].key(), entries.get(i).key());
            assertEquals("0", entries.get(i).value().utf8String());
        }
        assertEquals(23, metrics.snapshot().infoEntries().size());
        assertEquals(3 * 23, metrics.snapshot().prometheusText().split("\n", -1).length);
    }

    @Test
    void extended_metrics_report_ours_after_the_23_in_every_reply() {
        ServerMetrics extended = new ServerMetrics(true);
        extended.raiseTo(Metric.RAFT_APPEND_ENTRY, 9);
        ServerMetrics.Snapshot snapshot = extended.snapshot();
        List<Reply.Entry> entries = snapshot.entries().entries();
        assertEquals(Metric.values().length, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(Metric.values()[i].key(), entries.get(i).key());
        }
        assertEquals("9", entries.get(Metric.RAFT_APPEND_ENTRY.ordinal()).value().utf8String());
        assertEquals(Metric.values().length, snapshot.infoEntries().size());
        assertEquals(Metric.values().length, snapshot.reportedCount());
        assertTrue(snapshot.prometheusText().endsWith("vaylix_raft_read_index_count 0"), snapshot.prometheusText());
    }

    @Test
    void counters_and_gauges_move_as_told() {
        metrics.increment(Metric.CONNECTION_ACCEPTED);
        metrics.increment(Metric.CONNECTION_ACCEPTED);
        metrics.increment(Metric.CONNECTION_ACTIVE);
        metrics.increment(Metric.CONNECTION_ACTIVE);
        metrics.decrement(Metric.CONNECTION_ACTIVE);
        metrics.add(Metric.EXPIRED_KEY_REMOVED, 40);
        metrics.recordMax(Metric.HA_WRITE_BATCH_MAX_SIZE, 7);
        metrics.recordMax(Metric.HA_WRITE_BATCH_MAX_SIZE, 3);
        metrics.set(Metric.READ_INDEX_LAG, 12);
        ServerMetrics.Snapshot snapshot = metrics.snapshot();
        assertEquals(2, snapshot.get(Metric.CONNECTION_ACCEPTED));
        assertEquals(1, snapshot.get(Metric.CONNECTION_ACTIVE));
        assertEquals(40, snapshot.get(Metric.EXPIRED_KEY_REMOVED));
        assertEquals(7, snapshot.get(Metric.HA_WRITE_BATCH_MAX_SIZE));
        assertEquals(12, snapshot.get(Metric.READ_INDEX_LAG));
    }

    @Test
    void a_mirrored_counter_rises_to_the_newest_total_and_ignores_older_ones() {
        metrics.raiseTo(Metric.RAFT_APPEND_ENTRY, 100);
        metrics.raiseTo(Metric.RAFT_APPEND_ENTRY, 40); // an older reading that lost a race
        metrics.raiseTo(Metric.RAFT_APPEND_ENTRY, 250);
        assertEquals(250, metrics.value(Metric.RAFT_APPEND_ENTRY));
        assertThrows(IllegalArgumentException.class, () -> metrics.raiseTo(Metric.RAFT_PROPOSAL_IN_FLIGHT, 5));
    }

    @Test
    void counters_refuse_to_go_down_or_be_set() {
        assertThrows(IllegalArgumentException.class, () -> metrics.add(Metric.REQUEST, -1));
        assertThrows(IllegalArgumentException.class, () -> metrics.set(Metric.REQUEST, 5));
        assertThrows(IllegalArgumentException.class, () -> metrics.decrement(Metric.REQUEST));
        assertThrows(IllegalArgumentException.class, () -> metrics.recordMax(Metric.AUTH_FAILURE, 5));
    }

    @Test
    void a_gauge_driven_below_zero_reads_zero() {
        metrics.decrement(Metric.CONNECTION_ACTIVE);
        assertEquals(0, metrics.value(Metric.CONNECTION_ACTIVE));
    }

    @Test
    void prometheus_text_has_three_lines_per_metric_and_no_trailing_newline() {
        metrics.add(Metric.CONNECTION_ACCEPTED, 3);
        String text = metrics.snapshot().prometheusText();
        String[] lines = text.split("\n", -1);
        assertEquals(3 * 23, lines.length);
        assertFalse(text.endsWith("\n"));
        assertEquals("""
                # HELP vaylix_server_connection_accepted_count Number of client connections accepted by the Vaylix server. Unit: {connection}.
                # TYPE vaylix_server_connection_accepted_count counter
                vaylix_server_connection_accepted_count 3""", String.join("\n", Arrays.copyOfRange(lines, 0, 3)));
        assertEquals("""
                # HELP vaylix_server_read_index_lag Current committed read-index lag behind the latest acknowledged write. Unit: {entry}.
                # TYPE vaylix_server_read_index_lag gauge
                vaylix_server_read_index_lag 0""", String.join("\n", Arrays.copyOfRange(lines, 66, 69)));
        assertEquals(text, metrics.snapshot().prometheusReply().value().utf8String());
    }

    @Test
    void info_entries_prefix_every_key() {
        List<Reply.Entry> entries = metrics.snapshot().infoEntries();
        assertEquals(23, entries.size());
        assertEquals("metrics.vaylix.server.connection.accepted.count", entries.get(0).key());
    }

    @Test
    void concurrent_updates_are_not_lost() throws Exception {
        int threads = 4;
        int perThread = 10_000;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        metrics.increment(Metric.REQUEST);
                        metrics.recordMax(Metric.HA_WRITE_BATCH_MAX_SIZE, i);
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals((long) threads * perThread, metrics.value(Metric.REQUEST));
        assertEquals(perThread - 1, metrics.value(Metric.HA_WRITE_BATCH_MAX_SIZE));
    }
}
