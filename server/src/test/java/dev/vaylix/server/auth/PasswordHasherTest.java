package dev.vaylix.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.server.testing.Fixtures;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    /** Known-answer vectors of the Argon2 reference implementation (src/test.c), password "password", salt "somesalt". */
    static final String KAT_M256_P1 = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    static final String KAT_M256_P2 = "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc";

    static final Pattern OWASP_PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");

    final PasswordHasher cheap = Fixtures.cheapHasher();

    static VaylixException fails(ErrorCode code, Runnable action) {
        VaylixException e = assertThrows(VaylixException.class, action::run);
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    @Test
    void reference_vectors_verify_with_the_parameters_in_the_string() {
        assertTrue(cheap.verify("password", KAT_M256_P1));
        assertTrue(cheap.verify("password", KAT_M256_P2));
        assertFalse(cheap.verify("Password", KAT_M256_P1));
        assertFalse(cheap.verify("password ", KAT_M256_P2));
    }

    @Test
    void owasp_hashes_have_the_exact_phc_form_and_verify() {
        PasswordHasher owasp = PasswordHasher.owasp();
        String phc = owasp.hash("correct horse 1");
        assertTrue(OWASP_PHC.matcher(phc).matches(), phc);
        assertTrue(owasp.verify("correct horse 1", phc));
        assertFalse(owasp.verify("correct horse 2", phc));
    }

    @Test
    void every_hash_gets_a_fresh_salt() {
        String first = cheap.hash("same password 1");
        String second = cheap.hash("same password 1");
        assertNotEquals(first, second);
        assertTrue(cheap.verify("same password 1", first));
        assertTrue(cheap.verify("same password 1", second));
    }

    @Test
    void hashes_made_with_other_parameters_still_verify() {
        String strong = new PasswordHasher(new Argon2Params(64, 2, 2), new SecureRandom(), 1, Duration.ofSeconds(5)).hash("pw");
        assertTrue(strong.startsWith("$argon2id$v=19$m=64,t=2,p=2$"));
        assertTrue(cheap.verify("pw", strong));
    }

    @Test
    void non_ascii_passwords_hash_their_utf8_bytes() {
        String phc = cheap.hash("pässwörd-\uD83D\uDD11");
        assertTrue(cheap.verify("pässwörd-\uD83D\uDD11", phc));
        assertFalse(cheap.verify("passwoerd-\uD83D\uDD11", phc));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plaintext",
        "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=0256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=+256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ=$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHR$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR_uIPnA4rEsF5h7TKyQwu9U1bMCHGi-4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEs",
        "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=65536,t=8,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=1000000,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=32$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=8,t=2,p=2$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
    })
    void malformed_or_absurd_stored_hashes_fail_closed_with_srv_009(String phc) {
        VaylixException e = fails(ErrorCode.SRV_009, () -> cheap.verify("password", phc));
        assertEquals("server authentication configuration is invalid", e.getMessage());
        assertFalse(PasswordHasher.isWellFormed(phc));
    }

    @Test
    void the_largest_accepted_cost_is_the_bound_not_more() {
        assertTrue(PasswordHasher.isWellFormed("$argon2id$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"));
        assertFalse(PasswordHasher.isWellFormed("$argon2id$v=19$m=65536,t=5,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"));
    }

    @Test
    void callers_beyond_the_cap_wait_then_fail_with_srv_012() throws Exception {
        PasswordHasher hasher = new PasswordHasher(Fixtures.CHEAP, new SecureRandom(), 1, Duration.ofMillis(20));
        hasher.slotsForTest().acquire();
        try {
            VaylixException e = fails(ErrorCode.SRV_012, () -> hasher.hash("pw"));
            assertEquals("request rate limit exceeded", e.getMessage());
            fails(ErrorCode.SRV_012, () -> hasher.verify("password", KAT_M256_P1));
        } finally {
            hasher.slotsForTest().release();
        }
        assertTrue(hasher.verify("password", KAT_M256_P1), "the slot is usable again");
        assertEquals(1, hasher.slotsForTest().availablePermits(), "no slot leaked");
    }

    @Test
    void a_waiting_caller_proceeds_when_a_slot_frees_up() throws Exception {
        PasswordHasher hasher = new PasswordHasher(Fixtures.CHEAP, new SecureRandom(), 1, Duration.ofSeconds(30));
        hasher.slotsForTest().acquire();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> hasher.verify("password", KAT_M256_P1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!hasher.slotsForTest().hasQueuedThreads() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(hasher.slotsForTest().hasQueuedThreads(), "the caller is waiting for the slot");
        hasher.slotsForTest().release();
        assertTrue(waiting.get(10, TimeUnit.SECONDS));
    }

    @Test
    void an_interrupted_waiter_fails_and_keeps_its_interrupt() {
        PasswordHasher hasher = new PasswordHasher(Fixtures.CHEAP, new SecureRandom(), 1, Duration.ofSeconds(30));
        hasher.slotsForTest().acquireUninterruptibly();
        try {
            Thread.currentThread().interrupt();
            fails(ErrorCode.SRV_012, () -> hasher.hash("pw"));
            assertTrue(Thread.interrupted(), "interrupt status restored (and cleared here)");
        } finally {
            hasher.slotsForTest().release();
        }
    }

    @Test
    void the_decoy_takes_a_slot_and_never_succeeds() {
        assertFalse(cheap.verifyDecoy("anything"));
        assertEquals(cheap.maxConcurrentHashes(), cheap.slotsForTest().availablePermits());
    }

    @Test
    void parameters_are_validated() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2Params(15, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Params(8, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Params(8, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PasswordHasher(Fixtures.CHEAP, new SecureRandom(), 0, Duration.ZERO));
        assertEquals(new Argon2Params(19_456, 2, 1), Argon2Params.OWASP);
    }
}
