package dev.vaylix.client;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A typed {@link Request} for every command of COMMANDS.md §3 except MULTI/EXEC/DISCARD (use
 * {@link VaylixClient#multi()}) and the local HELP/EXIT. Keys and names are Java strings (sent as UTF-8);
 * values are {@link Bytes}, with {@code String} conveniences that send the UTF-8 encoding.
 *
 * <p>Result conventions: a missing key is an empty {@link Optional}; commands that answer OK have result type
 * {@link Void} (null); counts are unsigned {@code long}s; entries replies are ordered maps of text (values must
 * be UTF-8, {@code TRN-012} otherwise) except LIST, whose values are raw bytes.
 *
 * <p>Every factory refuses a key or name with an unpaired surrogate (it has no UTF-8 form) with
 * {@link IllegalArgumentException}.
 */
public final class Requests {

    private Requests() {
    }

    // ---------------------------------------------------------------- connection and session

    /** AUTH: switches the connection's identity; {@code SRV-008} if refused. */
    public static Request<Void> auth(String username, String password) {
        return new Request<>(new Command.Auth(username, password), Decoders.NOTHING);
    }

    /** PING: {@code PONG}. */
    public static Request<String> ping() {
        return new Request<>(new Command.Ping(Optional.empty()), Decoders.TEXT);
    }

    /** PING with a message, which the server echoes. */
    public static Request<String> ping(String message) {
        return new Request<>(new Command.Ping(Optional.of(message)), Decoders.TEXT);
    }

    /** WHOAMI: {@code username} and {@code permissions}. */
    public static Request<Map<String, String>> whoami() {
        return new Request<>(new Command.Whoami(), Decoders.TEXT_ENTRIES);
    }

    // ---------------------------------------------------------------- key/value

    public static Request<Optional<Bytes>> get(String key) {
        return new Request<>(new Command.Get(Key.of(key)), Decoders.VALUE);
    }

    /** Plain SET: always writes, clears the TTL. */
    public static Request<Void> set(String key, Bytes value) {
        return new Request<>(Command.Set.of(Key.of(key), value), Decoders.NOTHING);
    }

    public static Request<Void> set(String key, String value) {
        return set(key, Bytes.utf8(value));
    }

    /** SET with options; the result says whether the value was written (always true without NX/XX/IF VERSION). */
    public static Request<Boolean> set(String key, Bytes value, SetOptions options) {
        return new Request<>(setCommand(key, value, options, false), Decoders.APPLIED);
    }

    /** SET … GET: the previous value (empty if there was none), whether or not the write happened. */
    public static Request<Optional<Bytes>> setAndGet(String key, Bytes value, SetOptions options) {
        return new Request<>(setCommand(key, value, options, true), Decoders.VALUE);
    }

    private static Command.Set setCommand(String key, Bytes value, SetOptions options, boolean returnPrevious) {
        return new Command.Set(Key.of(key), value, options.condition(), options.ifVersion(), options.expiration(),
                options.keepTtl(), returnPrevious);
    }

    /** SETNX: true if the key was absent and is now set. */
    public static Request<Boolean> setNx(String key, Bytes value) {
        return new Request<>(new Command.SetNx(Key.of(key), value), Decoders.BOOLEAN);
    }

    /** GETDEL: the value, then the key is deleted. */
    public static Request<Optional<Bytes>> getDel(String key) {
        return new Request<>(new Command.GetDel(Key.of(key)), Decoders.VALUE);
    }

    /** GETEX without options: like GET. */
    public static Request<Optional<Bytes>> getEx(String key) {
        return getEx(key, Expiration.NONE);
    }

    /** GETEX EX/PX: the value, and a new expiry. */
    public static Request<Optional<Bytes>> getEx(String key, Expiration expiration) {
        return new Request<>(new Command.GetEx(Key.of(key), expiration, false), Decoders.VALUE);
    }

    /** GETEX PERSIST: the value, and its expiry removed. */
    public static Request<Optional<Bytes>> getExPersist(String key) {
        return new Request<>(new Command.GetEx(Key.of(key), Expiration.NONE, true), Decoders.VALUE);
    }

    /** MGET: one optional value per key, in order. */
    public static Request<List<Optional<Bytes>>> mget(Collection<String> keys) {
        return new Request<>(new Command.MGet(keys(keys)), Decoders.VALUES);
    }

    /** MSET: all pairs in one atomic write, TTLs cleared. Iteration order of {@code pairs} is the write order. */
    public static Request<Void> mset(Map<String, Bytes> pairs) {
        List<KeyValue> entries = new ArrayList<>(pairs.size());
        pairs.forEach((key, value) -> entries.add(new KeyValue(Key.of(key), value)));
        return new Request<>(new Command.MSet(entries), Decoders.NOTHING);
    }

    /** DEL: how many of the keys existed. */
    public static Request<Long> del(Collection<String> keys) {
        return new Request<>(new Command.Del(keys(keys)), Decoders.COUNT);
    }

    public static Request<Boolean> exists(String key) {
        return new Request<>(new Command.Exists(Key.of(key)), Decoders.BOOLEAN);
    }

    /** INCR: the new value; {@code ENG-015} if the value is not an integer, {@code ENG-016} on overflow. */
    public static Request<Long> incr(String key) {
        return new Request<>(new Command.Incr(Key.of(key)), Decoders.INTEGER);
    }

    public static Request<Long> decr(String key) {
        return new Request<>(new Command.Decr(Key.of(key)), Decoders.INTEGER);
    }

    /** EXPIRE: false if the key is missing; 0 seconds deletes it. */
    public static Request<Boolean> expire(String key, long seconds) {
        return new Request<>(new Command.Expire(Key.of(key), seconds), Decoders.BOOLEAN);
    }

    /** TTL: -2 missing, -1 no expiry, else the remaining seconds rounded up. */
    public static Request<Long> ttl(String key) {
        return new Request<>(new Command.Ttl(Key.of(key)), Decoders.INTEGER);
    }

    /** PERSIST: true if an expiry was removed. */
    public static Request<Boolean> persist(String key) {
        return new Request<>(new Command.Persist(Key.of(key)), Decoders.BOOLEAN);
    }

    /** RENAME: false if the source is missing. */
    public static Request<Boolean> rename(String source, String destination) {
        return new Request<>(new Command.Rename(Key.of(source), Key.of(destination)), Decoders.BOOLEAN);
    }

    /** RENAMENX: false if the source is missing or the destination exists. */
    public static Request<Boolean> renameNx(String source, String destination) {
        return new Request<>(new Command.RenameNx(Key.of(source), Key.of(destination)), Decoders.BOOLEAN);
    }

    /** SCAN from {@code cursor} (0 to start) over every key, 10 per page. */
    public static Request<Reply.ScanPage> scan(long cursor) {
        return scan(cursor, Optional.empty(), OptionalInt.empty());
    }

    /**
     * SCAN: a page of keys; the next cursor is 0 at the end.
     *
     * @param pattern MATCH glob ({@code *}, {@code ?}); empty = every key
     * @param count   COUNT, 0–65535; empty = 10
     */
    public static Request<Reply.ScanPage> scan(long cursor, Optional<String> pattern, OptionalInt count) {
        return new Request<>(new Command.Scan(cursor, pattern, count), Decoders.SCAN_PAGE);
    }

    public static Request<Long> dbSize() {
        return new Request<>(new Command.DbSize(), Decoders.COUNT);
    }

    /** COUNT: the same number as DBSIZE. */
    public static Request<Long> count() {
        return new Request<>(new Command.Count(), Decoders.COUNT);
    }

    /** LIST: every live key with its value, in key order. */
    public static Request<List<KeyValue>> list() {
        return new Request<>(new Command.ListAll(), Decoders.KEY_VALUES);
    }

    /** CLEAR: deletes every key. */
    public static Request<Void> clear() {
        return new Request<>(new Command.Clear(), Decoders.NOTHING);
    }

    // ---------------------------------------------------------------- persistence, backup, restore

    public static Request<Void> save() {
        return new Request<>(new Command.Save(), Decoders.NOTHING);
    }

    public static Request<Void> snapshot() {
        return new Request<>(new Command.Snapshot(), Decoders.NOTHING);
    }

    /** BACKUP: the logical backup JSON document. */
    public static Request<String> backup() {
        return new Request<>(new Command.Backup(), Decoders.TEXT);
    }

    /** BACKUP TO: writes the backup and its manifest under the server's backup directory. */
    public static Request<Void> backupTo(String path) {
        return new Request<>(new Command.BackupTo(path), Decoders.NOTHING);
    }

    public static Request<Map<String, String>> backupVerify(String dumpJson) {
        return new Request<>(new Command.BackupVerify(dumpJson), Decoders.TEXT_ENTRIES);
    }

    public static Request<Map<String, String>> backupVerifyFrom(String path) {
        return new Request<>(new Command.BackupVerifyFrom(path), Decoders.TEXT_ENTRIES);
    }

    /** RESTORE: the number of entries restored. */
    public static Request<Long> restore(String dumpJson) {
        return new Request<>(new Command.Restore(dumpJson), Decoders.COUNT);
    }

    public static Request<Long> restoreFrom(String path) {
        return new Request<>(new Command.RestoreFrom(path), Decoders.COUNT);
    }

    /** RESTORE CHECK: how many entries a restore would write; changes nothing. */
    public static Request<Long> restoreCheck(String dumpJson) {
        return new Request<>(new Command.RestoreCheck(dumpJson), Decoders.COUNT);
    }

    public static Request<Long> restoreCheckFrom(String path) {
        return new Request<>(new Command.RestoreCheckFrom(path), Decoders.COUNT);
    }

    // ---------------------------------------------------------------- users, roles, grants

    public static Request<Void> createUser(String username, String password) {
        return new Request<>(new Command.CreateUser(username, password), Decoders.NOTHING);
    }

    public static Request<Void> alterUserPassword(String username, String password) {
        return new Request<>(new Command.AlterUserPassword(username, password), Decoders.NOTHING);
    }

    public static Request<Void> dropUser(String username) {
        return new Request<>(new Command.DropUser(username), Decoders.NOTHING);
    }

    public static Request<Void> createRole(String role) {
        return new Request<>(new Command.CreateRole(role), Decoders.NOTHING);
    }

    public static Request<Void> dropRole(String role) {
        return new Request<>(new Command.DropRole(role), Decoders.NOTHING);
    }

    public static Request<Void> grantRole(String role, String username) {
        return new Request<>(new Command.GrantRole(role, username), Decoders.NOTHING);
    }

    public static Request<Void> revokeRole(String role, String username) {
        return new Request<>(new Command.RevokeRole(role, username), Decoders.NOTHING);
    }

    /** GRANT PERMISSION; pattern {@code *} is the form without ON. */
    public static Request<Void> grantPermission(String permission, String pattern, String role) {
        return new Request<>(new Command.GrantPermission(permission, pattern, role), Decoders.NOTHING);
    }

    public static Request<Void> revokePermission(String permission, String pattern, String role) {
        return new Request<>(new Command.RevokePermission(permission, pattern, role), Decoders.NOTHING);
    }

    public static Request<Map<String, String>> showUsers() {
        return new Request<>(new Command.ShowUsers(), Decoders.TEXT_ENTRIES);
    }

    public static Request<Map<String, String>> showRoles() {
        return new Request<>(new Command.ShowRoles(), Decoders.TEXT_ENTRIES);
    }

    /** SHOW GRANTS of the connection's own identity. */
    public static Request<Map<String, String>> showGrants() {
        return new Request<>(new Command.ShowGrants(), Decoders.TEXT_ENTRIES);
    }

    public static Request<Map<String, String>> showGrantsForUser(String username) {
        return new Request<>(new Command.ShowGrantsForUser(username), Decoders.TEXT_ENTRIES);
    }

    public static Request<Map<String, String>> showGrantsForRole(String role) {
        return new Request<>(new Command.ShowGrantsForRole(role), Decoders.TEXT_ENTRIES);
    }

    // ---------------------------------------------------------------- operations, metrics, cluster

    public static Request<Map<String, String>> info() {
        return new Request<>(new Command.Info(), Decoders.TEXT_ENTRIES);
    }

    public static Request<Map<String, String>> metrics() {
        return new Request<>(new Command.Metrics(), Decoders.TEXT_ENTRIES);
    }

    /** METRICS PROM: the Prometheus text exposition. */
    public static Request<String> metricsProm() {
        return new Request<>(new Command.MetricsProm(), Decoders.TEXT);
    }

    public static Request<Void> maintenanceOn() {
        return new Request<>(new Command.MaintenanceOn(), Decoders.NOTHING);
    }

    public static Request<Void> maintenanceOff() {
        return new Request<>(new Command.MaintenanceOff(), Decoders.NOTHING);
    }

    public static Request<Map<String, String>> maintenanceStatus() {
        return new Request<>(new Command.MaintenanceStatus(), Decoders.TEXT_ENTRIES);
    }

    public static Request<Map<String, String>> health() {
        return new Request<>(new Command.Health(), Decoders.TEXT_ENTRIES);
    }

    public static Request<Map<String, String>> showCluster() {
        return new Request<>(new Command.ShowCluster(), Decoders.TEXT_ENTRIES);
    }

    public static Request<Map<String, String>> showReplication() {
        return new Request<>(new Command.ShowReplication(), Decoders.TEXT_ENTRIES);
    }

    public static Request<Void> clusterJoin(String nodeId, String address) {
        return new Request<>(new Command.ClusterJoin(nodeId, address), Decoders.NOTHING);
    }

    public static Request<Void> clusterRemove(String nodeId) {
        return new Request<>(new Command.ClusterRemove(nodeId), Decoders.NOTHING);
    }

    public static Request<Void> promoteFollower() {
        return new Request<>(new Command.PromoteFollower(), Decoders.NOTHING);
    }

    public static Request<Void> pauseReplication() {
        return new Request<>(new Command.PauseReplication(), Decoders.NOTHING);
    }

    public static Request<Void> resumeReplication() {
        return new Request<>(new Command.ResumeReplication(), Decoders.NOTHING);
    }

    private static List<Key> keys(Collection<String> keys) {
        List<Key> result = new ArrayList<>(keys.size());
        for (String key : keys) {
            result.add(Key.of(key));
        }
        return result;
    }
}
