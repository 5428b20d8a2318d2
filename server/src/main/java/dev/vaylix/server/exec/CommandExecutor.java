package dev.vaylix.server.exec;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.rbac.Identity;
import java.util.Optional;

/**
 * Executes a command that passed every check of the session (COMMANDS.md §4 steps 1–14): the last
 * step, "execute". Data writes become log entries, reads wait for a ReadIndex barrier, everything else
 * is handled by {@link AccessCommands}, {@link BackupCommands} or {@link OperationsCommands}.
 *
 * <p>AUTH, MULTI, EXEC and DISCARD change the session and are handled by it, never here. Thread-safe.
 */
public final class CommandExecutor {

    /**
     * How a command may overlap with its neighbours on one connection, whose requests are answered in
     * order and must behave as if executed one after the other:
     * <ul>
     *   <li>{@link #PROPOSE}: a single log entry. Consecutive proposals of a connection are proposed in
     *       order without waiting for each other, so they share group commits; the log keeps their order.</li>
     *   <li>{@link #READ}: a linearizable engine read; consecutive reads share ReadIndex rounds.</li>
     *   <li>{@link #IMMEDIATE}: answered from the request alone (PING).</li>
     *   <li>{@link #INLINE}: executed after every earlier request of the connection completed, before the
     *       next one is read.</li>
     * </ul>
     * A read after a write (or a write after a read) waits for the earlier requests: a read must see the
     * connection's earlier writes and must not see its later ones.
     */
    public enum Concurrency { PROPOSE, READ, IMMEDIATE, INLINE }

    private final ServerContext context;
    private final AccessCommands access;
    private final BackupCommands backups;
    private final OperationsCommands operations;

    public CommandExecutor(ServerContext context) {
        this.context = context;
        this.access = new AccessCommands(context);
        this.backups = new BackupCommands(context);
        this.operations = new OperationsCommands(context);
    }

    public static Concurrency concurrency(Command command) {
        return switch (command) {
            case Command.Set _, Command.SetNx _, Command.GetDel _, Command.MSet _, Command.Del _, Command.Incr _,
                 Command.Decr _, Command.Expire _, Command.Persist _, Command.Rename _, Command.RenameNx _,
                 Command.Clear _ -> Concurrency.PROPOSE;
            case Command.GetEx c -> c.isMutating() ? Concurrency.PROPOSE : Concurrency.READ;
            case Command.Get _, Command.MGet _, Command.Exists _, Command.Ttl _, Command.Scan _, Command.DbSize _,
                 Command.Count _, Command.ListAll _ -> Concurrency.READ;
            case Command.Ping _ -> Concurrency.IMMEDIATE;
            case Command.Auth _, Command.Whoami _, Command.Help _, Command.Exit _, Command.Save _, Command.Snapshot _,
                 Command.Backup _, Command.BackupTo _, Command.BackupVerify _, Command.BackupVerifyFrom _,
                 Command.Restore _, Command.RestoreFrom _, Command.RestoreCheck _, Command.RestoreCheckFrom _,
                 Command.CreateUser _, Command.AlterUserPassword _, Command.DropUser _, Command.CreateRole _,
                 Command.DropRole _, Command.GrantRole _, Command.RevokeRole _, Command.GrantPermission _,
                 Command.RevokePermission _, Command.ShowUsers _, Command.ShowRoles _, Command.ShowGrants _,
                 Command.ShowGrantsForUser _, Command.ShowGrantsForRole _, Command.Multi _, Command.Exec _,
                 Command.Discard _, Command.Info _, Command.Metrics _, Command.MetricsProm _, Command.MaintenanceOn _,
                 Command.MaintenanceOff _, Command.MaintenanceStatus _, Command.Health _, Command.ShowCluster _,
                 Command.ShowReplication _, Command.ClusterJoin _, Command.ClusterRemove _, Command.PromoteFollower _,
                 Command.PauseReplication _, Command.ResumeReplication _ -> Concurrency.INLINE;
        };
    }

