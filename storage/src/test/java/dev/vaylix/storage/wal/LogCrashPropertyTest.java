package dev.vaylix.storage.wal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.HardState;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.api.log.LogStore;
import dev.vaylix.api.log.SyncPolicy;
import dev.vaylix.storage.io.FaultyFileIO;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The crash property (DESIGN.md §5, layer 2): random mutations of the log on the fault-injecting file
 * system, a crash at a random I/O call (or an fsync that fails with EIO), a reboot that loses unsynced
 * bytes and may tear the last writes, then recovery. The recovered log must equal the model after some
 * prefix of the mutations: at least every mutation reported durable, at most every one attempted.
 */
class LogCrashPropertyTest {

    private static final Path WAL = Path.of("/crash-test/data/wal");

    sealed interface Action {
    }

    /** Append {@code count} entries starting {@code back} entries before the end (a conflict when > 0). */
    record Append(int count, int back, boolean newTerm, int payloadBytes) implements Action {
    }

    record Truncate(int back) implements Action {
    }

    /** Compact at an index chosen by {@code pick}; {@code mode} 0 matches the log, 1 runs ahead of it, 2 disagrees. */
    record Compact(int pick, int mode) implements Action {
    }

    record Sync() implements Action {
    }

    record Reopen() implements Action {
    }

    record Scenario(WalOptions options, List<Action> actions, int crashAfterCalls, int failForceNumber,
                    FaultyFileIO.CrashMode mode, long seed) {
    }

