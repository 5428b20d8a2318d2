package dev.vaylix.server.session;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The requests of one connection between the reader, which admits them in order, and the writer,
 * which answers them in the same order. At most {@code capacity} requests wait for the writer; a full
 * window stops the reader, so a client that never reads its replies stops being read (back pressure)
 * instead of growing server memory.
 *
 * <p>The reader can wait until the writer has answered everything admitted so far
 * ({@link #awaitDrained()}): the barrier between requests that must not overlap.
 *
 * <p>Threading: one reader calls {@link #put}, {@link #end} and {@link #awaitDrained()}; one writer calls
 * {@link #poll}, {@link #take} and {@link #answered}; {@link #awaitDrained(long)} may be called from any thread.
 */
final class Window {

    private final ArrayBlockingQueue<Slot> queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    /** Requests admitted: written by the reader only; read by the server's shutdown too. */
    private volatile long admitted;
    /** Requests answered: guarded by {@link #lock}. */
    private long answered;

    Window(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Admits a request, waiting while the window is full. */
    void put(Slot slot) throws InterruptedException {
        admitted = admitted + 1; // single writer
        queue.put(slot);
    }

    /** Tells the writer that no request follows ({@link Slot#END}, not counted as a request). */
    void end() throws InterruptedException {
        queue.put(Slot.END);
    }

    /** The next request, or null if none is waiting. */
    Slot poll() {
        return queue.poll();
    }

    /** The next request, waiting for one. */
    Slot take() throws InterruptedException {
        return queue.take();
    }

    /** The writer answered (or discarded) one request. */
    void answered() {
        lock.lock();
        try {
            answered++;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every request admitted so far has been answered, or {@code timeoutNanos} passed;
     * returns whether it was drained. Any thread (the server's shutdown uses it).
     */
    boolean awaitDrained(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (answered < admitted) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = progress.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every request admitted so far has been answered. */
    void awaitDrained() throws InterruptedException {
        lock.lock();
        try {
            while (answered < admitted) {
                progress.await();
            }
        } finally {
            lock.unlock();
        }
    }
}
