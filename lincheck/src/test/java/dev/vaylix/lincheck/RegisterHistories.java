package dev.vaylix.lincheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Test generators of register histories.
 *
 * <p>{@link #linearizable} executes random operations one at a time against a register (so a
 * sequential witness exists), each at its own linearization point, then widens every operation's
 * interval around that point. A widened interval still contains the point, so the point order is a
 * linearization that respects real time: if A completes before B is invoked then A's point precedes
 * B's. Some stores end FAIL (and are not applied), some UNKNOWN (applied or not), some reads FAIL or
 * UNKNOWN. All stored values are unique, which the mutations rely on.
 *
 * <p>The mutations turn a linearizable history into one that is provably not linearizable; each says
 * why in its comment.
 */
final class RegisterHistories {

    /**
     * @param operations number of operations
     * @param keys       number of keys they spread over
     * @param width      how far (in operations) an interval may extend each side of its point
     * @param crashRate  probability that a store or read ends with an unknown outcome
     * @param failRate   probability that a store or read definitely fails
     */
    record Shape(int operations, int keys, int width, double crashRate, double failRate) {
        Shape {
            if (operations < 0 || keys < 1 || width < 0 || crashRate + failRate > 1) {
                throw new IllegalArgumentException("bad shape");
            }
        }
    }

    /** Spacing of linearization points; intervals extend up to {@code width * SPACING} around them. */
    private static final long SPACING = 10;

    private RegisterHistories() {
    }

    private record Draft(String key, RegisterInput input, Outcome outcome, RegisterOutput output, long point,
                         long invoke, long complete) {
    }

    static History<RegisterInput, RegisterOutput> linearizable(Random random, Shape shape) {
        Map<String, RegisterState> registers = new HashMap<>();
        Map<String, List<String>> storedValues = new HashMap<>();
        List<Draft> drafts = new ArrayList<>(shape.operations());
        for (int i = 0; i < shape.operations(); i++) {
            String key = "k" + random.nextInt(shape.keys());
            RegisterState state = registers.getOrDefault(key, RegisterState.ABSENT);
            List<String> stored = storedValues.computeIfAbsent(key, k -> new ArrayList<>());
            int kind = random.nextInt(100);
            RegisterInput input;
            if (kind < 40) {
                input = RegisterInput.read();
            } else if (kind < 75) {
                input = RegisterInput.write("w" + i);
            } else {
                // Mostly the current value so chains of successful swaps happen; else an older one.
                String expected = random.nextInt(100) < 60 || stored.isEmpty()
                        ? state.value()
                        : stored.get(random.nextInt(stored.size()));
                input = RegisterInput.cas(expected, "c" + i);
            }
            double roll = random.nextDouble();
            Outcome outcome = roll < shape.failRate() ? Outcome.FAIL
                    : roll < shape.failRate() + shape.crashRate() ? Outcome.UNKNOWN
                    : Outcome.OK;
            // A failed operation did not take effect; a crashed one may or may not have.
            boolean applied = outcome == Outcome.OK || (outcome == Outcome.UNKNOWN && random.nextBoolean());
            RegisterOutput output = null;
            if (applied) {
                RegisterState next = RegisterModel.INSTANCE.stepUnknown(state, input).orElseThrow();
                if (outcome == Outcome.OK) {
                    output = observe(random, input, state, next);
                }
                if (next.version() != state.version()) {
                    stored.add(next.value());
                }
                registers.put(key, next);
            }
            long point = SPACING * (i + 1) * 2;
            long invoke = point - random.nextLong(shape.width() * SPACING + 1);
            long complete = point + random.nextLong(shape.width() * SPACING + 1);
            drafts.add(new Draft(key, input, outcome, output, point, invoke, complete));
        }
        return assemble(random, drafts);
    }

    private static RegisterOutput observe(Random random, RegisterInput input, RegisterState before, RegisterState after) {
        boolean reportVersion = random.nextBoolean();
        return switch (input) {
            case RegisterInput.Read r -> new RegisterOutput.ReadOk(after.value(),
                    reportVersion ? OptionalLong.of(after.version()) : OptionalLong.empty());
            case RegisterInput.Write w -> new RegisterOutput.WriteOk(
                    reportVersion ? OptionalLong.of(after.version()) : OptionalLong.empty());
            case RegisterInput.Cas c -> {
                boolean swapped = after.version() != before.version();
                yield new RegisterOutput.CasOk(swapped,
                        swapped && reportVersion ? OptionalLong.of(after.version()) : OptionalLong.empty());
            }
        };
    }

    /**
     * Orders operations by invocation, numbers them, and gives each a process that is idle at its
     * invocation (a process whose operation never completed is never reused), as a real client pool
     * would.
     */
    private static History<RegisterInput, RegisterOutput> assemble(Random random, List<Draft> drafts) {
        List<Draft> sorted = new ArrayList<>(drafts);
        sorted.sort(Comparator.comparingLong(Draft::invoke).thenComparingLong(Draft::point));
        List<Long> busyUntil = new ArrayList<>();
        List<Operation<RegisterInput, RegisterOutput>> ops = new ArrayList<>(sorted.size());
        for (int id = 0; id < sorted.size(); id++) {
            Draft d = sorted.get(id);
            long complete = d.outcome() == Outcome.UNKNOWN && random.nextInt(4) == 0 ? Operation.NEVER : d.complete();
            int process = -1;
            for (int p = 0; p < busyUntil.size() && process < 0; p++) {
                if (busyUntil.get(p) < d.invoke()) {
                    process = p;
                }
            }
            if (process < 0) {
                process = busyUntil.size();
                busyUntil.add(0L);
            }
            busyUntil.set(process, complete);
            ops.add(new Operation<>(id, process, d.key(), d.input(), d.outcome(), d.output(), d.invoke(), complete));
        }
        return History.of(ops);
    }