    /**
     * Regression found by the property: an override roll deleted three segments it made redundant and
     * the crash kept only some of the deletions, leaving a segment whose predecessor was gone.
     */
    @Example
    void recovery_ignores_an_overridden_segment_left_behind_by_a_partial_deletion() {
        List<Action> actions = new ArrayList<>();
        for (int[] countBack : new int[][] {{1, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {1, 1}, {1, 0}, {4, 0}, {1, 3}, {4, 1}}) {
            actions.add(new Append(countBack[0], countBack[1], false, 1));
        }
        actions.addAll(List.of(new Append(0, 0, false, 32), new Truncate(3), new Sync(), new Append(0, 0, false, 2),
                new Append(1, 3, true, 23)));
        recovery_yields_a_prefix_of_the_mutations_containing_every_durable_one(new Scenario(
                new WalOptions(SyncPolicy.BUFFERED, 512, 0, WalOptions.Backend.CHANNEL), actions, 125, 0,
                FaultyFileIO.CrashMode.TORN, -33));
    }

    /** Tries come from {@code jqwik.tries.default} (50 in junit-platform.properties; soak with {@code -Djqwik.tries.default=10000}). */
    @Property
    void recovery_yields_a_prefix_of_the_mutations_containing_every_durable_one(@ForAll("scenarios") Scenario scenario) {
        FaultyFileIO fs = new FaultyFileIO();
        List<LogModel> history = new ArrayList<>(List.of(LogModel.EMPTY));
        int durable = 0;
        Random random = new Random(scenario.seed());
        try {
            fs.createDirectories(WAL);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        fs.crashAfterCalls(scenario.crashAfterCalls());
        if (scenario.failForceNumber() > 0) {
            fs.failForce(scenario.failForceNumber());
        }
        LogStore log = null;
        try {
            log = Wal.open(fs, WAL, LogFixtures.KEYS, scenario.options()).log();
            for (Action action : scenario.actions()) {
                LogModel model = history.getLast();
                switch (action) {
                    case Append a -> {
                        long start = Math.max(model.compactIndex() + 1, model.lastIndex() + 1 - a.back());
                        long baseTerm = Math.max(model.hardState().term(), start - 1 >= model.compactIndex() ? model.term(start - 1) : 0);
                        long term = Math.max(1, baseTerm + (a.newTerm() ? 1 : 0));
                        List<LogEntry> entries = new ArrayList<>();
                        for (int i = 0; i < a.count(); i++) {
                            entries.add(new LogEntry(start + i, term, EntryKind.COMMAND, 1000 + start + i,
                                    Bytes.wrapUnsafe(payload(random, a.payloadBytes()))));
                        }
                        HardState hs = term > model.hardState().term()
                                ? new HardState(term, "node-" + term, model.hardState().commitIndex())
                                : new HardState(term, model.hardState().votedFor(), model.hardState().commitIndex() + (a.count() > 0 ? 1 : 0));
                        history.add(model.append(entries, hs));
                        log.append(entries, hs);
                    }
                    case Truncate t -> {
                        long from = Math.max(model.compactIndex() + 1, model.lastIndex() + 1 - t.back());
                        history.add(model.truncateSuffix(from));
                        log.truncateSuffix(from);
                    }
                    case Compact c -> {
                        long span = model.lastIndex() - model.compactIndex();
                        long index;
                        long term;
                        if (c.mode() == 1 || span == 0) {
                            index = model.lastIndex() + 1 + c.pick() % 3;
                            term = Math.max(model.hardState().term(), model.term(model.lastIndex()));
                            term = Math.max(1, term);
                        } else {
                            index = model.compactIndex() + 1 + c.pick() % span;
                            term = model.term(index) + (c.mode() == 2 ? 1 : 0);
                        }
                        history.add(model.compact(index, term));
                        log.compact(index, term);
                        durable = history.size() - 1;
                    }
                    case Sync s -> {
                        log.sync();
                        durable = history.size() - 1;
                    }
                    case Reopen r -> {
                        log.close();
                        log = null;
                        log = Wal.open(fs, WAL, LogFixtures.KEYS, scenario.options()).log();
                        durable = history.size() - 1;
                    }
                }
                if (scenario.options().syncPolicy() == SyncPolicy.SYNC) {
                    durable = history.size() - 1;
                }
            }
        } catch (RuntimeException e) {
            boolean injected = fs.crashed() || (scenario.failForceNumber() > 0 && String.valueOf(e.getMessage()).contains("EIO"));
            if (!injected) {
                throw new AssertionError("failure without an injected fault in " + scenario, e);
            }
        }
        if (log != null) {
            closeQuietly(log);
        }
        FaultyFileIO rebooted = fs.crash(scenario.mode(), random);
        LogModel recovered;
        try (LogStore after = Wal.open(rebooted, WAL, LogFixtures.KEYS, scenario.options()).log()) {
            recovered = LogModel.readFrom(after);
        } catch (RuntimeException e) {
            throw new AssertionError("recovery failed after " + history.size() + " states, durable " + durable
                    + "\nbefore the crash: " + fs.describe() + "\nafter: " + rebooted.describe(), e);
        }
        int durableFrom = durable;
        List<LogModel> allowed = history.subList(durableFrom, history.size());
        assertTrue(allowed.contains(recovered), () -> "recovered " + recovered + "\nnot among the states after mutations "
                + durableFrom + ".." + (history.size() - 1) + ":\n  " + String.join("\n  ", allowed.stream().map(LogModel::toString).toList())
                + "\nscenario " + scenario);
    }

    private static byte[] payload(Random random, int bytes) {
        byte[] out = new byte[bytes];
        random.nextBytes(out);
        return out;
    }

    private static void closeQuietly(LogStore log) {
        try {
            log.close();
        } catch (RuntimeException afterCrash) {
            // A crashed or failed store may not be able to write out its buffers: that is the point.
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 3),
                        Arbitraries.of(false, false, true), Arbitraries.integers().between(1, 400)).as(Append::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 4).map(Truncate::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.of(0, 0, 1, 2)).as(Compact::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Sync())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Reopen())));
        Arbitrary<WalOptions> options = Combinators.combine(
                Arbitraries.of(SyncPolicy.class), Arbitraries.of(512L, 1024L, 4096L), Arbitraries.integers().between(0, 3),
                Arbitraries.of(WalOptions.Backend.class)).as(WalOptions::new);
        return Combinators.combine(options, action.list().ofMinSize(1).ofMaxSize(30), Arbitraries.integers().between(1, 600),
                Arbitraries.integers().between(0, 30).map(n -> n > 25 ? n - 25 : 0), Arbitraries.of(FaultyFileIO.CrashMode.class),
                Arbitraries.longs()).as(Scenario::new);
    }
}
