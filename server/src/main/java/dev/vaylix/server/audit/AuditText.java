package dev.vaylix.server.audit;

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

    private AuditText() {
    }

    /**
     * {@code text} with every unpaired surrogate replaced by U+FFFD (it has no UTF-8 form), cut at a
     * code point boundary so that its UTF-8 form, marker included, fits {@link #FIELD_BYTES_MAX}.
     */
    static String bounded(String text) {
        String clean = wellFormed(text);
        if (utf8Length(clean) <= FIELD_BYTES_MAX) {
            return clean;
        }
        int budget = FIELD_BYTES_MAX - TRUNCATED_MARKER.length();
        StringBuilder out = new StringBuilder(budget);
        int used = 0;
        for (int i = 0; i < clean.length(); ) {
            int codePoint = clean.codePointAt(i);
            int bytes = utf8Length(codePoint);
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
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static int utf8Length(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            total += utf8Length(codePoint);
            i += Character.charCount(codePoint);
        }
        return total;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
