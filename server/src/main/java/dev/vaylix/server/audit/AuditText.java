package dev.vaylix.server.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.vaylix.api.Key;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * Bounds the strings an audit event carries. A user name or pattern as sent by a client is bounded
 * only by the request quotas, which an operator may raise to megabytes; the audit queue and every
 * line must stay small whatever the configuration, and a line must always have a UTF-8 form.
 */
final class AuditText {

    /** Longest UTF-8 encoding of one string field, truncation marker included. */
    static final int FIELD_BYTES_MAX = 4096;
    /** Appended to a string that was cut, so a reader never mistakes it for the whole value. */
    static final String TRUNCATED_MARKER = "...[truncated]";
    private static final byte[] REPLACEMENT_UTF8 = "\uFFFD".getBytes(UTF_8);

    private AuditText() {
    }

    /**
     * {@code text} with every unpaired surrogate replaced by U+FFFD (it has no UTF-8 form), cut at a
     * code point boundary so that its UTF-8 form, marker included, fits {@link #FIELD_BYTES_MAX}.
     */
    static String bounded(String text) {
        String clean = wellFormed(text);
        if (Key.utf8Length(clean) <= FIELD_BYTES_MAX) {
            return clean;
        }
        int budget = FIELD_BYTES_MAX - TRUNCATED_MARKER.length();
        StringBuilder out = new StringBuilder(budget);
        int used = 0;
        for (int i = 0; i < clean.length(); ) {
            int codePoint = clean.codePointAt(i);
            int bytes = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (used + bytes > budget) {
                break;
            }
            out.appendCodePoint(codePoint);
            used += bytes;
            i += Character.charCount(codePoint);
        }
        return out.append(TRUNCATED_MARKER).toString();
    }

    private static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return UTF_8.decode(encodeReplacing(text)).toString();
            }
        }
        return text; // the common case: no surrogate at all
    }

    /** UTF-8 with each unpaired surrogate encoded as U+FFFD (the JDK's default replacement is {@code ?}). */
    private static ByteBuffer encodeReplacing(String text) {
        CharsetEncoder encoder = UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(REPLACEMENT_UTF8);
        try {
            return encoder.encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing encoder does not fail", e);
        }
    }
}
