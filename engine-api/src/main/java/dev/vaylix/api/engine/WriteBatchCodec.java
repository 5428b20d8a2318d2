package dev.vaylix.api.engine;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
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
 * The payload of a COMMAND log entry: a {@link WriteBatch} in a compact, versioned binary form.
 * This is a durable on-disk format (the Raft log is the write-ahead log): a byte layout, once
 * written, must stay readable. {@code docs/LOG_PAYLOAD.md} describes it for readers of the files.
 *
 * <pre>
 * payload     = version:u8 (= 1) batch                    -- nothing may follow the batch
 * batch       = 0x01 command                              -- Single
 *             | 0x02 count:varint command{count}          -- Transaction (EXEC)
 *             | 0x03                                      -- PurgeExpired
 *             | 0x04                                      -- Noop
 * command     = opcode:u8 fields                          -- opcode = the VTP2 opcode (CommandType)
 * varint      = unsigned LEB128, 1 to 10 bytes, shortest form only
 * bytes       = length:varint byte{length}                -- binary-safe
 * text        = bytes holding well-formed UTF-8           -- keys, patterns, messages, dumps
 * bool        = 0x00 | 0x01
 * optional(x) = 0x00 | 0x01 x
 * expiration  = 0x00 | 0x01 seconds:varint | 0x02 millis:varint
 *
 * opcode  command    fields
 * 0x02    PING       message:optional(text)                           (transactions only)
 * 0x03    GET        key:text                                         (transactions only)
 * 0x04    GETDEL     key:text
 * 0x05    GETEX      key:text expiration persist:bool
 * 0x06    SET        key:text value:bytes condition:u8 flags:u8 [ifVersion:varint] expiration
 *                    condition 0 none, 1 NX, 2 XX; flags bit 0 IF VERSION present, bit 1 KEEPTTL,
 *                    bit 2 GET, bits 3-7 zero; ifVersion present iff flags bit 0
 * 0x07    SETNX      key:text value:bytes
 * 0x08    DEL        count:varint key:text{count}
 * 0x09    EXISTS     key:text                                         (transactions only)
 * 0x0A    MGET       count:varint key:text{count}                     (transactions only)
 * 0x0B    MSET       count:varint (key:text value:bytes){count}
 * 0x0C    INCR       key:text
 * 0x0D    DECR       key:text
 * 0x0E    EXPIRE     key:text seconds:varint
 * 0x0F    TTL        key:text                                         (transactions only)
 * 0x10    PERSIST    key:text
 * 0x11    RENAME     source:text destination:text
 * 0x12    RENAMENX   source:text destination:text
 * 0x13    SCAN       cursor:varint pattern:optional(text) count:optional(varint &lt;= 65535)  (transactions only)
 * 0x14    DBSIZE     -                                                (transactions only)
 * 0x17    LIST       -                                                (transactions only)
 * 0x18    CLEAR      -
 * 0x19    COUNT      -                                                (transactions only)
 * 0x20    RESTORE    dump:text                                        (single entries only)
 * </pre>
 *
 * <p>Why this shape: the version byte lets a later release change anything after it; VTP2 opcodes
 * are already stable numbers for the commands; LEB128 keeps small counts and lengths to one byte;
 * only the shortest varint, 0/1 booleans and zero reserved bits are accepted, so every batch has
 * exactly one encoding and {@code encode(decode(p)) == p} (replicas that compare payload checksums
 * can never disagree over equivalent forms).
 *
 * <p>Decoding trusts nothing: every length and count is checked against the bytes that remain
 * before anything is allocated, text must be valid UTF-8, and every failure, including trailing
 * bytes, is a {@link VaylixException} with {@code ENG-014} naming the field and offset.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class WriteBatchCodec {

    /** The only payload version so far. */
    public static final int VERSION = 1;

    static final int VARINT_MAX_BYTES = 10; // ceil(64 / 7)

    private static final int TAG_SINGLE = 0x01;
    private static final int TAG_TRANSACTION = 0x02;
    private static final int TAG_PURGE_EXPIRED = 0x03;
    private static final int TAG_NOOP = 0x04;

    private static final int EXPIRATION_NONE = 0;
    private static final int EXPIRATION_SECONDS = 1;
    private static final int EXPIRATION_MILLIS = 2;

    private static final int SET_FLAG_IF_VERSION = 1;
    private static final int SET_FLAG_KEEP_TTL = 1 << 1;
    private static final int SET_FLAG_GET = 1 << 2;

    private WriteBatchCodec() {
    }

    /**
     * True for the commands a log entry may carry on its own: the data writes of COMMANDS.md §3.2
     * (SET, SETNX, GETDEL, GETEX, MSET, DEL, INCR, DECR, EXPIRE, PERSIST, RENAME, RENAMENX, CLEAR)
     * and RESTORE.
     */
    public static boolean isLoggableAlone(Command command) {
        return isLoggableAlone(command.type());
    }

    private static boolean isLoggableAlone(CommandType type) {
        return switch (type) {
            case SET, SETNX, GETDEL, GETEX, MSET, DEL, INCR, DECR, EXPIRE, PERSIST, RENAME, RENAMENX, CLEAR,
                 RESTORE -> true;
            default -> false;
        };
    }

    /**
     * True for the commands MULTI may queue (COMMANDS.md §9): the data writes and the reads PING, GET,
     * MGET, EXISTS, TTL, SCAN, DBSIZE, COUNT, LIST. Not RESTORE, and not CLUSTER JOIN/REMOVE (the
     * reference queues those and then fails the whole EXEC; we refuse them up front).
     */
    public static boolean isQueueable(Command command) {
        return isQueueable(command.type());
    }

    private static boolean isQueueable(CommandType type) {
        return switch (type) {
            case PING, GET, GETDEL, GETEX, SET, SETNX, MGET, MSET, DEL, EXISTS, INCR, DECR, EXPIRE, TTL,
                 PERSIST, RENAME, RENAMENX, SCAN, DBSIZE, COUNT, LIST, CLEAR -> true;
            default -> false;
        };
    }

    /**
     * Encodes {@code batch}. The result is owned by the caller.
     *
     * @throws VaylixException {@code ENG-013} for a command that cannot be logged on its own (or a
     *         string with no UTF-8 form), {@code ENG-017} for a command that cannot be queued in a
     *         transaction
     */
    public static Bytes encode(WriteBatch batch) {
        PayloadWriter out = new PayloadWriter(64);
        out.u8(VERSION);
        switch (batch) {
            case WriteBatch.Single single -> {
                out.u8(TAG_SINGLE);
                writeCommand(out, single.command(), false);
            }
            case WriteBatch.Transaction transaction -> {
                out.u8(TAG_TRANSACTION);
                out.varint(transaction.commands().size());
                for (Command command : transaction.commands()) {
                    writeCommand(out, command, true);
                }
            }
            case WriteBatch.PurgeExpired purge -> out.u8(TAG_PURGE_EXPIRED);
            case WriteBatch.Noop noop -> out.u8(TAG_NOOP);
        }
        return out.toBytes();
    }

    /**
     * Decodes a payload written by {@link #encode}.
     *
     * @throws VaylixException {@code ENG-014} if the payload is not exactly one valid batch
     */
    public static WriteBatch decode(Bytes payload) {
        PayloadReader in = new PayloadReader(payload.asReadOnlyBuffer());
        int version = in.u8("payload version");
        if (version != VERSION) {
            throw in.failure("unsupported log payload version " + version, 0);
        }
        int tagOffset = in.offset();
        int tag = in.u8("batch tag");
        WriteBatch batch = switch (tag) {
            case TAG_SINGLE -> new WriteBatch.Single(readCommand(in, false));
            case TAG_TRANSACTION -> {
                int count = in.count("transaction command count", 1);
                List<Command> commands = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    commands.add(readCommand(in, true));
                }
                yield new WriteBatch.Transaction(commands);
            }
            case TAG_PURGE_EXPIRED -> new WriteBatch.PurgeExpired();
            case TAG_NOOP -> new WriteBatch.Noop();
            default -> throw in.failure("unknown batch tag " + tag, tagOffset);
        };
        if (in.remaining() != 0) {
            throw in.failure(in.remaining() + " trailing bytes after the batch", in.offset());
        }
        return batch;
    }

    private static void writeCommand(PayloadWriter out, Command command, boolean inTransaction) {
        if (inTransaction && !isQueueable(command)) {
            throw ErrorCode.ENG_017.exception();
        }
        if (!inTransaction && !isLoggableAlone(command)) {
            throw ErrorCode.ENG_013.exception("command " + command.type() + " cannot be logged as a single entry");
        }
        out.u8(command.type().opcode());
        switch (command) {
            case Command.Ping c -> {
                out.bool(c.message().isPresent());
                c.message().ifPresent(message -> out.text(message, "PING message"));
            }
            case Command.Get c -> writeKey(out, c.key());
            case Command.GetDel c -> writeKey(out, c.key());
            case Command.GetEx c -> {
                writeKey(out, c.key());
                writeExpiration(out, c.expiration());
                out.bool(c.persist());
            }
            case Command.Set c -> {
                writeKey(out, c.key());
                out.bytes(c.value());
                out.u8(switch (c.condition()) {
                    case NONE -> 0;
                    case NX -> 1;
                    case XX -> 2;
                });
                int flags = (c.ifVersion().isPresent() ? SET_FLAG_IF_VERSION : 0)
                        | (c.keepTtl() ? SET_FLAG_KEEP_TTL : 0)
                        | (c.returnPrevious() ? SET_FLAG_GET : 0);
                out.u8(flags);
                if (c.ifVersion().isPresent()) {
                    out.varint(c.ifVersion().getAsLong());
                }
                writeExpiration(out, c.expiration());
            }
            case Command.SetNx c -> {
                writeKey(out, c.key());
                out.bytes(c.value());
            }
            case Command.Del c -> writeKeys(out, c.keys());
            case Command.Exists c -> writeKey(out, c.key());
            case Command.MGet c -> writeKeys(out, c.keys());
            case Command.MSet c -> {
                out.varint(c.entries().size());
                for (KeyValue entry : c.entries()) {
                    writeKey(out, entry.key());
                    out.bytes(entry.value());
                }
            }
            case Command.Incr c -> writeKey(out, c.key());
            case Command.Decr c -> writeKey(out, c.key());
            case Command.Expire c -> {
                writeKey(out, c.key());
                out.varint(c.seconds());
            }
            case Command.Ttl c -> writeKey(out, c.key());
            case Command.Persist c -> writeKey(out, c.key());
            case Command.Rename c -> {
                writeKey(out, c.source());
                writeKey(out, c.destination());
            }
            case Command.RenameNx c -> {
                writeKey(out, c.source());
                writeKey(out, c.destination());
            }
            case Command.Scan c -> {
                out.varint(c.cursor());
                out.bool(c.pattern().isPresent());
                c.pattern().ifPresent(pattern -> out.text(pattern, "SCAN pattern"));
                out.bool(c.count().isPresent());
                if (c.count().isPresent()) {
                    out.varint(c.count().getAsInt());
                }
            }
            case Command.DbSize c -> { }
            case Command.Count c -> { }
            case Command.ListAll c -> { }
            case Command.Clear c -> { }
            case Command.Restore c -> out.text(c.dump(), "RESTORE dump");
            // Everything below was refused by the checks above; listed so that a new command type
            // breaks the build here until someone decides whether it can be logged.
            case Command.Auth c -> throw notLoggable(c);
            case Command.Whoami c -> throw notLoggable(c);
            case Command.Help c -> throw notLoggable(c);
            case Command.Exit c -> throw notLoggable(c);
            case Command.Save c -> throw notLoggable(c);
            case Command.Snapshot c -> throw notLoggable(c);
            case Command.Backup c -> throw notLoggable(c);
            case Command.BackupTo c -> throw notLoggable(c);
            case Command.BackupVerify c -> throw notLoggable(c);
            case Command.BackupVerifyFrom c -> throw notLoggable(c);
            case Command.RestoreFrom c -> throw notLoggable(c);
            case Command.RestoreCheck c -> throw notLoggable(c);
            case Command.RestoreCheckFrom c -> throw notLoggable(c);
            case Command.CreateUser c -> throw notLoggable(c);
            case Command.AlterUserPassword c -> throw notLoggable(c);
            case Command.DropUser c -> throw notLoggable(c);
            case Command.CreateRole c -> throw notLoggable(c);
            case Command.DropRole c -> throw notLoggable(c);
            case Command.GrantRole c -> throw notLoggable(c);
            case Command.RevokeRole c -> throw notLoggable(c);
            case Command.GrantPermission c -> throw notLoggable(c);
            case Command.RevokePermission c -> throw notLoggable(c);
            case Command.ShowUsers c -> throw notLoggable(c);
            case Command.ShowRoles c -> throw notLoggable(c);
            case Command.ShowGrants c -> throw notLoggable(c);
            case Command.ShowGrantsForUser c -> throw notLoggable(c);
            case Command.ShowGrantsForRole c -> throw notLoggable(c);
            case Command.Multi c -> throw notLoggable(c);
            case Command.Exec c -> throw notLoggable(c);
            case Command.Discard c -> throw notLoggable(c);
            case Command.Info c -> throw notLoggable(c);
            case Command.Metrics c -> throw notLoggable(c);
            case Command.MetricsProm c -> throw notLoggable(c);
            case Command.MaintenanceOn c -> throw notLoggable(c);
            case Command.MaintenanceOff c -> throw notLoggable(c);
            case Command.MaintenanceStatus c -> throw notLoggable(c);
            case Command.Health c -> throw notLoggable(c);
            case Command.ShowCluster c -> throw notLoggable(c);
            case Command.ShowReplication c -> throw notLoggable(c);
            case Command.ClusterJoin c -> throw notLoggable(c);
            case Command.ClusterRemove c -> throw notLoggable(c);
            case Command.PromoteFollower c -> throw notLoggable(c);
            case Command.PauseReplication c -> throw notLoggable(c);
            case Command.ResumeReplication c -> throw notLoggable(c);
        }
    }

    private static VaylixException notLoggable(Command command) {
        return ErrorCode.ENG_013.exception("command " + command.type() + " cannot be logged");
    }

    private static void writeKey(PayloadWriter out, Key key) {
        out.text(key.text(), "key");
    }

    private static void writeKeys(PayloadWriter out, List<Key> keys) {
        out.varint(keys.size());
        for (Key key : keys) {
            writeKey(out, key);
        }
    }

    private static void writeExpiration(PayloadWriter out, Expiration expiration) {
        switch (expiration.kind()) {
            case NONE -> out.u8(EXPIRATION_NONE);
            case SECONDS -> {
                out.u8(EXPIRATION_SECONDS);
                out.varint(expiration.amount());
            }
            case MILLISECONDS -> {
                out.u8(EXPIRATION_MILLIS);
                out.varint(expiration.amount());
            }
        }
    }

    private static Command readCommand(PayloadReader in, boolean inTransaction) {
        int offset = in.offset();
        int opcode = in.u8("command opcode");
        CommandType type = CommandType.fromOpcode(opcode)
                .orElseThrow(() -> in.failure("unknown command opcode " + opcode, offset));
        if (inTransaction ? !isQueueable(type) : !isLoggableAlone(type)) {
            throw in.failure("command " + type + " cannot appear in a "
                    + (inTransaction ? "transaction" : "single-command entry"), offset);
        }
        return switch (type) {
            case PING -> new Command.Ping(in.bool("PING message presence")
                    ? Optional.of(in.text("PING message")) : Optional.empty());
            case GET -> new Command.Get(in.key("GET key"));
            case GETDEL -> new Command.GetDel(in.key("GETDEL key"));
            case GETEX -> new Command.GetEx(in.key("GETEX key"), readExpiration(in, "GETEX"), in.bool("GETEX persist"));
            case SET -> readSet(in);
            case SETNX -> new Command.SetNx(in.key("SETNX key"), in.bytes("SETNX value"));
            case DEL -> new Command.Del(readKeys(in, "DEL"));
            case EXISTS -> new Command.Exists(in.key("EXISTS key"));
            case MGET -> new Command.MGet(readKeys(in, "MGET"));
            case MSET -> {
                int count = in.count("MSET pair count", 2);
                List<KeyValue> entries = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    entries.add(new KeyValue(in.key("MSET key"), in.bytes("MSET value")));
                }
                yield new Command.MSet(entries);
            }
            case INCR -> new Command.Incr(in.key("INCR key"));
            case DECR -> new Command.Decr(in.key("DECR key"));
            case EXPIRE -> new Command.Expire(in.key("EXPIRE key"), in.varint("EXPIRE seconds"));
            case TTL -> new Command.Ttl(in.key("TTL key"));
            case PERSIST -> new Command.Persist(in.key("PERSIST key"));
            case RENAME -> new Command.Rename(in.key("RENAME source"), in.key("RENAME destination"));
            case RENAMENX -> new Command.RenameNx(in.key("RENAMENX source"), in.key("RENAMENX destination"));
            case SCAN -> readScan(in);
            case DBSIZE -> new Command.DbSize();
            case LIST -> new Command.ListAll();
            case CLEAR -> new Command.Clear();
            case COUNT -> new Command.Count();
            case RESTORE -> new Command.Restore(in.text("RESTORE dump"));
            // Unreachable after the check above; the byte space of opcodes is open, hence a default.
            default -> throw in.failure("command " + type + " cannot appear in a log entry", offset);
        };
    }

    private static Command.Set readSet(PayloadReader in) {
        Key key = in.key("SET key");
        Bytes value = in.bytes("SET value");
        int conditionOffset = in.offset();
        int conditionCode = in.u8("SET condition");
        SetCondition condition = switch (conditionCode) {
            case 0 -> SetCondition.NONE;
            case 1 -> SetCondition.NX;
            case 2 -> SetCondition.XX;
            default -> throw in.failure("unknown SET condition " + conditionCode, conditionOffset);
        };
        int flagsOffset = in.offset();
        int flags = in.u8("SET flags");
        if ((flags & ~(SET_FLAG_IF_VERSION | SET_FLAG_KEEP_TTL | SET_FLAG_GET)) != 0) {
            throw in.failure("reserved SET flag bits set: " + flags, flagsOffset);
        }
        OptionalLong ifVersion = (flags & SET_FLAG_IF_VERSION) != 0
                ? OptionalLong.of(in.varint("SET if-version")) : OptionalLong.empty();
        Expiration expiration = readExpiration(in, "SET");
        return new Command.Set(key, value, condition, ifVersion, expiration,
                (flags & SET_FLAG_KEEP_TTL) != 0, (flags & SET_FLAG_GET) != 0);
    }

    private static Command.Scan readScan(PayloadReader in) {
        long cursor = in.varint("SCAN cursor");
        Optional<String> pattern = in.bool("SCAN pattern presence") ? Optional.of(in.text("SCAN pattern")) : Optional.empty();
        OptionalInt count = OptionalInt.empty();
        if (in.bool("SCAN count presence")) {
            int offset = in.offset();
            long value = in.varint("SCAN count");
            if (Long.compareUnsigned(value, Command.Scan.MAX_COUNT) > 0) {
                throw in.failure("SCAN count " + Long.toUnsignedString(value) + " exceeds u16", offset);
            }
            count = OptionalInt.of((int) value);
        }
        return new Command.Scan(cursor, pattern, count);
    }

    private static List<Key> readKeys(PayloadReader in, String command) {
        int count = in.count(command + " key count", 1);
        List<Key> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(in.key(command + " key"));
        }
        return keys;
    }

    private static Expiration readExpiration(PayloadReader in, String command) {
        int offset = in.offset();
        int kind = in.u8(command + " expiration kind");
        return switch (kind) {
            case EXPIRATION_NONE -> Expiration.NONE;
            case EXPIRATION_SECONDS -> Expiration.seconds(in.varint(command + " expiration seconds"));
            case EXPIRATION_MILLIS -> Expiration.millis(in.varint(command + " expiration milliseconds"));
            default -> throw in.failure("unknown " + command + " expiration kind " + kind, offset);
        };
    }
}
