package dev.vaylix.command;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators for every command record the parser can produce, with text chosen to break a naive
 * renderer: empty strings, separators, quotes, backslashes, escape look-alikes, keywords of every
 * command, digits and signs, non-ASCII text and Unicode white space.
 */
final class CommandArbitraries {

    private CommandArbitraries() {
    }

    /** Words that mean something somewhere in the grammar. */
    static final List<String> KEYWORDS = List.of(
            "nx", "NX", "xx", "if", "IF", "version", "ex", "px", "keepttl", "get", "persist", "match", "count",
            "to", "TO", "from", "From", "check", "verify", "on", "user", "role", "password", "permission",
            "for", "grants", "prom", "join", "remove", "follower", "replication", "set", "del", "quit");

    /** Short pieces that combine into tricky text. */
    private static final List<String> PIECES = List.of(
            "", " ", "  ", "\t", "\n", "\r", "\r\n", "\"", "\"\"", "\\", "\\\\", "\\n", "\\t", "\\\"", "\\r",
            "*", "?", "{\"a\":1}", "0", "+1", "-1", "18446744073709551616", "é", "😀", "日本", "ſ", "K",
            "\u00A0", "\u2003", "\u2028", "\u0085", "\u000B", "\u200B", "\uFEFF", "\uFFFD", "\u0000", "\u007F");

    /** Text made of up to four pieces. */
    static Arbitrary<String> text() {
        return piece().list().ofMaxSize(4).map(pieces -> String.join("", pieces));
    }

    /** One piece of tricky text: a fixed troublemaker, a keyword, a short word or a few arbitrary characters. */
    static Arbitrary<String> piece() {
        return Arbitraries.oneOf(
                Arbitraries.of(PIECES),
                Arbitraries.of(KEYWORDS),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().all().ofMaxLength(4).filter(CommandArbitraries::wellFormed));
    }

    /** True if {@code text} has a UTF-8 form (no unpaired surrogate). */
    static boolean wellFormed(String text) {
        return CommandLexer.withoutUnpairedSurrogates(text) == text;
    }

    static Arbitrary<Key> key() {
        return text().map(Key::of);
    }

    static Arbitrary<Bytes> value() {
        return text().map(Bytes::utf8);
    }

