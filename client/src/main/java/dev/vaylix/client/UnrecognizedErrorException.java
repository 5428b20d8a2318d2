package dev.vaylix.client;

import dev.vaylix.api.reply.Reply;
import java.util.Objects;

/**
 * An error reply whose code is not in this client's catalogue (a newer server). It is a definite failure;
 * code, name and message are exactly as the server sent them.
 */
public final class UnrecognizedErrorException extends RuntimeException {

    private final Reply.Error error;

    public UnrecognizedErrorException(Reply.Error error) {
        super("[" + error.code() + "] " + error.name() + ": " + error.message());
        this.error = Objects.requireNonNull(error, "error");
    }

    public String code() {
        return error.code();
    }

    public String name() {
        return error.name();
    }

    public String serverMessage() {
        return error.message();
    }
}
