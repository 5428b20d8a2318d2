package dev.vaylix.engine.memory;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.Value;
import dev.vaylix.api.backup.DumpEntry;
import dev.vaylix.api.backup.LogicalBackup;
import dev.vaylix.api.backup.LogicalDump;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The semantics of every data command (COMMANDS.md §3.2) over a {@link Keyspace} at its evaluation
 * time. A failing command throws a {@link dev.vaylix.api.VaylixException} after possibly changing the
 * keyspace; the caller rolls the keyspace back ({@link Keyspace#reset}), so a failure never leaves a
 * partial effect.
 *
 * <p>Deliberate differences from the reference are in docs/COMPATIBILITY.md ("Engine and backups"):
 * INCR/DECR keep the TTL, RENAME onto itself changes nothing, versions never wrap.
 */
final class Commands {

    private static final Bytes PONG = Bytes.utf8("PONG");

    private Commands() {
    }

    /**
     * Evaluates one data command. The caller has already checked that the command may run here
     * (read-only view: only reads).
     *
     * @throws IllegalArgumentException for a command that is not a data command (a caller bug)
     */
    static Reply execute(Keyspace keyspace, Command command) {
        return switch (command) {
            case Command.Get c -> valueOrNotFound(keyspace.get(c.key()));
            case Command.Set c -> set(keyspace, c);
            case Command.SetNx c -> setNx(keyspace, c);
            case Command.GetDel c -> valueOrNotFound(keyspace.remove(c.key()));
            case Command.GetEx c -> getEx(keyspace, c);
            case Command.MGet c -> {
                List<Optional<Bytes>> values = new ArrayList<>(c.keys().size());
                for (Key key : c.keys()) {
                    Value value = keyspace.get(key);
                    values.add(value == null ? Optional.empty() : Optional.of(value.data()));
                }
                yield new Reply.Values(values);
            }
            case Command.MSet c -> {
                for (KeyValue entry : c.entries()) {
                    Value previous = keyspace.get(entry.key());
                    keyspace.put(entry.key(), new Value(entry.value(), nextVersion(entry.key(), previous), Value.NO_EXPIRY));
                }
                yield Reply.OK;
            }
            case Command.Del c -> {
                long removed = 0;
                for (Key key : c.keys()) {
                    if (keyspace.remove(key) != null) {
                        removed++; // a repeated key is absent the second time: counted once
                    }
                }
                yield new Reply.Count(removed);
            }
            case Command.Exists c -> Reply.Bool.of(keyspace.get(c.key()) != null);
            case Command.Incr c -> add(keyspace, c.key(), 1);
            case Command.Decr c -> add(keyspace, c.key(), -1);
            case Command.Expire c -> expire(keyspace, c);
            case Command.Ttl c -> ttl(keyspace, c.key());
            case Command.Persist c -> {
                Value value = keyspace.get(c.key());
                if (value == null || !value.hasExpiry()) {
                    yield Reply.FALSE;
                }
                keyspace.put(c.key(), new Value(value.data(), value.version(), Value.NO_EXPIRY));
                yield Reply.TRUE;
            }
            case Command.Rename c -> rename(keyspace, c.source(), c.destination(), false);
            case Command.RenameNx c -> rename(keyspace, c.source(), c.destination(), true);
            case Command.Scan c -> Scan.page(keyspace, c);
            case Command.DbSize c -> new Reply.Count(keyspace.liveCount());
            case Command.Count c -> new Reply.Count(keyspace.liveCount());
            case Command.ListAll c -> list(keyspace);
            case Command.Clear c -> {
                keyspace.clear();
                yield Reply.OK;
            }
            case Command.Ping c -> new Reply.Data(c.message().map(Bytes::utf8).orElse(PONG));
            case Command.Restore c -> restore(keyspace, c.dump());
            case Command.Auth _, Command.Whoami _, Command.Help _, Command.Exit _, Command.Save _, Command.Snapshot _,
                 Command.Backup _, Command.BackupTo _, Command.BackupVerify _, Command.BackupVerifyFrom _,
                 Command.RestoreFrom _, Command.RestoreCheck _, Command.RestoreCheckFrom _, Command.CreateUser _,
                 Command.AlterUserPassword _, Command.DropUser _, Command.CreateRole _, Command.DropRole _,
                 Command.GrantRole _, Command.RevokeRole _, Command.GrantPermission _, Command.RevokePermission _,
                 Command.ShowUsers _, Command.ShowRoles _, Command.ShowGrants _, Command.ShowGrantsForUser _,
                 Command.ShowGrantsForRole _, Command.Multi _, Command.Exec _, Command.Discard _, Command.Info _,
                 Command.Metrics _, Command.MetricsProm _, Command.MaintenanceOn _, Command.MaintenanceOff _,
                 Command.MaintenanceStatus _, Command.Health _, Command.ShowCluster _, Command.ShowReplication _,
                 Command.ClusterJoin _, Command.ClusterRemove _, Command.PromoteFollower _,
                 Command.PauseReplication _, Command.ResumeReplication _ ->
                    throw new IllegalArgumentException("not a data command: " + command.type());
        };
    }

    /**
     * SET: writes iff (NX ⇒ absent) ∧ (XX ⇒ present) ∧ (IF VERSION v ⇒ present with version v). An
     * explicit EX/PX wins over KEEPTTL when a (wire-only) command carries both; an expiry at or before
     * now deletes the key in the same entry.
     */
    private static Reply set(Keyspace keyspace, Command.Set set) {
        Value previous = keyspace.get(set.key());
        boolean write = switch (set.condition()) {
            case NONE -> true;
            case NX -> previous == null;
            case XX -> previous != null;
        };
        if (set.ifVersion().isPresent()) {
            write &= previous != null && previous.version() == set.ifVersion().getAsLong();
        }
        if (write) {
            long expiresAtMs;
            if (set.expiration().isPresent()) {
                expiresAtMs = Time.expiryAt(keyspace.nowMs(), set.expiration());
            } else if (set.keepTtl() && previous != null) {
                expiresAtMs = previous.expiresAtMs();
            } else {
                expiresAtMs = Value.NO_EXPIRY;
            }
            if (isPast(expiresAtMs, keyspace.nowMs())) {
                keyspace.remove(set.key());
            } else {
                keyspace.put(set.key(), new Value(set.value(), nextVersion(set.key(), previous), expiresAtMs));
            }
        }
        if (set.returnPrevious()) {
            return valueOrNotFound(previous);
        }
        if (set.condition() != SetCondition.NONE || set.ifVersion().isPresent()) {
            return Reply.Bool.of(write);
        }
        return Reply.OK;
    }

    private static Reply setNx(Keyspace keyspace, Command.SetNx setNx) {
        if (keyspace.get(setNx.key()) != null) {
            return Reply.FALSE;
        }
        keyspace.put(setNx.key(), new Value(setNx.value(), 1, Value.NO_EXPIRY));
        return Reply.TRUE;
    }

    /** GETEX: an expiration (which wins over PERSIST on the wire) or PERSIST, then the value. */
    private static Reply getEx(Keyspace keyspace, Command.GetEx getEx) {
        Value value = keyspace.get(getEx.key());
        if (value == null) {
            return Reply.NOT_FOUND;
        }
        if (getEx.expiration().isPresent()) {
            long expiresAtMs = Time.expiryAt(keyspace.nowMs(), getEx.expiration());
            storeOrDelete(keyspace, getEx.key(), value.data(), value.version(), expiresAtMs);
        } else if (getEx.persist() && value.hasExpiry()) {
            keyspace.put(getEx.key(), new Value(value.data(), value.version(), Value.NO_EXPIRY));
        }
        return new Reply.Data(value.data());
    }

    /** INCR/DECR: a missing key counts as 0; the TTL is kept (unlike the reference, see COMPATIBILITY). */
    private static Reply add(Keyspace keyspace, Key key, long delta) {
        Value previous = keyspace.get(key);
        long current = previous == null ? 0 : parseI64(key, previous.data());
        long result;
        try {
            result = Math.addExact(current, delta);
        } catch (ArithmeticException e) {
            throw ErrorCode.ENG_016.exception(key.text());
        }
        long expiresAtMs = previous == null ? Value.NO_EXPIRY : previous.expiresAtMs();
        keyspace.put(key, new Value(Bytes.utf8(Long.toString(result)), nextVersion(key, previous), expiresAtMs));
        return new Reply.Int(result);
    }

    private static Reply expire(Keyspace keyspace, Command.Expire expire) {
        Value value = keyspace.get(expire.key());
        if (value == null) {
            return Reply.FALSE;
        }
        long expiresAtMs = Time.saturatingAdd(keyspace.nowMs(), Time.secondsToMillis(expire.seconds()));
        storeOrDelete(keyspace, expire.key(), value.data(), value.version(), expiresAtMs);
        return Reply.TRUE;
    }

    private static Reply ttl(Keyspace keyspace, Key key) {
        Value value = keyspace.get(key);
        if (value == null) {
            return new Reply.Int(-2);
        }
        if (!value.hasExpiry()) {
            return new Reply.Int(-1);
        }
        return new Reply.Int(Time.remainingSecondsRoundedUp(value.expiresAtMs(), keyspace.nowMs()));
    }

    /**
     * RENAME/RENAMENX: the destination gets the source's value and TTL, and version = (destination's
     * previous version + 1) or 1. Renaming a key onto itself changes nothing (RENAME answers true,
     * RENAMENX false because the destination exists), unlike the reference, which reset the version.
     */
    private static Reply rename(Keyspace keyspace, Key source, Key destination, boolean onlyIfAbsent) {
        Value value = keyspace.get(source);
        if (value == null) {
            return Reply.FALSE;
        }
        Value previous = keyspace.get(destination);
        if (onlyIfAbsent && previous != null) {
            return Reply.FALSE;
        }
        if (source.equals(destination)) {
            return Reply.TRUE;
        }
        long version = nextVersion(destination, previous);
        keyspace.remove(source);
        keyspace.put(destination, new Value(value.data(), version, value.expiresAtMs()));
        return Reply.TRUE;
    }

    private static Reply list(Keyspace keyspace) {
        List<Reply.Entry> entries = new ArrayList<>();
        Cursor<Key, Value> walk = keyspace.cursor(key -> true);
        for (Node<Key, Value> node = walk.next(); node != null; node = walk.next()) {
            if (!node.value.isExpiredAt(keyspace.nowMs())) {
                entries.add(new Reply.Entry(node.key.text(), node.value.data()));
            }
        }
        return new Reply.Entries(entries);
    }

    /**
     * RESTORE: replaces the keyspace with the dump's entries that are live at the evaluation time;
     * a later duplicate wins; versions become max(v, 1). Replies with the number of live entries
     * (duplicates included), the same count RESTORE CHECK gives.
     */
    private static Reply restore(Keyspace keyspace, String dump) {
        LogicalDump parsed = LogicalBackup.parse(dump.getBytes(StandardCharsets.UTF_8));
        TreeMap<Key, Value> restored = new TreeMap<>(KeyOrder.KEYS);
        long count = 0;
        for (DumpEntry entry : parsed.entries()) {
            if (entry.isLiveAt(keyspace.nowMs())) {
                long expiresAtMs = entry.expiresAtMs().orElse(Value.NO_EXPIRY);
                restored.put(entry.key(), new Value(entry.value(), entry.restoredVersion(), expiresAtMs));
                count++;
            }
        }
        keyspace.replaceAll(List.copyOf(restored.keySet()), List.copyOf(restored.values()));
        return new Reply.Count(count);
    }

    /** Stores the value, or deletes the key when its expiry is at or before now (EX 0, PX 0). */
    private static void storeOrDelete(Keyspace keyspace, Key key, Bytes data, long version, long expiresAtMs) {
        if (isPast(expiresAtMs, keyspace.nowMs())) {
            keyspace.remove(key);
        } else {
            keyspace.put(key, new Value(data, version, expiresAtMs));
        }
    }

    private static boolean isPast(long expiresAtMs, long nowMs) {
        return expiresAtMs != Value.NO_EXPIRY && Long.compareUnsigned(expiresAtMs, nowMs) <= 0;
    }

    /** previous + 1, or 1 for a new key; a version at u64 max cannot advance (ENG-016, never wraps to 0). */
    private static long nextVersion(Key key, Value previous) {
        if (previous == null) {
            return 1;
        }
        if (previous.version() == Time.U64_MAX) {
            throw ErrorCode.ENG_016.exception(key.text());
        }
        return previous.version() + 1;
    }

    /** Rust's i64 parsing: optional {@code +} or {@code -}, then one or more ASCII digits, in range. */
    static long parseI64(Key key, Bytes value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 0 && (bytes[0] == '+' || bytes[0] == '-') ? 1 : 0;
        boolean digitsOnly = bytes.length > start;
        for (int i = start; i < bytes.length && digitsOnly; i++) {
            digitsOnly = bytes[i] >= '0' && bytes[i] <= '9';
        }
        if (digitsOnly) {
            try {
                // Long.parseLong accepts exactly this grammar once the bytes are known to be ASCII digits.
                return Long.parseLong(new String(bytes, StandardCharsets.US_ASCII));
            } catch (NumberFormatException outOfRange) {
                // falls through: Rust reports overflow while parsing as an invalid integer too
            }
        }
        throw ErrorCode.ENG_015.exception(key.text(), new String(bytes, StandardCharsets.UTF_8));
    }

    private static Reply valueOrNotFound(Value value) {
        return value == null ? Reply.NOT_FOUND : new Reply.Data(value.data());
    }
}
