package dev.vaylix.api.command;

import java.util.Optional;

/**
 * Every command kind with its VTP2 opcode (VTP2.md §5) and its audit name (STORAGE.md §12.1, the
 * upper-case name the audit log and metrics use).
 *
 * <p>{@link #HELP} and {@link #EXIT} are local to the CLI and have no opcode. The replication opcodes
 * {@code 0x42}–{@code 0x49} are not commands (they carry Raft messages) and are not listed here.
 */
public enum CommandType {
    AUTH(0x01),
    PING(0x02),
    GET(0x03),
    GETDEL(0x04),
    GETEX(0x05),
    SET(0x06),
    SETNX(0x07),
    DEL(0x08),
    EXISTS(0x09),
    MGET(0x0A),
    MSET(0x0B),
    INCR(0x0C),
    DECR(0x0D),
    EXPIRE(0x0E),
    TTL(0x0F),
    PERSIST(0x10),
    RENAME(0x11),
    RENAMENX(0x12),
    SCAN(0x13),
    DBSIZE(0x14),
    INFO(0x15),
    METRICS(0x16),
    LIST(0x17),
    CLEAR(0x18),
    COUNT(0x19),
    SAVE(0x1A),
    SNAPSHOT(0x1B),
    MULTI(0x1C),
    EXEC(0x1D),
    DISCARD(0x1E),
    BACKUP(0x1F),
    RESTORE(0x20),
    CREATE_USER(0x21),
    DROP_USER(0x22),
    CREATE_ROLE(0x23),
    DROP_ROLE(0x24),
    GRANT_ROLE(0x25),
    REVOKE_ROLE(0x26),
    GRANT_PERMISSION(0x27),
    REVOKE_PERMISSION(0x28),
    SHOW_USERS(0x29),
    SHOW_ROLES(0x2A),
    WHOAMI(0x2B),
    BACKUP_TO(0x2C),
    RESTORE_FROM(0x2D),
    RESTORE_CHECK(0x2E),
    RESTORE_CHECK_FROM(0x2F),
    ALTER_USER_PASSWORD(0x30),
    METRICS_PROM(0x31),
    BACKUP_VERIFY(0x32),
    BACKUP_VERIFY_FROM(0x33),
    SHOW_GRANTS(0x34),
    SHOW_GRANTS_FOR_USER(0x35),
    SHOW_GRANTS_FOR_ROLE(0x36),
    MAINTENANCE_ON(0x37),
    MAINTENANCE_OFF(0x38),
    MAINTENANCE_STATUS(0x39),
    HEALTH(0x3A),
    SHOW_CLUSTER(0x3B),
    CLUSTER_JOIN(0x3C),
    CLUSTER_REMOVE(0x3D),
    SHOW_REPLICATION(0x3E),
    PROMOTE_FOLLOWER(0x3F),
    PAUSE_REPLICATION(0x40),
    RESUME_REPLICATION(0x41),
    /** Local to the CLI: prints the help table. */
    HELP(-1),
    /** Local to the CLI: {@code exit} / {@code quit}. */
    EXIT(-1);

    private static final CommandType[] BY_OPCODE = new CommandType[256];

    static {
        for (CommandType type : values()) {
            if (type.opcode >= 0) {
                BY_OPCODE[type.opcode] = type;
            }
        }
    }

    private final int opcode;

    CommandType(int opcode) {
        this.opcode = opcode;
    }

    /** The VTP2 opcode byte (0x01–0x41), or -1 for commands that never leave the client. */
    public int opcode() {
        return opcode;
    }

    public boolean isLocal() {
        return opcode < 0;
    }

    /** The audit-log name, e.g. {@code BACKUP_VERIFY_FROM}. */
    public String auditName() {
        return name();
    }

    /** The command kind for an opcode byte, if it is one. */
    public static Optional<CommandType> fromOpcode(int opcode) {
        return opcode >= 0 && opcode < BY_OPCODE.length ? Optional.ofNullable(BY_OPCODE[opcode]) : Optional.empty();
    }
}
