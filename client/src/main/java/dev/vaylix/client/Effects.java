package dev.vaylix.client;

import dev.vaylix.api.command.Command;

/**
 * Which commands can change what the server stores, so that a failure after sending them is reported as
 * "outcome unknown" rather than as a definite failure.
 *
 * <p>The set is COMMANDS.md §4's list of <em>write</em> commands, plus BACKUP TO (it creates files), minus
 * MULTI and DISCARD: those change only the session's transaction state, which a lost connection discards
 * anyway. A read that fails after being sent changed nothing and is safe to retry.
 */
final class Effects {

    private Effects() {
    }

    /** True if {@code command} may have changed server state when its outcome is not known. */
    static boolean mayChangeState(Command command) {
        return switch (command) {
            case Command.GetEx getEx -> getEx.isMutating();
            case Command.Set _, Command.SetNx _, Command.GetDel _, Command.MSet _, Command.Del _, Command.Incr _,
                 Command.Decr _, Command.Expire _, Command.Persist _, Command.Rename _, Command.RenameNx _,
                 Command.Clear _, Command.Save _, Command.Snapshot _, Command.BackupTo _, Command.Restore _,
                 Command.RestoreFrom _, Command.CreateUser _, Command.AlterUserPassword _, Command.DropUser _,
                 Command.CreateRole _, Command.DropRole _, Command.GrantRole _, Command.RevokeRole _,
                 Command.GrantPermission _, Command.RevokePermission _, Command.Exec _, Command.MaintenanceOn _,
                 Command.MaintenanceOff _, Command.ClusterJoin _, Command.ClusterRemove _, Command.PromoteFollower _,
                 Command.PauseReplication _, Command.ResumeReplication _ -> true;
            case Command.Auth _, Command.Ping _, Command.Whoami _, Command.Help _, Command.Exit _, Command.Get _,
                 Command.MGet _, Command.Exists _, Command.Ttl _, Command.Scan _, Command.DbSize _, Command.Count _,
                 Command.ListAll _, Command.Backup _, Command.BackupVerify _, Command.BackupVerifyFrom _,
                 Command.RestoreCheck _, Command.RestoreCheckFrom _, Command.ShowUsers _, Command.ShowRoles _,
                 Command.ShowGrants _, Command.ShowGrantsForUser _, Command.ShowGrantsForRole _, Command.Multi _,
                 Command.Discard _, Command.Info _, Command.Metrics _, Command.MetricsProm _,
                 Command.MaintenanceStatus _, Command.Health _, Command.ShowCluster _, Command.ShowReplication _ -> false;
        };
    }

    /** True if any of {@code commands} may change server state. */
    static boolean anyMayChangeState(Iterable<? extends Command> commands) {
        for (Command command : commands) {
            if (mayChangeState(command)) {
                return true;
            }
        }
        return false;
    }
}
