package dev.vaylix.server.config;

import dev.vaylix.server.auth.LockoutTracker;
import dev.vaylix.server.rbac.AuthState;
import java.util.Objects;

/**
 * Authentication settings.
 *
 * @param enabled                false with {@code --disable-auth} (every session is anonymous with all permissions)
 * @param bootstrapUser          {@code --user}
 * @param bootstrapPassword      {@code --password}; never printed ({@link #toString()} redacts it)
 * @param failureLimit           {@code --auth-failure-limit}
 * @param failureWindowSeconds   {@code --auth-failure-window-seconds}
 * @param lockoutSeconds         {@code --auth-lockout-seconds}
 */
public record AuthConfig(boolean enabled, String bootstrapUser, String bootstrapPassword, int failureLimit,
                         long failureWindowSeconds, long lockoutSeconds) {

    public AuthConfig {
        Objects.requireNonNull(bootstrapUser, "bootstrapUser");
        Objects.requireNonNull(bootstrapPassword, "bootstrapPassword");
    }

    /** INFO {@code security.insecure_default_credentials}: the well-known {@code vaylix}/{@code vaylix}. */
    public boolean insecureDefaultCredentials() {
        return bootstrapUser.equals(AuthState.DEFAULT_USER) && bootstrapPassword.equals(AuthState.DEFAULT_USER);
    }

    public LockoutTracker.Policy lockoutPolicy() {
        return LockoutTracker.Policy.of(failureLimit, failureWindowSeconds, lockoutSeconds);
    }

    @Override
    public String toString() {
        return "AuthConfig[enabled=" + enabled + ", bootstrapUser=" + bootstrapUser + ", bootstrapPassword=<redacted>, failureLimit="
                + failureLimit + ", failureWindowSeconds=" + failureWindowSeconds + ", lockoutSeconds=" + lockoutSeconds + "]";
    }
}
