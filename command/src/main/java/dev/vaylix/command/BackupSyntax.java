package dev.vaylix.command;

import dev.vaylix.api.command.Command;

/**
 * BACKUP and RESTORE (COMMANDS.md §3.3). Their shape is decided by token count and keywords alone;
 * anything that fits no form is CMD-003 with the command's combined usage. An inline dump must be
 * one token (a quoted string with {@code \"} escapes, in practice).
 */
final class BackupSyntax {

    static final String BACKUP_USAGE =
            "backup [to <path>] | backup verify <logical-dump-json> | backup verify from <path>";
    static final String RESTORE_USAGE = String.join(" | ", CommandForm.RESTORE.usage(),
            CommandForm.RESTORE_FROM.usage(), CommandForm.RESTORE_CHECK.usage(), CommandForm.RESTORE_CHECK_FROM.usage());

    private BackupSyntax() {
    }

    /** {@code backup}, {@code backup to X}, {@code backup verify X} (X not {@code from}), {@code backup verify from X}. */
    static Command backup(Tokens t) {
        int count = t.size();
        if (count == 1) {
            return new Command.Backup();
        }
        if (count == 3 && t.is(1, "to")) {
            return new Command.BackupTo(t.text(2));
        }
        if (count == 3 && t.is(1, "verify") && !t.is(2, "from")) {
            return new Command.BackupVerify(t.text(2));
        }
        if (count == 4 && t.is(1, "verify") && t.is(2, "from")) {
            return new Command.BackupVerifyFrom(t.text(3));
        }
        throw SyntaxErrors.arity(BACKUP_USAGE);
    }

    /**
     * {@code restore X}, {@code restore from X}, {@code restore check X} (X not {@code from}),
     * {@code restore check from X}.
     *
     * <p>Deliberate difference (COMMANDS.md Note 15, docs/COMPATIBILITY.md): the reference reads the
     * two-token lines {@code restore from} and {@code restore check} as an inline restore of the dump
     * text "from" / "check", which the server then rejects as malformed JSON (ENG-004): an error about
     * the wrong thing. Neither word is a JSON document, so such a line is always a form with its
     * argument missing: CMD-003, as {@code backup verify from} already is.
     */
    static Command restore(Tokens t) {
        int count = t.size();
        if (count == 2 && !t.is(1, "from") && !t.is(1, "check")) {
            return new Command.Restore(t.text(1));
        }
        if (count == 3 && t.is(1, "from")) {
            return new Command.RestoreFrom(t.text(2));
        }
        if (count == 3 && t.is(1, "check") && !t.is(2, "from")) {
            return new Command.RestoreCheck(t.text(2));
        }
        if (count == 4 && t.is(1, "check") && t.is(2, "from")) {
            return new Command.RestoreCheckFrom(t.text(3));
        }
        throw SyntaxErrors.arity(RESTORE_USAGE);
    }
}
