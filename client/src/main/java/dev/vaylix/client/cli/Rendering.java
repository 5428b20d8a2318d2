package dev.vaylix.client.cli;

import java.util.Objects;

/**
 * What one reply prints as.
 *
 * @param text the text, possibly several lines joined by LF, without a final line break
 * @param kind whether it is a result, a server error reply, or a reply that could not be rendered
 */
public record Rendering(String text, Kind kind) {

    public enum Kind {
        /** A successful reply (NOT_FOUND and {@code false} included). */
        RESULT,
        /** {@code ERROR [code] name: message}: the server refused the command. */
        ERROR_REPLY,
        /** The reply could not be rendered (an entries value that is not UTF-8): {@code [code] name: message}. */
        FAILURE
    }

    public Rendering {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean isFailure() {
        return kind != Kind.RESULT;
    }
}
