package dev.vaylix.transport;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.CommandType;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The request payload of every command opcode (§5), both directions.
 *
 * <p>Layout rules worth knowing before reading the table in code:
 * <ul>
 *   <li>Keys, user and role names, paths, patterns and permissions are {@code str16}; passwords, dumps, PING
 *       messages and the <em>second</em> string of a two-string payload are {@code str32}, even when that
 *       string is a key (RENAME destination) or a user name (GRANT/REVOKE ROLE) — VTP2.md note 6.</li>
 *   <li>Every decoder consumes its payload exactly: trailing bytes are {@code TRN-008}; zero-payload
 *       opcodes therefore demand an empty payload.</li>
 *   <li>SET's compare-and-set field may be missing entirely (0.7.x encoders); we always write it.</li>
 *   <li>SCAN demands 10 bytes up front, then checks every field it reads (the reference does not check
 *       the count flag and panics, VTP2.md note 1: we answer {@code TRN-007}).</li>
 * </ul>
 */
final class CommandPayloads {

    /** cursor (8) + pattern flag (1) + count flag (1). */
    private static final int SCAN_MIN_BYTES = 8 + 1 + 1;
    /** The smallest encoding of one key: an empty {@code str16}. */
    private static final int KEY_MIN_BYTES = 2;
    /** The smallest MSET pair: empty {@code str16} + empty {@code bytes32}. */
    private static final int PAIR_MIN_BYTES = 2 + 4;

    private CommandPayloads() {
    }

    /**
     * Writes the payload of {@code command}.
     *
     * @throws dev.vaylix.api.VaylixException TRN-004 for HELP and EXIT (local to the CLI); TRN-008 when a
     *     length or count does not fit its prefix; TRN-012 for text without a UTF-8 form
     */
    static void encode(Command command, BodyWriter out) {
        switch (command) {
            case Command.Auth c -> out.str16(c.username()).str32(c.password());
            case Command.Ping c -> {
                if (c.message().isPresent()) {
                    out.u8(1).str32(c.message().get());
                } else {
                    out.u8(0);
                }
            }
            case Command.Help _ -> throw ErrorCode.TRN_004.exception("help");
            case Command.Exit _ -> throw ErrorCode.TRN_004.exception("exit");
            case Command.Get c -> key(out, c.key());
            case Command.Set c -> {
                key(out, c.key());
                out.bytes32(c.value()).u8(c.condition().ordinal());
                expiration(out, c.expiration());
                out.bool(c.keepTtl()).bool(c.returnPrevious());
                if (c.ifVersion().isPresent()) {
                    out.u8(1).u64(c.ifVersion().getAsLong());
                } else {
                    out.u8(0);
                }
            }
            case Command.SetNx c -> {
                key(out, c.key());
                out.bytes32(c.value());
            }
            case Command.GetDel c -> key(out, c.key());
            case Command.GetEx c -> {
                key(out, c.key());
                expiration(out, c.expiration());
                out.bool(c.persist());
            }
            case Command.MGet c -> keys(out, c.keys());
            case Command.MSet c -> {
                out.count16(c.entries().size());
                for (KeyValue entry : c.entries()) {
                    key(out, entry.key());
                    out.bytes32(entry.value());
                }
            }
            case Command.Del c -> keys(out, c.keys());
            case Command.Exists c -> key(out, c.key());
            case Command.Incr c -> key(out, c.key());
            case Command.Decr c -> key(out, c.key());
            case Command.Expire c -> {
                key(out, c.key());
                out.u64(c.seconds());
            }
            case Command.Ttl c -> key(out, c.key());
            case Command.Persist c -> key(out, c.key());
            case Command.Rename c -> out.str16(c.source().text()).str32(c.destination().text());
            case Command.RenameNx c -> out.str16(c.source().text()).str32(c.destination().text());
            case Command.Scan c -> {
                out.u64(c.cursor());
                if (c.pattern().isPresent()) {
                    out.u8(1).str16(c.pattern().get());
                } else {
                    out.u8(0);
                }
                if (c.count().isPresent()) {
                    out.u8(1).u16(c.count().getAsInt());
                } else {
                    out.u8(0);
                }
            }
            case Command.BackupTo c -> out.str16(c.path());
            case Command.BackupVerify c -> out.str32(c.dump());
            case Command.BackupVerifyFrom c -> out.str16(c.path());
            case Command.Restore c -> out.str32(c.dump());
            case Command.RestoreFrom c -> out.str16(c.path());
            case Command.RestoreCheck c -> out.str32(c.dump());
            case Command.RestoreCheckFrom c -> out.str16(c.path());
            case Command.CreateUser c -> out.str16(c.username()).str32(c.password());
            case Command.AlterUserPassword c -> out.str16(c.username()).str32(c.password());
            case Command.DropUser c -> out.str16(c.username());
            case Command.CreateRole c -> out.str16(c.role());
            case Command.DropRole c -> out.str16(c.role());
            case Command.GrantRole c -> out.str16(c.role()).str32(c.username());
            case Command.RevokeRole c -> out.str16(c.role()).str32(c.username());
            case Command.GrantPermission c -> out.str16(c.permission()).str16(c.pattern()).str16(c.role());
            case Command.RevokePermission c -> out.str16(c.permission()).str16(c.pattern()).str16(c.role());
            case Command.ShowGrantsForUser c -> out.str16(c.username());
            case Command.ShowGrantsForRole c -> out.str16(c.role());
            case Command.ClusterJoin c -> out.str16(c.nodeId()).str32(c.address());
            case Command.ClusterRemove c -> out.str16(c.nodeId());
            // Zero-payload opcodes.
            case Command.Whoami _, Command.DbSize _, Command.Count _, Command.ListAll _, Command.Clear _,
                 Command.Save _, Command.Snapshot _, Command.Backup _, Command.ShowUsers _, Command.ShowRoles _,
                 Command.ShowGrants _, Command.Multi _, Command.Exec _, Command.Discard _, Command.Info _,
                 Command.Metrics _, Command.MetricsProm _, Command.MaintenanceOn _, Command.MaintenanceOff _,
                 Command.MaintenanceStatus _, Command.Health _, Command.ShowCluster _, Command.ShowReplication _,
                 Command.PromoteFollower _, Command.PauseReplication _, Command.ResumeReplication _ -> { }
        }
    }

