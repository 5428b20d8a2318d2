package dev.vaylix.command;

import dev.vaylix.api.command.Command;
import java.util.Optional;

/**
 * The dispatch table: every command word with the usage string of its CMD-003, its token-count
 * bounds (the command word included) and the method that builds the command.
 *
 * <p>The token-count bounds are checked here, before the command's own method runs; the methods
 * check only what a count cannot express (MSET's odd count, keywords, options). Usage strings come
 * from {@link CommandForm}; the roots whose CMD-003 covers several forms use the combined strings
 * of COMMANDS.md §3.3–3.6.
 */
enum CommandRoot {
    AUTH("auth", CommandForm.AUTH.usage(), 3, 3,
            t -> new Command.Auth(t.text(1), t.text(2))),
    PING("ping", CommandForm.PING.usage(), 1, 2,
            t -> new Command.Ping(t.size() == 2 ? Optional.of(t.text(1)) : Optional.empty())),
    GET("get", CommandForm.GET.usage(), 2, 2, t -> new Command.Get(t.key(1))),
    SET("set", CommandForm.SET.usage(), 3, Bound.MANY, KeyValueSyntax::set),
    SETNX("setnx", CommandForm.SETNX.usage(), 3, 3, t -> new Command.SetNx(t.key(1), t.utf8(2))),
    GETDEL("getdel", CommandForm.GETDEL.usage(), 2, 2, t -> new Command.GetDel(t.key(1))),
    GETEX("getex", CommandForm.GETEX.usage(), 2, 4, KeyValueSyntax::getEx),
    MGET("mget", CommandForm.MGET.usage(), 2, Bound.MANY, t -> new Command.MGet(KeyValueSyntax.keys(t))),
    MSET("mset", CommandForm.MSET.usage(), 3, Bound.MANY, KeyValueSyntax::mset),
    DEL("del", CommandForm.DEL.usage(), 2, Bound.MANY, t -> new Command.Del(KeyValueSyntax.keys(t))),
    /** COMMANDS.md §3.2 gives DELETE the usage of DEL. */
    DELETE("delete", CommandForm.DEL.usage(), 2, Bound.MANY, t -> new Command.Del(KeyValueSyntax.keys(t))),
    EXISTS("exists", CommandForm.EXISTS.usage(), 2, 2, t -> new Command.Exists(t.key(1))),
    INCR("incr", CommandForm.INCR.usage(), 2, 2, t -> new Command.Incr(t.key(1))),
    DECR("decr", CommandForm.DECR.usage(), 2, 2, t -> new Command.Decr(t.key(1))),
    EXPIRE("expire", CommandForm.EXPIRE.usage(), 3, 3,
            t -> new Command.Expire(t.key(1), t.u64(2, KeyValueSyntax.SECONDS))),
    TTL("ttl", CommandForm.TTL.usage(), 2, 2, t -> new Command.Ttl(t.key(1))),
    PERSIST("persist", CommandForm.PERSIST.usage(), 2, 2, t -> new Command.Persist(t.key(1))),
    RENAME("rename", CommandForm.RENAME.usage(), 3, 3, t -> new Command.Rename(t.key(1), t.key(2))),
    RENAMENX("renamenx", CommandForm.RENAMENX.usage(), 3, 3, t -> new Command.RenameNx(t.key(1), t.key(2))),
    SCAN("scan", CommandForm.SCAN.usage(), 2, Bound.MANY, KeyValueSyntax::scan),
    DBSIZE("dbsize", CommandForm.DBSIZE.usage(), 1, 1, t -> new Command.DbSize()),
    COUNT("count", CommandForm.COUNT.usage(), 1, 1, t -> new Command.Count()),
    INFO("info", CommandForm.INFO.usage(), 1, 1, t -> new Command.Info()),
    METRICS("metrics", CommandForm.METRICS.usage(), 1, 2, OperationsSyntax::metrics),
    LIST("list", CommandForm.LIST.usage(), 1, 1, t -> new Command.ListAll()),
    CLEAR("clear", CommandForm.CLEAR.usage(), 1, 1, t -> new Command.Clear()),
    FLUSHDB("flushdb", CommandForm.FLUSHDB.usage(), 1, 1, t -> new Command.Clear()),
    SAVE("save", CommandForm.SAVE.usage(), 1, 1, t -> new Command.Save()),
    SNAPSHOT("snapshot", CommandForm.SNAPSHOT.usage(), 1, 1, t -> new Command.Snapshot()),
    BACKUP("backup", BackupSyntax.BACKUP_USAGE, 1, 4, BackupSyntax::backup),
    RESTORE("restore", BackupSyntax.RESTORE_USAGE, 2, 4, BackupSyntax::restore),
    ALTER("alter", CommandForm.ALTER_USER.usage(), 5, 5, AccessSyntax::alter),
    CREATE("create", AccessSyntax.CREATE_USAGE, 3, Bound.MANY, AccessSyntax::create),
    DROP("drop", AccessSyntax.DROP_USAGE, 3, Bound.MANY, AccessSyntax::drop),
    GRANT("grant", AccessSyntax.GRANT_USAGE, 5, 7, AccessSyntax::grant),
    REVOKE("revoke", AccessSyntax.REVOKE_USAGE, 5, 7, AccessSyntax::revoke),
    SHOW("show", AccessSyntax.SHOW_USAGE, 2, 5, AccessSyntax::show),
    WHOAMI("whoami", CommandForm.WHOAMI.usage(), 1, 1, t -> new Command.Whoami()),
    MULTI("multi", CommandForm.MULTI.usage(), 1, 1, t -> new Command.Multi()),
    EXEC("exec", CommandForm.EXEC.usage(), 1, 1, t -> new Command.Exec()),
    DISCARD("discard", CommandForm.DISCARD.usage(), 1, 1, t -> new Command.Discard()),
    MAINTENANCE("maintenance", OperationsSyntax.MAINTENANCE_USAGE, 2, 2, OperationsSyntax::maintenance),
    HEALTH("health", CommandForm.HEALTH.usage(), 1, 1, t -> new Command.Health()),
    CLUSTER("cluster", OperationsSyntax.CLUSTER_USAGE, 2, Bound.MANY, OperationsSyntax::cluster),
    PROMOTE("promote", CommandForm.PROMOTE_FOLLOWER.usage(), 2, 2, OperationsSyntax::promote),
    PAUSE("pause", CommandForm.PAUSE_REPLICATION.usage(), 2, 2, OperationsSyntax::pause),
    RESUME("resume", CommandForm.RESUME_REPLICATION.usage(), 2, 2, OperationsSyntax::resume),
    HELP("help", CommandForm.HELP.usage(), 1, 1, t -> new Command.Help()),
    EXIT("exit", CommandForm.EXIT.usage(), 1, 1, t -> new Command.Exit()),
    /** COMMANDS.md §3.1 gives QUIT the usage of EXIT. */
    QUIT("quit", CommandForm.EXIT.usage(), 1, 1, t -> new Command.Exit());

