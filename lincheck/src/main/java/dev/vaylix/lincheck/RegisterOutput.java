package dev.vaylix.lincheck;

import java.util.OptionalLong;

/**
 * What a client observed when an operation on a register completed OK.
 *
 * <p>Versions are optional observations: Vaylix assigns version previous + 1 on every store, 1 for a
 * new key, and a read may return it. When present the model checks them; when absent it does not.
 */
public sealed interface RegisterOutput {

    /** A read returned {@code value} ({@code null}: the key was absent) and perhaps its version. */
    record ReadOk(String value, OptionalLong version) implements RegisterOutput {
        public ReadOk {
            RegisterOutput.checkVersion(version);
        }

        @Override
        public String toString() {
            return RegisterState.quote(value) + RegisterOutput.versionSuffix(version);
        }
    }

    /** A write was applied, perhaps reporting the version it assigned. */
    record WriteOk(OptionalLong version) implements RegisterOutput {
        public WriteOk {
            RegisterOutput.checkVersion(version);
        }

        @Override
        public String toString() {
            return "ok" + RegisterOutput.versionSuffix(version);
        }
    }

    /**
     * A compare-and-set completed: {@code swapped} says whether the comparison held. A definite
     * "no, the value differs" is an observation too (the value was not the expected one at some point
     * in the operation's interval), which is why it is an OK outcome and not a FAIL; Jepsen histories
     * report it as {@code :fail} instead, which is also sound (the operation is then dropped) but
     * weaker. {@code version} is the version assigned by a successful swap, if reported.
     */
    record CasOk(boolean swapped, OptionalLong version) implements RegisterOutput {
        public CasOk {
            RegisterOutput.checkVersion(version);
            if (!swapped && version.isPresent()) {
                throw new LincheckException(LincheckError.LIN_006,
                        "a compare-and-set that did not swap assigns no version");
            }
        }

        @Override
        public String toString() {
            return (swapped ? "swapped" : "not swapped") + RegisterOutput.versionSuffix(version);
        }
    }

    static RegisterOutput readOk(String value) {
        return new ReadOk(value, OptionalLong.empty());
    }

    static RegisterOutput readOk(String value, long version) {
        return new ReadOk(value, OptionalLong.of(version));
    }

    static RegisterOutput writeOk() {
        return new WriteOk(OptionalLong.empty());
    }

    static RegisterOutput writeOk(long version) {
        return new WriteOk(OptionalLong.of(version));
    }

    static RegisterOutput casOk(boolean swapped) {
        return new CasOk(swapped, OptionalLong.empty());
    }

    private static void checkVersion(OptionalLong version) {
        java.util.Objects.requireNonNull(version, "version");
        if (version.isPresent() && version.getAsLong() < 0) {
            throw new LincheckException(LincheckError.LIN_006, "version " + version.getAsLong() + " is negative");
        }
    }

    private static String versionSuffix(OptionalLong version) {
        return version.isPresent() ? " v" + version.getAsLong() : "";
    }
}
