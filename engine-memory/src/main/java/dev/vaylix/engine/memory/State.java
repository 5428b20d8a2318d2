package dev.vaylix.engine.memory;

import dev.vaylix.api.Key;
import dev.vaylix.api.Value;

/**
 * One immutable engine state: what readers see between two applied entries.
 *
 * <p>Invariants (checked by tests and by {@link SnapshotCodec} on decode): every key of
 * {@code expiries} is (expiry, key) of exactly one entry of {@code data} with that expiry, and every
 * entry of {@code data} with an expiry has one; no stored expiry is at or before {@code clockMs}.
 *
 * @param data         key → value, in key order
 * @param expiries     expiry index: (expiry, key) → key
 * @param appliedIndex last applied log index
 * @param clockMs      the engine clock: max of all applied leader times (unsigned)
 */
record State(Node<Key, Value> data, Node<ExpiryKey, Key> expiries, long appliedIndex, long clockMs) {

    static final State EMPTY = new State(null, null, 0, 0);

    int size() {
        return Node.sizeOf(data);
    }
}
