package dev.vaylix.client;

import java.util.Objects;

/**
 * A user name and password for AUTH (VTP2.md §2.6). {@link #toString()} never shows the password.
 *
 * @param username the user; not null
 * @param password the password; not null
 */
public record Credentials(String username, String password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=<redacted>]";
    }
}
