package dev.vaylix.server.state;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.rbac.AuthMutationCodec;
import java.util.Objects;

/**
 * The payload of a COMMAND entry of the Raft log as the server writes it: one tag byte naming the
 * replicated state the entry changes, then that state's own durable encoding
 * (docs/LOG_PAYLOAD.md, "Server envelope"):
 *
 * <pre>
 * payload = 0x01 batch      -- the key/value engine: WriteBatchCodec (data writes, EXEC, RESTORE, PurgeExpired)
 *         | 0x02 mutation   -- users, roles, grants: AuthMutationCodec (RBAC commands, bootstrap admin)
 * </pre>
 *
 * <p>Both inner encodings carry their own version byte, so the tag only routes. Tags are never
 * reused; an unknown tag is refused rather than guessed at. Stateless and thread-safe.
 */
public sealed interface LogPayload {

    /** Tag of an entry for the key/value engine. */
    int TAG_DATA = 0x01;
    /** Tag of an entry for the replicated auth state. */
    int TAG_AUTH = 0x02;

    /** A write to the key/value engine. */
    record Data(WriteBatch batch) implements LogPayload {
        public Data {
            Objects.requireNonNull(batch, "batch");
        }
    }

    /** A change to users, roles or grants; carries password hashes, never passwords. */
    record Auth(AuthMutation mutation) implements LogPayload {
        public Auth {
            Objects.requireNonNull(mutation, "mutation");
        }
    }

    /** Shorthand for the payload of a data write. */
    static Bytes data(WriteBatch batch) {
        return encode(new Data(batch));
    }

    /** Shorthand for the payload of an RBAC mutation. */
    static Bytes auth(AuthMutation mutation) {
        return encode(new Auth(mutation));
    }

    /**
     * The log payload of {@code payload}; owned by the caller.
     *
     * @throws VaylixException what the inner codec throws for something it cannot log (ENG-013, ENG-017
     *                         for batches; SRV-025 for a name without a UTF-8 form)
     */
    static Bytes encode(LogPayload payload) {
        return switch (payload) {
            case Data data -> Bytes.of((byte) TAG_DATA).concat(WriteBatchCodec.encode(data.batch()));
            case Auth auth -> Bytes.of((byte) TAG_AUTH).concat(AuthMutationCodec.encode(auth.mutation()));
        };
    }

    /**
     * Decodes a payload written by {@link #encode}. A payload that does not decode passed the log's
     * checksums and authentication, so it is corruption or a newer format: the caller must stop, not skip it.
     *
     * @throws VaylixException ENG-014 for an empty payload, an unknown tag or an inner payload that does
     *                         not decode (the inner error is the cause)
     */
    static LogPayload decode(Bytes payload) {
        if (payload.isEmpty()) {
            throw ErrorCode.ENG_014.exception("empty command payload");
        }
        int tag = payload.byteAt(0) & 0xFF;
        Bytes inner = payload.slice(1, payload.length() - 1);
        try {
            return switch (tag) {
                case TAG_DATA -> new Data(WriteBatchCodec.decode(inner));
                case TAG_AUTH -> new Auth(AuthMutationCodec.decode(inner));
                default -> throw ErrorCode.ENG_014.exception("unknown command payload tag 0x" + Integer.toHexString(tag));
            };
        } catch (VaylixException e) {
            if (e.code() == ErrorCode.ENG_014) {
                throw e;
            }
            throw new VaylixException(ErrorCode.ENG_014, ErrorCode.ENG_014.message(
                    "command payload with tag 0x0" + tag + ": " + e.getMessage()), e);
        }
    }
}
