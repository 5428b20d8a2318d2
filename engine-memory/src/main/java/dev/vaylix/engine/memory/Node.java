package dev.vaylix.engine.memory;

/**
 * An immutable node of a persistent AVL tree, augmented with its subtree size (for rank and select).
 * Nodes are never modified after construction, so any tree root is a consistent snapshot that can be
 * read from any thread once it has been published safely (a volatile write).
 */
final class Node<K, V> {

    final K key;
    final V value;
    final Node<K, V> left;
    final Node<K, V> right;
    final int height;
    final int size;

    Node(K key, V value, Node<K, V> left, Node<K, V> right) {
        this.key = key;
        this.value = value;
        this.left = left;
        this.right = right;
        this.height = 1 + Math.max(heightOf(left), heightOf(right));
        this.size = 1 + sizeOf(left) + sizeOf(right);
    }

    static int heightOf(Node<?, ?> node) {
        return node == null ? 0 : node.height;
    }

    static int sizeOf(Node<?, ?> node) {
        return node == null ? 0 : node.size;
    }
}
