package dev.vaylix.server.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.CommandType;
import dev.vaylix.server.testing.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log on real files, plus a scripted disk for the slow and failing cases. */
class FileAuditLogTest {

    private static final long WAIT_MS = 10_000;

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.started();

    private static AuditEvent auth(int i) {
        AuditContext context = AuditContext.of(i, "10.0.0.1:" + (1000 + i), Optional.of("user" + i), new UUID(i, i));
        return AuditEvent.auth(context, "user" + i, AuditStatus.OK, Optional.empty(), i);
    }

    private static List<AuditRecord> records(Path file) throws IOException {
        List<AuditRecord> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(AuditRecord.parse(line.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** Opens the log at {@code file}, records {@code auth(id)} for each id, waits until durable, closes. */
    private Path writeAll(Path file, int... ids) throws InterruptedException {
        try (FileAuditLog log = FileAuditLog.open(file, clock, AuditLogOptions.DEFAULTS)) {
            for (int id : ids) {
                log.record(auth(id));
            }
            assertTrue(log.awaitDurable(WAIT_MS));
        }
        return file;
    }

    @Test
    void events_are_appended_durably_and_a_restart_continues_the_verified_chain() throws Exception {
        Path file = dir.resolve("nested/audit.log");
        try (FileAuditLog log = FileAuditLog.open(file, clock, AuditLogOptions.DEFAULTS)) {
            assertEquals(new FileAuditLog.Recovery(0, 0, FileAuditLog.TailRepair.NONE, 0), log.recovery());
            log.record(auth(1));
            clock.advanceMs(5);
            log.record(auth(2));
            assertTrue(log.awaitDurable(WAIT_MS));
            assertEquals(new AuditHealth(2, 2, 2, 0, 0, 2, Optional.empty()), log.health());
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (FileAuditLog log = FileAuditLog.open(file, clock, AuditLogOptions.DEFAULTS)) {
            assertEquals(2, log.recovery().lastSequence());
            log.record(AuditEvent.maintenanceMode(AuditContext.RUNTIME, true));
            assertTrue(log.awaitDurable(WAIT_MS));
        }
        List<AuditRecord> records = records(file);
        assertEquals(List.of(1L, 2L, 3L), records.stream().map(AuditRecord::sequence).toList());
        assertEquals(records.get(1).eventHash(), records.get(2).previousHash());
        assertEquals(1_700_000_000_005L, records.get(1).timestampMs(), "stamped when recorded");
        assertEquals("user2", records.get(1).details().get("username"));
        assertEquals(3, AuditChain.verify(Files.newInputStream(file)).lastSequence());
    }

    @Test
    void concurrent_recorders_produce_one_gapless_chain() throws Exception {
        Path file = dir.resolve("audit.log");
        int threads = 4;
        int perThread = 100;
        try (FileAuditLog log = FileAuditLog.open(file, clock, AuditLogOptions.DEFAULTS.withQueueCapacity(threads * perThread))) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                workers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.record(auth(base + i));
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join(WAIT_MS);
            }
            assertTrue(log.awaitDurable(WAIT_MS));
            assertEquals(threads * perThread, log.health().durable());
        }
        AuditChain.Verified verified = AuditChain.verify(Files.newInputStream(file));
        assertEquals(threads * perThread, verified.lastSequence());
        assertEquals(threads * perThread, records(file).stream().map(r -> r.details().get("username")).distinct().count());
    }

    @Test
    void a_corrupted_complete_line_fails_closed_and_leaves_the_file_untouched() throws Exception {
        Path file = writeAll(dir.resolve("audit.log"), 1, 2);
        String tampered = Files.readString(file).replace("\"username\":\"user1\"}", "\"username\":\"admin\"}");
        Files.writeString(file, tampered);
        VaylixException e = assertThrows(VaylixException.class, () -> FileAuditLog.open(file, clock, AuditLogOptions.DEFAULTS));
        assertEquals(ErrorCode.SRV_028, e.code());
        assertEquals("audit log hash chain verification failed: line 1: event hash mismatch", e.getMessage());
        assertEquals(tampered, Files.readString(file));
        assertEquals("[SRV-028] Audit Chain Verification Failure: audit log hash chain verification failed: line 1: event hash mismatch",
                e.describe());
    }

    @Test
    void a_torn_last_line_is_cut_off_and_reported_and_the_chain_goes_on() throws Exception {
        Path file = writeAll(dir.resolve("audit.log"), 1);
        long intact = Files.size(file);
        Files.write(file, "{\"audit_version\":1,\"sequ".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (FileAuditLog log = FileAuditLog.open(file, clock, AuditLogOptions.DEFAULTS)) {
            assertEquals(new FileAuditLog.Recovery(1, 1, FileAuditLog.TailRepair.TRUNCATED, 24), log.recovery());
            assertEquals(intact, Files.size(file));
            log.record(auth(2));
            assertTrue(log.awaitDurable(WAIT_MS));
        }
        assertEquals(List.of(1L, 2L), records(file).stream().map(AuditRecord::sequence).toList());
    }

    @Test
    void a_complete_last_line_that_lost_its_newline_is_kept() throws Exception {
        Path file = writeAll(dir.resolve("audit.log"), 1);
        byte[] content = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(content, content.length - 1));
        try (FileAuditLog log = FileAuditLog.open(file, clock, AuditLogOptions.DEFAULTS)) {
            assertEquals(FileAuditLog.TailRepair.TERMINATED, log.recovery().tailRepair());
            assertArrayEquals(content, Files.readAllBytes(file));
        }
    }

    @Test
    void a_second_writer_of_the_same_file_is_refused() {
        Path file = dir.resolve("audit.log");
        try (FileAuditLog log = FileAuditLog.open(file, clock, AuditLogOptions.DEFAULTS)) {
            VaylixException e = assertThrows(VaylixException.class, () -> FileAuditLog.open(file, clock, AuditLogOptions.DEFAULTS));
            assertEquals(ErrorCode.SRV_004, e.code());
            assertTrue(e.getMessage().contains("locked"), e.getMessage());
            assertTrue(log.health().healthy());
        }
    }

    // ------------------------------------------------------------------ a scripted disk

    /** An in-memory file whose appends can be held back or made to fail. */
    private static final class ScriptedFile implements AuditFile {
        final ByteArrayOutputStream content = new ByteArrayOutputStream();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch firstAppendStarted = new CountDownLatch(1);
        final AtomicBoolean holdAppends = new AtomicBoolean();
        final AtomicBoolean failAppends = new AtomicBoolean();
        final AtomicBoolean failSyncs = new AtomicBoolean();
        volatile int syncs;
        volatile boolean closed;

        @Override
        public void append(ByteBuffer lines) throws IOException {
            firstAppendStarted.countDown();
            if (holdAppends.get()) {
                try {
                    release.await(WAIT_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            if (failAppends.get()) {
                throw new IOException("No space left on device");
            }
            byte[] bytes = new byte[lines.remaining()];
            lines.get(bytes);
            synchronized (content) {
                content.writeBytes(bytes);
            }
        }

        @Override
        public void sync() throws IOException {
            if (failSyncs.get()) {
                throw new IOException("Input/output error");
            }
            syncs++;
        }

        @Override
        public void close() {
            closed = true;
        }

        List<AuditRecord> records() throws IOException {
            byte[] bytes;
            synchronized (content) {
                bytes = content.toByteArray();
            }
            List<AuditRecord> out = new ArrayList<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                out.add(AuditRecord.parse(line.getBytes(StandardCharsets.UTF_8)));
            }
            AuditChain.verify(new ByteArrayInputStream(bytes)); // and it is one valid chain
            return out;
        }
    }

    private FileAuditLog scripted(ScriptedFile file, AuditLogOptions options) {
        return new FileAuditLog(file, "scripted", AuditChain.Verified.EMPTY, clock, options);
    }

    @Test
    void a_full_queue_never_blocks_the_recorder_and_the_gap_is_written_into_the_chain() throws Exception {
        ScriptedFile file = new ScriptedFile();
        file.holdAppends.set(true);
        try (FileAuditLog log = scripted(file, AuditLogOptions.DEFAULTS.withQueueCapacity(2))) {
            log.record(auth(1)); // taken by the writer, which then blocks in append
            assertTrue(file.firstAppendStarted.await(WAIT_MS, TimeUnit.MILLISECONDS));
            for (int i = 2; i <= 6; i++) {
                log.record(auth(i)); // 2 and 3 fit in the queue; 4, 5, 6 are dropped without waiting
            }
            assertEquals(3, log.health().lost());
            assertFalse(log.health().healthy());
            file.release.countDown();
            assertTrue(log.awaitDurable(WAIT_MS));
            log.record(auth(7));
            log.close();
            List<AuditRecord> records = file.records();
            List<String> types = records.stream().map(AuditRecord::eventType).toList();
            assertEquals("auth", types.get(0));
            assertTrue(types.contains("audit_events_lost"), types.toString());
            AuditRecord marker = records.get(types.indexOf("audit_events_lost"));
            assertEquals("RUNTIME", marker.opcode());
            assertEquals("3", marker.details().get("count"));
            assertEquals(List.of("auth", "audit_events_lost", "auth", "auth", "auth"), types);
            assertEquals(new AuditHealth(7, 4, 4, 3, 0, 5, Optional.empty()), log.health());
        }
    }

    @Test
    void a_failed_write_is_counted_stops_the_log_and_never_reaches_the_caller() throws Exception {
        ScriptedFile file = new ScriptedFile();
        try (FileAuditLog log = scripted(file, AuditLogOptions.DEFAULTS)) {
            log.record(auth(1));
            assertTrue(log.awaitDurable(WAIT_MS));
            file.failAppends.set(true);
            log.record(auth(2));
            assertFalse(log.awaitDurable(WAIT_MS));
            file.failAppends.set(false);
            log.record(auth(3)); // the log has stopped: counted as lost, no exception
            AuditHealth health = log.health();
            assertEquals(1, health.writeFailures());
            assertEquals(2, health.lost());
            assertEquals(1, health.durable());
            assertTrue(health.failure().orElseThrow().contains("No space left on device"), health.failure().toString());
        }
        assertEquals(1, file.records().size());
        assertTrue(file.closed);
    }

    @Test
    void a_failed_fsync_is_never_retried() throws Exception {
        ScriptedFile file = new ScriptedFile();
        try (FileAuditLog log = scripted(file, AuditLogOptions.DEFAULTS)) {
            file.failSyncs.set(true);
            log.record(auth(1));
            assertFalse(log.awaitDurable(WAIT_MS));
            file.failSyncs.set(false);
            log.record(auth(2));
            AuditHealth health = log.health();
            assertEquals(0, health.durable());
            assertEquals(1, health.written());
            assertTrue(health.failure().orElseThrow().startsWith("fsync failed"), health.failure().toString());
        }
        assertEquals(0, file.syncs);
    }

    @Test
    void with_a_sync_interval_a_quiet_log_still_becomes_durable() throws Exception {
        ScriptedFile file = new ScriptedFile();
        try (FileAuditLog log = scripted(file, AuditLogOptions.DEFAULTS.withSyncIntervalMs(20))) {
            log.record(auth(1));
            clock.advanceMs(25); // the writer measures the interval on the injected clock
            assertTrue(log.awaitDurable(WAIT_MS));
            assertEquals(1, file.syncs);
        }
    }

    @Test
    void close_writes_what_is_queued_and_later_events_count_as_lost() throws Exception {
        ScriptedFile file = new ScriptedFile();
        FileAuditLog log = scripted(file, AuditLogOptions.DEFAULTS);
        for (int i = 1; i <= 50; i++) {
            log.record(auth(i));
        }
        log.close();
        log.close();
        log.record(auth(51));
        assertEquals(50, file.records().size());
        assertEquals(new AuditHealth(51, 50, 50, 1, 0, 50, Optional.empty()), log.health());
        assertTrue(file.closed);
        assertEquals(CommandType.AUTH.auditName(), file.records().getFirst().opcode());
    }
}
