package dev.vaylix.server.testing;

import dev.vaylix.server.auth.Argon2Params;
import dev.vaylix.server.auth.PasswordHasher;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;

/** Shared test fixtures. */
public final class Fixtures {

    /** The cheapest legal Argon2id parameters: microseconds per hash, for tests only. */
    public static final Argon2Params CHEAP = new Argon2Params(8, 1, 1);

    private Fixtures() {
    }

    public static PasswordHasher cheapHasher() {
        return new PasswordHasher(CHEAP, new SecureRandom(), 4, Duration.ofSeconds(10));
    }

    /** A well-formed PHC string with arbitrary salt and hash bytes (no hashing), e.g. for codec tests. */
    public static String fakePhc(Random random) {
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        random.nextBytes(salt);
        random.nextBytes(hash);
        Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=8,t=1,p=1$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(hash);
    }

    public static String fakePhc(long seed) {
        return fakePhc(new Random(seed));
    }
}
