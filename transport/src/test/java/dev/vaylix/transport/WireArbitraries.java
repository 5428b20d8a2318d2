package dev.vaylix.transport;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.CommandType;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.reply.Reply;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for every command, every reply kind, metadata and frame settings. */
public final class WireArbitraries {

    private WireArbitraries() {
    }

    /** Text with ASCII, two- and three-byte characters and surrogate pairs, never an unpaired surrogate. */
    public static Arbitrary<String> text() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8),
                Arbitraries.strings().withCharRange('\u0080', '\u07FF').ofMaxLength(3),
                Arbitraries.strings().withCharRange('\u0800', '\uD7FF').ofMaxLength(3),
                Arbitraries.of("\uD83D\uDE00", "\uD834\uDD1E", "\u0000", ""));
        return pieces.list().ofMaxSize(4).map(parts -> String.join("", parts));
    }

    public static Arbitrary<Key> keys() {
        return text().map(Key::new);
    }

    public static Arbitrary<Bytes> values() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Bytes::of);
    }

    public static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    public static Arbitrary<Expiration> expirations() {
        return Arbitraries.oneOf(Arbitraries.just(Expiration.NONE), Arbitraries.longs().map(Expiration::seconds),
                Arbitraries.longs().map(Expiration::millis));
    }

    public static Arbitrary<RequestMetadata> metadata() {
        return Combinators.combine(
                Arbitraries.longs().optional().map(o -> o.map(OptionalLong::of).orElse(OptionalLong.empty())),
                uuids().optional(),
                Arbitraries.longs().optional().map(o -> o.map(OptionalLong::of).orElse(OptionalLong.empty())))
                .as(RequestMetadata::new);
    }

    /** Sender settings: sometimes compressing everything, sometimes nothing. */
    public static Arbitrary<FrameSettings> settings() {
        return Arbitraries.of(FrameSettings.HELLO, FrameSettings.DEFAULT,
                FrameSettings.negotiated(Compression.ZSTD, 0, Vtp2.MAX_FRAME_LEN),
                FrameSettings.negotiated(Compression.ZSTD, 32, Vtp2.MAX_FRAME_LEN));
    }

    /** Every command kind that has an opcode, with random arguments. */
    public static Arbitrary<Command> commands() {
        List<CommandType> wireTypes = Arrays.stream(CommandType.values()).filter(t -> !t.isLocal()).toList();
        return Arbitraries.of(wireTypes).flatMap(WireArbitraries::command);
    }

    /** A command of {@code type}. The switch has no default: a new command type breaks this build. */
    public static Arbitrary<Command> command(CommandType type) {
        Arbitrary<String> s = text();
        return switch (type) {
            case AUTH -> Combinators.combine(s, s).as(Command.Auth::new);
            case PING -> s.optional().map(Command.Ping::new);
            case GET -> keys().map(Command.Get::new);
            case GETDEL -> keys().map(Command.GetDel::new);
            case GETEX -> Combinators.combine(keys(), expirations(), Arbitraries.of(true, false)).as(Command.GetEx::new);
            case SET -> Combinators.combine(keys(), values(), Arbitraries.of(SetCondition.class),
                    Arbitraries.longs().optional().map(o -> o.map(OptionalLong::of).orElse(OptionalLong.empty())),
                    expirations(), Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Command.Set::new);
            case SETNX -> Combinators.combine(keys(), values()).as(Command.SetNx::new);
            case DEL -> keys().list().ofMaxSize(5).map(Command.Del::new);
            case EXISTS -> keys().map(Command.Exists::new);
            case MGET -> keys().list().ofMaxSize(5).map(Command.MGet::new);
            case MSET -> Combinators.combine(keys(), values()).as(KeyValue::new).list().ofMaxSize(5).map(Command.MSet::new);
            case INCR -> keys().map(Command.Incr::new);
            case DECR -> keys().map(Command.Decr::new);
            case EXPIRE -> Combinators.combine(keys(), Arbitraries.longs()).as(Command.Expire::new);
            case TTL -> keys().map(Command.Ttl::new);
            case PERSIST -> keys().map(Command.Persist::new);
            case RENAME -> Combinators.combine(keys(), keys()).as(Command.Rename::new);
            case RENAMENX -> Combinators.combine(keys(), keys()).as(Command.RenameNx::new);
            case SCAN -> Combinators.combine(Arbitraries.longs(), s.optional(),
                    Arbitraries.integers().between(0, 0xFFFF).optional().map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty())))
                    .as(Command.Scan::new);
            case DBSIZE -> Arbitraries.just(new Command.DbSize());
            case INFO -> Arbitraries.just(new Command.Info());
            case METRICS -> Arbitraries.just(new Command.Metrics());
            case LIST -> Arbitraries.just(new Command.ListAll());
            case CLEAR -> Arbitraries.just(new Command.Clear());
            case COUNT -> Arbitraries.just(new Command.Count());
            case SAVE -> Arbitraries.just(new Command.Save());
            case SNAPSHOT -> Arbitraries.just(new Command.Snapshot());
            case MULTI -> Arbitraries.just(new Command.Multi());
            case EXEC -> Arbitraries.just(new Command.Exec());
            case DISCARD -> Arbitraries.just(new Command.Discard());
            case BACKUP -> Arbitraries.just(new Command.Backup());
            case RESTORE -> s.map(Command.Restore::new);
            case CREATE_USER -> Combinators.combine(s, s).as(Command.CreateUser::new);
            case DROP_USER -> s.map(Command.DropUser::new);
            case CREATE_ROLE -> s.map(Command.CreateRole::new);
            case DROP_ROLE -> s.map(Command.DropRole::new);
            case GRANT_ROLE -> Combinators.combine(s, s).as(Command.GrantRole::new);
            case REVOKE_ROLE -> Combinators.combine(s, s).as(Command.RevokeRole::new);
            case GRANT_PERMISSION -> Combinators.combine(s, s, s).as(Command.GrantPermission::new);
            case REVOKE_PERMISSION -> Combinators.combine(s, s, s).as(Command.RevokePermission::new);
            case SHOW_USERS -> Arbitraries.just(new Command.ShowUsers());
            case SHOW_ROLES -> Arbitraries.just(new Command.ShowRoles());
            case WHOAMI -> Arbitraries.just(new Command.Whoami());
            case BACKUP_TO -> s.map(Command.BackupTo::new);
            case RESTORE_FROM -> s.map(Command.RestoreFrom::new);
            case RESTORE_CHECK -> s.map(Command.RestoreCheck::new);
            case RESTORE_CHECK_FROM -> s.map(Command.RestoreCheckFrom::new);
            case ALTER_USER_PASSWORD -> Combinators.combine(s, s).as(Command.AlterUserPassword::new);
            case METRICS_PROM -> Arbitraries.just(new Command.MetricsProm());
            case BACKUP_VERIFY -> s.map(Command.BackupVerify::new);
            case BACKUP_VERIFY_FROM -> s.map(Command.BackupVerifyFrom::new);
            case SHOW_GRANTS -> Arbitraries.just(new Command.ShowGrants());
            case SHOW_GRANTS_FOR_USER -> s.map(Command.ShowGrantsForUser::new);
            case SHOW_GRANTS_FOR_ROLE -> s.map(Command.ShowGrantsForRole::new);
            case MAINTENANCE_ON -> Arbitraries.just(new Command.MaintenanceOn());
            case MAINTENANCE_OFF -> Arbitraries.just(new Command.MaintenanceOff());
            case MAINTENANCE_STATUS -> Arbitraries.just(new Command.MaintenanceStatus());
            case HEALTH -> Arbitraries.just(new Command.Health());
            case SHOW_CLUSTER -> Arbitraries.just(new Command.ShowCluster());
            case CLUSTER_JOIN -> Combinators.combine(s, s).as(Command.ClusterJoin::new);
            case CLUSTER_REMOVE -> s.map(Command.ClusterRemove::new);
            case SHOW_REPLICATION -> Arbitraries.just(new Command.ShowReplication());
            case PROMOTE_FOLLOWER -> Arbitraries.just(new Command.PromoteFollower());
            case PAUSE_REPLICATION -> Arbitraries.just(new Command.PauseReplication());
            case RESUME_REPLICATION -> Arbitraries.just(new Command.ResumeReplication());
            case HELP, EXIT -> throw new IllegalArgumentException(type + " has no opcode");
        };
    }

    /** A reply paired with a shape it can be decoded under; covers every reply kind, errors included. */
    public record Shaped(ReplyShape shape, Reply reply) {
    }

    public static Arbitrary<Shaped> shapedReplies() {
        return Arbitraries.of(ReplyShape.values()).flatMap(shape -> switch (shape) {
            case OK -> Arbitraries.just(Reply.OK).map(r -> new Shaped(shape, r));
            case VALUE -> values().map(Reply.Data::new).map(r -> new Shaped(shape, r));
            case BOOLEAN -> Arbitraries.of(Reply.TRUE, Reply.FALSE).map(r -> new Shaped(shape, r));
            case COUNT -> Arbitraries.longs().map(Reply.Count::new).map(r -> new Shaped(shape, r));
            case INTEGER -> Arbitraries.longs().map(Reply.Int::new).map(r -> new Shaped(shape, r));
            case ENTRIES -> entries().map(r -> new Shaped(shape, r));
            case VALUES -> optionalValues().map(r -> new Shaped(shape, r));
            case SCAN_PAGE -> scanPages().map(r -> new Shaped(shape, r));
            case EXEC_RESULTS -> execItems().list().ofMaxSize(6).map(Reply.ExecResults::new).map(r -> new Shaped(shape, r));
            case RAW -> values().map(Reply.Data::new).map(r -> new Shaped(shape, r));
        }).flatMap(shaped -> Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(shaped)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Shaped(shaped.shape(), Reply.NOT_FOUND))),
                net.jqwik.api.Tuple.of(1, errors().map(e -> new Shaped(shaped.shape(), e)))));
    }

    public static Arbitrary<Reply.Error> errors() {
        return Combinators.combine(text(), text(), text()).as(Reply.Error::new);
    }

    private static Arbitrary<Reply> execItems() {
        return Arbitraries.oneOf(Arbitraries.just(Reply.OK), Arbitraries.just(Reply.NOT_FOUND),
                values().map(Reply.Data::new), Arbitraries.of(Reply.TRUE, Reply.FALSE),
                Arbitraries.longs().map(Reply.Count::new), Arbitraries.longs().map(Reply.Int::new),
                entries(), optionalValues(), scanPages());
    }

    private static Arbitrary<Reply> entries() {
        return Combinators.combine(text(), values()).as(Reply.Entry::new).list().ofMaxSize(4).map(Reply.Entries::new);
    }

    private static Arbitrary<Reply> optionalValues() {
        return values().optional().list().ofMaxSize(4).map(Reply.Values::new);
    }

    private static Arbitrary<Reply> scanPages() {
        return Combinators.combine(Arbitraries.longs(), keys().list().ofMaxSize(4)).as(Reply.ScanPage::new);
    }
}
