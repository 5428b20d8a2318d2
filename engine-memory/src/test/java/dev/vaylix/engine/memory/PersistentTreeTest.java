package dev.vaylix.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The persistent AVL tree against java.util.TreeMap, with its invariants checked after every step. */
class PersistentTreeTest {

    private static final Comparator<Integer> ORDER = Integer::compare;

    @Property(tries = 300)
    void behaves_like_a_tree_map_and_never_changes_old_versions(
            @ForAll @Size(max = 200) List<@IntRange(min = -40, max = 40) Integer> operations) {
        TreeMap<Integer, Integer> model = new TreeMap<>();
        Node<Integer, Integer> root = null;
        List<Node<Integer, Integer>> versions = new ArrayList<>();
        List<Map<Integer, Integer>> expectedVersions = new ArrayList<>();
        for (int step = 0; step < operations.size(); step++) {
            int op = operations.get(step);
            if (op >= 0) {
                root = PersistentTree.put(root, op, step, ORDER);
                model.put(op, step);
            } else {
                root = PersistentTree.remove(root, -op, ORDER);
                model.remove(-op);
            }
            checkInvariants(root);
            assertEquals(List.copyOf(model.entrySet()), entries(root));
            versions.add(root);
            expectedVersions.add(new TreeMap<>(model));
        }
        for (int i = 0; i < versions.size(); i++) {
            assertEquals(List.copyOf(expectedVersions.get(i).entrySet()), entries(versions.get(i)), "version " + i);
        }
    }

    @Property(tries = 200)
    void rank_select_and_cursor_agree_with_the_sorted_keys(
            @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 1000) Integer> keys, @ForAll @IntRange(min = -5, max = 1005) int bound) {
        Node<Integer, Integer> root = null;
        TreeMap<Integer, Integer> model = new TreeMap<>();
        for (int key : keys) {
            root = PersistentTree.put(root, key, key, ORDER);
            model.put(key, key);
        }
        List<Integer> sorted = List.copyOf(model.keySet());
        assertEquals(model.headMap(bound).size(), PersistentTree.countWhile(root, (Integer k) -> k < bound));
        for (int i = 0; i < sorted.size(); i++) {
            assertEquals(sorted.get(i), PersistentTree.select(root, i).key);
        }
        List<Integer> fromBound = new ArrayList<>();
        Cursor<Integer, Integer> cursor = new Cursor<>(root, (Integer k) -> k >= bound);
        for (Node<Integer, Integer> node = cursor.next(); node != null; node = cursor.next()) {
            fromBound.add(node.key);
        }
        assertEquals(List.copyOf(model.tailMap(bound).keySet()), fromBound);
        Node<Integer, Integer> built = PersistentTree.fromSorted(sorted, sorted);
        checkInvariants(built);
        assertEquals(entries(root), entries(built));
    }

    @Test
    void removing_an_absent_key_returns_the_same_tree() {
        Node<Integer, Integer> root = PersistentTree.put(null, 1, 1, ORDER);
        assertSame(root, PersistentTree.remove(root, 2, ORDER));
        assertNull(PersistentTree.remove(root, 1, ORDER));
    }

    @Test
    void height_stays_logarithmic_for_sorted_inserts() {
        Node<Integer, Integer> root = null;
        for (int i = 0; i < 100_000; i++) {
            root = PersistentTree.put(root, i, i, ORDER);
        }
        assertTrue(root.height <= 25, "AVL height for 1e5 nodes is at most 1.44 log2(n) = 24: " + root.height);
        assertEquals(100_000, root.size);
    }

    private static List<Map.Entry<Integer, Integer>> entries(Node<Integer, Integer> root) {
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>();
        Cursor<Integer, Integer> cursor = new Cursor<>(root);
        for (Node<Integer, Integer> node = cursor.next(); node != null; node = cursor.next()) {
            entries.add(Map.entry(node.key, node.value));
        }
        return entries;
    }

    /** Order, AVL balance, cached heights and sizes: the invariants every operation must keep. */
    static <K, V> void checkInvariants(Node<K, V> node, Comparator<? super K> order) {
        if (node == null) {
            return;
        }
        checkInvariants(node.left, order);
        checkInvariants(node.right, order);
        assertTrue(Math.abs(Node.heightOf(node.left) - Node.heightOf(node.right)) <= 1, "AVL balance");
        assertEquals(1 + Math.max(Node.heightOf(node.left), Node.heightOf(node.right)), node.height);
        assertEquals(1 + Node.sizeOf(node.left) + Node.sizeOf(node.right), node.size);
        if (node.left != null) {
            assertTrue(order.compare(max(node.left).key, node.key) < 0, "left subtree below the node");
        }
        if (node.right != null) {
            assertTrue(order.compare(PersistentTree.first(node.right).key, node.key) > 0, "right subtree above the node");
        }
    }

    private static void checkInvariants(Node<Integer, Integer> root) {
        checkInvariants(root, ORDER);
    }

    private static <K, V> Node<K, V> max(Node<K, V> node) {
        while (node.right != null) {
            node = node.right;
        }
        return node;
    }
}
