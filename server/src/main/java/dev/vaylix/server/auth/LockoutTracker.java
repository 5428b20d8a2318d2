package dev.vaylix.server.auth;

import dev.vaylix.api.Clock;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Authentication lockout (COMMANDS.md §7): failure counters per (user, peer) and per user.
 *
 * <p>Semantics as in the reference, with its two bugs fixed:
 * <ul>
 *   <li>Per-peer key (user, peer IP) with limit {@code failureLimit}; per-user key (user) with limit
 *       {@code max(1, 3 × failureLimit)}.</li>
 *   <li>An attempt is refused (SRV-031) while either key is locked: {@code now ≤ lockedUntil}.</li>
 *   <li>On a failure each counter restarts when its window has passed since its first failure, then
 *       counts; reaching its limit locks it for {@code lockoutSeconds}. Success clears both keys.</li>
 *   <li><b>Note 7 fixed:</b> the peer key is the client's IP address without its port. The reference
 *       included the ephemeral source port, so every new connection started a fresh per-peer count.
 *       Also, a counter whose lock has expired starts over on its next failure; the reference kept the
 *       old count, so a single failure inside the window re-locked at once.</li>
 *   <li><b>Note 6 fixed:</b> reading the number of locked records ({@link #lockedRecordCount}, used by
 *       INFO) has no side effect; the reference cleared every unlocked counter as it counted.</li>
 * </ul>
 *
 * <p>Time comes from the injected clock's monotonic reading, so a wall-clock step (NTP) neither
 * lifts nor extends a lock. State is process-local and lost on restart, as in the reference.
 *
 * <p><b>Bounded memory.</b> At most {@code maxRecords} counters are kept. When a new counter would
 * exceed the cap, every expired counter (window passed, or lock over) is dropped first; if the table
 * is still full, the least recently updated unlocked counter goes, and only if every counter is
 * locked, the one whose lock ends first. Spraying user names can therefore evict other counters, but
 * only at the price of one Argon2 computation per sprayed attempt.
 *
 * <p>Thread-safe (all methods synchronize; none blocks or hashes while holding the lock).
 */
public final class LockoutTracker {

    /**
     * @param failureLimit   failures per (user, peer) before a lock; {@code --auth-failure-limit}
     * @param windowSeconds  a counter restarts when its first failure is older; {@code --auth-failure-window-seconds}
     * @param lockoutSeconds length of a lock; {@code --auth-lockout-seconds}
     * @param maxRecords     cap on the number of counters kept; at least 2
     */
    public record Policy(int failureLimit, long windowSeconds, long lockoutSeconds, int maxRecords) {

        public static final int DEFAULT_MAX_RECORDS = 65_536;

        public Policy {
            if (failureLimit < 0 || windowSeconds < 0 || lockoutSeconds < 0) {
                throw new IllegalArgumentException("lockout settings must not be negative");
            }
            if (maxRecords < 2) {
                throw new IllegalArgumentException("maxRecords must be at least 2: " + maxRecords);
            }
        }

        public static Policy of(int failureLimit, long windowSeconds, long lockoutSeconds) {
            return new Policy(failureLimit, windowSeconds, lockoutSeconds, DEFAULT_MAX_RECORDS);
        }

        int userLimit() {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, 3L * failureLimit));
        }
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Policy policy;
    private final Clock clock;
    private final long windowNanos;
    private final long lockoutNanos;
    /** Iteration order = least recently updated first (records are re-inserted on every update). */
    private final LinkedHashMap<CounterKey, Counter> counters = new LinkedHashMap<>();

    public LockoutTracker(Policy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windowNanos = saturatedNanos(policy.windowSeconds());
        this.lockoutNanos = saturatedNanos(policy.lockoutSeconds());
    }

    /** The host part of a peer address: its IP address text, without the port. */
    public static String peerHost(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return String.valueOf(address);
    }

    /** True if an attempt for {@code username} from {@code peerHost} must be refused with SRV-031. */
    public synchronized boolean isLocked(String username, String peerHost) {
        long now = clock.monotonicNanos();
        return isLocked(counters.get(peerKey(username, peerHost)), now) || isLocked(counters.get(userKey(username)), now);
    }

    /**
     * Records a failed attempt on both counters.
     *
     * @return true if this failure locked one of them (the locked-attempt metric counts it)
     */
    public synchronized boolean recordFailure(String username, String peerHost) {
        long now = clock.monotonicNanos();
        boolean lockedPeer = fail(peerKey(username, peerHost), policy.failureLimit(), now);
        boolean lockedUser = fail(userKey(username), policy.userLimit(), now);
        return lockedPeer || lockedUser;
    }

    /** Clears both counters after a successful attempt. */
    public synchronized void recordSuccess(String username, String peerHost) {
        counters.remove(peerKey(username, peerHost));
        counters.remove(userKey(username));
    }

    /** Number of counters currently locked ({@code runtime.locked_auth_records} of INFO). No side effect. */
    public synchronized int lockedRecordCount() {
        long now = clock.monotonicNanos();
        int locked = 0;
        for (Counter counter : counters.values()) {
            if (isLocked(counter, now)) {
                locked++;
            }
        }
        return locked;
    }

    /** Number of counters held, locked or not. */
    public synchronized int trackedRecordCount() {
        return counters.size();
    }

    private boolean fail(CounterKey key, int limit, long now) {
        Counter counter = counters.remove(key);
        if (counter == null || isExpired(counter, now)) {
            if (counter == null && counters.size() >= policy.maxRecords()) {
                makeRoom(now);
            }
            counter = new Counter(now);
        }
        counter.failures++;
        boolean locksNow = !counter.locked && counter.failures >= limit;
        if (locksNow) {
            counter.locked = true;
            counter.lockedUntilNanos = now + lockoutNanos;
        }
        counters.put(key, counter);
        return locksNow;
    }

    /** A counter that no longer matters: its lock is over, or (unlocked) its window has passed. */
    private boolean isExpired(Counter counter, long now) {
        if (counter.locked) {
            return now - counter.lockedUntilNanos > 0;
        }
        return now - counter.firstFailureNanos > windowNanos;
    }

    private static boolean isLocked(Counter counter, long now) {
        return counter != null && counter.locked && now - counter.lockedUntilNanos <= 0;
    }

    private void makeRoom(long now) {
        counters.values().removeIf(counter -> isExpired(counter, now));
        if (counters.size() < policy.maxRecords()) {
            return;
        }
        CounterKey victim = null;
        long soonestEnd = 0;
        for (Iterator<Map.Entry<CounterKey, Counter>> it = counters.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<CounterKey, Counter> entry = it.next();
            Counter counter = entry.getValue();
            if (!counter.locked) {
                it.remove(); // least recently updated unlocked counter
                return;
            }
            if (victim == null || counter.lockedUntilNanos - soonestEnd < 0) {
                victim = entry.getKey();
                soonestEnd = counter.lockedUntilNanos;
            }
        }
        counters.remove(victim);
    }

    private static CounterKey peerKey(String username, String peerHost) {
        return new CounterKey(username, Objects.requireNonNull(peerHost, "peerHost"));
    }

    private static CounterKey userKey(String username) {
        return new CounterKey(username, null);
    }

    /**
     * The reference's {@code "<user>|<peer>"} and {@code "<user>|*"} as a pair, so that a user name
     * containing {@code |} can never collide with another user's key.
     *
     * @param peerHost the peer's IP address, or null for the user-wide counter
     */
    private record CounterKey(String username, String peerHost) {
        CounterKey {
            Objects.requireNonNull(username, "username");
        }
    }

    private static long saturatedNanos(long seconds) {
        return seconds > Long.MAX_VALUE / 4 / NANOS_PER_SECOND ? Long.MAX_VALUE / 4 : seconds * NANOS_PER_SECOND;
    }

    /** Mutable, but only under the tracker's lock. */
    private static final class Counter {
        final long firstFailureNanos;
        int failures;
        boolean locked;
        long lockedUntilNanos;

        Counter(long firstFailureNanos) {
            this.firstFailureNanos = firstFailureNanos;
        }
    }
}
