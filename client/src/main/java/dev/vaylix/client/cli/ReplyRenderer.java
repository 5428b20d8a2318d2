package dev.vaylix.client.cli;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.json.JsonWriter;
import dev.vaylix.api.reply.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How the command line prints a reply: COMMANDS.md §11.4, rules 1–5 in order. Pure and thread-safe.
 *
 * <ol>
 *   <li>a value reply {@code QUEUED} prints {@code QUEUED}, whatever the command;</li>
 *   <li>NotFound prints {@code NOT_FOUND};</li>
 *   <li>an error prints {@code ERROR [<code>] <name>: <message>};</li>
 *   <li>success prints by kind (the kind follows from the command: the transport decodes each reply against
 *       its command's shape): OK, the value, {@code true}/{@code false}, decimal numbers, MGET values joined by
 *       {@code ", "} with {@code (nil)}, {@code cursor=<n>, keys=[…]}, EXEC one line per result, and entries per
 *       output mode after sorting by key, then value;</li>
 *   <li>values that are not UTF-8 print as {@code 0x} and lower-case hex.</li>
 * </ol>
 *
 * <p>Entries values must be UTF-8 (rule 4); a LIST holding a binary value cannot be shown as an entries reply
 * and renders as a {@link Rendering.Kind#FAILURE} line ({@code TRN-012}) instead of ending the session as the
 * reference did (COMMANDS.md Note 10). Inside EXEC, entries items follow rule 5 like every other EXEC item.
 */
public final class ReplyRenderer {

    private static final String QUEUED = "QUEUED";
    private static final String KEY_HEADER = "key";
    private static final String VALUE_HEADER = "value";

    private static final Comparator<Reply.Entry> ENTRY_ORDER = (a, b) -> {
        int byKey = Key.compareUtf8(a.key(), b.key());
        return byKey != 0 ? byKey : a.value().compareTo(b.value());
    };

    private ReplyRenderer() {
    }

    /** The rendering of {@code reply} in {@code mode}. */
    public static Rendering render(Reply reply, OutputMode mode) {
        return switch (reply) {
            case Reply.Data data when isQueued(data) -> result(QUEUED);
            case Reply.NotFound _ -> result("NOT_FOUND");
            case Reply.Error error -> new Rendering(errorLine(error), Rendering.Kind.ERROR_REPLY);
            case Reply.Entries entries -> renderEntries(entries, mode);
            case Reply.ExecResults results -> result(execLines(results));
            case Reply.Ok _, Reply.Data _, Reply.Bool _, Reply.Count _, Reply.Int _, Reply.Values _,
                 Reply.ScanPage _ -> result(scalar(reply, "(empty)"));
        };
    }

    /** {@code ERROR [<code>] <name>: <message>} (rule 3). */
    public static String errorLine(Reply.Error error) {
        return "ERROR [" + error.code() + "] " + error.name() + ": " + error.message();
    }

    private static Rendering result(String text) {
        return new Rendering(text, Rendering.Kind.RESULT);
    }

    private static boolean isQueued(Reply.Data data) {
        return data.value().length() == QUEUED.length() && data.value().equals(Reply.QUEUED.value());
    }

    /**
     * A non-entries, non-EXEC reply, also used for EXEC items.
     *
     * @param emptyKeys what an empty SCAN key list prints as: {@code (empty)} at top level, nothing inside EXEC
     */
    private static String scalar(Reply reply, String emptyKeys) {
        return switch (reply) {
            case Reply.Ok _ -> "OK";
            case Reply.NotFound _ -> "NOT_FOUND";
            case Reply.Data data -> value(data.value());
            case Reply.Bool bool -> bool.value() ? "true" : "false";
            case Reply.Count count -> Long.toUnsignedString(count.value());
            case Reply.Int value -> Long.toString(value.value());
            case Reply.Values values -> values(values);
            case Reply.ScanPage page -> scanPage(page, emptyKeys);
            case Reply.Entries entries -> inlineEntries(entries);
            // EXEC items are never errors or nested EXECs (Reply.ExecResults refuses them).
            case Reply.Error error -> errorLine(error);
            case Reply.ExecResults results -> execLines(results);
        };
    }

    /** Rule 5: UTF-8 text as is, anything else as {@code 0x} + lower-case hex. */
    static String value(Bytes bytes) {
        return bytes.isValidUtf8() ? bytes.utf8String() : "0x" + bytes.toHex();
    }

    private static String values(Reply.Values values) {
        StringBuilder out = new StringBuilder();
        for (Optional<Bytes> item : values.values()) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(item.map(ReplyRenderer::value).orElse("(nil)"));
        }
        return out.toString();
    }

    private static String scanPage(Reply.ScanPage page, String emptyKeys) {
        StringBuilder out = new StringBuilder("cursor=").append(Long.toUnsignedString(page.nextCursor())).append(", keys=[");
        if (page.keys().isEmpty()) {
            out.append(emptyKeys);
        }
        for (int i = 0; i < page.keys().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(page.keys().get(i).text());
        }
        return out.append(']').toString();
    }

    private static String execLines(Reply.ExecResults results) {
        StringBuilder out = new StringBuilder();
        for (Reply item : results.results()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(scalar(item, ""));
        }
        return out.toString();
    }

    /** An EXEC entries item: {@code k=v} joined by {@code ", "}, in the server's order, values per rule 5. */
    private static String inlineEntries(Reply.Entries entries) {
        StringBuilder out = new StringBuilder();
        for (Reply.Entry entry : entries.entries()) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(entry.key()).append('=').append(value(entry.value()));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- entries replies (rule 4, last bullet)

    private record TextEntry(String key, String value) {
    }

    private static Rendering renderEntries(Reply.Entries entries, OutputMode mode) {
        List<Reply.Entry> sorted = new ArrayList<>(entries.entries());
        sorted.sort(ENTRY_ORDER);
        List<TextEntry> text = new ArrayList<>(sorted.size());
        for (Reply.Entry entry : sorted) {
            if (!entry.value().isValidUtf8()) {
                VaylixException failure = ErrorCode.TRN_012.exception();
                return new Rendering(failure.describe() + " (the value of entry '" + entry.key() + "' is not UTF-8)",
                        Rendering.Kind.FAILURE);
            }
            text.add(new TextEntry(entry.key(), entry.value().utf8String()));
        }
        return result(switch (mode) {
            case PLAIN -> plain(text);
            case TABLE -> table(text);
            case JSON -> json(text);
        });
    }

    private static String plain(List<TextEntry> entries) {
        StringBuilder out = new StringBuilder();
        for (TextEntry entry : entries) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(entry.key()).append('=').append(entry.value());
        }
        return out.toString();
    }

    /**
     * Header {@code key | value}, a rule of dashes joined by {@code -+-}, one row per entry; both columns padded
     * to max(header, widest cell) in display columns; rows joined by LF.
     */
    private static String table(List<TextEntry> entries) {
        int keyWidth = KEY_HEADER.length();
        int valueWidth = VALUE_HEADER.length();
        for (TextEntry entry : entries) {
            keyWidth = Math.max(keyWidth, DisplayWidth.of(entry.key()));
            valueWidth = Math.max(valueWidth, DisplayWidth.of(entry.value()));
        }
        StringBuilder out = new StringBuilder();
        row(out, KEY_HEADER, keyWidth, VALUE_HEADER, valueWidth);
        out.append('\n').append("-".repeat(keyWidth)).append("-+-").append("-".repeat(valueWidth));
        for (TextEntry entry : entries) {
            out.append('\n');
            row(out, entry.key(), keyWidth, entry.value(), valueWidth);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String key, int keyWidth, String value, int valueWidth) {
        DisplayWidth.padRight(out, key, keyWidth);
        out.append(" | ");
        DisplayWidth.padRight(out, value, valueWidth);
    }

    /** serde_json's pretty form: 2-space indent, {@code "key": "value"}, {@code []} when empty. */
    private static String json(List<TextEntry> entries) {
        JsonWriter writer = JsonWriter.pretty().beginArray();
        for (TextEntry entry : entries) {
            writer.beginObject().name("key").value(entry.key()).name("value").value(entry.value()).endObject();
        }
        return writer.endArray().text();
    }
}
