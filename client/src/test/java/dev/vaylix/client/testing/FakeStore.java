package dev.vaylix.client.testing;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.ReplyShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data behind {@link FakeVaylixServer}: a sorted map of keys to values with versions and (frozen) TTLs,
 * answering the key/value commands with the reply kinds of COMMANDS.md §3.2. Time does not pass: a TTL is
 * stored and reported but never expires. Thread-safe (one lock); a transaction's commands run under it at once.
 *
 * <p>Commands without data semantics here get a well-formed reply of their shape (OK, an empty list, …), so
 * every command can be sent through the client end to end.
 */
public final class FakeStore {

    private record Entry(Bytes value, long version, long ttlSeconds) {
    }

    private final TreeMap<Key, Entry> data = new TreeMap<>();

    /** Applies one command. */
    public synchronized Reply apply(Command command) {
        return applyTo(data, command);
    }

    /**
     * Applies a transaction atomically: on an error reply nothing is kept and the error is EXEC's reply.
     */
    public synchronized Reply applyAll(List<Command> commands) {
        TreeMap<Key, Entry> scratch = new TreeMap<>(data);
        List<Reply> results = new ArrayList<>(commands.size());
        for (Command command : commands) {
            Reply reply = applyTo(scratch, command);
            if (reply instanceof Reply.Error) {
                return reply;
            }
            results.add(reply);
        }
        data.clear();
        data.putAll(scratch);
        return new Reply.ExecResults(results);
    }

    /** The current value of {@code key}. */
    public synchronized Optional<Bytes> value(String key) {
        return Optional.ofNullable(data.get(Key.of(key))).map(Entry::value);
    }

    public synchronized int size() {
        return data.size();
    }

    private static Reply applyTo(TreeMap<Key, Entry> data, Command command) {
        return switch (command) {
            case Command.Ping ping -> Reply.Data.utf8(ping.message().orElse("PONG"));
            case Command.Get get -> valueOf(data.get(get.key()));
            case Command.Set set -> set(data, set);
            case Command.SetNx setNx -> {
                if (data.containsKey(setNx.key())) {
                    yield Reply.FALSE;
                }
                data.put(setNx.key(), new Entry(setNx.value(), 1, -1));
                yield Reply.TRUE;
            }
            case Command.GetDel getDel -> valueOf(data.remove(getDel.key()));
            case Command.GetEx getEx -> valueOf(data.get(getEx.key()));
            case Command.MGet mget -> {
                List<Optional<Bytes>> values = new ArrayList<>();
                for (Key key : mget.keys()) {
                    values.add(Optional.ofNullable(data.get(key)).map(Entry::value));
                }
                yield new Reply.Values(values);
            }
            case Command.MSet mset -> {
                for (KeyValue pair : mset.entries()) {
                    write(data, pair.key(), pair.value(), -1);
                }
                yield Reply.OK;
            }
            case Command.Del del -> new Reply.Count(del.keys().stream().distinct().filter(k -> data.remove(k) != null).count());
            case Command.Exists exists -> Reply.Bool.of(data.containsKey(exists.key()));
            case Command.Incr incr -> add(data, incr.key(), 1);
            case Command.Decr decr -> add(data, decr.key(), -1);
            case Command.Expire expire -> {
                Entry entry = data.get(expire.key());
                if (entry == null) {
                    yield Reply.FALSE;
                }
                data.put(expire.key(), new Entry(entry.value(), entry.version(), expire.seconds()));
                yield Reply.TRUE;
            }
            case Command.Ttl ttl -> {
                Entry entry = data.get(ttl.key());
                yield new Reply.Int(entry == null ? -2 : entry.ttlSeconds());
            }
            case Command.Persist persist -> {
                Entry entry = data.get(persist.key());
                if (entry == null || entry.ttlSeconds() < 0) {
                    yield Reply.FALSE;
                }
                data.put(persist.key(), new Entry(entry.value(), entry.version(), -1));
                yield Reply.TRUE;
            }
            case Command.Rename rename -> Reply.Bool.of(rename(data, rename.source(), rename.destination(), false));
            case Command.RenameNx rename -> Reply.Bool.of(rename(data, rename.source(), rename.destination(), true));
            case Command.Scan scan -> scan(data, scan);
            case Command.DbSize _, Command.Count _ -> new Reply.Count(data.size());
            case Command.ListAll _ -> {
                List<Reply.Entry> entries = new ArrayList<>();
                data.forEach((key, entry) -> entries.add(new Reply.Entry(key.text(), entry.value())));
                yield new Reply.Entries(entries);
            }
            case Command.Clear _ -> {
                data.clear();
                yield Reply.OK;
            }
            case Command.Info _ -> new Reply.Entries(List.of(Reply.Entry.text("server.version", "0.9.0"),
                    Reply.Entry.text("storage.key_count", Integer.toString(data.size()))));
            case Command.Health _ -> new Reply.Entries(List.of(Reply.Entry.text("status", "ready"),
                    Reply.Entry.text("ready", "true")));
            default -> generic(command);
        };
    }

