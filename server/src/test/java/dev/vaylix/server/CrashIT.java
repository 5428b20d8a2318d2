package dev.vaylix.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.backup.DumpEntry;
import dev.vaylix.api.backup.LogicalBackup;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.testing.ServerProcess;
import dev.vaylix.transport.session.ClientSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of a real server process: under concurrent pipelined write load it is killed with
 * SIGKILL at random moments, several times; after every restart each acknowledged write (an OK reply
 * received by the client) is present with its value and version, and nothing was rolled back.
 *
 * <p>Each key is written with the values 1, 2, 3, … in order by one connection, so the n-th write
 * leaves value n at version n. After a crash a key must hold at least its last acknowledged value
 * (acknowledged writes survive), and its version must equal its value (writes are applied in order,
 * none twice and none skipped: the log keeps a prefix of each connection's proposals).
 */
class CrashIT {

    private static final int ROUNDS = 4;
    private static final int WRITERS = 4;
    private static final int KEYS_PER_WRITER = 16;
    private static final int BATCH = 32;
    /** The writers pipeline as fast as they can: the per-connection rate limit must not refuse them. */
    private static final String[] UNLIMITED = {"--requests-per-second", "1000000", "--request-burst", "1000000"};

    /** Last acknowledged value per key, over every round. */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    /** Replies on a live server that were not OK: each is a bug. */
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    @Test
    void everyAcknowledgedWriteSurvivesRepeatedSigkill() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path data = ServerProcess.freshDirectory("crash").resolve("data");
        long totalAcknowledged = 0;
        for (int round = 0; round < ROUNDS; round++) {
            ServerProcess server = ServerProcess.start(data, UNLIMITED);
            verify(server, "seed " + seed + ", after restart " + round);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong roundAcks = new AtomicLong();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String prefix = "crash:" + round + ":" + w + ":";
                writers.add(Thread.ofPlatform().start(() -> write(server, prefix, running, roundAcks)));
            }
            // Let the load build up (some acknowledgements), then kill at a random moment of it.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (roundAcks.get() < 200 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(5_000_000);
            }
            LockSupport.parkNanos((100 + random.nextInt(900)) * 1_000_000L);
            server.kill();
            running.set(false);
            for (Thread writer : writers) {
                writer.join(30_000);
            }
            assertTrue(unexpected.isEmpty(), "seed " + seed + ": " + unexpected);
            assertTrue(roundAcks.get() >= 200, "seed " + seed + ": the load made progress before the kill\n" + server.log());
            totalAcknowledged += roundAcks.get();
        }
        ServerProcess last = ServerProcess.start(data, UNLIMITED);
        try {
            verify(last, "seed " + seed + ", final restart");
            assertEquals(0, last.stop(), last.log());
        } finally {
            last.close();
        }
        assertTrue(totalAcknowledged >= ROUNDS * 200L);
    }

    /** Pipelines SETs of this writer's keys until stopped or the server dies; records what was acknowledged. */
    private void write(ServerProcess server, String prefix, AtomicBoolean running, AtomicLong acks) {
        long[] next = new long[KEYS_PER_WRITER];
        try (ClientSession session = server.connect("vaylix", "vaylix")) {
            while (running.get()) {
                List<Command> batch = new ArrayList<>(BATCH);
                List<String> keys = new ArrayList<>(BATCH);
                List<Long> values = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    int k = i % KEYS_PER_WRITER;
                    long value = ++next[k];
                    String key = prefix + k;
                    batch.add(Command.Set.of(Key.of(key), Bytes.utf8(Long.toString(value))));
                    keys.add(key);
                    values.add(value);
                }
                List<Reply> replies = session.executeAll(batch); // throws once the server is gone
                for (int i = 0; i < replies.size(); i++) {
                    if (!replies.get(i).equals(Reply.OK)) {
                        unexpected.add(keys.get(i) + "=" + values.get(i) + " answered " + replies.get(i));
                        return; // the sequence of this writer's keys is no longer known
                    }
                    acknowledged.merge(keys.get(i), values.get(i), Math::max);
                    acks.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            // The kill: replies of the batch in flight are unknown, so nothing of it counts as acknowledged.
        }
    }

    /** Every acknowledged write is there: value at least the last acknowledged one, version equal to the value. */
    private void verify(ServerProcess server, String context) {
        try (ClientSession session = server.connect("vaylix", "vaylix")) {
            Reply backup = session.execute(new Command.Backup());
            byte[] dump = assertInstanceOf(Reply.Data.class, backup, context).value().toByteArray();
            Map<String, DumpEntry> stored = new HashMap<>();
            for (DumpEntry entry : LogicalBackup.parse(dump).entries()) {
                stored.put(entry.key().text(), entry);
            }
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                DumpEntry entry = stored.get(ack.getKey());
                assertNotNull(entry, context + ": acknowledged key " + ack.getKey() + " is missing");
                long value = Long.parseLong(entry.value().utf8String());
                assertTrue(value >= ack.getValue(), context + ": " + ack.getKey() + " rolled back to " + value
                        + " below the acknowledged " + ack.getValue());
                assertEquals(value, entry.version(), context + ": " + ack.getKey() + " has value " + value + " at version "
                        + entry.version());
            }
        }
    }
}
