package dev.vaylix.transport;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The optional fields of a request envelope (§3.1), in their wire order.
 *
 * @param deadlineMs u64; the reference gives it no time meaning: only the value 0 ("already expired",
 *                   {@code TRN-016}) is acted on (VTP2.md note 5)
 * @param traceId    accepted and ignored by the reference server
 * @param sequence   u64; requests carrying one are refused inside a transaction ({@code TRN-018})
 */
public record RequestMetadata(OptionalLong deadlineMs, Optional<UUID> traceId, OptionalLong sequence) {

    /** Flag bit of {@link #deadlineMs}. */
    public static final int FLAG_DEADLINE = 0x01;
    /** Flag bit of {@link #traceId}. */
    public static final int FLAG_TRACE_ID = 0x02;
    /** Flag bit of {@link #sequence}. */
    public static final int FLAG_SEQUENCE = 0x04;
    /** Every flag bit this protocol version knows; any other is {@code TRN-008}. */
    public static final int KNOWN_FLAGS = FLAG_DEADLINE | FLAG_TRACE_ID | FLAG_SEQUENCE;

    /** No metadata (flags {@code 0x00}), what the reference CLI always sends. */
    public static final RequestMetadata NONE = new RequestMetadata(OptionalLong.empty(), Optional.empty(), OptionalLong.empty());

    public RequestMetadata {
        Objects.requireNonNull(deadlineMs, "deadlineMs");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(sequence, "sequence");
    }

    /** The metadata flags byte. */
    public int flags() {
        return (deadlineMs.isPresent() ? FLAG_DEADLINE : 0)
                | (traceId.isPresent() ? FLAG_TRACE_ID : 0)
                | (sequence.isPresent() ? FLAG_SEQUENCE : 0);
    }

    /** True for the deadline value the server treats as already expired (§7.1 step 2). */
    public boolean deadlineExpired() {
        return deadlineMs.isPresent() && deadlineMs.getAsLong() == 0;
    }
}
