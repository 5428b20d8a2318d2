package dev.vaylix.engine.memory;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Operations on persistent (immutable, path-copying) AVL trees of {@link Node}s. A {@code null} root
 * is the empty tree. Every update returns a new root and leaves the old one intact, sharing all
 * untouched subtrees: O(log n) new nodes per update.
 *
 * <p>Why this structure: the engine must let readers see a state between two applied entries, never
 * a partial one, including for multi-key transactions. With immutable trees the apply thread builds
 * the next state privately and publishes it with one volatile write; readers take the root they find
 * and are never blocked and never see a torn batch. A concurrent skip list gives neither atomic
 * multi-key visibility nor cheap consistent snapshots.
 *
 * <p>AVL keeps height below 1.45 log2(n + 2), so recursion depth and {@link Cursor}'s stack stay
 * below {@link #MAX_HEIGHT} for any size that fits in an {@code int}.
 */
final class PersistentTree {

    /** Upper bound on AVL height for fewer than 2^31 nodes (1.4405 * log2(2^31 + 2) < 45), with margin. */
    static final int MAX_HEIGHT = 64;

    private PersistentTree() {
    }

    static <K, V> Node<K, V> find(Node<K, V> root, K key, Comparator<? super K> order) {
        Node<K, V> node = root;
        while (node != null) {
            int c = order.compare(key, node.key);
            if (c == 0) {
                return node;
            }
            node = c < 0 ? node.left : node.right;
        }
        return null;
    }

    /** The tree with {@code key} mapped to {@code value} (inserted or replaced). */
    static <K, V> Node<K, V> put(Node<K, V> root, K key, V value, Comparator<? super K> order) {
        if (root == null) {
            return new Node<>(key, value, null, null);
        }
        int c = order.compare(key, root.key);
        if (c < 0) {
            return balance(root.key, root.value, put(root.left, key, value, order), root.right);
        }
        if (c > 0) {
            return balance(root.key, root.value, root.left, put(root.right, key, value, order));
        }
        return new Node<>(key, value, root.left, root.right);
    }

    /** The tree without {@code key}; the same root if it was absent. */
    static <K, V> Node<K, V> remove(Node<K, V> root, K key, Comparator<? super K> order) {
        if (root == null) {
            return null;
        }
        int c = order.compare(key, root.key);
        if (c < 0) {
            Node<K, V> left = remove(root.left, key, order);
            return left == root.left ? root : balance(root.key, root.value, left, root.right);
        }
        if (c > 0) {
            Node<K, V> right = remove(root.right, key, order);
            return right == root.right ? root : balance(root.key, root.value, root.left, right);
        }
        if (root.left == null) {
            return root.right;
        }
        if (root.right == null) {
            return root.left;
        }
        Node<K, V> successor = first(root.right);
        return balance(successor.key, successor.value, root.left, removeFirst(root.right));
    }

    static <K, V> Node<K, V> first(Node<K, V> root) {
        Node<K, V> node = root;
        if (node == null) {
            return null;
        }
        while (node.left != null) {
            node = node.left;
        }
        return node;
    }

    static <K, V> Node<K, V> removeFirst(Node<K, V> root) {
        if (root.left == null) {
            return root.right;
        }
        return balance(root.key, root.value, removeFirst(root.left), root.right);
    }

    /** The node at position {@code index} (0-based) in key order; {@code index < size}. */
    static <K, V> Node<K, V> select(Node<K, V> root, long index) {
        Node<K, V> node = root;
        long remaining = index;
        while (node != null) {
            int leftSize = Node.sizeOf(node.left);
            if (remaining < leftSize) {
                node = node.left;
            } else if (remaining == leftSize) {
                return node;
            } else {
                remaining -= leftSize + 1;
                node = node.right;
            }
        }
        throw new IndexOutOfBoundsException("index " + index + " outside a tree of " + Node.sizeOf(root));
    }

    /**
     * The number of leading keys (in tree order) for which {@code inPrefix} holds. {@code inPrefix}
     * must be monotone over the order: true for some first run of keys, false for all after.
     * O(log n).
     */
    static <K> long countWhile(Node<K, ?> root, Predicate<? super K> inPrefix) {
        long count = 0;
        Node<K, ?> node = root;
        while (node != null) {
            if (inPrefix.test(node.key)) {
                count += Node.sizeOf(node.left) + 1L;
                node = node.right;
            } else {
                node = node.left;
            }
        }
        return count;
    }

    /** A balanced tree of the given keys and values; {@code keys} strictly ascending. O(n). */
    static <K, V> Node<K, V> fromSorted(List<K> keys, List<V> values) {
        return build(keys, values, 0, keys.size());
    }

    private static <K, V> Node<K, V> build(List<K> keys, List<V> values, int from, int to) {
        if (from >= to) {
            return null;
        }
        int middle = (from + to) >>> 1;
        return new Node<>(keys.get(middle), values.get(middle), build(keys, values, from, middle),
                build(keys, values, middle + 1, to));
    }

    /**
     * A node for (key, value) over subtrees whose heights differ by at most 2, rebalanced by one
     * single or double rotation (the only imbalance one insert or delete below can cause).
     */
    private static <K, V> Node<K, V> balance(K key, V value, Node<K, V> left, Node<K, V> right) {
        int leftHeight = Node.heightOf(left);
        int rightHeight = Node.heightOf(right);
        if (leftHeight > rightHeight + 1) {
            if (Node.heightOf(left.left) >= Node.heightOf(left.right)) {
                return new Node<>(left.key, left.value, left.left, new Node<>(key, value, left.right, right));
            }
            Node<K, V> pivot = left.right;
            return new Node<>(pivot.key, pivot.value,
                    new Node<>(left.key, left.value, left.left, pivot.left),
                    new Node<>(key, value, pivot.right, right));
        }
        if (rightHeight > leftHeight + 1) {
            if (Node.heightOf(right.right) >= Node.heightOf(right.left)) {
                return new Node<>(right.key, right.value, new Node<>(key, value, left, right.left), right.right);
            }
            Node<K, V> pivot = right.left;
            return new Node<>(pivot.key, pivot.value,
                    new Node<>(key, value, left, pivot.left),
                    new Node<>(right.key, right.value, pivot.right, right.right));
        }
        return new Node<>(key, value, left, right);
    }
}