    private static Reply set(TreeMap<Key, Entry> data, Command.Set set) {
        Entry previous = data.get(set.key());
        boolean write = switch (set.condition()) {
            case NONE -> true;
            case NX -> previous == null;
            case XX -> previous != null;
        };
        if (set.ifVersion().isPresent()) {
            write &= previous != null && previous.version() == set.ifVersion().getAsLong();
        }
        if (write) {
            write(data, set.key(), set.value(), set.keepTtl() && previous != null ? previous.ttlSeconds() : -1);
        }
        if (set.returnPrevious()) {
            return valueOf(previous);
        }
        return set.condition() != SetCondition.NONE || set.ifVersion().isPresent() ? Reply.Bool.of(write) : Reply.OK;
    }

    private static void write(TreeMap<Key, Entry> data, Key key, Bytes value, long ttlSeconds) {
        Entry previous = data.get(key);
        data.put(key, new Entry(value, previous == null ? 1 : previous.version() + 1, ttlSeconds));
    }

    private static Reply add(TreeMap<Key, Entry> data, Key key, long delta) {
        Entry entry = data.get(key);
        long current;
        try {
            current = entry == null ? 0 : Long.parseLong(entry.value().utf8String());
        } catch (RuntimeException e) {
            return Reply.Error.of(ErrorCode.ENG_015, key.text(), entry.value().isValidUtf8() ? entry.value().utf8String() : "?");
        }
        long next;
        try {
            next = Math.addExact(current, delta);
        } catch (ArithmeticException e) {
            return Reply.Error.of(ErrorCode.ENG_016, key.text());
        }
        write(data, key, Bytes.utf8(Long.toString(next)), entry == null ? -1 : entry.ttlSeconds());
        return new Reply.Int(next);
    }

    private static boolean rename(TreeMap<Key, Entry> data, Key source, Key destination, boolean onlyIfAbsent) {
        Entry entry = data.get(source);
        if (entry == null || (onlyIfAbsent && data.containsKey(destination))) {
            return false;
        }
        if (!source.equals(destination)) {
            data.remove(source);
            write(data, destination, entry.value(), entry.ttlSeconds());
        }
        return true;
    }

    /** Cursor = index into the sorted, filtered keys; MATCH supports a trailing {@code *} only. */
    private static Reply scan(TreeMap<Key, Entry> data, Command.Scan scan) {
        String pattern = scan.pattern().orElse("*");
        String prefix = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : null;
        List<Key> matching = new ArrayList<>();
        for (Key key : data.keySet()) {
            if (prefix != null ? key.text().startsWith(prefix) : key.text().equals(pattern)) {
                matching.add(key);
            }
        }
        int count = Math.max(1, scan.count().orElse(10));
        long start = scan.cursor();
        if (start >= matching.size()) {
            return new Reply.ScanPage(0, List.of());
        }
        int end = (int) Math.min(matching.size(), start + count);
        return new Reply.ScanPage(end == matching.size() ? 0 : end, matching.subList((int) start, end));
    }

    private static Reply valueOf(Entry entry) {
        return entry == null ? Reply.NOT_FOUND : new Reply.Data(entry.value());
    }

    /** A well-formed reply of the command's shape for commands the fake does not model. */
    private static Reply generic(Command command) {
        return switch (ReplyShape.of(command)) {
            case OK -> Reply.OK;
            case VALUE, RAW -> Reply.Data.utf8(command.type().name().toLowerCase(java.util.Locale.ROOT));
            case BOOLEAN -> Reply.TRUE;
            case COUNT -> new Reply.Count(0);
            case INTEGER -> new Reply.Int(0);
            case ENTRIES -> new Reply.Entries(List.of(Reply.Entry.text("command", command.type().name())));
            case VALUES -> new Reply.Values(List.of());
            case SCAN_PAGE -> new Reply.ScanPage(0, List.of());
            case EXEC_RESULTS -> new Reply.ExecResults(List.of());
        };
    }

    /** A copy of the data as key → value, for assertions. */
    public synchronized Map<String, Bytes> snapshot() {
        Map<String, Bytes> copy = new TreeMap<>();
        data.forEach((key, entry) -> copy.put(key.text(), entry.value()));
        return copy;
    }
}
