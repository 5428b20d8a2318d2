package dev.vaylix.command;

import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The key/value commands with more than a fixed shape (COMMANDS.md §3.2): SET, GETEX and SCAN
 * options, and the key lists of MGET, MSET and DEL. Token counts are already within the root's
 * bounds ({@link CommandRoot}).
 *
 * <p>CMD-005 for these three commands reports the unknown option ASCII-lower-cased; after {@code if}
 * it reports the {@code if} token exactly as typed (COMMANDS.md §2).
 */
final class KeyValueSyntax {

    /** CMD-004 field names (COMMANDS.md §2). */
    static final String SECONDS = "seconds";
    static final String MILLISECONDS = "milliseconds";
    static final String VERSION = "version";
    static final String CURSOR = "cursor";
    static final String COUNT = "count";

    private KeyValueSyntax() {
    }

    /**
     * {@code set <key> <value> [nx|xx] [if version <version>] [ex <seconds>|px <millis>] [keepttl] [get]},
     * options in any order. Each option's checks run in the order COMMANDS.md §3.2 lists them.
     */
    static Command set(Tokens t) {
        String usage = CommandForm.SET.usage();
        SetCondition condition = SetCondition.NONE;
        OptionalLong ifVersion = OptionalLong.empty();
        Expiration expiration = Expiration.NONE;
        boolean keepTtl = false;
        boolean returnPrevious = false;
        int i = 3;
        while (i < t.size()) { // every branch consumes at least one token or throws
            if (t.is(i, "nx") || t.is(i, "xx")) {
                if (condition != SetCondition.NONE) {
                    throw SyntaxErrors.conflict("set", "only one of NX or XX may be specified");
                }
                if (ifVersion.isPresent()) {
                    throw SyntaxErrors.conflict("set", "NX or XX cannot be combined with IF VERSION");
                }
                condition = t.is(i, "nx") ? SetCondition.NX : SetCondition.XX;
                i += 1;
            } else if (t.is(i, "if")) {
                if (i + 1 >= t.size() || !t.is(i + 1, "version")) {
                    throw SyntaxErrors.invalidOption("set", t.text(i));
                }
                if (condition != SetCondition.NONE) {
                    throw SyntaxErrors.conflict("set", "IF VERSION cannot be combined with NX or XX");
                }
                if (i + 2 >= t.size()) {
                    throw SyntaxErrors.arity(usage);
                }
                long version = t.u64(i + 2, VERSION);
                if (ifVersion.isPresent()) {
                    throw SyntaxErrors.conflict("set", "IF VERSION can only be specified once");
                }
                ifVersion = OptionalLong.of(version);
                i += 3;
            } else if (t.is(i, "ex") || t.is(i, "px")) {
                boolean seconds = t.is(i, "ex");
                if (i + 1 >= t.size()) {
                    throw SyntaxErrors.arity(usage);
                }
                long amount = t.u64(i + 1, seconds ? SECONDS : MILLISECONDS);
                if (keepTtl) {
                    throw SyntaxErrors.conflict("set", "EX or PX cannot be combined with KEEPTTL");
                }
                if (expiration.isPresent()) {
                    throw SyntaxErrors.conflict("set", "only one of EX or PX may be specified");
                }
                expiration = seconds ? Expiration.seconds(amount) : Expiration.millis(amount);
                i += 2;
            } else if (t.is(i, "keepttl")) {
                if (keepTtl) {
                    throw SyntaxErrors.conflict("set", "KEEPTTL can only be specified once");
                }
                if (expiration.isPresent()) {
                    throw SyntaxErrors.conflict("set", "KEEPTTL cannot be combined with EX or PX");
                }
                keepTtl = true;
                i += 1;
            } else if (t.is(i, "get")) {
                if (returnPrevious) {
                    throw SyntaxErrors.conflict("set", "GET can only be specified once");
                }
                returnPrevious = true;
                i += 1;
            } else {
                throw SyntaxErrors.invalidOption("set", t.asciiLower(i));
            }
        }
        return new Command.Set(t.key(1), t.utf8(2), condition, ifVersion, expiration, keepTtl, returnPrevious);
    }

