package dev.vaylix.engine.memory;

import dev.vaylix.api.Key;
import dev.vaylix.api.Value;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * SCAN (COMMANDS.md §3.2): the cursor is an index into the live keys that match the pattern, in key
 * order; a page holds up to COUNT keys (default 10, 0 behaves as 1); the next cursor is the index
 * after the page, or 0 once the end has been reached (also for an empty page or a cursor past the end).
 *
 * <p>Matching keys all start with the pattern's literal prefix, so only that range of the tree is
 * walked. For {@code <prefix>*} patterns over a state with no expired keys (the usual case) the page
 * is found by rank in O(count · log n) instead of walking from the start of the range.
 */
final class Scan {

    static final int DEFAULT_COUNT = 10;

    private Scan() {
    }

    static Reply.ScanPage page(Keyspace keyspace, Command.Scan scan) {
        Glob glob = new Glob(scan.pattern().orElse("*"));
        int count = Math.max(1, scan.count().orElse(DEFAULT_COUNT));
        String prefix = glob.literalPrefix();
        Predicate<Key> belowPrefix = key -> KeyOrder.compare(key.text(), prefix) < 0;
        if (glob.isPrefixThenStar() && !keyspace.holdsExpiredKeys()) {
            return pageByRank(keyspace, scan.cursor(), count, prefix, belowPrefix);
        }
        return pageByWalk(keyspace, scan.cursor(), count, prefix, glob, belowPrefix);
    }

    private static Reply.ScanPage pageByRank(Keyspace keyspace, long cursor, int count, String prefix,
                                             Predicate<Key> belowPrefix) {
        long first = keyspace.countStoredWhile(belowPrefix);
        long end = keyspace.countStoredWhile(key -> belowPrefix.test(key) || key.text().startsWith(prefix));
        long total = end - first;
        if (Long.compareUnsigned(cursor, total) >= 0) {
            return new Reply.ScanPage(0, List.of());
        }
        long stop = Math.min(total, cursor + count); // cursor < total < 2^31: no overflow
        List<Key> keys = new ArrayList<>((int) (stop - cursor));
        for (long i = cursor; i < stop; i++) {
            keys.add(keyspace.storedAt(first + i).key);
        }
        return new Reply.ScanPage(stop < total ? stop : 0, keys);
    }

    private static Reply.ScanPage pageByWalk(Keyspace keyspace, long cursor, int count, String prefix, Glob glob,
                                             Predicate<Key> belowPrefix) {
        Cursor<Key, Value> walk = keyspace.cursor(belowPrefix.negate());
        List<Key> keys = new ArrayList<>(Math.min(count, 64));
        long index = 0;
        for (Node<Key, Value> node = walk.next(); node != null && node.key.text().startsWith(prefix); node = walk.next()) {
            if (node.value.isExpiredAt(keyspace.nowMs()) || !glob.matches(node.key.text())) {
                continue;
            }
            if (Long.compareUnsigned(index, cursor) >= 0) {
                if (keys.size() == count) {
                    return new Reply.ScanPage(index, keys); // one more match exists: the end is not reached
                }
                keys.add(node.key);
            }
            index++;
        }
        return new Reply.ScanPage(0, keys);
    }
}
