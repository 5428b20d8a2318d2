package dev.vaylix.server.auth;

import dev.vaylix.api.Bytes;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * An Argon2id hash in PHC string format:
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, salt and hash in standard
 * base64 without padding (STORAGE.md §13).
 *
 * <p>{@link #parse} accepts only the canonical form {@link #format} writes: version 19, parameters in
 * the order m, t, p, decimal without sign or leading zeros, canonical unpadded base64. It also bounds
 * every parameter ({@link #MAX_MEMORY_KIB}, …): a stored hash decides how much work verification
 * does, so an absurd one must be refused rather than let it tie up memory and CPU.
 *
 * @param params the cost parameters
 * @param salt   the salt, {@value #MIN_SALT_BYTES}–{@value #MAX_SALT_BYTES} bytes
 * @param hash   the derived hash, {@value #MIN_HASH_BYTES}–{@value #MAX_HASH_BYTES} bytes
 */
record PhcHash(Argon2Params params, Bytes salt, Bytes hash) {

    static final String PREFIX = "$argon2id$v=19$";

    /** 64 MiB: 3.4 × the OWASP memory; RFC 9106's second recommended option. */
    static final int MAX_MEMORY_KIB = 65_536;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 16;
    /** Memory × passes, the work of one verification: at most 6.7 × the OWASP work. */
    static final long MAX_WORK_KIB_PASSES = 262_144;
    /** RFC 9106 permits 8-byte salts; we issue 16. */
    static final int MIN_SALT_BYTES = 8;
    static final int MAX_SALT_BYTES = 64;
    static final int MIN_HASH_BYTES = 16;
    static final int MAX_HASH_BYTES = 64;

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    /** Longest decimal we accept for a parameter: 9 digits cannot overflow an int. */
    private static final int MAX_DIGITS = 9;

    PhcHash {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
    }

    String format() {
        return PREFIX + params.phcSegment() + "$" + ENCODER.encodeToString(salt.toByteArray()) + "$"
                + ENCODER.encodeToString(hash.toByteArray());
    }

    /** The parsed hash, or empty if {@code phc} is not a canonical Argon2id v19 PHC string within the bounds. */
    static Optional<PhcHash> parse(String phc) {
        if (!phc.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<Argon2Params> params = parseParams(parts[0]);
        Optional<Bytes> salt = decodeBase64(parts[1]);
        Optional<Bytes> hash = decodeBase64(parts[2]);
        if (params.isEmpty() || salt.isEmpty() || hash.isEmpty()) {
            return Optional.empty();
        }
        int saltLength = salt.get().length();
        int hashLength = hash.get().length();
        if (saltLength < MIN_SALT_BYTES || saltLength > MAX_SALT_BYTES || hashLength < MIN_HASH_BYTES
                || hashLength > MAX_HASH_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new PhcHash(params.get(), salt.get(), hash.get()));
    }

    private static Optional<Argon2Params> parseParams(String segment) {
        String[] fields = segment.split(",", -1);
        if (fields.length != 3) {
            return Optional.empty();
        }
        int memory = number(fields[0], "m=");
        int iterations = number(fields[1], "t=");
        int parallelism = number(fields[2], "p=");
        if (memory < 0 || iterations < 1 || parallelism < 1 || memory > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS
                || parallelism > MAX_PARALLELISM || memory < 8 * parallelism
                || (long) memory * iterations > MAX_WORK_KIB_PASSES) {
            return Optional.empty();
        }
        return Optional.of(new Argon2Params(memory, iterations, parallelism));
    }

    /** The canonical decimal after {@code key}, or -1. */
    private static int number(String field, String key) {
        if (!field.startsWith(key)) {
            return -1;
        }
        String digits = field.substring(key.length());
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Optional<Bytes> decodeBase64(String text) {
        if (text.isEmpty() || text.indexOf('=') >= 0) {
            return Optional.empty();
        }
        try {
            byte[] decoded = DECODER.decode(text);
            // Re-encoding catches non-zero padding bits: only one spelling of each value is accepted.
            if (!ENCODER.encodeToString(decoded).equals(text)) {
                return Optional.empty();
            }
            return Optional.of(Bytes.wrapUnsafe(decoded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
