package dev.vaylix.command;

import dev.vaylix.api.command.CommandType;

/**
 * The command metadata list: one entry per command form, in the order of the help table
 * (COMMANDS.md §11.5), each with its usage string and the command kind it parses to.
 *
 * <p>The parser takes every usage string it reports from here (directly, or from {@link CommandRoot}
 * for the few roots whose CMD-003 usage spans several forms), and {@link CommandHelp} prints this list,
 * so the help text and the error messages cannot drift apart. Usage strings the spec does not give are
 * our own, in the spec's style; docs/COMPATIBILITY.md lists them.
 *
 * <p>Aliases are separate forms (DEL/DELETE, CLEAR/FLUSHDB, EXIT/QUIT) because the help table lists
 * both; they parse to the same command.
 */
public enum CommandForm {
    AUTH("auth", "auth <username> <password>", CommandType.AUTH),
    PING("ping", "ping [message]", CommandType.PING),
    GET("get", "get <key>", CommandType.GET),
    SET("set", "set <key> <value> [nx|xx] [if version <version>] [ex <seconds>|px <millis>] [keepttl] [get]",
            CommandType.SET),
    SETNX("setnx", "setnx <key> <value>", CommandType.SETNX),
    GETDEL("getdel", "getdel <key>", CommandType.GETDEL),
    GETEX("getex", "getex <key> [ex <seconds>|px <millis>|persist]", CommandType.GETEX),
    MGET("mget", "mget <key> [key ...]", CommandType.MGET),
    MSET("mset", "mset <key> <value> [key value ...]", CommandType.MSET),
    DEL("del", "del <key> [key ...]", CommandType.DEL),
    DELETE("delete", "delete <key> [key ...]", CommandType.DEL),
    EXISTS("exists", "exists <key>", CommandType.EXISTS),
    INCR("incr", "incr <key>", CommandType.INCR),
    DECR("decr", "decr <key>", CommandType.DECR),
    EXPIRE("expire", "expire <key> <seconds>", CommandType.EXPIRE),
    TTL("ttl", "ttl <key>", CommandType.TTL),
    PERSIST("persist", "persist <key>", CommandType.PERSIST),
    RENAME("rename", "rename <source> <destination>", CommandType.RENAME),
    RENAMENX("renamenx", "renamenx <source> <destination>", CommandType.RENAMENX),
    SCAN("scan", "scan <cursor> [match <pattern>] [count <n>]", CommandType.SCAN),
    DBSIZE("dbsize", CommandType.DBSIZE),
    COUNT("count", CommandType.COUNT),
    INFO("info", CommandType.INFO),
    METRICS("metrics", "metrics [prom]", CommandType.METRICS),
    METRICS_PROM("metrics prom", CommandType.METRICS_PROM),
    LIST("list", CommandType.LIST),
    CLEAR("clear", CommandType.CLEAR),
    FLUSHDB("flushdb", CommandType.CLEAR),
    SAVE("save", CommandType.SAVE),
    SNAPSHOT("snapshot", CommandType.SNAPSHOT),
    BACKUP("backup", CommandType.BACKUP),
    BACKUP_TO("backup to", "backup to <path>", CommandType.BACKUP_TO),
    BACKUP_VERIFY("backup verify", "backup verify <logical-dump-json>", CommandType.BACKUP_VERIFY),
    BACKUP_VERIFY_FROM("backup verify from", "backup verify from <path>", CommandType.BACKUP_VERIFY_FROM),
    RESTORE("restore", "restore <logical-dump-json>", CommandType.RESTORE),
    RESTORE_FROM("restore from", "restore from <path>", CommandType.RESTORE_FROM),
    RESTORE_CHECK("restore check", "restore check <logical-dump-json>", CommandType.RESTORE_CHECK),
    RESTORE_CHECK_FROM("restore check from", "restore check from <path>", CommandType.RESTORE_CHECK_FROM),
    ALTER_USER("alter user", "alter user <username> password <password>", CommandType.ALTER_USER_PASSWORD),
    CREATE_USER("create user", "create user <username> password <password>", CommandType.CREATE_USER),
    CREATE_ROLE("create role", "create role <role>", CommandType.CREATE_ROLE),
    DROP_USER("drop user", "drop user <username>", CommandType.DROP_USER),
    DROP_ROLE("drop role", "drop role <role>", CommandType.DROP_ROLE),
    GRANT_ROLE("grant role", "grant role <role> to <username>", CommandType.GRANT_ROLE),
    GRANT_PERMISSION("grant permission", "grant permission <permission> [on <pattern>] to <role>",
            CommandType.GRANT_PERMISSION),
    REVOKE_ROLE("revoke role", "revoke role <role> from <username>", CommandType.REVOKE_ROLE),
    REVOKE_PERMISSION("revoke permission", "revoke permission <permission> [on <pattern>] from <role>",
            CommandType.REVOKE_PERMISSION),
    SHOW_USERS("show users", CommandType.SHOW_USERS),
    SHOW_ROLES("show roles", CommandType.SHOW_ROLES),
    SHOW_GRANTS("show grants", CommandType.SHOW_GRANTS),
    SHOW_GRANTS_FOR_USER("show grants for user", "show grants for user <username>", CommandType.SHOW_GRANTS_FOR_USER),
    SHOW_GRANTS_FOR_ROLE("show grants for role", "show grants for role <role>", CommandType.SHOW_GRANTS_FOR_ROLE),
    WHOAMI("whoami", CommandType.WHOAMI),
    MULTI("multi", CommandType.MULTI),
    EXEC("exec", CommandType.EXEC),
    DISCARD("discard", CommandType.DISCARD),
    MAINTENANCE_ON("maintenance on", CommandType.MAINTENANCE_ON),
    MAINTENANCE_OFF("maintenance off", CommandType.MAINTENANCE_OFF),
    MAINTENANCE_STATUS("maintenance status", CommandType.MAINTENANCE_STATUS),
    HEALTH("health", CommandType.HEALTH),
    SHOW_CLUSTER("show cluster", CommandType.SHOW_CLUSTER),
    CLUSTER_JOIN("cluster join", "cluster join <node-id> <host:port>", CommandType.CLUSTER_JOIN),
    CLUSTER_REMOVE("cluster remove", "cluster remove <node-id>", CommandType.CLUSTER_REMOVE),
    SHOW_REPLICATION("show replication", CommandType.SHOW_REPLICATION),
    PROMOTE_FOLLOWER("promote follower", CommandType.PROMOTE_FOLLOWER),
    PAUSE_REPLICATION("pause replication", CommandType.PAUSE_REPLICATION),
    RESUME_REPLICATION("resume replication", CommandType.RESUME_REPLICATION),
    HELP("help", CommandType.HELP),
    EXIT("exit", CommandType.EXIT),
    QUIT("quit", CommandType.EXIT);

    private final String words;
    private final String usage;
    private final CommandType type;

    /** A form without arguments: its usage is its words. */
    CommandForm(String words, CommandType type) {
        this(words, words, type);
    }

    CommandForm(String words, String usage, CommandType type) {
        this.words = words;
        this.usage = usage;
        this.type = type;
    }

    /** The name in the help table: the lower-case command word and sub-command keywords, e.g. {@code backup verify from}. */
    public String words() {
        return words;
    }

    /** The usage string, e.g. {@code backup verify from <path>}. */
    public String usage() {
        return usage;
    }

    /** The command kind this form parses to. */
    public CommandType type() {
        return type;
    }
}
