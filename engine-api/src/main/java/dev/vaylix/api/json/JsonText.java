package dev.vaylix.api.json;

/** Lexical helpers shared by the parser, the writer and the value types. */
final class JsonText {

    private JsonText() {
    }

    /**
     * Scans an RFC 8259 number starting at {@code start}; returns the index after it, or -1 if
     * {@code text} does not start a valid number there.
     */
    static int scanNumber(CharSequence text, int start) {
        int i = start;
        int n = text.length();
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return -1;
        }
        char first = text.charAt(i);
        if (first == '0') {
            i++;
        } else if (first >= '1' && first <= '9') {
            i = skipDigits(text, i + 1);
        } else {
            return -1;
        }
        if (i < n && text.charAt(i) == '.') {
            int afterDot = skipDigits(text, i + 1);
            if (afterDot == i + 1) {
                return -1;
            }
            i = afterDot;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int afterExponent = skipDigits(text, i);
            if (afterExponent == i) {
                return -1;
            }
            i = afterExponent;
        }
        return i;
    }

    private static int skipDigits(CharSequence text, int i) {
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Index of the first unpaired surrogate in {@code text}, or -1 if it is well-formed UTF-16. */
    static int firstUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
