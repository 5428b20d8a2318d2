package dev.vaylix.command;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import java.util.List;

/**
 * Turns a typed command back into one line of the text language: the inverse of
 * {@link CommandParser}. For every command the parser can produce, {@code parse(render(c))} equals
 * {@code c}.
 *
 * <p>The output is canonical: lower-case command words and keywords, single spaces, SET options in
 * usage order, GRANT/REVOKE PERMISSION with pattern {@code *} in the short form. An argument is
 * written as a quoted string when it is empty or contains a separator, a quote, a backslash, any
 * other Unicode white space (the REPL would trim it at the end of a line) or a control character;
 * inside quotes {@code "} and {@code \} are escaped and LF and TAB are written {@code \n} and
 * {@code \t}, so the line never contains a line feed. A carriage return has no escape in the
 * language and is written as is, inside quotes.
 *
 * <p>Commands the text language cannot express are refused with {@link IllegalArgumentException}
 * (they can come from the wire or from code, never from the parser):
 * <ul>
 *   <li>a value that is not valid UTF-8: text values are the UTF-8 bytes of a token (COMMANDS.md §2);
 *   <li>any text argument with an unpaired surrogate (it has no UTF-8 form);
 *   <li>SET with NX/XX and IF VERSION, or with EX/PX and KEEPTTL; GETEX with EX/PX and PERSIST
 *       (the parser rejects these combinations with CMD-006);
 *   <li>MGET, DEL or MSET with no keys;
 *   <li>RESTORE of the dump text {@code from} or {@code check}, RESTORE CHECK or BACKUP VERIFY of the
 *       dump text {@code from} (any case): those lines mean other forms, quoted or not.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class CommandRenderer {

    private CommandRenderer() {
    }

    /**
     * The text form of {@code command}.
     *
     * @throws IllegalArgumentException if the command has no text form (see the class comment)
     */
    public static String render(Command command) {
        Line line = new Line();
        switch (command) {
            case Command.Auth(String username, String password) -> line.words("auth").arg(username).arg(password);
            case Command.Ping(var message) -> {
                line.words("ping");
                message.ifPresent(line::arg);
            }
            case Command.Whoami() -> line.words("whoami");
            case Command.Help() -> line.words("help");
            case Command.Exit() -> line.words("exit");
            case Command.Get(Key key) -> line.words("get").arg(key);
            case Command.Set set -> renderSet(line, set);
            case Command.SetNx(Key key, Bytes value) -> line.words("setnx").arg(key).arg(value);
            case Command.GetDel(Key key) -> line.words("getdel").arg(key);
            case Command.GetEx(Key key, Expiration expiration, boolean persist) -> {
                require(!(expiration.isPresent() && persist), "GETEX cannot combine EX/PX with PERSIST in text");
                line.words("getex").arg(key).expiration(expiration);
                if (persist) {
                    line.words("persist");
                }
            }
            case Command.MGet(List<Key> keys) -> line.words("mget").keys(keys);
            case Command.MSet(List<KeyValue> entries) -> {
                require(!entries.isEmpty(), "MSET needs at least one pair in text");
                line.words("mset");
                for (KeyValue entry : entries) {
                    line.arg(entry.key()).arg(entry.value());
                }
            }
            case Command.Del(List<Key> keys) -> line.words("del").keys(keys);
            case Command.Exists(Key key) -> line.words("exists").arg(key);
            case Command.Incr(Key key) -> line.words("incr").arg(key);
            case Command.Decr(Key key) -> line.words("decr").arg(key);
            case Command.Expire(Key key, long seconds) -> line.words("expire").arg(key).number(seconds);
            case Command.Ttl(Key key) -> line.words("ttl").arg(key);
            case Command.Persist(Key key) -> line.words("persist").arg(key);
            case Command.Rename(Key source, Key destination) -> line.words("rename").arg(source).arg(destination);
            case Command.RenameNx(Key source, Key destination) -> line.words("renamenx").arg(source).arg(destination);
            case Command.Scan(long cursor, var pattern, var count) -> {
                line.words("scan").number(cursor);
                pattern.ifPresent(p -> line.words("match").arg(p));
                count.ifPresent(n -> line.words("count").number(n));
            }
            case Command.DbSize() -> line.words("dbsize");
            case Command.Count() -> line.words("count");
            case Command.ListAll() -> line.words("list");
            case Command.Clear() -> line.words("clear");
            case Command.Save() -> line.words("save");
            case Command.Snapshot() -> line.words("snapshot");
            case Command.Backup() -> line.words("backup");
            case Command.BackupTo(String path) -> line.words("backup to").arg(path);
            case Command.BackupVerify(String dump) -> {
                require(!isWord(dump, "from"), "BACKUP VERIFY of the dump text 'from' reads as BACKUP VERIFY FROM");
                line.words("backup verify").arg(dump);
            }
            case Command.BackupVerifyFrom(String path) -> line.words("backup verify from").arg(path);
            case Command.Restore(String dump) -> {
                require(!isWord(dump, "from") && !isWord(dump, "check"),
                        "RESTORE of the dump text 'from' or 'check' reads as a RESTORE FROM/CHECK without argument");
                line.words("restore").arg(dump);
            }
            case Command.RestoreFrom(String path) -> line.words("restore from").arg(path);
            case Command.RestoreCheck(String dump) -> {
                require(!isWord(dump, "from"), "RESTORE CHECK of the dump text 'from' reads as RESTORE CHECK FROM");
                line.words("restore check").arg(dump);
            }
            case Command.RestoreCheckFrom(String path) -> line.words("restore check from").arg(path);
            case Command.CreateUser(String username, String password) ->
                    line.words("create user").arg(username).words("password").arg(password);
            case Command.AlterUserPassword(String username, String password) ->
                    line.words("alter user").arg(username).words("password").arg(password);
            case Command.DropUser(String username) -> line.words("drop user").arg(username);
            case Command.CreateRole(String role) -> line.words("create role").arg(role);
            case Command.DropRole(String role) -> line.words("drop role").arg(role);
            case Command.GrantRole(String role, String username) -> line.words("grant role").arg(role).words("to").arg(username);
            case Command.RevokeRole(String role, String username) ->
                    line.words("revoke role").arg(role).words("from").arg(username);
            case Command.GrantPermission(String permission, String pattern, String role) ->
                    line.words("grant permission").arg(permission).pattern(pattern).words("to").arg(role);
            case Command.RevokePermission(String permission, String pattern, String role) ->
                    line.words("revoke permission").arg(permission).pattern(pattern).words("from").arg(role);
            case Command.ShowUsers() -> line.words("show users");
            case Command.ShowRoles() -> line.words("show roles");
            case Command.ShowGrants() -> line.words("show grants");
            case Command.ShowGrantsForUser(String username) -> line.words("show grants for user").arg(username);
            case Command.ShowGrantsForRole(String role) -> line.words("show grants for role").arg(role);
            case Command.Multi() -> line.words("multi");
            case Command.Exec() -> line.words("exec");
            case Command.Discard() -> line.words("discard");
            case Command.Info() -> line.words("info");
            case Command.Metrics() -> line.words("metrics");
            case Command.MetricsProm() -> line.words("metrics prom");
            case Command.MaintenanceOn() -> line.words("maintenance on");
            case Command.MaintenanceOff() -> line.words("maintenance off");
            case Command.MaintenanceStatus() -> line.words("maintenance status");
            case Command.Health() -> line.words("health");
            case Command.ShowCluster() -> line.words("show cluster");
            case Command.ShowReplication() -> line.words("show replication");
            case Command.ClusterJoin(String nodeId, String address) -> line.words("cluster join").arg(nodeId).arg(address);
            case Command.ClusterRemove(String nodeId) -> line.words("cluster remove").arg(nodeId);
            case Command.PromoteFollower() -> line.words("promote follower");
            case Command.PauseReplication() -> line.words("pause replication");
            case Command.ResumeReplication() -> line.words("resume replication");
        }
        return line.toString();
    }

    private static void renderSet(Line line, Command.Set set) {
        require(set.condition() == SetCondition.NONE || set.ifVersion().isEmpty(),
                "SET cannot combine NX/XX with IF VERSION in text");
        require(!(set.expiration().isPresent() && set.keepTtl()), "SET cannot combine EX/PX with KEEPTTL in text");
        line.words("set").arg(set.key()).arg(set.value());
        switch (set.condition()) {
            case NONE -> { }
            case NX -> line.words("nx");
            case XX -> line.words("xx");
        }
        set.ifVersion().ifPresent(version -> line.words("if version").number(version));
        line.expiration(set.expiration());
        if (set.keepTtl()) {
            line.words("keepttl");
        }
        if (set.returnPrevious()) {
            line.words("get");
        }
    }

    private static boolean isWord(String text, String lowerKeyword) {
        return Tokens.Ascii.equalsIgnoreCase(text, lowerKeyword);
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException("no text form: " + reason);
        }
    }

    /** True if {@code text} must be written as a quoted string to read back as exactly one token with this text. */
    static boolean needsQuotes(String text) {
        if (text.isEmpty()) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || CommandParser.isWhiteSpace(c) || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    /** Builds one line; tokens are separated by single spaces. */
    private static final class Line {
        private final StringBuilder out = new StringBuilder(64);

        private void separate() {
            if (!out.isEmpty()) {
                out.append(' ');
            }
        }

        /** Lower-case command words or keywords, written as they are. */
        Line words(String lowerWords) {
            separate();
            out.append(lowerWords);
            return this;
        }

        Line arg(String text) {
            require(!hasUnpairedSurrogate(text), "text with an unpaired surrogate has no UTF-8 form");
            separate();
            if (!needsQuotes(text)) {
                out.append(text);
                return this;
            }
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c);
                }
            }
            out.append('"');
            return this;
        }

        Line arg(Key key) {
            return arg(key.text());
        }

        Line arg(Bytes value) {
            require(value.isValidUtf8(), "the value is not valid UTF-8; text values are UTF-8 (binary needs a non-text client)");
            return arg(value.utf8String());
        }

        Line keys(List<Key> keys) {
            require(!keys.isEmpty(), "MGET and DEL need at least one key in text");
            for (Key key : keys) {
                arg(key);
            }
            return this;
        }

        /** An unsigned 64-bit number. */
        Line number(long unsigned) {
            separate();
            out.append(Long.toUnsignedString(unsigned));
            return this;
        }

        Line expiration(Expiration expiration) {
            return switch (expiration.kind()) {
                case NONE -> this;
                case SECONDS -> words("ex").number(expiration.amount());
                case MILLISECONDS -> words("px").number(expiration.amount());
            };
        }

        /** {@code on <pattern>}, left out for {@code *}, which is what the short form means. */
        Line pattern(String pattern) {
            return pattern.equals(AccessSyntax.ANY_PATTERN) ? this : words("on").arg(pattern);
        }

        private static boolean hasUnpairedSurrogate(String text) {
            return CommandLexer.withoutUnpairedSurrogates(text) != text;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
