package dev.vaylix.server.auth;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing and verification (BouncyCastle), with PHC strings and a cap on how many
 * hashes run at once.
 *
 * <p>One hash costs about 100 ms of CPU and 19 MiB at the OWASP parameters, so unbounded concurrent
 * AUTH attempts would exhaust the heap and the CPU. At most {@code maxConcurrentHashes} computations
 * run at once; a caller beyond the cap waits up to {@code maxWait} for a slot and then fails with
 * {@link ErrorCode#SRV_012} ({@code request rate limit exceeded}: the server is shedding
 * authentication load and the client should retry later; the attempt counts as no failure). The
 * reference has no such cap.
 *
 * <p>Verification uses the parameters recorded in the PHC string, within the bounds of
 * {@link PhcHash}; outside them, or unparsable, it fails with {@link ErrorCode#SRV_009}. Hashes are
 * compared with {@link MessageDigest#isEqual}, whose time does not depend on where they differ.
 *
 * <p>Thread-safe. Blocking: call from a virtual or worker thread, never from an event loop or the
 * Raft apply thread.
 */
public final class PasswordHasher {

    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    /** Default wait for a hashing slot before SRV-012. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    /** A fixed salt for the decoy computation that equalises the time of unknown-user attempts. */
    private static final byte[] DECOY_SALT = "vaylix-decoy-salt".getBytes(StandardCharsets.US_ASCII);

    private final Argon2Params params;
    private final SecureRandom random;
    private final Semaphore slots;
    private final int maxConcurrentHashes;
    private final long maxWaitNanos;

    /**
     * @param params              the parameters new hashes are made with ({@link Argon2Params#OWASP} in
     *                            production; tests pass cheaper ones, never a flag)
     * @param random              source of salts
     * @param maxConcurrentHashes at least 1
     * @param maxWait             how long a caller waits for a slot; not negative
     */
    public PasswordHasher(Argon2Params params, SecureRandom random, int maxConcurrentHashes, Duration maxWait) {
        this.params = Objects.requireNonNull(params, "params");
        this.random = Objects.requireNonNull(random, "random");
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be at least 1: " + maxConcurrentHashes);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
        this.maxConcurrentHashes = maxConcurrentHashes;
        this.slots = new Semaphore(maxConcurrentHashes, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** OWASP parameters, one hashing slot per available processor, {@link #DEFAULT_MAX_WAIT}. */
    public static PasswordHasher owasp() {
        return new PasswordHasher(Argon2Params.OWASP, new SecureRandom(), Math.max(1, Runtime.getRuntime().availableProcessors()),
                DEFAULT_MAX_WAIT);
    }

    public Argon2Params params() {
        return params;
    }

    public int maxConcurrentHashes() {
        return maxConcurrentHashes;
    }

    /**
     * Hashes {@code password} (its UTF-8 bytes) with a fresh 16-byte salt.
     *
     * @return {@code $argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>}
     * @throws VaylixException {@link ErrorCode#SRV_012} if no hashing slot frees up in time
     */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] derived = derive(params, salt, password, HASH_BYTES);
        return new PhcHash(params, Bytes.wrapUnsafe(salt), Bytes.wrapUnsafe(derived)).format();
    }

    /**
     * True if {@code password} matches the PHC string {@code phc}, computed with the parameters,
     * salt and length recorded in it.
     *
     * @throws VaylixException {@link ErrorCode#SRV_009} if {@code phc} is not a canonical Argon2id
     *                         PHC string within the accepted bounds; {@link ErrorCode#SRV_012} if no
     *                         hashing slot frees up in time
     */
    public boolean verify(String password, String phc) {
        PhcHash stored = parse(phc).orElseThrow(ErrorCode.SRV_009::exception);
        byte[] expected = stored.hash().toByteArray();
        byte[] actual = derive(stored.params(), stored.salt().toByteArray(), password, expected.length);
        try {
            return MessageDigest.isEqual(expected, actual);
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    /**
     * Spends the time of one verification and returns false: used for unknown or disabled users so
     * that the answer time does not tell which user names exist.
     *
     * @throws VaylixException {@link ErrorCode#SRV_012} if no hashing slot frees up in time
     */
    public boolean verifyDecoy(String password) {
        byte[] derived = derive(params, DECOY_SALT, password, HASH_BYTES);
        Arrays.fill(derived, (byte) 0);
        return false;
    }

    /** True if {@code phc} is a PHC string {@link #verify} accepts. */
    public static boolean isWellFormed(String phc) {
        return parse(phc).isPresent();
    }

    /** The slot semaphore, so tests can occupy slots deterministically. */
    Semaphore slotsForTest() {
        return slots;
    }

    static Optional<PhcHash> parse(String phc) {
        return PhcHash.parse(phc);
    }

    private byte[] derive(Argon2Params with, byte[] salt, String password, int length) {
        acquireSlot();
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        try {
            Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(with.memoryKib())
                    .withIterations(with.iterations())
                    .withParallelism(with.parallelism())
                    .withSalt(salt)
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] out = new byte[length];
            generator.generateBytes(secret, out);
            return out;
        } catch (RuntimeException e) {
            throw new VaylixException(ErrorCode.SRV_009, ErrorCode.SRV_009.message(), e);
        } finally {
            Arrays.fill(secret, (byte) 0);
            slots.release();
        }
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw ErrorCode.SRV_012.exception();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrorCode.SRV_012.exception();
        }
    }
}
