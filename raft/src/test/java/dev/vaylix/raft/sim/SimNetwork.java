package dev.vaylix.raft.sim;

import dev.vaylix.raft.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A simulated network: every message is delayed by a random number of ticks (so messages are
 * reordered), may be dropped or duplicated, and is blocked by the current partition (a set of directed
 * links, checked both when sent and when delivered: a partition also catches messages in flight).
 */
final class SimNetwork {

    private record InFlight(long deliverAtTick, long order, Message message) {
    }

    private final SplittableRandom random;
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>((a, b) -> a.deliverAtTick() != b.deliverAtTick()
            ? Long.compare(a.deliverAtTick(), b.deliverAtTick()) : Long.compare(a.order(), b.order()));
    /** Directed links that do not work, as "from>to". Sorted for deterministic output. */
    private final TreeSet<String> blocked = new TreeSet<>();
    private double dropRate;
    private double duplicateRate;
    private int maxDelayTicks = 1;
    private double lateRate;

    SimNetwork(SplittableRandom random) {
        this.random = random;
    }

    void configure(double dropRate, double duplicateRate, int maxDelayTicks, double lateRate) {
        this.lateRate = lateRate;
        this.dropRate = dropRate;
        this.duplicateRate = duplicateRate;
        this.maxDelayTicks = Math.max(1, maxDelayTicks);
    }

    /** Queues {@code message}; returns false if it was dropped at once. */
    boolean send(Message message, long nowTick) {
        if (isBlocked(message.from(), message.to()) || random.nextDouble() < dropRate) {
            return false;
        }
        enqueue(message, nowTick);
        if (random.nextDouble() < duplicateRate) {
            enqueue(message, nowTick);
        }
        return true;
    }

    private void enqueue(Message message, long nowTick) {
        long deliverAt = nowTick + 1 + random.nextInt(maxDelayTicks);
        if (random.nextDouble() < lateRate) {
            // A straggler: delivered long after everything sent with it (a stale retransmission).
            deliverAt += 10 + random.nextInt(200);
        }
        // A random order among messages of the same tick reorders them further.
        inFlight.add(new InFlight(deliverAt, random.nextLong(), message));
    }

    /** Queues {@code message} again without loss or duplication (it was held for a paused node). */
    void redeliver(Message message, long nowTick) {
        enqueue(message, nowTick);
    }

    /** Messages due at {@code nowTick}, minus those a partition now blocks. */
    List<Message> due(long nowTick) {
        List<Message> out = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peek().deliverAtTick() <= nowTick) {
            Message message = inFlight.poll().message();
            if (!isBlocked(message.from(), message.to())) {
                out.add(message);
            }
        }
        return out;
    }

    boolean isBlocked(String from, String to) {
        return blocked.contains(from + ">" + to);
    }

    void block(String from, String to) {
        blocked.add(from + ">" + to);
    }

    /** Blocks every link between {@code a} and {@code b}, both ways. */
    void separate(List<String> a, List<String> b) {
        for (String x : a) {
            for (String y : b) {
                block(x, y);
                block(y, x);
            }
        }
    }

    void heal() {
        blocked.clear();
    }

    String describeBlocked() {
        return String.join(" ", blocked);
    }
}
