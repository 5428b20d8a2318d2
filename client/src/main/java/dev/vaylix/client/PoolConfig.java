package dev.vaylix.client;

/**
 * Sizing and health checks of a {@link VaylixPool}.
 *
 * @param maxConnections       most connections open at once (idle and leased), at least 1
 * @param maxIdle              most idle connections kept; surplus ones are closed when returned
 * @param borrowTimeoutMs      how long {@link VaylixPool#borrow()} waits for a free slot; 0 = fail at once
 * @param validateAfterIdleMs  a connection idle for at least this long is checked with PING before it is
 *                             lent out (and replaced if the check fails); 0 = check every time
 */
public record PoolConfig(int maxConnections, int maxIdle, long borrowTimeoutMs, long validateAfterIdleMs) {

    public static final PoolConfig DEFAULT = new PoolConfig(8, 8, 5_000, 30_000);

    public PoolConfig {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1: " + maxConnections);
        }
        if (maxIdle < 0 || maxIdle > maxConnections) {
            throw new IllegalArgumentException("maxIdle must be within 0..maxConnections: " + maxIdle);
        }
        if (borrowTimeoutMs < 0 || validateAfterIdleMs < 0) {
            throw new IllegalArgumentException("timeouts must be >= 0");
        }
    }
}
