package dev.vaylix.command;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;

/**
 * The CMD-00x failures of COMMANDS.md §1–2, with their exact messages. Every parse error is built
 * here so the message formats live in one place (and in {@link ErrorCode}).
 */
final class SyntaxErrors {

    private SyntaxErrors() {
    }

    /** CMD-001: the line has no tokens. */
    static VaylixException empty() {
        return ErrorCode.CMD_001.exception();
    }

    /** CMD-002: {@code loweredWord} is the first token, ASCII-lower-cased. */
    static VaylixException unknownCommand(String loweredWord) {
        return ErrorCode.CMD_002.exception(loweredWord);
    }

    /** CMD-003: wrong token count or a missing keyword; {@code usage} is the usage string without {@code usage: }. */
    static VaylixException arity(String usage) {
        return ErrorCode.CMD_003.exception(usage);
    }

    /** CMD-004: {@code field} is one of {@code seconds, milliseconds, version, cursor, count}. */
    static VaylixException invalidInteger(String field, String token) {
        return ErrorCode.CMD_004.exception(field, token);
    }

    /** CMD-005: {@code command} is the lower-case command word; {@code option} as the rule for that command says. */
    static VaylixException invalidOption(String command, String option) {
        return ErrorCode.CMD_005.exception(command, option);
    }

    /** CMD-006: {@code detail} is one of the fixed conflict sentences of COMMANDS.md §3.2. */
    static VaylixException conflict(String command, String detail) {
        return ErrorCode.CMD_006.exception(command, detail);
    }

    /** CMD-008: {@code byteOffset} counts UTF-8 bytes of the line before the opening quote. */
    static VaylixException unterminatedQuote(int byteOffset) {
        return ErrorCode.CMD_008.exception(byteOffset);
    }
}
