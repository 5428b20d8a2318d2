package dev.vaylix.engine.memory;

import java.util.function.Predicate;

/**
 * In-order iteration over an immutable tree, starting at the first key for which a monotone
 * predicate holds. The explicit stack is bounded by {@link PersistentTree#MAX_HEIGHT}. Not
 * thread-safe; the tree it walks is immutable, so the walk is a consistent snapshot.
 */
final class Cursor<K, V> {

    private final Object[] stack = new Object[PersistentTree.MAX_HEIGHT];
    private int depth;

    /**
     * @param atOrAfter monotone over the order: false for a first run of keys, true for the rest;
     *                  iteration starts at the first key where it is true
     */
    Cursor(Node<K, V> root, Predicate<? super K> atOrAfter) {
        Node<K, V> node = root;
        while (node != null) {
            if (atOrAfter.test(node.key)) {
                stack[depth++] = node;
                node = node.left;
            } else {
                node = node.right;
            }
        }
    }

    /** A cursor over the whole tree. */
    Cursor(Node<K, V> root) {
        this(root, key -> true);
    }

    /** The next node in key order, or {@code null} at the end. */
    @SuppressWarnings("unchecked")
    Node<K, V> next() {
        if (depth == 0) {
            return null;
        }
        Node<K, V> node = (Node<K, V>) stack[--depth];
        for (Node<K, V> child = node.right; child != null; child = child.left) {
            stack[depth++] = child;
        }
        return node;
    }
}
