package dev.vaylix.lincheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the operations on one key are linearizable: Wing and Gong's backtracking search
 * (1993) with Lowe's memoization of configurations ("Testing for linearizability", 2017), the
 * algorithm Porcupine implements.
 *
 * <p>Operations become events in a doubly linked list sorted by time: a call event at invocation and,
 * for completed operations, a return event at completion (calls first on equal times, so equal times
 * mean concurrent). The operations that may be linearized next are exactly those whose call precedes
 * the first return still in the list. Linearizing one "lifts" its call and return out of the list
 * (dancing links, so backtracking restores them in O(1)); reaching a return means that operation
 * should have been linearized already, so the search backtracks. A configuration is the set of
 * linearized operations plus the model state; one seen before cannot lead anywhere new, so it is
 * pruned. That is what makes the search practical: the number of configurations, not of orders.
 *
 * <p>Operations of unknown outcome have no return event (completion +infinity): they may be
 * linearized at any point after their invocation, or never, which is why the search succeeds as soon
 * as every completed operation is placed. At each configuration completed operations are tried first
 * and unknown ones only after all of them failed, so a correct history does not pay for applying
 * crashed writes it never needed.
 *
 * <p>Single-threaded and deterministic: the same operations give the same answer and the same
 * number of states, except that the time budget and cancellation may cut it short.
 */
final class KeySearch<S, I, O> {

    enum Status { OK, ILLEGAL, OUT_OF_STATES, OUT_OF_TIME, CANCELLED }

    record Result(Status status, long statesExplored, Violation violation) {
    }

    /** How often (in loop iterations) the clock and the cancellation signal are consulted. */
    private static final int BUDGET_CHECK_INTERVAL_MASK = 0xFF;

    private static final class Node {
        final int op;
        final boolean call;
        final boolean unknown;
        final long time;
        int position;
        Node match;
        Node prev;
        Node next;

        Node(int op, boolean call, boolean unknown, long time) {
            this.op = op;
            this.call = call;
            this.unknown = unknown;
            this.time = time;
        }
    }

    /**
     * A memoized configuration. Operations are numbered in invocation order, so linearized sets look
     * like "everything below some point, plus a few": stored as the count of leading all-ones words
     * and the words after them up to the last non-zero one. That form is canonical (equal sets give
     * equal forms) and small, whatever the history length.
     */
    private static final class Configuration {
        final int leadingFullWords;
        final long[] tail;
        final Object state;
        final int hash;

