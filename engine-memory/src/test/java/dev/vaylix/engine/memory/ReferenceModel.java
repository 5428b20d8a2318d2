package dev.vaylix.engine.memory;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.Value;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.backup.DumpEntry;
import dev.vaylix.api.backup.LogicalBackup;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.reply.Reply;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An obviously-correct model of the engine for the model-based test: a {@link TreeMap} ordered by
 * {@link Key#compareTo} (not the engine's KeyOrder), full scans instead of indexes, BigInteger
 * arithmetic instead of saturating longs, regular expressions instead of the glob matcher, and a
 * copy of the whole map to roll back a failed batch. Slow and simple on purpose.
 */
final class ReferenceModel {

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private TreeMap<Key, Value> map = new TreeMap<>();
    private long appliedIndex;
    private long clockMs;
    private long nowMs; // evaluation time of the command being run

    long appliedIndex() {
        return appliedIndex;
    }

    long clockMs() {
        return clockMs;
    }

    List<Map.Entry<Key, Value>> entries() {
        return List.copyOf(map.entrySet());
    }

    Reply apply(long index, long leaderTimeMs, WriteBatch batch) {
        appliedIndex = index;
        clockMs = Long.compareUnsigned(leaderTimeMs, clockMs) > 0 ? leaderTimeMs : clockMs;
        nowMs = clockMs;
        int purged = 0;
        for (Key key : List.copyOf(map.keySet())) {
            if (!live(map.get(key))) {
                map.remove(key);
                purged++;
            }
        }
        TreeMap<Key, Value> before = new TreeMap<>(map);
        try {
            return switch (batch) {
                case WriteBatch.Single single -> {
                    if (!WriteBatchCodec.isLoggableAlone(single.command())) {
                        throw ErrorCode.ENG_011.exception("not loggable alone");
                    }
                    yield run(single.command());
                }
                case WriteBatch.Transaction transaction -> {
                    if (!transaction.commands().stream().allMatch(WriteBatchCodec::isQueueable)) {
                        throw ErrorCode.ENG_017.exception();
                    }
                    List<Reply> results = new ArrayList<>();
                    for (Command command : transaction.commands()) {
                        results.add(run(command));
                    }
                    yield new Reply.ExecResults(results);
                }
                case WriteBatch.PurgeExpired purge -> new Reply.Count(purged);
                case WriteBatch.Noop noop -> Reply.OK;
            };
        } catch (VaylixException e) {
            map = before;
            return Reply.Error.of(e);
        }
    }

    Reply read(Command command, long requestedNowMs) {
        TreeMap<Key, Value> before = new TreeMap<>(map);
        nowMs = Long.compareUnsigned(requestedNowMs, clockMs) > 0 ? requestedNowMs : clockMs;
        try {
            if (command instanceof Command.Backup) {
                List<DumpEntry> entries = new ArrayList<>();
                map.forEach((key, value) -> {
                    if (live(value)) {
                        entries.add(new DumpEntry(key, value.data(), value.version(),
                                value.hasExpiry() ? OptionalLong.of(value.expiresAtMs()) : OptionalLong.empty()));
                    }
                });
                return new Reply.Data(Bytes.of(LogicalBackup.write(nowMs, appliedIndex, entries)));
            }
            return run(command);
        } finally {
            map = before; // reads never change the model, expired keys included
        }
    }

    private boolean live(Value value) {
        return value != null && (!value.hasExpiry() || Long.compareUnsigned(value.expiresAtMs(), nowMs) > 0);
    }

    private Value get(Key key) {
        Value value = map.get(key);
        return live(value) ? value : null;
    }

    private long next(Key key, Value previous) {
        if (previous == null) {
            return 1;
        }
        if (previous.version() == -1L) {
            throw ErrorCode.ENG_016.exception(key.text());
        }
        return previous.version() + 1;
    }

    private long expiry(Expiration expiration) {
        BigInteger amount = new BigInteger(Long.toUnsignedString(expiration.amount()));
        if (expiration.kind() == Expiration.Kind.SECONDS) {
            amount = amount.multiply(BigInteger.valueOf(1000));
        }
        return new BigInteger(Long.toUnsignedString(nowMs)).add(amount).min(U64_MAX).longValue();
    }

    /** Stores, or deletes when the expiry is not in the future. */
    private void store(Key key, Bytes data, long version, long expiresAtMs) {
        Value value = new Value(data, version, expiresAtMs);
        if (live(value)) {
            map.put(key, value);
        } else {
            map.remove(key);
        }
    }

    private Reply run(Command command) {
        switch (command) {
            case Command.Get c -> {
                return found(get(c.key()));
            }
            case Command.Set c -> {
                Value previous = get(c.key());
                boolean write = (c.condition() != SetCondition.NX || previous == null)
                        && (c.condition() != SetCondition.XX || previous != null)
                        && (c.ifVersion().isEmpty() || (previous != null && previous.version() == c.ifVersion().getAsLong()));
                if (write) {
                    long expiresAtMs = c.expiration().isPresent() ? expiry(c.expiration())
                            : c.keepTtl() && previous != null ? previous.expiresAtMs() : Value.NO_EXPIRY;
                    Value probe = new Value(c.value(), 1, expiresAtMs);
                    if (live(probe)) {
                        map.put(c.key(), new Value(c.value(), next(c.key(), previous), expiresAtMs));
                    } else {
                        map.remove(c.key());
                    }
                }
                if (c.returnPrevious()) {
                    return found(previous);
                }
                return c.condition() == SetCondition.NONE && c.ifVersion().isEmpty() ? Reply.OK : Reply.Bool.of(write);
            }
            case Command.SetNx c -> {
                if (get(c.key()) != null) {
                    return Reply.FALSE;
                }
                map.put(c.key(), new Value(c.value(), 1, Value.NO_EXPIRY));
                return Reply.TRUE;
            }
            case Command.GetDel c -> {
                Value previous = get(c.key());
                map.remove(c.key());
                return found(previous);
            }
            case Command.GetEx c -> {
                Value previous = get(c.key());
                if (previous != null && c.expiration().isPresent()) {
                    store(c.key(), previous.data(), previous.version(), expiry(c.expiration()));
                } else if (previous != null && c.persist()) {
                    store(c.key(), previous.data(), previous.version(), Value.NO_EXPIRY);
                }
                return found(previous);
            }
            case Command.MGet c -> {
                return new Reply.Values(c.keys().stream().map(k -> Optional.ofNullable(get(k)).map(Value::data)).toList());
            }
            case Command.MSet c -> {
                for (KeyValue pair : c.entries()) {
                    map.put(pair.key(), new Value(pair.value(), next(pair.key(), get(pair.key())), Value.NO_EXPIRY));
                }
                return Reply.OK;
            }
            case Command.Del c -> {
                return new Reply.Count(c.keys().stream().distinct().filter(k -> map.remove(k) != null).count());
            }
            case Command.Exists c -> {
                return Reply.Bool.of(get(c.key()) != null);
            }
            case Command.Incr c -> {
                return add(c.key(), BigInteger.ONE);
            }
            case Command.Decr c -> {
                return add(c.key(), BigInteger.ONE.negate());
            }
            case Command.Expire c -> {
                Value previous = get(c.key());
                if (previous == null) {
                    return Reply.FALSE;
                }
                store(c.key(), previous.data(), previous.version(), expiry(Expiration.seconds(c.seconds())));
                return Reply.TRUE;
            }
            case Command.Ttl c -> {
                Value value = get(c.key());
                if (value == null || !value.hasExpiry()) {
                    return new Reply.Int(value == null ? -2 : -1);
                }
                BigInteger remaining = new BigInteger(Long.toUnsignedString(value.expiresAtMs()))
                        .subtract(new BigInteger(Long.toUnsignedString(nowMs)));
                BigInteger[] division = remaining.divideAndRemainder(BigInteger.valueOf(1000));
                return new Reply.Int(division[0].add(division[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact());
            }
            case Command.Persist c -> {
                Value value = get(c.key());
                if (value == null || !value.hasExpiry()) {
                    return Reply.FALSE;
                }
                map.put(c.key(), new Value(value.data(), value.version(), Value.NO_EXPIRY));
                return Reply.TRUE;
            }
            case Command.Rename c -> {
                return rename(c.source(), c.destination(), false);
            }
            case Command.RenameNx c -> {
                return rename(c.source(), c.destination(), true);
            }
            case Command.Scan c -> {
                return scan(c);
            }
            case Command.DbSize c -> {
                return new Reply.Count(liveKeys().size());
            }
            case Command.Count c -> {
                return new Reply.Count(liveKeys().size());
            }
            case Command.ListAll c -> {
                return new Reply.Entries(liveKeys().stream().map(k -> new Reply.Entry(k.text(), map.get(k).data())).toList());
            }
            case Command.Clear c -> {
                map.clear();
                return Reply.OK;
            }
            case Command.Ping c -> {
                return Reply.Data.utf8(c.message().orElse("PONG"));
            }
            case Command.Restore c -> {
                List<DumpEntry> entries = LogicalBackup.parse(c.dump().getBytes(StandardCharsets.UTF_8)).entries();
                map.clear();
                long restored = 0;
                for (DumpEntry entry : entries) {
                    if (entry.isLiveAt(nowMs)) {
                        long version = entry.version() == 0 ? 1 : entry.version();
                        map.put(entry.key(), new Value(entry.value(), version, entry.expiresAtMs().orElse(0)));
                        restored++;
                    }
                }
                return new Reply.Count(restored);
            }
            default -> throw new IllegalArgumentException("the model has no " + command.type());
        }
    }

    private static Reply found(Value value) {
        return value == null ? Reply.NOT_FOUND : new Reply.Data(value.data());
    }

    private Reply add(Key key, BigInteger delta) {
        Value previous = get(key);
        String text = previous == null ? "0" : new String(previous.data().toByteArray(), StandardCharsets.UTF_8);
        boolean wellFormed = previous == null || (previous.data().isValidUtf8() && text.matches("[+-]?[0-9]+"));
        BigInteger current = wellFormed ? new BigInteger(text) : null;
        if (current == null || current.bitLength() > 63) {
            throw ErrorCode.ENG_015.exception(key.text(), text);
        }
        BigInteger result = current.add(delta);
        if (result.bitLength() > 63) {
            throw ErrorCode.ENG_016.exception(key.text());
        }
        long expiresAtMs = previous == null ? Value.NO_EXPIRY : previous.expiresAtMs();
        map.put(key, new Value(Bytes.utf8(result.toString()), next(key, previous), expiresAtMs));
        return new Reply.Int(result.longValueExact());
    }

    private Reply rename(Key source, Key destination, boolean onlyIfAbsent) {
        Value value = get(source);
        if (value == null) {
            return Reply.FALSE;
        }
        Value previous = get(destination);
        if (onlyIfAbsent && previous != null) {
            return Reply.FALSE;
        }
        if (source.equals(destination)) {
            return Reply.TRUE;
        }
        long version = next(destination, previous);
        map.remove(source);
        map.put(destination, new Value(value.data(), version, value.expiresAtMs()));
        return Reply.TRUE;
    }

    private List<Key> liveKeys() {
        return map.entrySet().stream().filter(e -> live(e.getValue())).map(Map.Entry::getKey).toList();
    }

    private Reply scan(Command.Scan scan) {
        StringBuilder regex = new StringBuilder();
        scan.pattern().orElse("*").codePoints().forEach(cp -> regex.append(
                cp == '*' ? ".*" : cp == '?' ? "." : Pattern.quote(Character.toString(cp))));
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
        List<Key> matching = liveKeys().stream().filter(k -> pattern.matcher(k.text()).matches()).toList();
        int count = scan.count().orElse(10) == 0 ? 1 : scan.count().orElse(10);
        if (Long.compareUnsigned(scan.cursor(), matching.size()) >= 0) {
            return new Reply.ScanPage(0, List.of());
        }
        int from = (int) scan.cursor();
        int to = Math.min(matching.size(), from + count);
        return new Reply.ScanPage(to == matching.size() ? 0 : to, matching.subList(from, to));
    }
}