    /**
     * Starts (PROPOSE, READ) or performs (IMMEDIATE, INLINE) {@code command}. Never throws for a failing
     * command: failures are error replies.
     *
     * @param identity the session's identity (WHOAMI and SHOW GRANTS need one; the session has checked
     *                 authentication for them)
     */
    public PendingReply execute(Command command, Optional<Identity> identity) {
        try {
            return switch (concurrency(command)) {
                case PROPOSE -> context.writes().propose(WriteBatch.single(command));
                case READ -> context.reads().read(command);
                case IMMEDIATE, INLINE -> PendingReply.of(inline(command, identity));
            };
        } catch (VaylixException e) {
            return PendingReply.of(Reply.Error.of(e));
        }
    }

    private Reply inline(Command command, Optional<Identity> identity) {
        return switch (command) {
            case Command.Ping c -> Reply.Data.utf8(c.message().orElse("PONG"));
            case Command.Whoami _ -> access.whoami(identity.orElseThrow());
            case Command.ShowGrants _ -> access.showGrants(identity.orElseThrow());
            case Command.ShowUsers _ -> access.showUsers();
            case Command.ShowRoles _ -> access.showRoles();
            case Command.ShowGrantsForUser c -> access.showGrantsForUser(c);
            case Command.ShowGrantsForRole c -> access.showGrantsForRole(c);
            case Command.CreateUser _, Command.AlterUserPassword _, Command.DropUser _, Command.CreateRole _,
                 Command.DropRole _, Command.GrantRole _, Command.RevokeRole _, Command.GrantPermission _,
                 Command.RevokePermission _ -> access.mutate(command);

            case Command.Backup _ -> backups.backup();
            case Command.BackupTo c -> backups.backupTo(c);
            case Command.BackupVerify c -> backups.verify(c);
            case Command.BackupVerifyFrom c -> backups.verifyFrom(c);
            case Command.Restore c -> backups.restore(c);
            case Command.RestoreFrom c -> backups.restoreFrom(c);
            case Command.RestoreCheck c -> backups.check(c);
            case Command.RestoreCheckFrom c -> backups.checkFrom(c);

            case Command.Save _, Command.Snapshot _ -> operations.snapshot();
            case Command.Info _ -> operations.info();
            case Command.Metrics _ -> operations.metrics();
            case Command.MetricsProm _ -> operations.metricsProm();
            case Command.Health _ -> operations.health();
            case Command.ShowCluster _ -> operations.showCluster();
            case Command.ShowReplication _ -> operations.showReplication();
            case Command.MaintenanceOn _ -> operations.maintenance(true);
            case Command.MaintenanceOff _ -> operations.maintenance(false);
            case Command.MaintenanceStatus _ -> operations.maintenanceStatus();
            case Command.PromoteFollower _ -> operations.promoteFollower();
            case Command.ClusterJoin _, Command.ClusterRemove _, Command.PauseReplication _, Command.ResumeReplication _ ->
                    operations.notYetSupported();

            // HELP and EXIT never leave the CLI (they have no opcode); a server answers SRV-016.
            case Command.Help _, Command.Exit _ -> Reply.Error.of(ErrorCode.SRV_016);

            case Command.Auth _, Command.Multi _, Command.Exec _, Command.Discard _ ->
                    throw new IllegalStateException(command.type() + " changes the session and is handled there");
            case Command.Get _, Command.Set _, Command.SetNx _, Command.GetDel _, Command.GetEx _, Command.MGet _,
                 Command.MSet _, Command.Del _, Command.Exists _, Command.Incr _, Command.Decr _, Command.Expire _,
                 Command.Ttl _, Command.Persist _, Command.Rename _, Command.RenameNx _, Command.Scan _, Command.DbSize _,
                 Command.Count _, Command.ListAll _, Command.Clear _ ->
                    throw new IllegalStateException(command.type() + " is a proposal or a read, not inline");
        };
    }
}
