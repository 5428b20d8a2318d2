package dev.vaylix.lincheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the operations on one key are linearizable: Wing and Gong's backtracking search
 * (1993) with Lowe's memoization of configurations ("Testing for linearizability", 2017), the
 * algorithm Porcupine implements.
 *
 * <p>Operations become events sorted by time: a call event at invocation and, for completed
 * operations, a return event at completion (calls first on equal times, so equal times mean
 * concurrent). The operations that may be linearized next are exactly those whose call precedes the
 * first return still listed. Linearizing one "lifts" its call and return out of the doubly linked
 * list (dancing links, so backtracking restores them in O(1)); reaching a return means that operation
 * should have been linearized already, so the search backtracks. A configuration is the set of
 * linearized operations plus the model state; {@link Memo} prunes repeats and configurations that a
 * failed one dominates. That is what makes the search practical: it costs configurations, not orders.
 *
 * <p>Operations of unknown outcome have no return event (completion +infinity): they may be
 * linearized at any point after their invocation, or never, which is why the search succeeds as soon
 * as every completed operation is placed. Their calls sit in a list of their own, consulted only
 * after every completed candidate of a configuration failed, and only up to the first return: a
 * correct history does not pay for crashed writes it never needed, and the scan of completed
 * candidates never walks past crashed operations that stay pending forever. One that would leave the
 * state unchanged is not applied at all: everything after it can follow the current configuration.
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

    private final Model<S, I, O> model;
    private final String key;
    private final List<Operation<I, O>> ops;
    private final Node head;
    private final Node unknownHead;
    private final Node[] callOf;
    private final Node[] returnOf;
    private final int completedCount;
    /** Index of each operation in its own bitset: completed and unknown operations are kept apart. */
    private final int[] bitOf;

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
        this.bitOf = new int[m];
        this.callOf = new Node[m];
        this.returnOf = new Node[m];
        List<Node> events = new ArrayList<>(2 * m);
        int completed = 0;
        for (int i = 0; i < m; i++) {
            Operation<I, O> op = ops.get(i);
            assert op.outcome() != Outcome.FAIL : "failed operations are dropped before the search";
            boolean unknown = op.outcome() == Outcome.UNKNOWN;
            bitOf[i] = unknown ? i - completed : completed;
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
        // Calls before returns at equal times: equal times are concurrent (Operation's contract).
        events.sort(Comparator.comparingLong((Node n) -> n.time)
                .thenComparingInt(n -> n.call ? 0 : 1)
                .thenComparingInt(n -> n.op));
        // Two lists over one order: completed operations' calls and returns, and the calls of
        // operations of unknown outcome. Those are never lifted unless used, so in one list every scan
        // would walk past all of them; apart, a scan of completed candidates never sees them.
        this.head = new Node(-1, false, false, Long.MIN_VALUE);
        this.unknownHead = new Node(-1, true, true, Long.MIN_VALUE);
        Node prev = head;
        Node prevUnknown = unknownHead;
        for (int p = 0; p < events.size(); p++) {
            Node n = events.get(p);
            n.position = p;
            if (n.unknown) {
                n.prev = prevUnknown;
                prevUnknown.next = n;
                prevUnknown = n;
            } else {
                n.prev = prev;
                prev.next = n;
                prev = n;
            }
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
        PrefixBits completedBits = new PrefixBits(completedCount);
        PrefixBits unknownBits = new PrefixBits(m - completedCount);
        Memo memo = new Memo();
        Memo.Visit[] stackVisit = new Memo.Visit[m];
        Node[] stackNode = new Node[m];
        @SuppressWarnings("unchecked")
        S[] stackState = (S[]) new Object[m];
        // For a frame pushed while trying unknown operations: the first return at that configuration,
        // which bounds the unknown candidates when the search resumes there.
        Node[] stackFirstReturn = new Node[m];
        int depth = 0;

        S state = model.init();
        int completedLeft = completedCount;
        // The scan: in the completed list until it meets a return (firstReturn), then in the unknown
        // list up to that return's position. Candidates are exactly the calls before the first return.
        Node entry = head.next;
        Node firstReturn = null;
        long iterations = 0;

        // Longest prefix at a dead end, for the explanation. bestPrefix[0, agreeing) equals the
        // current stack, so recording a new best copies only frames pushed since: O(pushes) overall.
        int[] bestPrefix = new int[m];
        int bestLength = -1;
        int agreeing = 0;
        S bestState = state;
        int bestBlocked = -1;

        while (completedLeft > 0) {
            if ((++iterations & BUDGET_CHECK_INTERVAL_MASK) == 0) {
                if (budget.cancelled()) {
                    return new Result(Status.CANCELLED, memo.size(), null);
                }
                if (budget.timeUp()) {
                    return new Result(Status.OUT_OF_TIME, memo.size(), null);
                }
            }
            if (firstReturn == null && !entry.call) {
                // A completed operation's return is still listed, so this scan always ends here.
                firstReturn = entry;
                entry = unknownHead.next;
                continue;
            }
            boolean deadEnd = firstReturn != null && (entry == null || entry.position > firstReturn.position);
            if (!deadEnd) {
                Operation<I, O> op = ops.get(entry.op);
                Optional<S> next = entry.unknown
                        ? model.stepUnknown(state, op.input())
                        : model.step(state, op.input(), op.output());
                // An unknown operation that leaves the state as it is can only be skipped: whatever
                // follows it can follow the current configuration directly, and is tried from there.
                if (next.isPresent() && !(entry.unknown && next.get().equals(state))) {
                    S nextState = next.get();
                    PrefixBits bits = entry.unknown ? unknownBits : completedBits;
                    bits.set(bitOf[entry.op]);
                    Memo.Visit visit = memo.enter(completedBits, unknownBits, nextState);
                    if (visit != null) {
                        if (memo.size() > budget.maxStatesPerKey()) {
                            return new Result(Status.OUT_OF_STATES, memo.size(), null);
                        }
                        stackVisit[depth] = visit;
                        stackNode[depth] = entry;
                        stackState[depth] = state;
                        stackFirstReturn[depth] = firstReturn;
                        depth++;
                        lift(entry);
                        if (!entry.unknown) {
                            completedLeft--;
                        }
                        state = nextState;
                        entry = head.next;
                        firstReturn = null;
                        continue;
                    }
                    bits.clear(bitOf[entry.op]);
                }
                entry = entry.next;
                continue;
            }
            // Every candidate failed: the operation of firstReturn was due and nothing placed it.
            if (depth > bestLength) {
                for (int i = agreeing; i < depth; i++) {
                    bestPrefix[i] = stackNode[i].op;
                }
                agreeing = depth;
                bestLength = depth;
                bestState = state;
                bestBlocked = firstReturn.op;
            }
            if (depth == 0) {
                return new Result(Status.ILLEGAL, memo.size(),
                        explain(Arrays.copyOf(bestPrefix, bestLength), bestState, bestBlocked));
            }
            depth--;
            agreeing = Math.min(agreeing, depth);
            Node top = stackNode[depth];
            state = stackState[depth];
            stackState[depth] = null;
            firstReturn = stackFirstReturn[depth];
            unlift(top);
            memo.leave(stackVisit[depth]);
            stackVisit[depth] = null;
            (top.unknown ? unknownBits : completedBits).clear(bitOf[top.op]);
            if (!top.unknown) {
                completedLeft++;
            }
            entry = top.next;
        }
        return new Result(Status.OK, memo.size(), null);
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
