package dev.vaylix.server.auth;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.server.rbac.AuthMutation;
import java.util.Optional;

/**
 * Turns a user/role command into the {@link AuthMutation} to propose, doing on the receiving node
 * what must not happen in the replicated apply: the password policy check (SRV-032, which
 * COMMANDS.md §3.4 puts before every other error of CREATE/ALTER USER) and Argon2id hashing.
 *
 * <p>Blocking (hashing); call from the session's thread, never from the apply thread.
 */
public final class AuthCommands {

    private AuthCommands() {
    }

    /**
     * @return the mutation for CREATE/ALTER/DROP USER, CREATE/DROP ROLE, GRANT/REVOKE ROLE and
     *         GRANT/REVOKE PERMISSION; empty for every other command
     * @throws VaylixException {@link ErrorCode#SRV_032} for a weak password; {@link ErrorCode#SRV_012}
     *                         if hashing is saturated
     */
    public static Optional<AuthMutation> toMutation(Command command, PasswordHasher hasher) {
        return switch (command) {
            case Command.CreateUser c -> {
                PasswordPolicy.check(c.password());
                yield Optional.of(new AuthMutation.CreateUser(c.username(), hasher.hash(c.password())));
            }
            case Command.AlterUserPassword c -> {
                PasswordPolicy.check(c.password());
                yield Optional.of(new AuthMutation.AlterUserPassword(c.username(), hasher.hash(c.password())));
            }
            case Command.DropUser c -> Optional.of(new AuthMutation.DropUser(c.username()));
            case Command.CreateRole c -> Optional.of(new AuthMutation.CreateRole(c.role()));
            case Command.DropRole c -> Optional.of(new AuthMutation.DropRole(c.role()));
            case Command.GrantRole c -> Optional.of(new AuthMutation.GrantRole(c.role(), c.username()));
            case Command.RevokeRole c -> Optional.of(new AuthMutation.RevokeRole(c.role(), c.username()));
            case Command.GrantPermission c -> Optional.of(new AuthMutation.GrantPermission(c.permission(), c.pattern(), c.role()));
            case Command.RevokePermission c -> Optional.of(new AuthMutation.RevokePermission(c.permission(), c.pattern(), c.role()));
            case Command.Auth _, Command.Ping _, Command.Whoami _, Command.Help _, Command.Exit _, Command.Get _, Command.Set _,
                 Command.SetNx _, Command.GetDel _, Command.GetEx _, Command.MGet _, Command.MSet _, Command.Del _,
                 Command.Exists _, Command.Incr _, Command.Decr _, Command.Expire _, Command.Ttl _, Command.Persist _,
                 Command.Rename _, Command.RenameNx _, Command.Scan _, Command.DbSize _, Command.Count _, Command.ListAll _,
                 Command.Clear _, Command.Save _, Command.Snapshot _, Command.Backup _, Command.BackupTo _,
                 Command.BackupVerify _, Command.BackupVerifyFrom _, Command.Restore _, Command.RestoreFrom _,
                 Command.RestoreCheck _, Command.RestoreCheckFrom _, Command.ShowUsers _, Command.ShowRoles _,
                 Command.ShowGrants _, Command.ShowGrantsForUser _, Command.ShowGrantsForRole _, Command.Multi _,
                 Command.Exec _, Command.Discard _, Command.Info _, Command.Metrics _, Command.MetricsProm _,
                 Command.MaintenanceOn _, Command.MaintenanceOff _, Command.MaintenanceStatus _, Command.Health _,
                 Command.ShowCluster _, Command.ShowReplication _, Command.ClusterJoin _, Command.ClusterRemove _,
                 Command.PromoteFollower _, Command.PauseReplication _, Command.ResumeReplication _ -> Optional.empty();
        };
    }
}
