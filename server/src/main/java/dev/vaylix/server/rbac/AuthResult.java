package dev.vaylix.server.rbac;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.reply.Reply;
import java.util.Objects;

/**
 * The outcome of {@link AuthState#apply}: the next state, or the SRV error the command answers with.
 * A rejection leaves the state unchanged; it is an ordinary, deterministic result of applying the
 * entry (every replica rejects it identically), not a failure of the log.
 */
public sealed interface AuthResult {

    /** The state after the mutation (the same instance if the mutation changed nothing). */
    AuthState state();

    /** The reply the command answers with: {@link Reply#OK} or the error. */
    Reply reply();

    record Applied(AuthState state) implements AuthResult {
        public Applied {
            Objects.requireNonNull(state, "state");
        }

        @Override
        public Reply reply() {
            return Reply.OK;
        }
    }

    /**
     * @param state   the unchanged state
     * @param code    one of SRV-018 … SRV-024
     * @param message the filled catalogue message, e.g. {@code user not found: bob}
     */
    record Rejected(AuthState state, ErrorCode code, String message) implements AuthResult {
        public Rejected {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        static Rejected of(AuthState state, ErrorCode code, Object... args) {
            return new Rejected(state, code, code.message(args));
        }

        @Override
        public Reply reply() {
            return new Reply.Error(code.code(), code.displayName(), message);
        }

        public VaylixException exception() {
            return new VaylixException(code, message);
        }
    }
}
