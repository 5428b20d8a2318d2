package dev.vaylix.server.policy;

import static dev.vaylix.server.policy.CheckKind.AUTHENTICATED;
import static dev.vaylix.server.policy.CheckKind.GLOBAL;
import static dev.vaylix.server.policy.CheckKind.LOCAL_ONLY;
import static dev.vaylix.server.policy.CheckKind.NONE;
import static dev.vaylix.server.policy.CheckKind.PATTERN;
import static dev.vaylix.server.policy.CheckKind.PER_KEY;
import static dev.vaylix.server.policy.TransactionRule.CONTROL;
import static dev.vaylix.server.policy.TransactionRule.IMMEDIATE;
import static dev.vaylix.server.policy.TransactionRule.QUEUE;
import static dev.vaylix.server.policy.TransactionRule.REJECT;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.server.rbac.Identity;
import dev.vaylix.server.rbac.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy of every command (COMMANDS.md §3–§9): whether it is a <em>write</em>, whether it runs
 * in maintenance mode, what it does inside MULTI, and which permission it needs and how that is
 * checked. Every lookup is an exhaustive {@code switch} over the sealed {@link Command} with no
 * {@code default}, so a new command does not compile until its policy is decided here.
 *
 * <p>Deliberate differences from the reference (docs/COMPATIBILITY.md):
 * <ul>
 *   <li>GETEX with EX/PX/PERSIST is a write and is refused in maintenance mode (Note 2): it changes
 *       data. Plain GETEX is a read and still runs.</li>
 *   <li>SHOW CLUSTER runs in maintenance mode like every other SHOW (Note 3): it only reads.</li>
 *   <li>CLUSTER JOIN and CLUSTER REMOVE cannot be queued in MULTI (SRV-016 at once) instead of being
 *       answered QUEUED and failing the whole EXEC with ENG-017 (Note 16).</li>
 *   <li>PROMOTE FOLLOWER is not a write: it is addressed to a follower (it will request a Raft
 *       leadership transfer to the receiving node) and no longer requires maintenance mode, which
 *       made it unreachable (Note 1). Like the other cluster controls it is refused in maintenance.</li>
 *   <li>DISCARD runs in maintenance mode: it only drops the session's own queue, and a session whose
 *       transaction was opened before maintenance began could otherwise only wait for it to expire.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; {@link #rule} allocates nothing.
 */
public final class CommandPolicy {

    private static final CommandRule AUTH = rule(false, true, IMMEDIATE, NONE, null, false);
    private static final CommandRule PING = rule(false, true, QUEUE, NONE, null, false);
    private static final CommandRule LOCAL = rule(false, true, REJECT, LOCAL_ONLY, null, false);
    private static final CommandRule SESSION_READ = rule(false, true, REJECT, AUTHENTICATED, null, false);

    private static final CommandRule READ_KEYS = rule(false, true, QUEUE, PER_KEY, Permission.READ, false);
    private static final CommandRule READ_PATTERN = rule(false, true, QUEUE, PATTERN, Permission.READ, false);
    private static final CommandRule READ_ALL = rule(false, true, QUEUE, GLOBAL, Permission.READ, false);
    private static final CommandRule WRITE_KEYS = rule(true, false, QUEUE, PER_KEY, Permission.WRITE, false);
    /** GETEX without options: needs write (§6.2) but changes nothing, so it is no write. */
    private static final CommandRule GETEX_PLAIN = rule(false, true, QUEUE, PER_KEY, Permission.WRITE, false);
    private static final CommandRule CLEAR = rule(true, false, QUEUE, GLOBAL, Permission.CLEAR, false);

    private static final CommandRule SNAPSHOT = rule(true, false, REJECT, GLOBAL, Permission.SNAPSHOT, false);
    private static final CommandRule BACKUP_READ = rule(false, true, REJECT, GLOBAL, Permission.BACKUP, false);
    private static final CommandRule BACKUP_TO = rule(false, false, REJECT, GLOBAL, Permission.BACKUP, false);
    private static final CommandRule RESTORE = rule(true, false, REJECT, GLOBAL, Permission.RESTORE, false);
    private static final CommandRule RESTORE_CHECK = rule(false, false, REJECT, GLOBAL, Permission.RESTORE, false);

    private static final CommandRule USER_MUTATION = rule(true, false, REJECT, GLOBAL, Permission.USER_ADMIN, true);
    private static final CommandRule ROLE_MUTATION = rule(true, false, REJECT, GLOBAL, Permission.ROLE_ADMIN, true);
    private static final CommandRule USER_SHOW = rule(false, true, REJECT, GLOBAL, Permission.USER_ADMIN, true);
    private static final CommandRule ROLE_SHOW = rule(false, true, REJECT, GLOBAL, Permission.ROLE_ADMIN, true);

    private static final CommandRule TX_BEGIN_OR_COMMIT = rule(true, false, CONTROL, AUTHENTICATED, null, false);
    private static final CommandRule TX_DISCARD = rule(true, true, CONTROL, AUTHENTICATED, null, false);

    private static final CommandRule METRICS = rule(false, true, REJECT, GLOBAL, Permission.METRICS, false);
    private static final CommandRule ADMIN_WRITE = rule(true, false, REJECT, GLOBAL, Permission.ADMIN, false);
    private static final CommandRule MAINTENANCE_OFF = rule(true, true, REJECT, GLOBAL, Permission.ADMIN, false);
    private static final CommandRule ADMIN_READ = rule(false, true, REJECT, GLOBAL, Permission.ADMIN, false);
    private static final CommandRule PROMOTE = rule(false, false, REJECT, GLOBAL, Permission.ADMIN, false);

    private CommandPolicy() {
    }

    /** The policy of {@code command}; a shared constant. */
    public static CommandRule rule(Command command) {
        return switch (command) {
            case Command.Auth _ -> AUTH;
            case Command.Ping _ -> PING;
            case Command.Whoami _, Command.ShowGrants _, Command.MaintenanceStatus _, Command.Health _ -> SESSION_READ;
            case Command.Help _, Command.Exit _ -> LOCAL;

            case Command.Get _, Command.Exists _, Command.MGet _, Command.Ttl _ -> READ_KEYS;
            case Command.Scan _ -> READ_PATTERN;
            case Command.DbSize _, Command.Count _, Command.ListAll _ -> READ_ALL;
            case Command.GetEx c -> c.isMutating() ? WRITE_KEYS : GETEX_PLAIN;
            case Command.Set _, Command.SetNx _, Command.GetDel _, Command.MSet _, Command.Del _, Command.Incr _,
                 Command.Decr _, Command.Expire _, Command.Persist _, Command.Rename _, Command.RenameNx _ -> WRITE_KEYS;
            case Command.Clear _ -> CLEAR;

            case Command.Save _, Command.Snapshot _ -> SNAPSHOT;
            case Command.Backup _, Command.BackupVerify _, Command.BackupVerifyFrom _ -> BACKUP_READ;
            case Command.BackupTo _ -> BACKUP_TO;
            case Command.Restore _, Command.RestoreFrom _ -> RESTORE;
            case Command.RestoreCheck _, Command.RestoreCheckFrom _ -> RESTORE_CHECK;

            case Command.CreateUser _, Command.AlterUserPassword _, Command.DropUser _ -> USER_MUTATION;
            case Command.CreateRole _, Command.DropRole _, Command.GrantRole _, Command.RevokeRole _,
                 Command.GrantPermission _, Command.RevokePermission _ -> ROLE_MUTATION;
            case Command.ShowUsers _, Command.ShowGrantsForUser _ -> USER_SHOW;
            case Command.ShowRoles _, Command.ShowGrantsForRole _ -> ROLE_SHOW;

            case Command.Multi _, Command.Exec _ -> TX_BEGIN_OR_COMMIT;
            case Command.Discard _ -> TX_DISCARD;

            case Command.Info _, Command.Metrics _, Command.MetricsProm _ -> METRICS;
            case Command.MaintenanceOn _, Command.ClusterJoin _, Command.ClusterRemove _, Command.PauseReplication _,
                 Command.ResumeReplication _ -> ADMIN_WRITE;
            case Command.MaintenanceOff _ -> MAINTENANCE_OFF;
            case Command.ShowCluster _, Command.ShowReplication _ -> ADMIN_READ;
            case Command.PromoteFollower _ -> PROMOTE;
        };
    }

    /** A <em>write</em> (COMMANDS.md §4): refused on followers and candidates. */
    public static boolean isWrite(Command command) {
        return rule(command).write();
    }

    /**
     * True if {@code identity} may run {@code command} (COMMANDS.md §6.2). The caller has already
     * answered SRV-007 for a command that {@linkplain CommandRule#requiresAuthentication requires
     * authentication} on an unauthenticated session; with auth disabled the identity is
     * {@link Identity#anonymous()}, which may do everything.
     */
    public static boolean permits(Identity identity, Command command) {
        CommandRule rule = rule(command);
        return switch (rule.check()) {
            case NONE, AUTHENTICATED -> true;
            case LOCAL_ONLY -> false;
            case GLOBAL -> identity.has(rule.permission().orElseThrow());
            case PATTERN -> identity.allowsPattern(rule.permission().orElseThrow(), patternOf(command).orElseThrow());
            case PER_KEY -> {
                Permission permission = rule.permission().orElseThrow();
                for (Key key : keysOf(command)) {
                    if (!identity.allowsKey(permission, key)) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_017} if {@link #permits} is false
     */
    public static void authorize(Identity identity, Command command) {
        if (!permits(identity, command)) {
            throw ErrorCode.SRV_017.exception();
        }
    }

    /** The keys a per-key check covers: every key the command reads or writes (both RENAME keys). */
    public static List<Key> keysOf(Command command) {
        return switch (command) {
            case Command.Get c -> List.of(c.key());
            case Command.Set c -> List.of(c.key());
            case Command.SetNx c -> List.of(c.key());
            case Command.GetDel c -> List.of(c.key());
            case Command.GetEx c -> List.of(c.key());
            case Command.Exists c -> List.of(c.key());
            case Command.Incr c -> List.of(c.key());
            case Command.Decr c -> List.of(c.key());
            case Command.Expire c -> List.of(c.key());
            case Command.Ttl c -> List.of(c.key());
            case Command.Persist c -> List.of(c.key());
            case Command.MGet c -> c.keys();
            case Command.Del c -> c.keys();
            case Command.MSet c -> msetKeys(c.entries());
            case Command.Rename c -> List.of(c.source(), c.destination());
            case Command.RenameNx c -> List.of(c.source(), c.destination());
            case Command.Auth _, Command.Ping _, Command.Whoami _, Command.Help _, Command.Exit _, Command.Scan _,
                 Command.DbSize _, Command.Count _, Command.ListAll _, Command.Clear _, Command.Save _, Command.Snapshot _,
                 Command.Backup _, Command.BackupTo _, Command.BackupVerify _, Command.BackupVerifyFrom _, Command.Restore _,
                 Command.RestoreFrom _, Command.RestoreCheck _, Command.RestoreCheckFrom _, Command.CreateUser _,
                 Command.AlterUserPassword _, Command.DropUser _, Command.CreateRole _, Command.DropRole _,
                 Command.GrantRole _, Command.RevokeRole _, Command.GrantPermission _, Command.RevokePermission _,
                 Command.ShowUsers _, Command.ShowRoles _, Command.ShowGrants _, Command.ShowGrantsForUser _,
                 Command.ShowGrantsForRole _, Command.Multi _, Command.Exec _, Command.Discard _, Command.Info _,
                 Command.Metrics _, Command.MetricsProm _, Command.MaintenanceOn _, Command.MaintenanceOff _,
                 Command.MaintenanceStatus _, Command.Health _, Command.ShowCluster _, Command.ShowReplication _,
                 Command.ClusterJoin _, Command.ClusterRemove _, Command.PromoteFollower _, Command.PauseReplication _,
                 Command.ResumeReplication _ -> List.of();
        };
    }

    /** The pattern a pattern check covers: SCAN's MATCH, {@code *} when absent. */
    public static Optional<String> patternOf(Command command) {
        return command instanceof Command.Scan scan ? Optional.of(scan.pattern().orElse("*")) : Optional.empty();
    }

    private static List<Key> msetKeys(List<KeyValue> entries) {
        List<Key> keys = new ArrayList<>(entries.size());
        for (KeyValue entry : entries) {
            keys.add(entry.key());
        }
        return keys;
    }

    private static CommandRule rule(boolean write, boolean allowedInMaintenance, TransactionRule transaction, CheckKind check,
                                    Permission permission, boolean rbacAdministration) {
        return new CommandRule(write, allowedInMaintenance, transaction, check, Optional.ofNullable(permission),
                rbacAdministration);
    }
}
