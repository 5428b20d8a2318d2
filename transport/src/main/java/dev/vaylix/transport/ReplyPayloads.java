package dev.vaylix.transport;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Response payloads of every reply kind (§6, §6.1, §6.9), both directions.
 *
 * <p>Decoding is strict like the request side: a payload must be consumed exactly ({@code TRN-008}
 * otherwise), list counts are checked against the bytes that remain before anything is allocated.
 */
final class ReplyPayloads {

    /** EXEC item tags (§6.1). */
    static final int TAG_OK = 0x00;
    static final int TAG_NOT_FOUND = 0x01;
    static final int TAG_VALUE = 0x02;
    static final int TAG_BOOLEAN = 0x03;
    static final int TAG_COUNT = 0x04;
    static final int TAG_INTEGER = 0x05;
    static final int TAG_ENTRIES = 0x06;
    static final int TAG_STRINGS = 0x07;
    static final int TAG_SCAN = 0x08;

    /** The value response every queued command gets: {@code bytes32("QUEUED")}. */
    private static final byte[] QUEUED_PAYLOAD = {0, 0, 0, 6, 'Q', 'U', 'E', 'U', 'E', 'D'};

    /** Smallest entry: empty {@code str16} + empty {@code bytes32}. */
    private static final int ENTRY_MIN_BYTES = 2 + 4;
    /** Smallest optional value: one absent flag. */
    private static final int OPTIONAL_MIN_BYTES = 1;
    /** Smallest key: empty {@code str16}. */
    private static final int KEY_MIN_BYTES = 2;
    /** Smallest EXEC item: a bare tag. */
    private static final int ITEM_MIN_BYTES = 1;

    private ReplyPayloads() {
    }

    /** The status a reply is sent with. */
    static Status statusOf(Reply reply) {
        return switch (reply) {
            case Reply.Error _ -> Status.ERROR;
            case Reply.NotFound _ -> Status.NOT_FOUND;
            case Reply.Ok _, Reply.Data _, Reply.Bool _, Reply.Count _, Reply.Int _, Reply.Entries _, Reply.Values _,
                 Reply.ScanPage _, Reply.ExecResults _ -> Status.OK;
        };
    }

    /**
     * Writes the payload of {@code reply}. Error payloads that cannot be encoded are replaced as §6.9 says;
     * see {@link #encodeError}.
     *
     * @throws VaylixException TRN-008 / TRN-012 / TRN-006 if a non-error reply cannot be encoded
     */
    static void encode(Reply reply, BodyWriter out) {
        switch (reply) {
            case Reply.Error e -> encodeError(e, out);
            case Reply.ExecResults r -> {
                out.u32(r.results().size());
                for (Reply item : r.results()) {
                    encodeExecItem(item, out);
                }
            }
            case Reply.Ok _, Reply.NotFound _, Reply.Data _, Reply.Bool _, Reply.Count _, Reply.Int _,
                 Reply.Entries _, Reply.Values _, Reply.ScanPage _ -> encodeValue(reply, out);
        }
    }

    /**
     * {@code str16 code, str16 name, str32 message}. If that cannot be encoded (a code or name longer than
     * 65 535 bytes, text without a UTF-8 form), the payload becomes {@code TRN-011 / Remote Error Encoding
     * Failure / failed to encode structured error payload} instead (§6.9).
     */
    static void encodeError(Reply.Error error, BodyWriter out) {
        int start = out.length();
        try {
            out.str16(error.code()).str16(error.name()).str32(error.message());
        } catch (VaylixException e) {
            out.truncate(start);
            out.str16(ErrorCode.TRN_011.code())
                    .str16(ErrorCode.REMOTE_ERROR_ENCODING_FAILURE_NAME)
                    .str32(ErrorCode.REMOTE_ERROR_ENCODING_FAILURE_MESSAGE);
        }
    }

    /** The payload of a non-error, non-EXEC reply; the same bytes follow an EXEC item's tag. */
    private static void encodeValue(Reply reply, BodyWriter out) {
        switch (reply) {
            case Reply.Ok _, Reply.NotFound _ -> { }
            case Reply.Data d -> out.bytes32(d.value());
            case Reply.Bool b -> out.bool(b.value());
            case Reply.Count c -> out.u64(c.value());
            case Reply.Int i -> out.u64(i.value());
            case Reply.Entries e -> {
                out.u32(e.entries().size());
                for (Reply.Entry entry : e.entries()) {
                    out.str16(entry.key()).bytes32(entry.value());
                }
            }
            case Reply.Values v -> {
                out.u32(v.values().size());
                for (Optional<Bytes> value : v.values()) {
                    if (value.isPresent()) {
                        out.u8(1).bytes32(value.get());
                    } else {
                        out.u8(0);
                    }
                }
            }
            case Reply.ScanPage s -> {
                out.u64(s.nextCursor()).u32(s.keys().size());
                for (Key key : s.keys()) {
                    out.str16(key.text());
                }
            }
            case Reply.Error _ -> throw new IllegalArgumentException("errors are encoded by encodeError");
            case Reply.ExecResults _ -> throw new IllegalArgumentException("EXEC results do not nest");
        }
    }

