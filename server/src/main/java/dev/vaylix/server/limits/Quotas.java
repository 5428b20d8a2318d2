package dev.vaylix.server.limits;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.server.rbac.Names;
import java.util.List;
import java.util.Objects;

/**
 * Request quotas (COMMANDS.md §5): every violation is {@link ErrorCode#SRV_013} as an error reply;
 * the connection stays open.
 *
 * <p>Which fields count as keys and which as values follows §5's table exactly:
 * <ul>
 *   <li><b>key bytes</b>: the key(s) of every key command, both RENAME keys, the SCAN pattern, the user
 *       name of AUTH / CREATE / ALTER / DROP USER, every role name, the permission and pattern of
 *       GRANT/REVOKE PERMISSION, the target of SHOW GRANTS FOR, the node id of CLUSTER JOIN/REMOVE;</li>
 *   <li><b>value bytes</b>: SET / SETNX / MSET values, the password of AUTH / CREATE / ALTER USER, the dump
 *       of BACKUP VERIFY / RESTORE / RESTORE CHECK, the path of BACKUP TO and the FROM forms, the address
 *       of CLUSTER JOIN;</li>
 *   <li><b>keys per batch</b>: the key count of MGET and DEL, the pair count of MSET.</li>
 * </ul>
 * Everything else (the PING message, the user name of GRANT/REVOKE ROLE) is bounded only by the
 * payload limit. Lengths are UTF-8 bytes for text and raw bytes for values.
 *
 * <p>Immutable and thread-safe.
 */
public final class Quotas {

    private final QuotaLimits limits;

    public Quotas(QuotaLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public QuotaLimits limits() {
        return limits;
    }

    /** True if the request payload of {@code sizeBytes} is within {@code --max-request-payload-bytes}. */
    public boolean allowsPayload(long sizeBytes) {
        return sizeBytes >= 0 && sizeBytes <= limits.maxRequestPayloadBytes();
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_013} if the payload is too large
     */
    public void checkPayload(long sizeBytes) {
        if (!allowsPayload(sizeBytes)) {
            throw ErrorCode.SRV_013.exception();
        }
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_013} if the command exceeds a quota
     */
    public void check(Command command) {
        if (!allows(command)) {
            throw ErrorCode.SRV_013.exception();
        }
    }

    /** True if the command is within every quota that applies to it. */
    public boolean allows(Command command) {
        return switch (command) {
            case Command.Get c -> key(c.key());
            case Command.GetDel c -> key(c.key());
            case Command.GetEx c -> key(c.key());
            case Command.Exists c -> key(c.key());
            case Command.Incr c -> key(c.key());
            case Command.Decr c -> key(c.key());
            case Command.Expire c -> key(c.key());
            case Command.Ttl c -> key(c.key());
            case Command.Persist c -> key(c.key());
            case Command.Set c -> key(c.key()) && value(c.value());
            case Command.SetNx c -> key(c.key()) && value(c.value());
            case Command.MGet c -> batch(c.keys().size()) && keys(c.keys());
            case Command.Del c -> batch(c.keys().size()) && keys(c.keys());
            case Command.MSet c -> batch(c.entries().size()) && pairs(c.entries());
            case Command.Rename c -> key(c.source()) && key(c.destination());
            case Command.RenameNx c -> key(c.source()) && key(c.destination());
            case Command.Scan c -> c.pattern().map(this::keyText).orElse(true);

            case Command.Auth c -> keyText(c.username()) && valueText(c.password());
            case Command.CreateUser c -> keyText(c.username()) && valueText(c.password());
            case Command.AlterUserPassword c -> keyText(c.username()) && valueText(c.password());
            case Command.DropUser c -> keyText(c.username());
            case Command.CreateRole c -> keyText(c.role());
            case Command.DropRole c -> keyText(c.role());
            case Command.GrantRole c -> keyText(c.role());
            case Command.RevokeRole c -> keyText(c.role());
            case Command.GrantPermission c -> keyText(c.permission()) && keyText(c.pattern()) && keyText(c.role());
            case Command.RevokePermission c -> keyText(c.permission()) && keyText(c.pattern()) && keyText(c.role());
            case Command.ShowGrantsForUser c -> keyText(c.username());
            case Command.ShowGrantsForRole c -> keyText(c.role());

            case Command.BackupTo c -> valueText(c.path());
            case Command.BackupVerify c -> valueText(c.dump());
            case Command.BackupVerifyFrom c -> valueText(c.path());
            case Command.Restore c -> valueText(c.dump());
            case Command.RestoreFrom c -> valueText(c.path());
            case Command.RestoreCheck c -> valueText(c.dump());
            case Command.RestoreCheckFrom c -> valueText(c.path());

            case Command.ClusterJoin c -> keyText(c.nodeId()) && valueText(c.address());
            case Command.ClusterRemove c -> keyText(c.nodeId());

            case Command.Ping _, Command.Whoami _, Command.Help _, Command.Exit _, Command.DbSize _, Command.Count _,
                 Command.ListAll _, Command.Clear _, Command.Save _, Command.Snapshot _, Command.Backup _,
                 Command.ShowUsers _, Command.ShowRoles _, Command.ShowGrants _, Command.Multi _, Command.Exec _,
                 Command.Discard _, Command.Info _, Command.Metrics _, Command.MetricsProm _, Command.MaintenanceOn _,
                 Command.MaintenanceOff _, Command.MaintenanceStatus _, Command.Health _, Command.ShowCluster _,
                 Command.ShowReplication _, Command.PromoteFollower _, Command.PauseReplication _,
                 Command.ResumeReplication _ -> true;
        };
    }

    /**
     * True if a transaction holding {@code queuedCommands} commands may queue one more: a limit of N
     * admits exactly N commands (the reference counted its MULTI marker and admitted N − 1, Note 5).
     */
    public boolean transactionHasRoom(int queuedCommands) {
        return queuedCommands < limits.maxTransactionQueueLen();
    }

    /**
     * @throws VaylixException {@link ErrorCode#SRV_013} if the transaction queue is full
     */
    public void checkTransactionRoom(int queuedCommands) {
        if (!transactionHasRoom(queuedCommands)) {
            throw ErrorCode.SRV_013.exception();
        }
    }

    private boolean key(Key key) {
        return key.utf8Length() <= limits.maxKeyBytes();
    }

    private boolean keys(List<Key> keys) {
        for (Key key : keys) {
            if (!key(key)) {
                return false;
            }
        }
        return true;
    }

    private boolean pairs(List<KeyValue> pairs) {
        for (KeyValue pair : pairs) {
            if (!key(pair.key()) || !value(pair.value())) {
                return false;
            }
        }
        return true;
    }

    private boolean keyText(String text) {
        return Names.utf8Length(text) <= limits.maxKeyBytes();
    }

    private boolean value(Bytes value) {
        return value.length() <= limits.maxValueBytes();
    }

    private boolean valueText(String text) {
        return Names.utf8Length(text) <= limits.maxValueBytes();
    }

    private boolean batch(int count) {
        return count <= limits.maxKeysPerBatch();
    }
}
