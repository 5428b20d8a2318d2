package dev.vaylix.server.rbac;

import java.util.Objects;
import java.util.Optional;

/**
 * A change to the replicated auth state: the payload of an RBAC log entry.
 *
 * <p>Every node applies the same mutations in the same order ({@link AuthState#apply}), so a
 * mutation carries everything apply needs and nothing node-local: password hashing happens on the
 * node that receives CREATE/ALTER USER <em>before</em> proposing, and the entry carries the Argon2id
 * PHC string, never a plaintext password. Permission names travel as typed, so SRV-018 is decided
 * by apply in the order COMMANDS.md §3.4 prescribes.
 *
 * <p>The records do not validate PHC syntax (apply stores whatever hash it is given, and
 * verification fails closed with SRV-009 on an unparsable one); the proposing side produces them
 * with {@code PasswordHasher}.
 */
public sealed interface AuthMutation {

    record CreateUser(String username, String passwordHash) implements AuthMutation {
        public CreateUser {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(passwordHash, "passwordHash");
        }

        @Override
        public String toString() {
            return "CreateUser[username=" + username + ", passwordHash=<redacted>]";
        }
    }

    record AlterUserPassword(String username, String passwordHash) implements AuthMutation {
        public AlterUserPassword {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(passwordHash, "passwordHash");
        }

        @Override
        public String toString() {
            return "AlterUserPassword[username=" + username + ", passwordHash=<redacted>]";
        }
    }

    record DropUser(String username) implements AuthMutation {
        public DropUser {
            Objects.requireNonNull(username, "username");
        }
    }

    record CreateRole(String role) implements AuthMutation {
        public CreateRole {
            Objects.requireNonNull(role, "role");
        }
    }

    record DropRole(String role) implements AuthMutation {
        public DropRole {
            Objects.requireNonNull(role, "role");
        }
    }

    record GrantRole(String role, String username) implements AuthMutation {
        public GrantRole {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(username, "username");
        }
    }

    record RevokeRole(String role, String username) implements AuthMutation {
        public RevokeRole {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(username, "username");
        }
    }

    /** @param permission as typed by the client; parsed at apply time (SRV-018) */
    record GrantPermission(String permission, String pattern, String role) implements AuthMutation {
        public GrantPermission {
            Objects.requireNonNull(permission, "permission");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(role, "role");
        }
    }

    /** @param permission as typed by the client; parsed at apply time (SRV-018) */
    record RevokePermission(String permission, String pattern, String role) implements AuthMutation {
        public RevokePermission {
            Objects.requireNonNull(permission, "permission");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * Start-up reconciliation of the configured bootstrap administrator (STORAGE.md §13), planned by
     * the node that starts ({@code BootstrapPlanner}) and applied like any other mutation.
     *
     * @param username            the configured {@code --user}
     * @param passwordHash        PHC hash of the configured {@code --password}; the planner reuses the
     *                            user's current hash when the password already verifies, so an
     *                            unchanged password leaves the state (and sessions) untouched
     * @param defaultCredentials  the configured credentials are exactly {@code vaylix}/{@code vaylix}:
     *                            an existing store is then left unchanged
     * @param defaultUserHash     the current hash of user {@code vaylix} if the planner found that it
     *                            still verifies the well-known password {@code vaylix}; apply removes
     *                            that user when its hash is still exactly this one (STORAGE.md Note 13)
     */
    record BootstrapAdmin(String username, String passwordHash, boolean defaultCredentials,
                          Optional<String> defaultUserHash) implements AuthMutation {
        public BootstrapAdmin {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(passwordHash, "passwordHash");
            Objects.requireNonNull(defaultUserHash, "defaultUserHash");
        }

        @Override
        public String toString() {
            return "BootstrapAdmin[username=" + username + ", defaultCredentials=" + defaultCredentials
                    + ", passwordHash=<redacted>, defaultUserHash=" + (defaultUserHash.isPresent() ? "<redacted>" : "none") + "]";
        }
    }
}
