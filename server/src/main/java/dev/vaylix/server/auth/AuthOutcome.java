package dev.vaylix.server.auth;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.server.rbac.Identity;
import java.util.Objects;

/**
 * The result of one AUTH attempt ({@link Authenticator#authenticate}) and what the session does
 * with it.
 *
 * <p>Metrics (COMMANDS.md §10.2, with Note 13 fixed): {@link Success} counts
 * {@code auth.success}; {@link Failed} counts {@code auth.failure} and, if it triggered a lock, also
 * {@code auth.locked.attempt}; {@link Locked} counts {@code auth.locked.attempt}. Commands refused
 * for missing authentication (SRV-007) are not AUTH attempts and count nowhere.
 *
 * <p>Session identity: {@link Success} replaces it. After {@link Failed} or {@link Locked} the
 * session is unauthenticated (COMMANDS.md Note 8: the reference kept the previous identity after a
 * failed re-AUTH, so a client that believed it had switched users kept acting as the old one).
 */
public sealed interface AuthOutcome {

    /** The reply AUTH answers with. */
    Reply reply();

    record Success(Identity identity) implements AuthOutcome {
        public Success {
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public Reply reply() {
            return Reply.OK;
        }
    }

    /** Wrong password, unknown or disabled user: SRV-008, the same answer for all three. */
    record Failed(boolean lockTriggered) implements AuthOutcome {
        @Override
        public Reply reply() {
            return Reply.Error.of(ErrorCode.SRV_008);
        }
    }

    /** Refused without checking the password: SRV-031. */
    record Locked(String username) implements AuthOutcome {
        public Locked {
            Objects.requireNonNull(username, "username");
        }

        @Override
        public Reply reply() {
            return Reply.Error.of(ErrorCode.SRV_031, username);
        }
    }
}
