package dev.vaylix.lincheck;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A versioned read/write/compare-and-set register per key: the sequential specification of Vaylix's
 * GET, SET and conditional SET on one key. Deterministic, so an operation with unknown outcome has one
 * effect when it takes effect (a CAS whose comparison fails leaves the state unchanged).
 */
public final class RegisterModel implements Model<RegisterState, RegisterInput, RegisterOutput> {

    /** Stateless and thread-safe. */
    public static final RegisterModel INSTANCE = new RegisterModel();

    private RegisterModel() {
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
                RegisterState next = state.store(w.value());
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
                RegisterState next = state.store(c.newValue());
                yield versionMatches(cas.version(), next.version()) ? Optional.of(next) : Optional.empty();
            }
        };
    }

    @Override
    public Optional<RegisterState> stepUnknown(RegisterState state, RegisterInput input) {
        return switch (input) {
            case RegisterInput.Read r -> Optional.of(state);
            case RegisterInput.Write w -> Optional.of(state.store(w.value()));
            case RegisterInput.Cas c -> Optional.of(
                    Objects.equals(state.value(), c.expected()) ? state.store(c.newValue()) : state);
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
    public String describe(RegisterInput input, RegisterOutput output) {
        return output == null ? input.toString() : input + " -> " + output;
    }

    private static boolean versionMatches(OptionalLong observed, long actual) {
        return observed.isEmpty() || observed.getAsLong() == actual;
    }
}
