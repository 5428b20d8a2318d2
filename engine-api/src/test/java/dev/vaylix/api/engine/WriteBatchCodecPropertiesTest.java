package dev.vaylix.api.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class WriteBatchCodecPropertiesTest {

    @Property(tries = 1000)
    void every_batch_round_trips(@ForAll("batches") WriteBatch batch) {
        Bytes payload = WriteBatchCodec.encode(batch);
        assertEquals(batch, WriteBatchCodec.decode(payload));
    }

    @Property(tries = 1000)
    void a_corrupted_payload_decodes_canonically_or_fails_with_eng_014(
            @ForAll("batches") WriteBatch batch, @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll byte replacement) {
        byte[] bytes = WriteBatchCodec.encode(batch).toByteArray();
        bytes[position % bytes.length] = replacement;
        assertDecodesCanonicallyOrFails(Bytes.of(bytes));
    }

    @Property(tries = 2000)
    void random_bytes_decode_canonically_or_fail_with_eng_014(@ForAll byte[] noise) {
        byte[] bytes = noise.clone();
        if (bytes.length > 0) {
            bytes[0] = (byte) WriteBatchCodec.VERSION; // get past the version check most of the time
        }
        assertDecodesCanonicallyOrFails(Bytes.of(bytes));
    }

    private static void assertDecodesCanonicallyOrFails(Bytes payload) {
        WriteBatch decoded;
        try {
            decoded = WriteBatchCodec.decode(payload);
        } catch (VaylixException e) {
            assertEquals(ErrorCode.ENG_014, e.code(), e.getMessage());
            return;
        }
        // Whatever decodes has exactly this encoding: one batch, one byte string.
        assertEquals(payload, WriteBatchCodec.encode(decoded));
    }

    @Provide
    Arbitrary<WriteBatch> batches() {
        return Arbitraries.oneOf(
                alone().map(WriteBatch.Single::new),
                queueable().list().ofMaxSize(5).map(WriteBatch.Transaction::new),
                Arbitraries.just(new WriteBatch.PurgeExpired()),
                Arbitraries.just(new WriteBatch.Noop()));
    }

    private Arbitrary<Command> alone() {
        return Arbitraries.oneOf(writes(), text().map(Command.Restore::new));
    }

    private Arbitrary<Command> queueable() {
        return Arbitraries.oneOf(writes(), reads());
    }

    private Arbitrary<Command> writes() {
        return Arbitraries.oneOf(
                sets(),
                Combinators.combine(keys(), values()).as(Command.SetNx::new),
                keys().map(Command.GetDel::new),
                Combinators.combine(keys(), expirations(), Arbitraries.of(true, false)).as(Command.GetEx::new),
                Combinators.combine(keys(), values()).as(KeyValue::new).list().ofMaxSize(4).map(Command.MSet::new),
                keys().list().ofMaxSize(4).map(Command.Del::new),
                keys().map(Command.Incr::new),
                keys().map(Command.Decr::new),
                Combinators.combine(keys(), Arbitraries.longs()).as(Command.Expire::new),
                keys().map(Command.Persist::new),
                Combinators.combine(keys(), keys()).as(Command.Rename::new),
                Combinators.combine(keys(), keys()).as(Command.RenameNx::new),
                Arbitraries.just(new Command.Clear()));
    }

    private Arbitrary<Command> reads() {
        return Arbitraries.oneOf(
                text().optional().map(Command.Ping::new),
                keys().map(Command.Get::new),
                keys().list().ofMaxSize(4).map(Command.MGet::new),
                keys().map(Command.Exists::new),
                keys().map(Command.Ttl::new),
                Combinators.combine(Arbitraries.longs(), text().optional(),
                                Arbitraries.integers().between(0, 0xFFFF).optional())
                        .as((cursor, pattern, count) -> new Command.Scan(cursor, pattern,
                                count.map(OptionalInt::of).orElse(OptionalInt.empty()))),
                Arbitraries.just(new Command.DbSize()),
                Arbitraries.just(new Command.Count()),
                Arbitraries.just(new Command.ListAll()));
    }

    private Arbitrary<Command> sets() {
        return Builders.withBuilder(() -> new Command.Set(Key.of("k"), Bytes.EMPTY, SetCondition.NONE,
                        OptionalLong.empty(), Expiration.NONE, false, false))
                .use(keys()).in((set, key) -> new Command.Set(key, set.value(), set.condition(), set.ifVersion(),
                        set.expiration(), set.keepTtl(), set.returnPrevious()))
                .use(values()).in((set, value) -> new Command.Set(set.key(), value, set.condition(), set.ifVersion(),
                        set.expiration(), set.keepTtl(), set.returnPrevious()))
                .use(Arbitraries.of(SetCondition.class)).in((set, condition) -> new Command.Set(set.key(), set.value(),
                        condition, set.ifVersion(), set.expiration(), set.keepTtl(), set.returnPrevious()))
                .use(Arbitraries.longs().optional()).in((set, version) -> new Command.Set(set.key(), set.value(),
                        set.condition(), version.map(OptionalLong::of).orElse(OptionalLong.empty()), set.expiration(),
                        set.keepTtl(), set.returnPrevious()))
                .use(expirations()).in((set, expiration) -> new Command.Set(set.key(), set.value(), set.condition(),
                        set.ifVersion(), expiration, set.keepTtl(), set.returnPrevious()))
                .use(Arbitraries.of(true, false)).in((set, keep) -> new Command.Set(set.key(), set.value(),
                        set.condition(), set.ifVersion(), set.expiration(), keep, set.returnPrevious()))
                .use(Arbitraries.of(true, false)).in((set, get) -> new Command.Set(set.key(), set.value(),
                        set.condition(), set.ifVersion(), set.expiration(), set.keepTtl(), get))
                .build(set -> set);
    }

    private Arbitrary<Expiration> expirations() {
        return Arbitraries.oneOf(
                Arbitraries.just(Expiration.NONE),
                Arbitraries.longs().map(Expiration::seconds),
                Arbitraries.longs().map(Expiration::millis));
    }

    private Arbitrary<Key> keys() {
        return text().map(Key::of);
    }

    /** Values are bytes, not text: NUL, invalid UTF-8 and empty values all occur. */
    private Arbitrary<Bytes> values() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(12).map(Bytes::of);
    }

    private Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(8)
                .filter(s -> s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
    }
}
