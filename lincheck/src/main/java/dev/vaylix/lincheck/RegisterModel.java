package dev.vaylix.lincheck;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A versioned read/write/compare-and-set register per key: the sequential specification of Vaylix's
 * GET, SET and conditional SET on one key. Deterministic, so an operation with unknown outcome has one
 * effect when it takes effect (a CAS whose comparison fails leaves the state unchanged).
 *
 * <p>On a key where no output reports a version, {@link #specialize} switches to a variant that does
 * not count stores (every stored value has version 1): versions can then refute nothing, and states
 * that differ only in how many crashed writes were applied become one.
 */
public final class RegisterModel implements Model<RegisterState, RegisterInput, RegisterOutput> {

    /** Stateless and thread-safe. */
    public static final RegisterModel INSTANCE = new RegisterModel(true);

    /** The variant for keys where no version is observed. */
    private static final RegisterModel WITHOUT_VERSIONS = new RegisterModel(false);

    private final boolean countsVersions;

    private RegisterModel(boolean countsVersions) {
        this.countsVersions = countsVersions;
    }

    @Override
    public RegisterState init() {
        return RegisterState.ABSENT;
    }

    @Override
    public Optional<RegisterState> step(RegisterState state, RegisterInput input, RegisterOutput output) {
        return switch (input) {
            case RegisterInput.Read r -> {
                RegisterOutput.ReadOk read = (RegisterOutput.ReadOk) output;
                yield Objects.equals(state.value(), read.value()) && versionMatches(read.version(), state.version())
                        ? Optional.of(state)
                        : Optional.empty();
            }
            case RegisterInput.Write w -> {
                RegisterState next = store(state, w.value());
                yield versionMatches(((RegisterOutput.WriteOk) output).version(), next.version())
                        ? Optional.of(next)
                        : Optional.empty();
            }
            case RegisterInput.Cas c -> {
                RegisterOutput.CasOk cas = (RegisterOutput.CasOk) output;
                boolean matches = Objects.equals(state.value(), c.expected());
                if (matches != cas.swapped()) {
                    yield Optional.empty();
                }
                if (!matches) {
                    yield Optional.of(state);
                }
                RegisterState next = store(state, c.newValue());
                yield versionMatches(cas.version(), next.version()) ? Optional.of(next) : Optional.empty();
            }
        };
    }

    @Override
    public Optional<RegisterState> stepUnknown(RegisterState state, RegisterInput input) {
        return switch (input) {
            case RegisterInput.Read r -> Optional.of(state);
            case RegisterInput.Write w -> Optional.of(store(state, w.value()));
            case RegisterInput.Cas c -> Optional.of(
                    Objects.equals(state.value(), c.expected()) ? store(state, c.newValue()) : state);
        };
    }

    @Override
    public boolean isReadOnly(RegisterInput input) {
        return switch (input) {
            case RegisterInput.Read r -> true;
            case RegisterInput.Write w -> false;
            case RegisterInput.Cas c -> false;
        };
    }

    @Override
    public void validate(RegisterInput input, RegisterOutput output) {
        boolean matches = switch (input) {
            case RegisterInput.Read r -> output instanceof RegisterOutput.ReadOk;
            case RegisterInput.Write w -> output instanceof RegisterOutput.WriteOk;
            case RegisterInput.Cas c -> output instanceof RegisterOutput.CasOk;
        };
        if (!matches) {
            throw new LincheckException(LincheckError.LIN_006,
                    "output '" + output + "' cannot answer '" + input + "'");
        }
    }

    @Override
    public Model<RegisterState, RegisterInput, RegisterOutput> specialize(
            List<Operation<RegisterInput, RegisterOutput>> operations) {
        for (Operation<RegisterInput, RegisterOutput> op : operations) {
            boolean reportsVersion = switch (op.output()) {
                case null -> false;
                case RegisterOutput.ReadOk r -> r.version().isPresent();
                case RegisterOutput.WriteOk w -> w.version().isPresent();
                case RegisterOutput.CasOk c -> c.version().isPresent();
            };
            if (reportsVersion) {
                return this;
            }
        }
        return WITHOUT_VERSIONS;
    }

    @Override
    public String describeState(RegisterState state) {
        return countsVersions ? state.toString() : RegisterState.quote(state.value());
    }

    @Override
    public String describe(RegisterInput input, RegisterOutput output) {
        return output == null ? input.toString() : input + " -> " + output;
    }

    private RegisterState store(RegisterState state, String newValue) {
        return countsVersions ? state.store(newValue) : new RegisterState(newValue, 1);
    }

    private static boolean versionMatches(OptionalLong observed, long actual) {
        return observed.isEmpty() || observed.getAsLong() == actual;
    }
}