    /** Builds the command once the token count is known to be within the root's bounds. */
    @FunctionalInterface
    interface Syntax {
        /** @throws dev.vaylix.api.VaylixException a CMD code; never anything else for any tokens */
        Command parse(Tokens tokens);
    }

    /** Named bounds (an enum constant cannot refer to a static field of its own enum). */
    static final class Bound {
        /** No upper bound on the token count; a line is bounded by its length. */
        static final int MANY = Integer.MAX_VALUE;

        private Bound() {
        }
    }

    private static final int TABLE_SIZE = 128; // power of two, more than twice the number of roots
    private static final CommandRoot[] TABLE = new CommandRoot[TABLE_SIZE];

    static {
        for (CommandRoot root : values()) {
            int slot = root.word.hashCode() & (TABLE_SIZE - 1);
            while (TABLE[slot] != null) {
                slot = (slot + 1) & (TABLE_SIZE - 1);
            }
            TABLE[slot] = root;
        }
    }

    private final String word;
    private final String usage;
    private final int minTokens;
    private final int maxTokens;
    private final Syntax syntax;

    CommandRoot(String word, String usage, int minTokens, int maxTokens, Syntax syntax) {
        this.word = word;
        this.usage = usage;
        this.minTokens = minTokens;
        this.maxTokens = maxTokens;
        this.syntax = syntax;
    }

    /** The lower-case command word. */
    String word() {
        return word;
    }

    /** The usage string CMD-003 reports for a wrong token count. */
    String usage() {
        return usage;
    }

    /** Checks the token count, then builds the command. */
    Command parse(Tokens tokens) {
        int count = tokens.size();
        if (count < minTokens || count > maxTokens) {
            throw SyntaxErrors.arity(usage);
        }
        return syntax.parse(tokens);
    }

    /**
     * The root named by token 0, compared ASCII-case-insensitively, or null. Allocation-free: an
     * open-addressing table probed with the hash of the lower-cased token, computed in place.
     */
    static CommandRoot lookup(Tokens tokens) {
        int slot = tokens.asciiLowerHash(0) & (TABLE_SIZE - 1);
        for (int probes = 0; probes < TABLE_SIZE; probes++) { // the table is never full, so a null slot ends the probe
            CommandRoot root = TABLE[slot];
            if (root == null) {
                return null;
            }
            if (tokens.is(0, root.word)) {
                return root;
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        return null;
    }

    /** The root for {@code word} (ASCII-case-insensitive), if it is one. */
    static Optional<CommandRoot> forWord(String word) {
        for (CommandRoot root : values()) {
            if (Tokens.Ascii.equalsIgnoreCase(word, root.word)) {
                return Optional.of(root);
            }
        }
        return Optional.empty();
    }
}
