package dev.vaylix.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.json.Json;
import dev.vaylix.api.json.JsonArray;
import dev.vaylix.api.json.JsonObject;
import dev.vaylix.api.json.JsonString;
import dev.vaylix.api.reply.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Properties of the renderer over arbitrary replies. */
class ReplyRendererPropertiesTest {

    @Property(tries = 300)
    void rule5AValuePrintsAsItsTextOrAsHex(@ForAll byte[] value) {
        Bytes bytes = Bytes.of(value);
        String rendered = ReplyRenderer.render(new Reply.Data(bytes), OutputMode.PLAIN).text();
        if (bytes.isValidUtf8()) {
            assertEquals(bytes.utf8String(), rendered); // QUEUED (rule 1) is its own text too
        } else {
            assertEquals("0x" + bytes.toHex(), rendered);
        }
    }

    @Provide
    Arbitrary<String> cellText() {
        // Printable text of every width class: ASCII, Latin, combining marks, CJK, Hangul, emoji.
        return Arbitraries.oneOf(
                        Arbitraries.strings().withCharRange('a', 'z'),
                        Arbitraries.strings().withChars("éüßñ"),
                        Arbitraries.strings().withChars("e\u0301\u0308"),
                        Arbitraries.strings().withCharRange('\u4e00', '\u4e40'),
                        Arbitraries.strings().withCharRange('\uac00', '\uac40'),
                        Arbitraries.of("🙂", "🚀x", "a🙂b"))
                .list().ofMaxSize(3).map(parts -> String.join("", parts)).filter(text -> text.length() <= 12);
    }

    @Property(tries = 150)
    void note11EveryTableRowIsAsWideAsTheHeader(@ForAll @Size(max = 6) List<@From("cellText") String> keys,
                                                        @ForAll @Size(max = 6) List<@From("cellText") String> values) {
        Assume.that(!keys.isEmpty());
        List<Reply.Entry> entries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            entries.add(Reply.Entry.text(keys.get(i), values.isEmpty() ? "" : values.get(i % values.size())));
        }
        String table = ReplyRenderer.render(new Reply.Entries(entries), OutputMode.TABLE).text();
        List<String> lines = table.lines().toList();
        assertEquals(entries.size() + 2, lines.size());
        int width = DisplayWidth.of(lines.getFirst());
        int bar = DisplayWidth.of(lines.getFirst().substring(0, lines.getFirst().indexOf(" | ")));
        for (String line : lines) {
            assertEquals(width, DisplayWidth.of(line), table);
        }
        for (String line : lines.subList(2, lines.size())) {
            assertEquals(bar, DisplayWidth.of(line.substring(0, line.indexOf(" | "))), "the bars line up:\n" + table);
        }
    }

    @Property(tries = 100)
    void jsonOutputParsesBackToTheSortedEntries(@ForAll @Size(max = 6) List<@From("cellText") String> keys) {
        List<Reply.Entry> entries = new ArrayList<>();
        for (String key : keys) {
            entries.add(Reply.Entry.text(key, key + "\"\\\n"));
        }
        String json = ReplyRenderer.render(new Reply.Entries(entries), OutputMode.JSON).text();
        JsonArray array = (JsonArray) Json.parse(json);
        assertEquals(entries.size(), array.elements().size());
        List<String> parsedKeys = new ArrayList<>();
        for (var element : array.elements()) {
            JsonObject object = (JsonObject) element;
            String key = ((JsonString) object.get("key").orElseThrow()).value();
            parsedKeys.add(key);
            assertEquals(key + "\"\\\n", ((JsonString) object.get("value").orElseThrow()).value());
        }
        List<String> sorted = new ArrayList<>(parsedKeys);
        sorted.sort((a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sorted, parsedKeys, "sorted by key bytes");
        assertEquals(entries.isEmpty(), json.equals("[]"));
    }
}