        Configuration(long[] bits, Object state) {
            int lead = 0;
            while (lead < bits.length && bits[lead] == -1L) {
                lead++;
            }
            int end = bits.length;
            while (end > lead && bits[end - 1] == 0L) {
                end--;
            }
            this.leadingFullWords = lead;
            this.tail = Arrays.copyOfRange(bits, lead, end);
            this.state = state;
            this.hash = 31 * (31 * lead + Arrays.hashCode(tail)) + state.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Configuration c
                    && c.hash == hash
                    && c.leadingFullWords == leadingFullWords
                    && Arrays.equals(c.tail, tail)
                    && c.state.equals(state);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Model<S, I, O> model;
    private final String key;
    private final List<Operation<I, O>> ops;
    private final Node head;
    private final Node[] callOf;
    private final Node[] returnOf;
    private final int completedCount;
    private final int unknownCount;

    /**
     * @param operations the operations on {@code key} to place: completed ones and state-changing ones
     *                   of unknown outcome (failed ones and unknown reads already dropped)
     */
    KeySearch(Model<S, I, O> model, String key, List<Operation<I, O>> operations) {
        this.model = model;
        this.key = key;
        List<Operation<I, O>> sorted = new ArrayList<>(operations);
        sorted.sort(Comparator.comparingLong((Operation<I, O> o) -> o.invokeTime()).thenComparingInt(Operation::id));
        this.ops = List.copyOf(sorted);
        int m = ops.size();
        this.callOf = new Node[m];
        this.returnOf = new Node[m];
        List<Node> events = new ArrayList<>(2 * m);
        int completed = 0;
        for (int i = 0; i < m; i++) {
            Operation<I, O> op = ops.get(i);
            assert op.outcome() != Outcome.FAIL : "failed operations are dropped before the search";
            boolean unknown = op.outcome() == Outcome.UNKNOWN;
            Node call = new Node(i, true, unknown, op.invokeTime());
            callOf[i] = call;
            events.add(call);
            if (!unknown) {
                Node ret = new Node(i, false, false, op.completeTime());
                call.match = ret;
                ret.match = call;
                returnOf[i] = ret;
                events.add(ret);
                completed++;
            }
        }
        this.completedCount = completed;
        this.unknownCount = m - completed;
        // Calls before returns at equal times: equal times are concurrent (Operation's contract).
        events.sort(Comparator.comparingLong((Node n) -> n.time)
                .thenComparingInt(n -> n.call ? 0 : 1)
                .thenComparingInt(n -> n.op));
        this.head = new Node(-1, false, false, Long.MIN_VALUE);
        Node prev = head;
        for (int p = 0; p < events.size(); p++) {
            Node n = events.get(p);
            n.position = p;
            n.prev = prev;
            prev.next = n;
            prev = n;
        }
    }

    String key() {
        return key;
    }

    int operationCount() {
        return ops.size();
    }

    Result run(Budget budget) {
        int m = ops.size();
        long[] linearized = new long[(m + 63) / 64];
        Set<Configuration> seen = new HashSet<>();
        Node[] stackNode = new Node[m];
        @SuppressWarnings("unchecked")
        S[] stackState = (S[]) new Object[m];
        boolean[] stackUnknownPhase = new boolean[m];
        int depth = 0;

        S state = model.init();
        int completedLeft = completedCount;
        int unknownLeft = unknownCount;
        // Phase: false = try completed operations, true = try operations of unknown outcome.
        boolean unknownPhase = false;
        Node entry = head.next;
        long iterations = 0;

        int[] bestPrefix = new int[0];
        S bestState = state;
        int bestBlocked = -1;

        while (completedLeft > 0) {
            if ((++iterations & BUDGET_CHECK_INTERVAL_MASK) == 0) {
                if (budget.cancelled()) {
                    return new Result(Status.CANCELLED, seen.size(), null);
                }
                if (budget.timeUp()) {
                    return new Result(Status.OUT_OF_TIME, seen.size(), null);
                }
            }
            // A completed operation's return is still listed, so the scan always meets a return first.
            assert entry != null : "scan ran past the last return";
            if (entry.call) {
                if (entry.unknown == unknownPhase) {
                    Operation<I, O> op = ops.get(entry.op);
                    Optional<S> next = entry.unknown
                            ? model.stepUnknown(state, op.input())
                            : model.step(state, op.input(), op.output());
                    if (next.isPresent()) {
                        S nextState = next.get();
                        setBit(linearized, entry.op);
                        if (seen.add(new Configuration(linearized, nextState))) {
                            if (seen.size() > budget.maxStatesPerKey()) {
                                return new Result(Status.OUT_OF_STATES, seen.size(), null);
                            }
                            stackNode[depth] = entry;
                            stackState[depth] = state;
                            stackUnknownPhase[depth] = unknownPhase;
                            depth++;
                            lift(entry);
                            if (entry.unknown) {
                                unknownLeft--;
                            } else {
                                completedLeft--;
                            }
                            state = nextState;
                            unknownPhase = false;
                            entry = head.next;
                            continue;
                        }
                        clearBit(linearized, entry.op);
                    }
                }
                entry = entry.next;
                continue;
            }
            // Reached a return: that operation was due and nothing placed it.
            if (!unknownPhase && unknownLeft > 0) {
                unknownPhase = true;
                entry = head.next;
                continue;
            }
            if (depth > bestPrefix.length || bestBlocked < 0) {
                bestPrefix = new int[depth];
                for (int i = 0; i < depth; i++) {
                    bestPrefix[i] = stackNode[i].op;
                }
                bestState = state;
                bestBlocked = entry.op;
            }
            if (depth == 0) {
                return new Result(Status.ILLEGAL, seen.size(), explain(bestPrefix, bestState, bestBlocked));
            }
            depth--;
            Node top = stackNode[depth];
            state = stackState[depth];
            stackState[depth] = null;
            unknownPhase = stackUnknownPhase[depth];
            unlift(top);
            clearBit(linearized, top.op);
            if (top.unknown) {
                unknownLeft++;
            } else {
                completedLeft++;
            }
            entry = top.next;
        }
        return new Result(Status.OK, seen.size(), null);
    }

    private static void lift(Node call) {
        remove(call);
        if (call.match != null) {
            remove(call.match);
        }
    }

    /** Exact inverse of {@link #lift}, valid because lifts are undone in LIFO order. */
    private static void unlift(Node call) {
        if (call.match != null) {
            reinsert(call.match);
        }
        reinsert(call);
    }

    private static void remove(Node n) {
        n.prev.next = n.next;
        if (n.next != null) {
            n.next.prev = n.prev;
        }
    }

    private static void reinsert(Node n) {
        n.prev.next = n;
        if (n.next != null) {
            n.next.prev = n;
        }
    }

    private static void setBit(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    private static void clearBit(long[] bits, int i) {
        bits[i >>> 6] &= ~(1L << i);
    }

    private Violation explain(int[] prefixOps, S stateAfter, int blockedOp) {
        boolean[] inPrefix = new boolean[ops.size()];
        List<Operation<?, ?>> prefix = new ArrayList<>(prefixOps.length);
        for (int op : prefixOps) {
            inPrefix[op] = true;
            prefix.add(ops.get(op));
        }
        // The candidates are what the list held before the blocked return when the search gave up:
        // every unplaced operation invoked before that return.
        int blockedReturn = returnOf[blockedOp].position;
        List<Node> calls = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (!inPrefix[i] && callOf[i].position < blockedReturn) {
                calls.add(callOf[i]);
            }
        }
        calls.sort(Comparator.comparingInt(n -> n.position));
        List<Violation.Candidate> candidates = new ArrayList<>(calls.size());
        for (Node call : calls) {
            Operation<I, O> op = ops.get(call.op);
            Optional<S> next = call.unknown
                    ? model.stepUnknown(stateAfter, op.input())
                    : model.step(stateAfter, op.input(), op.output());
            candidates.add(new Violation.Candidate(op, next.isEmpty()));
        }
        String stateText = model.describeState(stateAfter);
        Operation<I, O> blocked = ops.get(blockedOp);
        String text = Explanation.render(model, key, ops.size(), prefix, stateText, blocked, candidates);
        return new Violation(key, prefix, stateText, blocked, candidates, text);
    }
}
