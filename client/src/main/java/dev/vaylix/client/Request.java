package dev.vaylix.client;

import dev.vaylix.api.command.Command;
import dev.vaylix.api.reply.Reply;
import dev.vaylix.transport.ReplyShape;
import java.util.Objects;

/**
 * A command together with the way its reply becomes a typed result: the unit of the typed API, used alike by
 * {@link VaylixClient#call}, {@link VaylixClient#callAsync}, {@link Pipeline} and {@link Transaction}.
 * {@link Requests} has a factory for every command.
 *
 * @param command the command; never HELP or EXIT, which do not reach a server
 * @param decoder the decoder of a successful reply
 * @param <T>     the result type
 */
public record Request<T>(Command command, ReplyDecoder<T> decoder) {

    public Request {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(decoder, "decoder");
        if (command.type().isLocal()) {
            throw new IllegalArgumentException(command.type() + " is local to the command line and is never sent");
        }
    }

    /**
     * The typed result of {@code reply}.
     *
     * @throws OutcomeUnknownException for {@code SRV-035}
     * @throws dev.vaylix.api.VaylixException for any other catalogue error, and {@code TRN-018} for a reply of
     *     the wrong kind
     * @throws UnrecognizedErrorException for an error code this client does not know
     */
    public T decode(Reply reply) {
        if (reply instanceof Reply.Error error) {
            throw Failures.fromError(error);
        }
        return decoder.decode(reply);
    }

    /** The reply kind a successful answer has. */
    ReplyShape shape() {
        return ReplyShape.of(command);
    }
}
