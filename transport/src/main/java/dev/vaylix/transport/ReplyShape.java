package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.SetCondition;

/**
 * The payload shape of a successful (status OK) response, which depends on the request: the same bytes
 * mean a count after DEL and an integer after INCR, and SET answers OK, a boolean or a value depending on
 * its options (§5, §5.1, §6). A response is decoded against the shape of the request it answers.
 */
public enum ReplyShape {
    /** Empty payload: {@link dev.vaylix.api.reply.Reply.Ok}. */
    OK,
    /** {@code bytes32}: {@link dev.vaylix.api.reply.Reply.Data} (or status NOT_FOUND). */
    VALUE,
    /** One byte 0/1: {@link dev.vaylix.api.reply.Reply.Bool}. */
    BOOLEAN,
    /** u64: {@link dev.vaylix.api.reply.Reply.Count}. */
    COUNT,
    /** i64: {@link dev.vaylix.api.reply.Reply.Int}. */
    INTEGER,
    /** {@code u32 n} × ({@code str16}, {@code bytes32}): {@link dev.vaylix.api.reply.Reply.Entries}. */
    ENTRIES,
    /** {@code u32 n} × optional {@code bytes32}: {@link dev.vaylix.api.reply.Reply.Values} (MGET). */
    VALUES,
    /** u64 cursor, {@code u32 n} × {@code str16}: {@link dev.vaylix.api.reply.Reply.ScanPage}. */
    SCAN_PAGE,
    /** Tagged items (§6.1): {@link dev.vaylix.api.reply.Reply.ExecResults}. */
    EXEC_RESULTS,
    /**
     * Replication opcodes: the payload is opaque, without a length prefix; decoded as
     * {@link dev.vaylix.api.reply.Reply.Data} holding exactly the payload bytes (possibly empty).
     */
    RAW;

    /**
     * The shape of a successful reply to {@code command} (§5 table; SET per §5.1).
     *
     * @throws dev.vaylix.api.VaylixException TRN-004 for HELP and EXIT, which never reach a server
     */
    public static ReplyShape of(Command command) {
        return switch (command) {
            case Command.Help _ -> throw ErrorCode.TRN_004.exception("help");
            case Command.Exit _ -> throw ErrorCode.TRN_004.exception("exit");
            case Command.Set c -> {
                if (c.returnPrevious()) {
                    yield VALUE;
                }
                yield c.condition() != SetCondition.NONE || c.ifVersion().isPresent() ? BOOLEAN : OK;
            }
            case Command.Ping _, Command.Get _, Command.GetDel _, Command.GetEx _, Command.Backup _,
                 Command.MetricsProm _ -> VALUE;
            case Command.SetNx _, Command.Exists _, Command.Expire _, Command.Persist _, Command.Rename _,
                 Command.RenameNx _ -> BOOLEAN;
            case Command.Del _, Command.DbSize _, Command.Count _, Command.Restore _, Command.RestoreFrom _,
                 Command.RestoreCheck _, Command.RestoreCheckFrom _ -> COUNT;
            case Command.Incr _, Command.Decr _, Command.Ttl _ -> INTEGER;
            case Command.MGet _ -> VALUES;
            case Command.Scan _ -> SCAN_PAGE;
            case Command.Exec _ -> EXEC_RESULTS;
            case Command.Info _, Command.Metrics _, Command.ListAll _, Command.ShowUsers _, Command.ShowRoles _,
                 Command.Whoami _, Command.BackupVerify _, Command.BackupVerifyFrom _, Command.ShowGrants _,
                 Command.ShowGrantsForUser _, Command.ShowGrantsForRole _, Command.MaintenanceStatus _,
                 Command.Health _, Command.ShowCluster _, Command.ShowReplication _ -> ENTRIES;
            case Command.Auth _, Command.MSet _, Command.Clear _, Command.Save _, Command.Snapshot _,
                 Command.Multi _, Command.Discard _, Command.BackupTo _, Command.CreateUser _,
                 Command.AlterUserPassword _, Command.DropUser _, Command.CreateRole _, Command.DropRole _,
                 Command.GrantRole _, Command.RevokeRole _, Command.GrantPermission _, Command.RevokePermission _,
                 Command.MaintenanceOn _, Command.MaintenanceOff _, Command.ClusterJoin _, Command.ClusterRemove _,
                 Command.PromoteFollower _, Command.PauseReplication _, Command.ResumeReplication _ -> OK;
        };
    }

    /** Every replication opcode answers raw bytes (§8). */
    public static ReplyShape of(ReplicationOpcode opcode) {
        return RAW;
    }
}
