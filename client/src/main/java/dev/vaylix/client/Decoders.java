package dev.vaylix.client;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The decoders of every reply kind. Stateless. */
final class Decoders {

    private Decoders() {
    }

    /** OK → null. */
    static final ReplyDecoder<Void> NOTHING = reply -> switch (reply) {
        case Reply.Ok _ -> null;
        default -> throw unexpected(reply, "OK");
    };

    /** OK → true (an unconditional write always happens); a boolean as is. */
    static final ReplyDecoder<Boolean> APPLIED = reply -> switch (reply) {
        case Reply.Ok _ -> true;
        case Reply.Bool bool -> bool.value();
        default -> throw unexpected(reply, "OK or a boolean");
    };

    /** A value → present; NOT_FOUND → empty. */
    static final ReplyDecoder<Optional<Bytes>> VALUE = reply -> switch (reply) {
        case Reply.Data data -> Optional.of(data.value());
        case Reply.NotFound _ -> Optional.empty();
        default -> throw unexpected(reply, "a value");
    };

    /** A value that must be UTF-8 text (PING, BACKUP, METRICS PROM); {@code TRN-012} otherwise. */
    static final ReplyDecoder<String> TEXT = reply -> switch (reply) {
        case Reply.Data data -> data.value().utf8String();
        default -> throw unexpected(reply, "a text value");
    };

    static final ReplyDecoder<Boolean> BOOLEAN = reply -> switch (reply) {
        case Reply.Bool bool -> bool.value();
        default -> throw unexpected(reply, "a boolean");
    };

    /** An unsigned count (compare with {@link Long#compareUnsigned} if it may exceed 2^63). */
    static final ReplyDecoder<Long> COUNT = reply -> switch (reply) {
        case Reply.Count count -> count.value();
        default -> throw unexpected(reply, "a count");
    };

    static final ReplyDecoder<Long> INTEGER = reply -> switch (reply) {
        case Reply.Int value -> value.value();
        default -> throw unexpected(reply, "an integer");
    };

    static final ReplyDecoder<List<Optional<Bytes>>> VALUES = reply -> switch (reply) {
        case Reply.Values values -> values.values();
        default -> throw unexpected(reply, "a list of values");
    };

    static final ReplyDecoder<Reply.ScanPage> SCAN_PAGE = reply -> switch (reply) {
        case Reply.ScanPage page -> page;
        default -> throw unexpected(reply, "a scan page");
    };

    /** Text entries in the server's order (INFO, SHOW …); values must be UTF-8 ({@code TRN-012}). */
    static final ReplyDecoder<Map<String, String>> TEXT_ENTRIES = reply -> switch (reply) {
        case Reply.Entries entries -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (Reply.Entry entry : entries.entries()) {
                map.putIfAbsent(entry.key(), entry.value().utf8String());
            }
            yield Collections.unmodifiableMap(map);
        }
        default -> throw unexpected(reply, "entries");
    };

    /** LIST: every live key with its raw value, in key order. */
    static final ReplyDecoder<List<KeyValue>> KEY_VALUES = reply -> switch (reply) {
        case Reply.Entries entries -> {
            List<KeyValue> pairs = new ArrayList<>(entries.entries().size());
            for (Reply.Entry entry : entries.entries()) {
                pairs.add(new KeyValue(Key.of(entry.key()), entry.value()));
            }
            yield List.copyOf(pairs);
        }
        default -> throw unexpected(reply, "entries");
    };

    private static VaylixException unexpected(Reply reply, String expected) {
        String detail = Reply.QUEUED.equals(reply)
                ? "reply QUEUED where " + expected + " was expected: the connection is inside MULTI (use multi())"
                : "unexpected reply " + reply.getClass().getSimpleName() + " where " + expected + " was expected";
        return ErrorCode.TRN_018.exception(detail);
    }
}
