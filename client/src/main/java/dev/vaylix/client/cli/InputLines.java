package dev.vaylix.client.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a script on standard input: split at LF, one CR before the LF dropped (a CR elsewhere, for example
 * inside a quoted value, is kept), a last line without LF still counted. A line longer than the bound is
 * consumed and reported as too long instead of being buffered. Not thread-safe.
 */
final class InputLines {

    /** No command can travel in a frame larger than 8 MiB, so no useful line is longer. */
    static final int LINE_CHARS_MAX = 8 * 1024 * 1024;

    /** Returned for a line that exceeded the bound. */
    static final String TOO_LONG = new String("<line too long>");

    private final Reader in;
    private final int lineCharsMax;
    private final StringBuilder line = new StringBuilder();

    InputLines(Reader in, int lineCharsMax) {
        this.in = in;
        this.lineCharsMax = lineCharsMax;
    }

    /**
     * The next line; {@link #TOO_LONG} (compare by identity) if it exceeded the bound; null at end of input.
     */
    String next() throws IOException {
        line.setLength(0);
        boolean overflow = false;
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') { // each step consumes one character; the buffer stops growing at the bound
            if (line.length() <= lineCharsMax) {
                line.append((char) c);
            } else {
                overflow = true;
            }
            c = in.read();
        }
        if (!overflow && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return overflow || line.length() > lineCharsMax ? TOO_LONG : line.toString();
    }
}