    /** Stores that certainly happened: OK writes and OK swapped compare-and-sets. */
    static boolean isCompletedStore(Operation<RegisterInput, RegisterOutput> op) {
        return op.outcome() == Outcome.OK
                && (op.input() instanceof RegisterInput.Write
                || (op.output() instanceof RegisterOutput.CasOk c && c.swapped()));
    }

    static String storedValue(RegisterInput input) {
        return switch (input) {
            case RegisterInput.Read r -> throw new IllegalArgumentException("a read stores nothing");
            case RegisterInput.Write w -> w.value();
            case RegisterInput.Cas c -> c.newValue();
        };
    }

    /**
     * Makes an OK read return the value of store A although store B finished after A and before the
     * read began (A, B on the read's key, both certainly applied). Impossible: the read is linearized
     * after B, B after A, so the latest store before the read is B or later; every store writes a
     * unique value and only A writes A's. Empty if the history has no such triple.
     */
    static Optional<History<RegisterInput, RegisterOutput>> withStaleRead(
            Random random, History<RegisterInput, RegisterOutput> history) {
        List<Operation<RegisterInput, RegisterOutput>> ops = history.operations();
        List<Operation<RegisterInput, RegisterOutput>> reads = new ArrayList<>();
        for (Operation<RegisterInput, RegisterOutput> op : ops) {
            if (op.outcome() == Outcome.OK && op.input() instanceof RegisterInput.Read) {
                reads.add(op);
            }
        }
        java.util.Collections.shuffle(reads, random);
        for (Operation<RegisterInput, RegisterOutput> read : reads) {
            // B: the store finished before the read that was invoked last, which leaves A the most room.
            Operation<RegisterInput, RegisterOutput> b = null;
            for (Operation<RegisterInput, RegisterOutput> op : ops) {
                if (op.key().equals(read.key()) && isCompletedStore(op) && op.precedes(read)
                        && (b == null || op.invokeTime() > b.invokeTime())) {
                    b = op;
                }
            }
            if (b == null) {
                continue;
            }
            List<Operation<RegisterInput, RegisterOutput>> as = new ArrayList<>();
            for (Operation<RegisterInput, RegisterOutput> op : ops) {
                if (op.key().equals(read.key()) && isCompletedStore(op) && op.precedes(b)) {
                    as.add(op);
                }
            }
            if (!as.isEmpty()) {
                String stale = storedValue(as.get(random.nextInt(as.size())).input());
                return Optional.of(replaceOutput(history, read.id(), RegisterOutput.readOk(stale)));
            }
        }
        return Optional.empty();
    }

    /** Makes an OK read return a value no operation ever writes. Impossible for a register. */
    static History<RegisterInput, RegisterOutput> withReadOfUnwrittenValue(
            Random random, History<RegisterInput, RegisterOutput> history) {
        List<Integer> reads = new ArrayList<>();
        for (Operation<RegisterInput, RegisterOutput> op : history.operations()) {
            if (op.outcome() == Outcome.OK && op.input() instanceof RegisterInput.Read) {
                reads.add(op.id());
            }
        }
        if (reads.isEmpty()) {
            List<Operation<RegisterInput, RegisterOutput>> ops = new ArrayList<>(history.operations());
            long end = ops.stream().mapToLong(o -> o.invokeTime()).max().orElse(0) + 1;
            ops.add(Operation.ok(ops.size(), 1_000_000, "k0", RegisterInput.read(),
                    RegisterOutput.readOk("never-written"), end, end + 1));
            return History.of(ops);
        }
        return replaceOutput(history, reads.get(random.nextInt(reads.size())), RegisterOutput.readOk("never-written"));
    }

    /**
     * Adds, next to a certainly successful compare-and-set C (expected e), a twin with the same
     * interval and expected value that also reports success. Impossible: e is stored at most once
     * (unique values; absent is never restored), so after the first of the two swaps away from e the
     * value never equals e again. Empty if the history has no successful CAS.
     */
    static Optional<History<RegisterInput, RegisterOutput>> withDoubleSwap(
            Random random, History<RegisterInput, RegisterOutput> history) {
        List<Operation<RegisterInput, RegisterOutput>> swaps = new ArrayList<>();
        for (Operation<RegisterInput, RegisterOutput> op : history.operations()) {
            if (op.input() instanceof RegisterInput.Cas && isCompletedStore(op)) {
                swaps.add(op);
            }
        }
        if (swaps.isEmpty()) {
            return Optional.empty();
        }
        Operation<RegisterInput, RegisterOutput> c = swaps.get(random.nextInt(swaps.size()));
        RegisterInput.Cas cas = (RegisterInput.Cas) c.input();
        List<Operation<RegisterInput, RegisterOutput>> ops = new ArrayList<>(history.operations());
        ops.add(Operation.ok(ops.size(), 2_000_000, c.key(), RegisterInput.cas(cas.expected(), "twin-" + c.id()),
                RegisterOutput.casOk(true), c.invokeTime(), c.completeTime()));
        return Optional.of(History.of(ops));
    }

    private static History<RegisterInput, RegisterOutput> replaceOutput(
            History<RegisterInput, RegisterOutput> history, int id, RegisterOutput output) {
        List<Operation<RegisterInput, RegisterOutput>> ops = new ArrayList<>(history.operations());
        Operation<RegisterInput, RegisterOutput> old = ops.get(id);
        ops.set(id, new Operation<>(id, old.process(), old.key(), old.input(), Outcome.OK, output,
                old.invokeTime(), old.completeTime()));
        return History.of(ops);
    }
}
