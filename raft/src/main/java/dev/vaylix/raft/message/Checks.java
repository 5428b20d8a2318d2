package dev.vaylix.raft.message;

import dev.vaylix.api.Bytes;
import java.util.Objects;

/** Validation shared by the message records' compact constructors. */
final class Checks {

    private Checks() {
    }

    static void header(Header header) {
        Objects.requireNonNull(header, "header");
    }

    static void nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is non-negative: " + value);
        }
    }

    /** An (index, term) pair: both non-negative, and term 0 only with index 0 (the empty log). */
    static void indexTerm(long index, long term) {
        nonNegative(index, "index");
        nonNegative(term, "term");
        if (index == 0 && term != 0) {
            throw new IllegalArgumentException("index 0 has term 0, not " + term);
        }
    }

    static void context(Bytes context) {
        if (context.length() > MessageCodec.MAX_CONTEXT_BYTES) {
            throw new IllegalArgumentException("read context exceeds " + MessageCodec.MAX_CONTEXT_BYTES + " bytes");
        }
    }
}
