package dev.vaylix.transport.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded, blocking, one-way byte pipe: the in-memory stand-in for one direction of a TCP connection.
 *
 * <p>Unlike {@link java.io.PipedInputStream}, it does not tie itself to the threads that use it (which breaks
 * with thread pools and virtual threads), it supports a read timeout that fails like a socket's
 * ({@link SocketTimeoutException}), and closing either end wakes every blocked reader and writer.
 * Semantics follow a socket: after the writer closes, the reader drains what is left and then sees end of
 * stream; after the reader closes, writes fail ("broken pipe").
 */
final class BytePipe {

    private final byte[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private int head; // index of the oldest unread byte
    private int size; // unread bytes
    private boolean writerClosed;
    private boolean readerClosed;
    private volatile int readTimeoutMs;

    BytePipe(int capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacityBytes must be > 0");
        }
        ring = new byte[capacityBytes];
    }

    void readTimeoutMs(int timeoutMs) {
        readTimeoutMs = timeoutMs;
    }

    void closeWriter() {
        lock.lock();
        try {
            writerClosed = true;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void closeReader() {
        lock.lock();
        try {
            readerClosed = true;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                return BytePipe.this.read(target, offset, length);
            }
        };
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int value) throws IOException {
                write(new byte[] {(byte) value}, 0, 1);
            }

            @Override
            public void write(byte[] source, int offset, int length) throws IOException {
                BytePipe.this.write(source, offset, length);
            }
        };
    }

    private int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            int timeoutMs = readTimeoutMs;
            long remainingNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (size == 0 && !writerClosed && !readerClosed) {
                if (timeoutMs == 0) {
                    readable.await();
                } else {
                    if (remainingNanos <= 0) {
                        throw new SocketTimeoutException("Read timed out");
                    }
                    remainingNanos = readable.awaitNanos(remainingNanos);
                }
            }
            if (readerClosed) {
                throw new IOException("connection closed");
            }
            if (size == 0) {
                return -1; // writer closed and everything drained
            }
            int n = Math.min(length, size);
            int first = Math.min(n, ring.length - head);
            System.arraycopy(ring, head, target, offset, first);
            System.arraycopy(ring, 0, target, offset + first, n - first);
            head = (head + n) % ring.length;
            size -= n;
            writable.signalAll();
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        } finally {
            lock.unlock();
        }
    }

    private void write(byte[] source, int offset, int length) throws IOException {
        lock.lock();
        try {
            int done = 0;
            while (done < length) {
                while (size == ring.length && !readerClosed && !writerClosed) {
                    writable.await();
                }
                if (writerClosed) {
                    throw new IOException("connection closed");
                }
                if (readerClosed) {
                    throw new IOException("broken pipe");
                }
                int n = Math.min(length - done, ring.length - size);
                int tail = (head + size) % ring.length;
                int first = Math.min(n, ring.length - tail);
                System.arraycopy(source, offset + done, ring, tail, first);
                System.arraycopy(source, offset + done + first, ring, 0, n - first);
                size += n;
                done += n;
                readable.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing");
        } finally {
            lock.unlock();
        }
    }
}
