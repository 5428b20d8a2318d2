package dev.vaylix.server.audit;

import dev.vaylix.api.Clock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log file (STORAGE.md §12; {@code docs/AUDIT.md}): JSON Lines, each line hash-chained
 * to the previous one, verified in full when opened, appended by one writer thread.
 *
 * <p>Request threads only stamp an event and put it in a bounded queue ({@link AuditSink#record}
 * never waits for the disk). The writer takes whatever queued up, assigns sequences and hashes in
 * queue order, writes the batch with one write and makes it durable with one fsync (or one per
 * {@link AuditLogOptions#syncIntervalMs()}). The reference flushed each line to the operating
 * system, never fsynced and ignored write failures.
 *
 * <p>Failure policy. A full queue drops the event; the number dropped is written into the chain
 * as an {@code audit_events_lost} line before the next batch, so the gap is itself audited. A failed
 * write or fsync stops the log for good (what reached the disk is unknown, and a retried fsync may
 * report success for pages the kernel already dropped): it is logged at ERROR, counted, reported by
 * {@link #health()}, and later events are counted as lost. The next start verifies the file and
 * cuts off a partial last line.
 */
public final class FileAuditLog implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);

    /** How the end of the file was found when it was opened. */
    public enum TailRepair {
        /** It ended with a complete line (or was empty or new). */
        NONE,
        /** The last line was complete but had lost its newline in a crash; the newline was added. */
        TERMINATED,
        /** The file ended in part of a line (an interrupted write); those bytes were cut off. */
        TRUNCATED
    }

    /**
     * What opening found.
     *
     * @param verifiedLines lines verified
     * @param lastSequence  the sequence appending continues after
     * @param tailRepair    what was done at the end of the file
     * @param tailBytes     bytes after the last newline before the repair
     */
    public record Recovery(long verifiedLines, long lastSequence, TailRepair tailRepair, long tailBytes) {
        public Recovery {
            Objects.requireNonNull(tailRepair, "tailRepair");
        }
    }

    /** What the queue carries: an event with its time, or the writer's stop signal. */
    private sealed interface Queued {
    }

    private record Stamped(AuditEvent event, long timestampMs) implements Queued {
    }

    private record Stop() implements Queued {
    }

    private final String name;
    private final AuditFile file;
    private final Clock clock;
    private final AuditLogOptions options;
    private final Recovery recovery;
    private final BlockingQueue<Queued> queue;
    private final Thread writer;

    /** Recorders hold it shared while queueing; close takes it exclusively, so nothing is queued after the stop signal. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean closing; // guarded by gate

    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    /** Events dropped because the queue was full, not yet marked in the chain. */
    private final AtomicLong lostUnmarked = new AtomicLong();
    // Written by the writer thread only, read by anyone.
    private volatile long written;
    private volatile long durable;
    private volatile long writeFailures;
    private volatile long lastSequence;
    private volatile String failure;
    private final Object progress = new Object();

    // Writer thread only: the chain position after the last line written.
    private long chainSequence;
    private String chainHash;
    private long unsyncedEvents;

    FileAuditLog(AuditFile file, String name, AuditChain.Verified verified, Clock clock, AuditLogOptions options) {
        this.file = Objects.requireNonNull(file, "file");
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        TailRepair repair = switch (verified.tail()) {
            case CLEAN -> TailRepair.NONE;
            case UNTERMINATED -> TailRepair.TERMINATED;
            case TORN -> TailRepair.TRUNCATED;
        };
        this.recovery = new Recovery(verified.lines(), verified.lastSequence(), repair, verified.tailBytes());
        this.chainSequence = verified.lastSequence();
        this.chainHash = verified.lastHash();
        this.lastSequence = verified.lastSequence();
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.writer = Thread.ofPlatform().name("vaylix-audit-writer").daemon(true).unstarted(this::runWriter);
        writer.start();
    }

    /**
     * Opens (or creates) the audit log at {@code path}: verifies every line (STORAGE.md §12.3),
     * repairs an interrupted last line (see {@link TailRepair}), and starts the writer, which
     * continues the chain after the last verified line.
     *
     * @throws dev.vaylix.api.VaylixException {@code SRV-028 audit log hash chain verification failed:
     *         line <n>: <reason>} (the server must not start; the file is left untouched), or
     *         {@code SRV-004} if the file cannot be created, read, locked or repaired
     */
    public static FileAuditLog open(Path path, Clock clock, AuditLogOptions options) {
        ChannelAuditFile.Opened opened = ChannelAuditFile.open(path);
        return new FileAuditLog(opened.file(), path.toString(), opened.verified(), clock, options);
    }

    /** What opening found and repaired; log it at start-up. */
    public Recovery recovery() {
        return recovery;
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        recorded.incrementAndGet();
        long timestampMs = clock.wallTimeMs();
        Lock shared = gate.readLock();
        shared.lock();
        try {
            if (!closing && failure == null) {
                if (queue.offer(new Stamped(event, timestampMs))) {
                    accepted.incrementAndGet();
                    return;
                }
                lostUnmarked.incrementAndGet(); // the writer is behind: mark the gap in the chain
            }
        } finally {
            shared.unlock();
        }
        lost.incrementAndGet();
    }

    @Override
    public AuditHealth health() {
        return new AuditHealth(recorded.get(), written, durable, lost.get(), writeFailures, lastSequence, Optional.ofNullable(failure));
    }

    /**
     * Waits until every event accepted before this call is durable (written and fsynced).
     *
     * @return true if they are; false on timeout or if the log failed
     */
    public boolean awaitDurable(long timeoutMs) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (progress) {
            while (durable < target && failure == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, remaining);
            }
            return durable >= target;
        }
    }

    @Override
    public void close() {
        Lock exclusive = gate.writeLock();
        exclusive.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
        } finally {
            exclusive.unlock();
        }
        try {
            if (queue.offer(new Stop(), options.closeTimeoutMs(), TimeUnit.MILLISECONDS)) {
                writer.join(options.closeTimeoutMs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            // The disk is stuck in a write or fsync; closing the file under the writer would not help it.
            LOG.error("audit log {}: the writer did not finish within {} ms; {} queued events may never be written",
                    name, options.closeTimeoutMs(), queue.size());
            return;
        }
        file.close();
    }

    // ------------------------------------------------------------------ writer thread

    private void runWriter() {
        List<Queued> batch = new ArrayList<>(options.batchEventsMax());
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(options.syncIntervalMs());
        long lastSyncNanos = clock.monotonicNanos();
        boolean stop = false;
        try {
            while (!stop) {
                Queued first;
                if (unsyncedEvents > 0 && intervalNanos > 0) {
                    long waitNanos = intervalNanos - (clock.monotonicNanos() - lastSyncNanos);
                    first = waitNanos > 0 ? queue.poll(waitNanos, TimeUnit.NANOSECONDS) : null;
                    if (first == null) {
                        sync();
                        lastSyncNanos = clock.monotonicNanos();
                        continue;
                    }
                } else {
                    first = queue.take();
                }
                batch.add(first);
                queue.drainTo(batch, options.batchEventsMax() - 1);
                stop = batch.getLast() instanceof Stop; // nothing is queued after Stop (see gate)
                write(batch);
                batch.clear();
                if (intervalNanos == 0 || stop || clock.monotonicNanos() - lastSyncNanos >= intervalNanos) {
                    sync();
                    lastSyncNanos = clock.monotonicNanos();
                }
            }
        } catch (InterruptedException e) {
            // Nobody interrupts this thread; if something does, stop writing rather than risk a torn chain.
            fail("the audit writer was interrupted", null);
        } catch (RuntimeException | Error e) {
            fail("the audit writer stopped: " + e, e);
            throw e;
        }
    }

    private void write(List<Queued> batch) {
        List<Stamped> events = new ArrayList<>(batch.size());
        for (Queued queued : batch) {
            if (queued instanceof Stamped stamped) {
                events.add(stamped);
            }
        }
        if (failure != null) {
            lost.addAndGet(events.size());
            return;
        }
        long lostCount = lostUnmarked.getAndSet(0);
        if (events.isEmpty() && lostCount == 0) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 512 + 512);
        long sequence = chainSequence;
        String hash = chainHash;
        if (lostCount > 0) {
            AuditRecord marker = AuditRecord.next(sequence + 1, hash, clock.wallTimeMs(), AuditEvent.eventsLost(lostCount));
            appendLine(out, marker);
            sequence = marker.sequence();
            hash = marker.eventHash();
        }
        for (Stamped stamped : events) {
            AuditRecord record = AuditRecord.next(sequence + 1, hash, stamped.timestampMs(), stamped.event());
            appendLine(out, record);
            sequence = record.sequence();
            hash = record.eventHash();
        }
        try {
            file.append(ByteBuffer.wrap(out.toByteArray()));
        } catch (IOException | RuntimeException e) {
            lost.addAndGet(events.size());
            fail("write failed: " + e, e);
            return;
        }
        chainSequence = sequence;
        chainHash = hash;
        lastSequence = sequence;
        written += events.size();
        unsyncedEvents += events.size();
        if (lostCount > 0) {
            LOG.warn("audit log {}: queue full, {} events were dropped; recorded as sequence {}", name, lostCount,
                    sequence - events.size());
        }
    }

    private static void appendLine(ByteArrayOutputStream out, AuditRecord record) {
        out.writeBytes(record.lineJson().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private void sync() {
        if (failure != null || unsyncedEvents == 0) {
            return;
        }
        try {
            file.sync();
        } catch (IOException | RuntimeException e) {
            fail("fsync failed: " + e, e);
            return;
        }
        synchronized (progress) {
            durable += unsyncedEvents;
            unsyncedEvents = 0;
            progress.notifyAll();
        }
    }

    private void fail(String reason, Throwable cause) {
        synchronized (progress) {
            writeFailures++;
            failure = reason;
            progress.notifyAll();
        }
        LOG.error("audit log {}: {}; no further audit events will be written until the server restarts", name, reason, cause);
    }
}