    /** Any u64, with the edges 0, 1 and 2^64 - 1 likely. */
    static Arbitrary<Long> u64() {
        return Arbitraries.oneOf(Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE), Arbitraries.longs());
    }

    static Arbitrary<Expiration> expiration() {
        return Arbitraries.oneOf(
                Arbitraries.just(Expiration.NONE),
                u64().map(Expiration::seconds),
                u64().map(Expiration::millis));
    }

    /** Text that must not be one keyword (ASCII-case-insensitive) because that word would select another form there. */
    static Arbitrary<String> textExcept(String... lowerKeywords) {
        return text().filter(text -> {
            for (String keyword : lowerKeywords) {
                if (Tokens.Ascii.equalsIgnoreCase(text, keyword)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** One generator per command record, keyed by record class; {@link #command()} draws from all of them. */
    static Map<Class<? extends Command>, Arbitrary<? extends Command>> byRecord() {
        Map<Class<? extends Command>, Arbitrary<? extends Command>> all = new LinkedHashMap<>();
        Arbitrary<String> text = text();
        Arbitrary<Key> key = key();
        Arbitrary<Bytes> value = value();

        all.put(Command.Auth.class, Combinators.combine(text, text).as(Command.Auth::new));
        all.put(Command.Ping.class, text.optional().map(Command.Ping::new));
        all.put(Command.Get.class, key.map(Command.Get::new));
        all.put(Command.Set.class, Combinators.combine(key, value, Arbitraries.of(SetCondition.class), u64().optional(),
                expiration(), Arbitraries.of(true, false), Arbitraries.of(true, false)).as((k, v, condition, version, expiry, keepTtl, get) ->
                // The text language refuses NX/XX with IF VERSION and EX/PX with KEEPTTL: draw only what it can express.
                new Command.Set(k, v, version.isPresent() ? SetCondition.NONE : condition,
                        version.map(OptionalLong::of).orElse(OptionalLong.empty()), expiry,
                        !expiry.isPresent() && keepTtl, get)));
        all.put(Command.SetNx.class, Combinators.combine(key, value).as(Command.SetNx::new));
        all.put(Command.GetDel.class, key.map(Command.GetDel::new));
        all.put(Command.GetEx.class, Combinators.combine(key, expiration(), Arbitraries.of(true, false))
                .as((k, expiry, persist) -> new Command.GetEx(k, expiry, !expiry.isPresent() && persist)));
        all.put(Command.MGet.class, key.list().ofMinSize(1).ofMaxSize(5).map(Command.MGet::new));
        all.put(Command.MSet.class, Combinators.combine(key, value).as(KeyValue::new).list().ofMinSize(1).ofMaxSize(5)
                .map(Command.MSet::new));
        all.put(Command.Del.class, key.list().ofMinSize(1).ofMaxSize(5).map(Command.Del::new));
        all.put(Command.Exists.class, key.map(Command.Exists::new));
        all.put(Command.Incr.class, key.map(Command.Incr::new));
        all.put(Command.Decr.class, key.map(Command.Decr::new));
        all.put(Command.Expire.class, Combinators.combine(key, u64()).as(Command.Expire::new));
        all.put(Command.Ttl.class, key.map(Command.Ttl::new));
        all.put(Command.Persist.class, key.map(Command.Persist::new));
        all.put(Command.Rename.class, Combinators.combine(key, key).as(Command.Rename::new));
        all.put(Command.RenameNx.class, Combinators.combine(key, key).as(Command.RenameNx::new));
        all.put(Command.Scan.class, Combinators.combine(u64(), text.optional(),
                Arbitraries.integers().between(0, Command.Scan.MAX_COUNT).optional()).as((cursor, pattern, count) ->
                new Command.Scan(cursor, pattern, count.map(OptionalInt::of).orElse(OptionalInt.empty()))));
        all.put(Command.BackupTo.class, text.map(Command.BackupTo::new));
        all.put(Command.BackupVerify.class, textExcept("from").map(Command.BackupVerify::new));
        all.put(Command.BackupVerifyFrom.class, text.map(Command.BackupVerifyFrom::new));
        all.put(Command.Restore.class, textExcept("from", "check").map(Command.Restore::new));
        all.put(Command.RestoreFrom.class, text.map(Command.RestoreFrom::new));
        all.put(Command.RestoreCheck.class, textExcept("from").map(Command.RestoreCheck::new));
        all.put(Command.RestoreCheckFrom.class, text.map(Command.RestoreCheckFrom::new));
        all.put(Command.CreateUser.class, Combinators.combine(text, text).as(Command.CreateUser::new));
        all.put(Command.AlterUserPassword.class, Combinators.combine(text, text).as(Command.AlterUserPassword::new));
        all.put(Command.DropUser.class, text.map(Command.DropUser::new));
        all.put(Command.CreateRole.class, text.map(Command.CreateRole::new));
        all.put(Command.DropRole.class, text.map(Command.DropRole::new));
        all.put(Command.GrantRole.class, Combinators.combine(text, text).as(Command.GrantRole::new));
        all.put(Command.RevokeRole.class, Combinators.combine(text, text).as(Command.RevokeRole::new));
        Arbitrary<String> pattern = Arbitraries.oneOf(Arbitraries.just("*"), text);
        all.put(Command.GrantPermission.class, Combinators.combine(text, pattern, text).as(Command.GrantPermission::new));
        all.put(Command.RevokePermission.class, Combinators.combine(text, pattern, text).as(Command.RevokePermission::new));
        all.put(Command.ShowGrantsForUser.class, text.map(Command.ShowGrantsForUser::new));
        all.put(Command.ShowGrantsForRole.class, text.map(Command.ShowGrantsForRole::new));
        all.put(Command.ClusterJoin.class, Combinators.combine(text, text).as(Command.ClusterJoin::new));
        all.put(Command.ClusterRemove.class, text.map(Command.ClusterRemove::new));
        for (Command command : List.of(new Command.Whoami(), new Command.Help(), new Command.Exit(), new Command.DbSize(),
                new Command.Count(), new Command.ListAll(), new Command.Clear(), new Command.Save(), new Command.Snapshot(),
                new Command.Backup(), new Command.ShowUsers(), new Command.ShowRoles(), new Command.ShowGrants(),
                new Command.Multi(), new Command.Exec(), new Command.Discard(), new Command.Info(), new Command.Metrics(),
                new Command.MetricsProm(), new Command.MaintenanceOn(), new Command.MaintenanceOff(),
                new Command.MaintenanceStatus(), new Command.Health(), new Command.ShowCluster(), new Command.ShowReplication(),
                new Command.PromoteFollower(), new Command.PauseReplication(), new Command.ResumeReplication())) {
            all.put(command.getClass(), Arbitraries.just(command));
        }
        return all;
    }

    /** Any command the parser can produce, every record equally likely. */
    static Arbitrary<Command> command() {
        List<Arbitrary<? extends Command>> all = new ArrayList<>(byRecord().values());
        return Arbitraries.oneOf(all);
    }
}