    private static void encodeExecItem(Reply item, BodyWriter out) {
        int tag = switch (item) {
            case Reply.Ok _ -> TAG_OK;
            case Reply.NotFound _ -> TAG_NOT_FOUND;
            case Reply.Data _ -> TAG_VALUE;
            case Reply.Bool _ -> TAG_BOOLEAN;
            case Reply.Count _ -> TAG_COUNT;
            case Reply.Int _ -> TAG_INTEGER;
            case Reply.Entries _ -> TAG_ENTRIES;
            case Reply.Values _ -> TAG_STRINGS;
            case Reply.ScanPage _ -> TAG_SCAN;
            // Reply.ExecResults rejects both in its constructor.
            case Reply.Error _ -> throw new IllegalArgumentException("EXEC results hold no errors");
            case Reply.ExecResults _ -> throw new IllegalArgumentException("EXEC results do not nest");
        };
        out.u8(tag);
        encodeValue(item, out);
    }

    /**
     * Decodes a response payload.
     *
     * <p>A status-OK payload that is exactly {@code bytes32("QUEUED")} decodes as {@link Reply#QUEUED}
     * whatever the shape (COMMANDS.md §11.4 rule 1): commands queued inside MULTI are answered that way
     * instead of with their own shape. No other shape can produce those ten bytes, so the rule is unambiguous.
     */
    static Reply decode(ReplyShape shape, Status status, BodyReader in) {
        Reply reply = switch (status) {
            case ERROR -> new Reply.Error(in.str16(), in.str16(), in.str32());
            case NOT_FOUND -> Reply.NOT_FOUND;
            case OK -> shape != ReplyShape.RAW && isQueued(in) ? Reply.QUEUED : decodeOk(shape, in);
        };
        in.expectEnd();
        return reply;
    }

    private static boolean isQueued(BodyReader in) {
        if (in.remaining() != QUEUED_PAYLOAD.length) {
            return false;
        }
        BodyReader probe = in.copy();
        for (byte expected : QUEUED_PAYLOAD) {
            if ((byte) probe.u8() != expected) {
                return false;
            }
        }
        in.skip(QUEUED_PAYLOAD.length);
        return true;
    }

    private static Reply decodeOk(ReplyShape shape, BodyReader in) {
        return switch (shape) {
            case OK -> Reply.OK;
            case VALUE -> new Reply.Data(in.bytes32());
            case BOOLEAN -> Reply.Bool.of(in.bool());
            case COUNT -> new Reply.Count(in.u64());
            case INTEGER -> new Reply.Int(in.u64());
            case ENTRIES -> entries(in);
            case VALUES -> values(in);
            case SCAN_PAGE -> scanPage(in);
            case EXEC_RESULTS -> execResults(in);
            case RAW -> new Reply.Data(in.rest());
        };
    }

    private static Reply execResults(BodyReader in) {
        int count = listCount(in, ITEM_MIN_BYTES);
        List<Reply> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(switch (in.u8()) {
                case TAG_OK -> Reply.OK;
                case TAG_NOT_FOUND -> Reply.NOT_FOUND;
                case TAG_VALUE -> new Reply.Data(in.bytes32());
                case TAG_BOOLEAN -> Reply.Bool.of(in.bool());
                case TAG_COUNT -> new Reply.Count(in.u64());
                case TAG_INTEGER -> new Reply.Int(in.u64());
                case TAG_ENTRIES -> entries(in);
                case TAG_STRINGS -> values(in);
                case TAG_SCAN -> scanPage(in);
                default -> throw ErrorCode.TRN_008.exception();
            });
        }
        return new Reply.ExecResults(results);
    }

    private static Reply.Entries entries(BodyReader in) {
        int count = listCount(in, ENTRY_MIN_BYTES);
        List<Reply.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new Reply.Entry(in.str16(), in.bytes32()));
        }
        return new Reply.Entries(entries);
    }

    private static Reply.Values values(BodyReader in) {
        int count = listCount(in, OPTIONAL_MIN_BYTES);
        List<Optional<Bytes>> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.bool() ? Optional.of(in.bytes32()) : Optional.empty());
        }
        return new Reply.Values(values);
    }

    private static Reply.ScanPage scanPage(BodyReader in) {
        long nextCursor = in.u64();
        int count = listCount(in, KEY_MIN_BYTES);
        List<Key> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(new Key(in.str16()));
        }
        return new Reply.ScanPage(nextCursor, keys);
    }

    /**
     * A u32 list count, refused with {@code TRN-007} when the remaining bytes cannot hold that many items of
     * at least {@code itemMinBytes}: the count is then a lie, and trusting it would let a few bytes make the
     * decoder allocate gigabytes.
     */
    private static int listCount(BodyReader in, int itemMinBytes) {
        long count = in.u32();
        in.require(count * itemMinBytes);
        return (int) count;
    }
}