    /**
     * Decodes the payload of a command opcode, consuming it exactly.
     *
     * @throws dev.vaylix.api.VaylixException TRN-007 (short), TRN-008 (bad flag/bool/tag byte, trailing
     *     bytes), TRN-012 (text not UTF-8)
     */
    static Command decode(CommandType type, BodyReader in) {
        Command command = switch (type) {
            case AUTH -> new Command.Auth(in.str16(), in.str32());
            case PING -> new Command.Ping(in.bool() ? Optional.of(in.str32()) : Optional.empty());
            case GET -> new Command.Get(key(in));
            case GETDEL -> new Command.GetDel(key(in));
            case GETEX -> new Command.GetEx(key(in), expiration(in), in.bool());
            case SET -> decodeSet(in);
            case SETNX -> new Command.SetNx(key(in), in.bytes32());
            case DEL -> new Command.Del(keys(in));
            case EXISTS -> new Command.Exists(key(in));
            case MGET -> new Command.MGet(keys(in));
            case MSET -> decodeMSet(in);
            case INCR -> new Command.Incr(key(in));
            case DECR -> new Command.Decr(key(in));
            case EXPIRE -> new Command.Expire(key(in), in.u64());
            case TTL -> new Command.Ttl(key(in));
            case PERSIST -> new Command.Persist(key(in));
            case RENAME -> new Command.Rename(key(in), new Key(in.str32()));
            case RENAMENX -> new Command.RenameNx(key(in), new Key(in.str32()));
            case SCAN -> decodeScan(in);
            case DBSIZE -> new Command.DbSize();
            case INFO -> new Command.Info();
            case METRICS -> new Command.Metrics();
            case LIST -> new Command.ListAll();
            case CLEAR -> new Command.Clear();
            case COUNT -> new Command.Count();
            case SAVE -> new Command.Save();
            case SNAPSHOT -> new Command.Snapshot();
            case MULTI -> new Command.Multi();
            case EXEC -> new Command.Exec();
            case DISCARD -> new Command.Discard();
            case BACKUP -> new Command.Backup();
            case RESTORE -> new Command.Restore(in.str32());
            case CREATE_USER -> new Command.CreateUser(in.str16(), in.str32());
            case DROP_USER -> new Command.DropUser(in.str16());
            case CREATE_ROLE -> new Command.CreateRole(in.str16());
            case DROP_ROLE -> new Command.DropRole(in.str16());
            case GRANT_ROLE -> new Command.GrantRole(in.str16(), in.str32());
            case REVOKE_ROLE -> new Command.RevokeRole(in.str16(), in.str32());
            case GRANT_PERMISSION -> new Command.GrantPermission(in.str16(), in.str16(), in.str16());
            case REVOKE_PERMISSION -> new Command.RevokePermission(in.str16(), in.str16(), in.str16());
            case SHOW_USERS -> new Command.ShowUsers();
            case SHOW_ROLES -> new Command.ShowRoles();
            case WHOAMI -> new Command.Whoami();
            case BACKUP_TO -> new Command.BackupTo(in.str16());
            case RESTORE_FROM -> new Command.RestoreFrom(in.str16());
            case RESTORE_CHECK -> new Command.RestoreCheck(in.str32());
            case RESTORE_CHECK_FROM -> new Command.RestoreCheckFrom(in.str16());
            case ALTER_USER_PASSWORD -> new Command.AlterUserPassword(in.str16(), in.str32());
            case METRICS_PROM -> new Command.MetricsProm();
            case BACKUP_VERIFY -> new Command.BackupVerify(in.str32());
            case BACKUP_VERIFY_FROM -> new Command.BackupVerifyFrom(in.str16());
            case SHOW_GRANTS -> new Command.ShowGrants();
            case SHOW_GRANTS_FOR_USER -> new Command.ShowGrantsForUser(in.str16());
            case SHOW_GRANTS_FOR_ROLE -> new Command.ShowGrantsForRole(in.str16());
            case MAINTENANCE_ON -> new Command.MaintenanceOn();
            case MAINTENANCE_OFF -> new Command.MaintenanceOff();
            case MAINTENANCE_STATUS -> new Command.MaintenanceStatus();
            case HEALTH -> new Command.Health();
            case SHOW_CLUSTER -> new Command.ShowCluster();
            case CLUSTER_JOIN -> new Command.ClusterJoin(in.str16(), in.str32());
            case CLUSTER_REMOVE -> new Command.ClusterRemove(in.str16());
            case SHOW_REPLICATION -> new Command.ShowReplication();
            case PROMOTE_FOLLOWER -> new Command.PromoteFollower();
            case PAUSE_REPLICATION -> new Command.PauseReplication();
            case RESUME_REPLICATION -> new Command.ResumeReplication();
            // No opcode: never on the wire. Reaching this is a caller bug, reported like the encoder does.
            case HELP -> throw ErrorCode.TRN_004.exception("help");
            case EXIT -> throw ErrorCode.TRN_004.exception("exit");
        };
        in.expectEnd();
        return command;
    }

