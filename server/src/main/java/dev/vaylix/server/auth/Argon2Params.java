package dev.vaylix.server.auth;

/**
 * Argon2id cost parameters (RFC 9106 names in parentheses).
 *
 * @param memoryKib   memory size {@code m} in KiB; at least 8 × parallelism
 * @param iterations  number of passes {@code t}; at least 1
 * @param parallelism degree of parallelism {@code p} (lanes); at least 1
 */
public record Argon2Params(int memoryKib, int iterations, int parallelism) {

    /**
     * The OWASP Password Storage Cheat Sheet's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. About
     * 100 ms and 19 MiB per hash on this project's machines.
     */
    public static final Argon2Params OWASP = new Argon2Params(19_456, 2, 1);

    public Argon2Params {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1: " + iterations);
        }
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("memory must be at least 8 KiB per lane: " + memoryKib);
        }
    }

    /** {@code m=<m>,t=<t>,p=<p>}, the parameter segment of a PHC string. */
    String phcSegment() {
        return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }
}
