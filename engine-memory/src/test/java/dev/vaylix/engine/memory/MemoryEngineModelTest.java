package dev.vaylix.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.Key;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.KeyValue;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.api.json.JsonArray;
import dev.vaylix.api.json.JsonObject;
import dev.vaylix.api.json.JsonValue;
import dev.vaylix.api.reply.Reply;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model-based test: random command sequences with TTLs and a moving, sometimes backwards, leader
 * time, applied to the engine (through the log payload codec) and to {@link ReferenceModel}. Every
 * reply and, after every step, the full state (keys, values, versions, expiries, index, clock) must
 * agree. Snapshots are taken and restored into a fresh engine mid-sequence.
 *
 * <p>A failure prints jqwik's seed and the shrunk scenario; rerun with {@code @Property(seed = "...")}.
 */
class MemoryEngineModelTest {

    private static final long START_MS = 1_700_000_000_000L;
    private static final List<String> KEYS = List.of("a", "b", "ab", "é", "😀");
    private static final List<Bytes> VALUES = List.of(Bytes.utf8("1"), Bytes.utf8("-3"), Bytes.utf8("+7"),
            Bytes.utf8("9223372036854775807"), Bytes.utf8("-9223372036854775808"), Bytes.utf8("x"), Bytes.EMPTY,
            Bytes.fromHex("00ff"), Bytes.fromHex("c3"), Bytes.utf8("07"));

    /** One step of a scenario. */
    sealed interface Step {
        /** Apply {@code batch} with the leader time moved by {@code timeDeltaMs} (may be negative). */
        record Write(WriteBatch batch, long timeDeltaMs) implements Step {
        }

        /** Read at the leader time plus {@code offsetMs} (may be before the engine clock). */
        record Read(Command command, long offsetMs) implements Step {
        }

        /** Snapshot the engine and continue on a fresh engine restored from it. */
        record SnapshotAndRestore() implements Step {
        }
    }

    // Tries come from jqwik.tries.default: 100 in junit-platform.properties for the default build,
    // more on demand: ./mvnw -pl engine-memory -am verify -Dtest=MemoryEngineModelTest -Djqwik.tries.default=20000
    @Property(edgeCases = EdgeCasesMode.NONE) // scenario edge cases are empty lists and one-step runs: no value
    void the_engine_matches_the_model(@ForAll("scenarios") List<Step> steps) {
        MemoryEngine engine = new MemoryEngine();
        ReferenceModel model = new ReferenceModel();
        long leaderTimeMs = START_MS;
        long index = 0;
        for (Step step : steps) {
            switch (step) {
                case Step.Write write -> {
                    leaderTimeMs += write.timeDeltaMs();
                    index++;
                    WriteBatch logged = WriteBatchCodec.decode(WriteBatchCodec.encode(write.batch()));
                    Reply expected = model.apply(index, leaderTimeMs, write.batch());
                    assertEquals(expected, engine.apply(index, leaderTimeMs, logged), write.toString());
                }
                case Step.Read read -> {
                    long nowMs = leaderTimeMs + read.offsetMs();
                    assertEquals(model.read(read.command(), nowMs), engine.read(read.command(), nowMs), read.toString());
                }
                case Step.SnapshotAndRestore ignored -> {
                    MemoryEngine restored = new MemoryEngine();
                    restored.restore(engine.snapshot());
                    engine = restored;
                }
            }
            assertEquals(model.entries(), engine.storedEntries(), "state after " + step);
            assertEquals(model.appliedIndex(), engine.appliedIndex());
            assertEquals(model.clockMs(), engine.clockMs());
            assertExpiryIndexMatches(engine.state());
        }
    }