    /**
     * {@code getex <key> [ex <seconds>|px <millis>|persist]} with 2–4 tokens. Conflict checks come
     * before the amount is read. With at most four tokens, "only one expiration modifier is allowed"
     * and PERSIST after EX/PX cannot be reached (the second option would be a fifth token, which is
     * CMD-003); the checks stay so the rule holds should the bound ever change.
     */
    static Command getEx(Tokens t) {
        String usage = CommandForm.GETEX.usage();
        Expiration expiration = Expiration.NONE;
        boolean persist = false;
        int i = 2;
        while (i < t.size()) { // every branch consumes at least one token or throws
            if (t.is(i, "ex") || t.is(i, "px")) {
                boolean seconds = t.is(i, "ex");
                if (persist) {
                    throw SyntaxErrors.conflict("getex", "PERSIST cannot be combined with EX or PX");
                }
                if (expiration.isPresent()) {
                    throw SyntaxErrors.conflict("getex", "only one expiration modifier is allowed");
                }
                if (i + 1 >= t.size()) {
                    throw SyntaxErrors.arity(usage);
                }
                long amount = t.u64(i + 1, seconds ? SECONDS : MILLISECONDS);
                expiration = seconds ? Expiration.seconds(amount) : Expiration.millis(amount);
                i += 2;
            } else if (t.is(i, "persist")) {
                if (persist) {
                    throw SyntaxErrors.conflict("getex", "PERSIST can only be specified once");
                }
                if (expiration.isPresent()) {
                    throw SyntaxErrors.conflict("getex", "PERSIST cannot be combined with EX or PX");
                }
                persist = true;
                i += 1;
            } else {
                throw SyntaxErrors.invalidOption("getex", t.asciiLower(i));
            }
        }
        return new Command.GetEx(t.key(1), expiration, persist);
    }

    /** {@code scan <cursor> [match <pattern>] [count <n>]}: the cursor first, then options in any order, each once. */
    static Command scan(Tokens t) {
        String usage = CommandForm.SCAN.usage();
        long cursor = t.u64(1, CURSOR);
        Optional<String> pattern = Optional.empty();
        OptionalInt count = OptionalInt.empty();
        int i = 2;
        while (i < t.size()) { // every branch consumes two tokens or throws
            if (t.is(i, "match")) {
                if (pattern.isPresent()) {
                    throw SyntaxErrors.conflict("scan", "MATCH can only be specified once");
                }
                if (i + 1 >= t.size()) {
                    throw SyntaxErrors.arity(usage);
                }
                pattern = Optional.of(t.text(i + 1));
            } else if (t.is(i, "count")) {
                if (count.isPresent()) {
                    throw SyntaxErrors.conflict("scan", "COUNT can only be specified once");
                }
                if (i + 1 >= t.size()) {
                    throw SyntaxErrors.arity(usage);
                }
                count = OptionalInt.of(t.u16(i + 1, COUNT));
            } else {
                throw SyntaxErrors.invalidOption("scan", t.asciiLower(i));
            }
            i += 2;
        }
        return new Command.Scan(cursor, pattern, count);
    }

    /** {@code mset <key> <value> [key value ...]}: an odd token count of at least 3. */
    static Command mset(Tokens t) {
        if (t.size() % 2 == 0) {
            throw SyntaxErrors.arity(CommandForm.MSET.usage());
        }
        KeyValue[] entries = new KeyValue[(t.size() - 1) / 2];
        for (int e = 0; e < entries.length; e++) {
            entries[e] = new KeyValue(t.key(1 + 2 * e), t.utf8(2 + 2 * e));
        }
        return new Command.MSet(List.of(entries)); // List.of copies once; the record's List.copyOf then does not
    }

    /** Tokens 1..n as keys (MGET, DEL). */
    static List<Key> keys(Tokens t) {
        Key[] keys = new Key[t.size() - 1];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = t.key(k + 1);
        }
        return List.of(keys);
    }
}
