package dev.vaylix.lincheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Checks a history for linearizability against a {@link Model}, key by key.
 *
 * <p>Usage (the register model, a history recorded by a client workload):
 * <pre>{@code
 * HistoryBuilder<RegisterInput, RegisterOutput> h = new HistoryBuilder<>();
 * h.invoke(1, "x", RegisterInput.write("a"), tick);   ... h.ok(1, RegisterOutput.writeOk(), tick);
 * h.invoke(2, "x", RegisterInput.read(), tick);       ... h.info(2, tick);   // timed out
 * CheckResult r = LinearizabilityChecker.check(RegisterModel.INSTANCE, h.build(), CheckOptions.defaults());
 * if (r instanceof CheckResult.Illegal illegal) fail(illegal.violation().explanation());
 * }</pre>
 *
 * <p>What it does with each operation: {@link Outcome#OK} must be linearized between its invocation
 * and completion; {@link Outcome#FAIL} is dropped (it did not take effect); {@link Outcome#UNKNOWN}
 * may be linearized at any point after its invocation or never, and is dropped outright when the model
 * says it is read-only. Keys are searched independently, in key order (or in parallel, with the same
 * result); the answer is ILLEGAL if any key is, else UNKNOWN if any key ran out of budget, else OK.
 */
public final class LinearizabilityChecker {

    private LinearizabilityChecker() {
    }

    /**
     * Checks {@code history}.
     *
     * <p>Thread-safety: may be called concurrently; with {@code parallelism > 1} it starts that many
     * threads and stops them before returning. The model is called from those threads.
     *
     * @throws LincheckException LIN-006 if a completed operation's output cannot answer its input
     *                           (per {@link Model#validate})
     */
    public static <S, I, O> CheckResult check(Model<S, I, O> model, History<I, O> history, CheckOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(options, "options");
        List<KeySearch<S, I, O>> searches = partition(model, history);
        Budget budget = new Budget(options, () -> false);
        KeySearch.Result[] results = options.parallelism() == 1 || searches.size() <= 1
                ? runSequentially(searches, budget)
                : runInParallel(searches, budget, options.parallelism());
        return combine(searches, results, options);
    }

    /** Drops what cannot matter and groups the rest by key, in key order. */
    private static <S, I, O> List<KeySearch<S, I, O>> partition(Model<S, I, O> model, History<I, O> history) {
        Map<String, List<Operation<I, O>>> byKey = new TreeMap<>();
        for (Operation<I, O> op : history.operations()) {
            boolean searched = switch (op.outcome()) {
                case OK -> {
                    try {
                        model.validate(op.input(), op.output());
                    } catch (LincheckException e) {
                        throw new LincheckException(e.code(), "operation #" + op.id() + ": " + e.getMessage(), e);
                    }
                    yield true;
                }
                case FAIL -> false;
                case UNKNOWN -> !model.isReadOnly(op.input());
            };
            if (searched) {
                byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
            }
        }
        List<KeySearch<S, I, O>> searches = new ArrayList<>(byKey.size());
        for (Map.Entry<String, List<Operation<I, O>>> e : byKey.entrySet()) {
            searches.add(new KeySearch<>(model.specialize(e.getValue()), e.getKey(), e.getValue()));
        }
        return searches;
    }

    private static KeySearch.Result[] runSequentially(List<? extends KeySearch<?, ?, ?>> searches, Budget budget) {
        KeySearch.Result[] results = new KeySearch.Result[searches.size()];
        for (int i = 0; i < searches.size(); i++) {
            if (budget.timeUp()) {
                results[i] = new KeySearch.Result(KeySearch.Status.OUT_OF_TIME, 0, null);
                continue;
            }
            results[i] = searches.get(i).run(budget);
            if (results[i].status() == KeySearch.Status.ILLEGAL) {
                break;
            }
        }
        return results;
    }

    /**
     * Runs keys on a fixed pool, in key order. When key i is found ILLEGAL, keys after i are cancelled
     * but keys before i run to the end, so the reported key is the first ILLEGAL one in key order,
     * exactly as a sequential run would report.
     */
    private static KeySearch.Result[] runInParallel(
            List<? extends KeySearch<?, ?, ?>> searches, Budget budget, int parallelism) {
        int n = searches.size();
        AtomicInteger firstIllegal = new AtomicInteger(Integer.MAX_VALUE);
        AtomicBoolean abort = new AtomicBoolean();
        KeySearch.Result[] results = new KeySearch.Result[n];
        List<Future<KeySearch.Result>> futures = new ArrayList<>(n);
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, n), threadFactory())) {
            for (int i = 0; i < n; i++) {
                int index = i;
                KeySearch<?, ?, ?> search = searches.get(i);
                BooleanSupplier cancelled = () -> abort.get() || firstIllegal.get() < index;
                futures.add(pool.submit(() -> {
                    if (cancelled.getAsBoolean()) {
                        return new KeySearch.Result(KeySearch.Status.CANCELLED, 0, null);
                    }
                    if (budget.timeUp()) {
                        return new KeySearch.Result(KeySearch.Status.OUT_OF_TIME, 0, null);
                    }
                    KeySearch.Result r = search.run(budget.withCancellation(cancelled));
                    if (r.status() == KeySearch.Status.ILLEGAL) {
                        firstIllegal.accumulateAndGet(index, Math::min);
                    }
                    return r;
                }));
            }
            for (int i = 0; i < n; i++) {
                results[i] = await(futures.get(i), abort);
            }
        }
        return results;
    }

    private static KeySearch.Result await(Future<KeySearch.Result> future, AtomicBoolean abort) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            // Stop the workers promptly; the caller sees UNKNOWN for keys not decided.
            abort.set(true);
            Thread.currentThread().interrupt();
            return new KeySearch.Result(KeySearch.Status.CANCELLED, 0, null);
        } catch (ExecutionException e) {
            abort.set(true);
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("key search failed", e.getCause());
        }
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "lincheck-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static CheckResult combine(
            List<? extends KeySearch<?, ?, ?>> searches, KeySearch.Result[] results, CheckOptions options) {
        List<KeyStats> stats = new ArrayList<>(searches.size());
        List<String> undecided = new ArrayList<>();
        boolean outOfStates = false;
        boolean outOfTime = false;
        boolean cancelled = false;
        for (int i = 0; i < searches.size() && results[i] != null; i++) {
            KeySearch<?, ?, ?> search = searches.get(i);
            KeySearch.Result r = results[i];
            Verdict verdict = switch (r.status()) {
                case OK -> Verdict.OK;
                case ILLEGAL -> Verdict.ILLEGAL;
                case OUT_OF_STATES, OUT_OF_TIME, CANCELLED -> Verdict.UNKNOWN;
            };
            stats.add(new KeyStats(search.key(), search.operationCount(), r.statesExplored(), verdict));
            switch (r.status()) {
                case OK -> { }
                case ILLEGAL -> {
                    return new CheckResult.Illegal(r.violation(), stats);
                }
                case OUT_OF_STATES -> outOfStates = true;
                case OUT_OF_TIME -> outOfTime = true;
                case CANCELLED -> cancelled = true;
            }
            if (verdict == Verdict.UNKNOWN) {
                undecided.add(search.key());
            }
        }
        if (undecided.isEmpty()) {
            return new CheckResult.Ok(stats);
        }
        List<String> reasons = new ArrayList<>(3);
        if (outOfStates) {
            reasons.add("state budget of " + options.maxStatesPerKey() + " per key exhausted");
        }
        if (outOfTime) {
            reasons.add("time budget of " + options.timeBudgetNanos() / 1_000_000 + " ms exhausted");
        }
        if (cancelled) {
            reasons.add("check interrupted");
        }
        return new CheckResult.Unknown(undecided, String.join("; ", reasons), stats);
    }
}