    /** The expiry index holds exactly (expiry, key) of every stored key with an expiry. */
    private static void assertExpiryIndexMatches(State state) {
        List<ExpiryKey> expected = new java.util.ArrayList<>();
        Cursor<Key, dev.vaylix.api.Value> data = new Cursor<>(state.data());
        for (Node<Key, dev.vaylix.api.Value> node = data.next(); node != null; node = data.next()) {
            if (node.value.hasExpiry()) {
                expected.add(new ExpiryKey(node.value.expiresAtMs(), node.key));
            }
        }
        expected.sort(ExpiryKey.ORDER);
        List<ExpiryKey> actual = new java.util.ArrayList<>();
        Cursor<ExpiryKey, Key> index = new Cursor<>(state.expiries());
        for (Node<ExpiryKey, Key> node = index.next(); node != null; node = index.next()) {
            actual.add(node.key);
        }
        assertEquals(expected, actual);
        PersistentTreeTest.checkInvariants(state.data(), KeyOrder.KEYS);
        PersistentTreeTest.checkInvariants(state.expiries(), ExpiryKey.ORDER);
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Long> deltas = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 1_500)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(-1_500, 0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-60_000, 60_000)));
        Arbitrary<Step> writes = Combinators.combine(batches(), deltas).as(Step.Write::new);
        Arbitrary<Step> reads = Combinators.combine(reads(), Arbitraries.longs().between(-3_000, 3_000)).as(Step.Read::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, writes),
                net.jqwik.api.Tuple.of(4, reads),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step.SnapshotAndRestore()))).list().ofMaxSize(60);
    }

    private Arbitrary<WriteBatch> batches() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, writes().map(WriteBatch.Single::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.oneOf(writes(), reads().filter(c -> !(c instanceof Command.Backup)),
                        Arbitraries.just(new Command.Ping(Optional.empty())))
                        .list().ofMaxSize(4).map(WriteBatch.Transaction::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new WriteBatch.PurgeExpired())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new WriteBatch.Noop())),
                net.jqwik.api.Tuple.of(1, dumps().map(dump -> new WriteBatch.Single(new Command.Restore(dump)))));
    }

    private Arbitrary<Command> writes() {
        return Arbitraries.oneOf(
                sets(),
                Combinators.combine(keys(), values()).as(Command.SetNx::new),
                keys().map(Command.GetDel::new),
                Combinators.combine(keys(), expirations(), Arbitraries.of(true, false)).as(Command.GetEx::new),
                Combinators.combine(keys(), values()).as(KeyValue::new).list().ofMaxSize(3).map(Command.MSet::new),
                keys().list().ofMaxSize(3).map(Command.Del::new),
                keys().map(Command.Incr::new),
                keys().map(Command.Decr::new),
                Combinators.combine(keys(), Arbitraries.of(0L, 1L, 2L, -1L)).as(Command.Expire::new),
                keys().map(Command.Persist::new),
                Combinators.combine(keys(), keys()).as(Command.Rename::new),
                Combinators.combine(keys(), keys()).as(Command.RenameNx::new),
                Arbitraries.just(new Command.Clear()));
    }

    private Arbitrary<Command> reads() {
        return Arbitraries.oneOf(
                keys().map(Command.Get::new),
                keys().list().ofMaxSize(3).map(Command.MGet::new),
                keys().map(Command.Exists::new),
                keys().map(Command.Ttl::new),
                keys().map(key -> new Command.GetEx(key, Expiration.NONE, false)),
                Combinators.combine(Arbitraries.of(0L, 1L, 2L, 4L, -1L), Arbitraries.of("*", "a*", "?", "*b", "é").optional(),
                        Arbitraries.of(0, 1, 2, 3).optional())
                        .as((cursor, pattern, count) -> new Command.Scan(cursor, pattern,
                                count.map(OptionalInt::of).orElse(OptionalInt.empty()))),
                Arbitraries.just(new Command.DbSize()),
                Arbitraries.just(new Command.Count()),
                Arbitraries.just(new Command.ListAll()),
                Arbitraries.just(new Command.Backup()));
    }

    private Arbitrary<Command> sets() {
        Arbitrary<OptionalLong> ifVersions = Arbitraries.of(1L, 2L, 3L).optional(0.3)
                .map(version -> version.map(OptionalLong::of).orElse(OptionalLong.empty()));
        return Combinators.combine(keys(), values(), Arbitraries.of(SetCondition.class), ifVersions, expirations(),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Command.Set::new);
    }

    private Arbitrary<Expiration> expirations() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Expiration.NONE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(0L, 1L, 2L, 3L).map(Expiration::seconds)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(0L, 1L, 500L, 1_000L, 2_500L).map(Expiration::millis)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Expiration.seconds(-1L), Expiration.millis(-1L))));
    }

    /** RESTORE dumps with duplicate keys, versions 0 and u64 max, and expiries around the scenario time. */
    private Arbitrary<String> dumps() {
        Arbitrary<JsonValue> entry = Combinators.combine(keys(), values(), Arbitraries.of(0L, 1L, 7L, -1L),
                        Arbitraries.longs().between(-5_000, 20_000).optional(0.5))
                .as((key, value, version, expiry) -> {
                    JsonObject.Builder object = JsonObject.builder()
                            .put("key", key.text())
                            .put("value_base64", java.util.Base64.getEncoder().encodeToString(value.toByteArray()))
                            .putUnsigned("version", version);
                    expiry.ifPresentOrElse(offset -> object.putUnsigned("expires_at_ms", START_MS + offset),
                            () -> object.putNull("expires_at_ms"));
                    return object.build();
                });
        return entry.list().ofMaxSize(4).map(entries -> JsonObject.builder()
                .put("version", 2).put("created_at_ms", 0).put("source_engine_version", 3).put("source_sequence", 0)
                .put("entries", new JsonArray(entries)).build().toString());
    }

    private Arbitrary<Key> keys() {
        return Arbitraries.of(KEYS).map(Key::of);
    }

    private Arbitrary<Bytes> values() {
        return Arbitraries.of(VALUES);
    }
}
