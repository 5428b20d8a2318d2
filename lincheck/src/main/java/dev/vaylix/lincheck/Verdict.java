package dev.vaylix.lincheck;

/** The three answers of a check. */
public enum Verdict {
    /** A linearization exists for every key. */
    OK,
    /** Some key has no linearization: the history is not linearizable. */
    ILLEGAL,
    /** The budget ran out before an answer was found for some key, and no key was found ILLEGAL. */
    UNKNOWN
}
