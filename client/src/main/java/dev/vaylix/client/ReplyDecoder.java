package dev.vaylix.client;

import dev.vaylix.api.reply.Reply;

/**
 * Turns a successful reply into a typed result.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface ReplyDecoder<T> {

    /**
     * Decodes {@code reply}.
     *
     * @param reply a reply that is never {@link Reply.Error} (errors become exceptions before decoding); inside a
     *              transaction, an EXEC item
     * @return the result; may be null only for commands whose result is {@code Void}
     * @throws dev.vaylix.api.VaylixException {@code TRN-018} if the reply kind is not the one the command has
     *     (for example {@code QUEUED} because the connection was put inside MULTI by a raw command)
     */
    T decode(Reply reply);
}