    private static Command decodeSet(BodyReader in) {
        Key key = key(in);
        var value = in.bytes32();
        SetCondition condition = switch (in.u8()) {
            case 0 -> SetCondition.NONE;
            case 1 -> SetCondition.NX;
            case 2 -> SetCondition.XX;
            default -> throw ErrorCode.TRN_008.exception();
        };
        Expiration expiration = expiration(in);
        boolean keepTtl = in.bool();
        boolean returnPrevious = in.bool();
        // A payload that ends here comes from a 0.7.x encoder, which had no compare-and-set field (§5.1).
        OptionalLong ifVersion = in.hasRemaining() && in.bool() ? OptionalLong.of(in.u64()) : OptionalLong.empty();
        return new Command.Set(key, value, condition, ifVersion, expiration, keepTtl, returnPrevious);
    }

    private static Command decodeMSet(BodyReader in) {
        int count = in.u16();
        List<KeyValue> entries = new ArrayList<>(Math.min(count, in.remaining() / PAIR_MIN_BYTES));
        for (int i = 0; i < count; i++) {
            entries.add(new KeyValue(key(in), in.bytes32()));
        }
        return new Command.MSet(entries);
    }

    private static Command decodeScan(BodyReader in) {
        in.require(SCAN_MIN_BYTES);
        long cursor = in.u64();
        Optional<String> pattern = in.bool() ? Optional.of(in.str16()) : Optional.empty();
        OptionalInt count = in.bool() ? OptionalInt.of(in.u16()) : OptionalInt.empty();
        return new Command.Scan(cursor, pattern, count);
    }

    private static void key(BodyWriter out, Key key) {
        out.str16(key.text());
    }

    private static Key key(BodyReader in) {
        return new Key(in.str16());
    }

    private static void keys(BodyWriter out, List<Key> keys) {
        out.count16(keys.size());
        for (Key key : keys) {
            key(out, key);
        }
    }

    private static List<Key> keys(BodyReader in) {
        int count = in.u16();
        List<Key> keys = new ArrayList<>(Math.min(count, in.remaining() / KEY_MIN_BYTES));
        for (int i = 0; i < count; i++) {
            keys.add(key(in));
        }
        return keys;
    }

    private static void expiration(BodyWriter out, Expiration expiration) {
        out.u8(expiration.kind().ordinal());
        if (expiration.isPresent()) {
            out.u64(expiration.amount());
        }
    }

    private static Expiration expiration(BodyReader in) {
        return switch (in.u8()) {
            case 0 -> Expiration.NONE;
            case 1 -> Expiration.seconds(in.u64());
            case 2 -> Expiration.millis(in.u64());
            default -> throw ErrorCode.TRN_008.exception();
        };
    }
}
