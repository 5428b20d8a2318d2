package dev.vaylix.api.command;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A typed command: one record for every command of COMMANDS.md §3, whether it arrives as text (the
 * {@code command} module parses it) or as a VTP2 request (the {@code transport} module decodes it).
 *
 * <p>The interface is sealed so that every {@code switch} over commands is exhaustive without a
 * {@code default}: adding a command breaks the build everywhere it must be handled.
 *
 * <p>Records hold exactly what the wire can carry, so some combinations the text parser refuses
 * (for example NX together with IF VERSION) are representable; their meaning is defined by the
 * engine (all conditions must hold). Lists may be empty for the same reason. Unsigned 64-bit
 * numbers (versions, cursors, seconds) are held in {@code long}s and must be compared with
 * {@link Long#compareUnsigned}.
 *
 * <p>Text arguments that are not keys (user and role names, passwords, permissions, patterns, paths,
 * dumps, node ids, addresses) are kept as {@code String}s, exactly as typed.
 */
public sealed interface Command {

    /** The command kind: opcode and audit name. */
    CommandType type();

    // ---------------------------------------------------------------- connection and session (§3.1)

    record Auth(String username, String password) implements Command {
        public Auth {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public CommandType type() {
            return CommandType.AUTH;
        }

        /** Never print the password. */
        @Override
        public String toString() {
            return "Auth[username=" + username + ", password=<redacted>]";
        }
    }

    /** PING with an optional message; the reply is the message, or {@code PONG}. */
    record Ping(Optional<String> message) implements Command {
        public Ping {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public CommandType type() {
            return CommandType.PING;
        }
    }

    record Whoami() implements Command {
        @Override
        public CommandType type() {
            return CommandType.WHOAMI;
        }
    }

    /** Local to the CLI. */
    record Help() implements Command {
        @Override
        public CommandType type() {
            return CommandType.HELP;
        }
    }

    /** Local to the CLI: {@code exit} or {@code quit}. */
    record Exit() implements Command {
        @Override
        public CommandType type() {
            return CommandType.EXIT;
        }
    }

    // ---------------------------------------------------------------- key/value (§3.2)

    record Get(Key key) implements Command {
        public Get {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public CommandType type() {
            return CommandType.GET;
        }
    }

    /**
     * SET with every option.
     *
     * @param condition      NX / XX / none
     * @param ifVersion      IF VERSION v: write only if the key exists with exactly this version
     * @param expiration     EX / PX / none
     * @param keepTtl        KEEPTTL: retain the previous expiry
     * @param returnPrevious GET: reply with the previous value instead of OK / a boolean
     */
    record Set(Key key, Bytes value, SetCondition condition, OptionalLong ifVersion, Expiration expiration,
               boolean keepTtl, boolean returnPrevious) implements Command {
        public Set {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(ifVersion, "ifVersion");
            Objects.requireNonNull(expiration, "expiration");
        }

        /** Plain {@code SET key value}. */
        public static Set of(Key key, Bytes value) {
            return new Set(key, value, SetCondition.NONE, OptionalLong.empty(), Expiration.NONE, false, false);
        }

        @Override
        public CommandType type() {
            return CommandType.SET;
        }
    }

    record SetNx(Key key, Bytes value) implements Command {
        public SetNx {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public CommandType type() {
            return CommandType.SETNX;
        }
    }

    record GetDel(Key key) implements Command {
        public GetDel {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public CommandType type() {
            return CommandType.GETDEL;
        }
    }

    /**
     * GETEX: returns the value and optionally changes its expiry. When both an expiration and
     * {@code persist} are present (possible on the wire only) the expiration wins (VTP2.md §5.3).
     */
    record GetEx(Key key, Expiration expiration, boolean persist) implements Command {
        public GetEx {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(expiration, "expiration");
        }

        /** GETEX mutates only when it changes the expiry. */
        public boolean isMutating() {
            return expiration.isPresent() || persist;
        }

        @Override
        public CommandType type() {
            return CommandType.GETEX;
        }
    }

    record MGet(List<Key> keys) implements Command {
        public MGet {
            keys = List.copyOf(keys);
        }

        @Override
        public CommandType type() {
            return CommandType.MGET;
        }
    }

    record MSet(List<KeyValue> entries) implements Command {
        public MSet {
            entries = List.copyOf(entries);
        }

        @Override
        public CommandType type() {
            return CommandType.MSET;
        }
    }

    /** DEL / DELETE. */
    record Del(List<Key> keys) implements Command {
        public Del {
            keys = List.copyOf(keys);
        }

        @Override
        public CommandType type() {
            return CommandType.DEL;
        }
    }

    record Exists(Key key) implements Command {
        public Exists {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public CommandType type() {
            return CommandType.EXISTS;
        }
    }

    record Incr(Key key) implements Command {
        public Incr {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public CommandType type() {
            return CommandType.INCR;
        }
    }

    record Decr(Key key) implements Command {
        public Decr {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public CommandType type() {
            return CommandType.DECR;
        }
    }

    /** @param seconds unsigned; 0 deletes the key */
    record Expire(Key key, long seconds) implements Command {
        public Expire {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public CommandType type() {
            return CommandType.EXPIRE;
        }
    }

    record Ttl(Key key) implements Command {
        public Ttl {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public CommandType type() {
            return CommandType.TTL;
        }
    }

    record Persist(Key key) implements Command {
        public Persist {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public CommandType type() {
            return CommandType.PERSIST;
        }
    }

    record Rename(Key source, Key destination) implements Command {
        public Rename {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public CommandType type() {
            return CommandType.RENAME;
        }
    }

    record RenameNx(Key source, Key destination) implements Command {
        public RenameNx {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public CommandType type() {
            return CommandType.RENAMENX;
        }
    }

    /**
     * SCAN with a positional cursor (COMMANDS.md §3.2).
     *
     * @param cursor  unsigned index into the filtered, sorted key list
     * @param pattern MATCH glob ({@code *}, {@code ?}); absent means {@code *}
     * @param count   COUNT, a u16 (0–65535); absent means 10
     */
    record Scan(long cursor, Optional<String> pattern, OptionalInt count) implements Command {
        public static final int MAX_COUNT = 0xFFFF;

        public Scan {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(count, "count");
            if (count.isPresent() && (count.getAsInt() < 0 || count.getAsInt() > MAX_COUNT)) {
                throw new IllegalArgumentException("SCAN count is a u16: " + count.getAsInt());
            }
        }

        @Override
        public CommandType type() {
            return CommandType.SCAN;
        }
    }

    record DbSize() implements Command {
        @Override
        public CommandType type() {
            return CommandType.DBSIZE;
        }
    }

    /** COUNT: same answer as DBSIZE, its own opcode. */
    record Count() implements Command {
        @Override
        public CommandType type() {
            return CommandType.COUNT;
        }
    }

    /** LIST: every live key with its value. (Named to avoid clashing with {@link java.util.List}.) */
    record ListAll() implements Command {
        @Override
        public CommandType type() {
            return CommandType.LIST;
        }
    }

    /** CLEAR / FLUSHDB. */
    record Clear() implements Command {
        @Override
        public CommandType type() {
            return CommandType.CLEAR;
        }
    }

    // ---------------------------------------------------------------- persistence, backup, restore (§3.3)

    record Save() implements Command {
        @Override
        public CommandType type() {
            return CommandType.SAVE;
        }
    }

    record Snapshot() implements Command {
        @Override
        public CommandType type() {
            return CommandType.SNAPSHOT;
        }
    }

    /** BACKUP: the logical dump as the reply. */
    record Backup() implements Command {
        @Override
        public CommandType type() {
            return CommandType.BACKUP;
        }
    }

    record BackupTo(String path) implements Command {
        public BackupTo {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public CommandType type() {
            return CommandType.BACKUP_TO;
        }
    }

    record BackupVerify(String dump) implements Command {
        public BackupVerify {
            Objects.requireNonNull(dump, "dump");
        }

        @Override
        public CommandType type() {
            return CommandType.BACKUP_VERIFY;
        }
    }

    record BackupVerifyFrom(String path) implements Command {
        public BackupVerifyFrom {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public CommandType type() {
            return CommandType.BACKUP_VERIFY_FROM;
        }
    }

    record Restore(String dump) implements Command {
        public Restore {
            Objects.requireNonNull(dump, "dump");
        }

        @Override
        public CommandType type() {
            return CommandType.RESTORE;
        }
    }

    record RestoreFrom(String path) implements Command {
        public RestoreFrom {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public CommandType type() {
            return CommandType.RESTORE_FROM;
        }
    }

    record RestoreCheck(String dump) implements Command {
        public RestoreCheck {
            Objects.requireNonNull(dump, "dump");
        }

        @Override
        public CommandType type() {
            return CommandType.RESTORE_CHECK;
        }
    }

    record RestoreCheckFrom(String path) implements Command {
        public RestoreCheckFrom {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public CommandType type() {
            return CommandType.RESTORE_CHECK_FROM;
        }
    }

    // ---------------------------------------------------------------- users, roles, grants (§3.4)

    record CreateUser(String username, String password) implements Command {
        public CreateUser {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public CommandType type() {
            return CommandType.CREATE_USER;
        }

        @Override
        public String toString() {
            return "CreateUser[username=" + username + ", password=<redacted>]";
        }
    }

    record AlterUserPassword(String username, String password) implements Command {
        public AlterUserPassword {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public CommandType type() {
            return CommandType.ALTER_USER_PASSWORD;
        }

        @Override
        public String toString() {
            return "AlterUserPassword[username=" + username + ", password=<redacted>]";
        }
    }

    record DropUser(String username) implements Command {
        public DropUser {
            Objects.requireNonNull(username, "username");
        }

        @Override
        public CommandType type() {
            return CommandType.DROP_USER;
        }
    }

    record CreateRole(String role) implements Command {
        public CreateRole {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public CommandType type() {
            return CommandType.CREATE_ROLE;
        }
    }

    record DropRole(String role) implements Command {
        public DropRole {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public CommandType type() {
            return CommandType.DROP_ROLE;
        }
    }

    record GrantRole(String role, String username) implements Command {
        public GrantRole {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(username, "username");
        }

        @Override
        public CommandType type() {
            return CommandType.GRANT_ROLE;
        }
    }

    record RevokeRole(String role, String username) implements Command {
        public RevokeRole {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(username, "username");
        }

        @Override
        public CommandType type() {
            return CommandType.REVOKE_ROLE;
        }
    }

    /**
     * GRANT PERMISSION. The permission is kept as typed; the server validates it ({@code SRV-018}).
     *
     * @param pattern {@code *} when the command had no {@code ON} clause
     */
    record GrantPermission(String permission, String pattern, String role) implements Command {
        public GrantPermission {
            Objects.requireNonNull(permission, "permission");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public CommandType type() {
            return CommandType.GRANT_PERMISSION;
        }
    }

    /** REVOKE PERMISSION; see {@link GrantPermission}. */
    record RevokePermission(String permission, String pattern, String role) implements Command {
        public RevokePermission {
            Objects.requireNonNull(permission, "permission");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public CommandType type() {
            return CommandType.REVOKE_PERMISSION;
        }
    }

    record ShowUsers() implements Command {
        @Override
        public CommandType type() {
            return CommandType.SHOW_USERS;
        }
    }

    record ShowRoles() implements Command {
        @Override
        public CommandType type() {
            return CommandType.SHOW_ROLES;
        }
    }

    /** SHOW GRANTS for the session's own identity. */
    record ShowGrants() implements Command {
        @Override
        public CommandType type() {
            return CommandType.SHOW_GRANTS;
        }
    }

    record ShowGrantsForUser(String username) implements Command {
        public ShowGrantsForUser {
            Objects.requireNonNull(username, "username");
        }

        @Override
        public CommandType type() {
            return CommandType.SHOW_GRANTS_FOR_USER;
        }
    }

    record ShowGrantsForRole(String role) implements Command {
        public ShowGrantsForRole {
            Objects.requireNonNull(role, "role");
        }

        @Override
        public CommandType type() {
            return CommandType.SHOW_GRANTS_FOR_ROLE;
        }
    }

    // ---------------------------------------------------------------- transactions (§3.5)

    record Multi() implements Command {
        @Override
        public CommandType type() {
            return CommandType.MULTI;
        }
    }

    record Exec() implements Command {
        @Override
        public CommandType type() {
            return CommandType.EXEC;
        }
    }

    record Discard() implements Command {
        @Override
        public CommandType type() {
            return CommandType.DISCARD;
        }
    }

    // ---------------------------------------------------------------- operations, metrics, cluster (§3.6)

    record Info() implements Command {
        @Override
        public CommandType type() {
            return CommandType.INFO;
        }
    }

    record Metrics() implements Command {
        @Override
        public CommandType type() {
            return CommandType.METRICS;
        }
    }

    record MetricsProm() implements Command {
        @Override
        public CommandType type() {
            return CommandType.METRICS_PROM;
        }
    }

    record MaintenanceOn() implements Command {
        @Override
        public CommandType type() {
            return CommandType.MAINTENANCE_ON;
        }
    }

    record MaintenanceOff() implements Command {
        @Override
        public CommandType type() {
            return CommandType.MAINTENANCE_OFF;
        }
    }

    record MaintenanceStatus() implements Command {
        @Override
        public CommandType type() {
            return CommandType.MAINTENANCE_STATUS;
        }
    }

    record Health() implements Command {
        @Override
        public CommandType type() {
            return CommandType.HEALTH;
        }
    }

    record ShowCluster() implements Command {
        @Override
        public CommandType type() {
            return CommandType.SHOW_CLUSTER;
        }
    }

    record ShowReplication() implements Command {
        @Override
        public CommandType type() {
            return CommandType.SHOW_REPLICATION;
        }
    }

    /** @param address {@code host:port} the new member is reached at */
    record ClusterJoin(String nodeId, String address) implements Command {
        public ClusterJoin {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(address, "address");
        }

        @Override
        public CommandType type() {
            return CommandType.CLUSTER_JOIN;
        }
    }

    record ClusterRemove(String nodeId) implements Command {
        public ClusterRemove {
            Objects.requireNonNull(nodeId, "nodeId");
        }

        @Override
        public CommandType type() {
            return CommandType.CLUSTER_REMOVE;
        }
    }

    record PromoteFollower() implements Command {
        @Override
        public CommandType type() {
            return CommandType.PROMOTE_FOLLOWER;
        }
    }

    record PauseReplication() implements Command {
        @Override
        public CommandType type() {
            return CommandType.PAUSE_REPLICATION;
        }
    }

    record ResumeReplication() implements Command {
        @Override
        public CommandType type() {
            return CommandType.RESUME_REPLICATION;
        }
    }
}
