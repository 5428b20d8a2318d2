package dev.vaylix.engine.memory;

import dev.vaylix.api.Key;
import dev.vaylix.api.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A working view of the keyspace at one evaluation time {@code nowMs}: the only place that touches
 * the trees. Keys whose expiry is at or before {@code nowMs} are invisible to every method.
 *
 * <p>Writable views are private to the apply thread: they start from a published {@link State},
 * accumulate a batch by path copying, and become the next {@link State} only when the batch is
 * complete. Read-only views serve concurrent readers over a published state and refuse writes.
 * Not thread-safe.
 */
final class Keyspace {

    /** The roots at one point of a batch, to roll a failed command or transaction back to. */
    record Mark(Node<Key, Value> data, Node<ExpiryKey, Key> expiries) {
    }

    private final long nowMs;
    private final boolean writable;
    private Node<Key, Value> data;
    private Node<ExpiryKey, Key> expiries;

    private Keyspace(State state, long nowMs, boolean writable) {
        this.data = state.data();
        this.expiries = state.expiries();
        this.nowMs = nowMs;
        this.writable = writable;
    }

    static Keyspace writable(State state, long nowMs) {
        return new Keyspace(state, nowMs, true);
    }

    static Keyspace readOnly(State state, long nowMs) {
        return new Keyspace(state, nowMs, false);
    }

    long nowMs() {
        return nowMs;
    }

    /** The live value of {@code key}, or {@code null}. */
    Value get(Key key) {
        Node<Key, Value> node = PersistentTree.find(data, key, KeyOrder.KEYS);
        return node == null || node.value.isExpiredAt(nowMs) ? null : node.value;
    }

    /**
     * Stores {@code value} under {@code key}, replacing any previous value and keeping the expiry
     * index in step.
     *
     * @param value must not be expired at {@code nowMs} (callers delete instead)
     */
    void put(Key key, Value value) {
        requireWritable();
        if (value.isExpiredAt(nowMs)) {
            throw new IllegalArgumentException("an expired value is deleted, never stored");
        }
        Node<Key, Value> previous = PersistentTree.find(data, key, KeyOrder.KEYS);
        if (previous != null && previous.value.hasExpiry()) {
            expiries = PersistentTree.remove(expiries, new ExpiryKey(previous.value.expiresAtMs(), key), ExpiryKey.ORDER);
        }
        data = PersistentTree.put(data, key, value, KeyOrder.KEYS);
        if (value.hasExpiry()) {
            expiries = PersistentTree.put(expiries, new ExpiryKey(value.expiresAtMs(), key), key, ExpiryKey.ORDER);
        }
    }

    /** Removes {@code key}; returns its live value, or {@code null} if it was absent (or expired). */
    Value remove(Key key) {
        requireWritable();
        Node<Key, Value> previous = PersistentTree.find(data, key, KeyOrder.KEYS);
        if (previous == null) {
            return null;
        }
        if (previous.value.hasExpiry()) {
            expiries = PersistentTree.remove(expiries, new ExpiryKey(previous.value.expiresAtMs(), key), ExpiryKey.ORDER);
        }
        data = PersistentTree.remove(data, key, KeyOrder.KEYS);
        return previous.value.isExpiredAt(nowMs) ? null : previous.value;
    }

    void clear() {
        requireWritable();
        data = null;
        expiries = null;
    }

    /**
     * Replaces the whole keyspace, building balanced trees in O(n) instead of n path-copying inserts
     * (RESTORE of a large dump).
     *
     * @param keys   strictly ascending in {@link KeyOrder}
     * @param values one per key, none expired at {@code nowMs}
     */
    void replaceAll(List<Key> keys, List<Value> values) {
        requireWritable();
        List<ExpiryKey> expiryKeys = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Value value = values.get(i);
            if (value.isExpiredAt(nowMs)) {
                throw new IllegalArgumentException("an expired value is deleted, never stored");
            }
            if (value.hasExpiry()) {
                expiryKeys.add(new ExpiryKey(value.expiresAtMs(), keys.get(i)));
            }
        }
        expiryKeys.sort(ExpiryKey.ORDER);
        data = PersistentTree.fromSorted(keys, values);
        expiries = PersistentTree.fromSorted(expiryKeys, expiryKeys.stream().map(ExpiryKey::key).toList());
    }

    /** Physically removes every key expired at {@code nowMs}; returns how many. O(k log n). */
    int purgeExpired() {
        requireWritable();
        int purged = 0;
        for (Node<ExpiryKey, Key> oldest = PersistentTree.first(expiries);
                oldest != null && oldest.key.isExpiredAt(nowMs);
                oldest = PersistentTree.first(expiries)) {
            expiries = PersistentTree.removeFirst(expiries);
            data = PersistentTree.remove(data, oldest.value, KeyOrder.KEYS);
            purged++;
        }
        return purged;
    }

    /** True if some stored key is expired at {@code nowMs} (possible only in read-only views). */
    boolean holdsExpiredKeys() {
        Node<ExpiryKey, Key> oldest = PersistentTree.first(expiries);
        return oldest != null && oldest.key.isExpiredAt(nowMs);
    }

    /** Number of live keys. O(log n). */
    long liveCount() {
        long expired = PersistentTree.countWhile(expiries, (ExpiryKey e) -> e.isExpiredAt(nowMs));
        return Node.sizeOf(data) - expired;
    }

    /** Number of stored keys (live or not) for which the monotone {@code inPrefix} holds. */
    long countStoredWhile(Predicate<Key> inPrefix) {
        return PersistentTree.countWhile(data, inPrefix);
    }

    /** The stored key at {@code index} in key order (live or not). */
    Node<Key, Value> storedAt(long index) {
        return PersistentTree.select(data, index);
    }

    /** A cursor over stored keys from the first for which the monotone {@code atOrAfter} holds. */
    Cursor<Key, Value> cursor(Predicate<Key> atOrAfter) {
        return new Cursor<>(data, atOrAfter);
    }

    Mark mark() {
        return new Mark(data, expiries);
    }

    void reset(Mark mark) {
        requireWritable();
        data = mark.data();
        expiries = mark.expiries();
    }

    State toState(long appliedIndex, long clockMs) {
        return new State(data, expiries, appliedIndex, clockMs);
    }

    private void requireWritable() {
        if (!writable) {
            throw new IllegalStateException("a read-only keyspace view cannot change");
        }
    }
}
