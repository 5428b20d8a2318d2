package dev.vaylix.server.rbac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.server.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.From;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The auth state as a replicated state machine: deterministic, invariant-preserving, losslessly encoded. */
class AuthStatePropertiesTest {

    static final List<String> USERS = List.of("a", "b", "c", "vaylix", "root", "ü");
    static final List<String> ROLES = List.of("admin", "r1", "r2", "x", "\uD83D\uDE00");
    static final List<String> PERMISSIONS = List.of("read", "WRITE", "admin", "Metrics", "role_admin", "fly");
    static final List<String> PATTERNS = List.of("*", "k*", "a?*", "x", "");
    static final List<String> HASHES = List.of(Fixtures.fakePhc(1), Fixtures.fakePhc(2), Fixtures.fakePhc(3));

    @Provide
    Arbitrary<AuthMutation> mutations() {
        Arbitrary<String> user = Arbitraries.of(USERS);
        Arbitrary<String> role = Arbitraries.of(ROLES);
        Arbitrary<String> permission = Arbitraries.of(PERMISSIONS);
        Arbitrary<String> pattern = Arbitraries.of(PATTERNS);
        Arbitrary<String> hash = Arbitraries.of(HASHES);
        return Arbitraries.oneOf(
                Combinators.combine(user, hash).as(AuthMutation.CreateUser::new),
                Combinators.combine(user, hash).as(AuthMutation.AlterUserPassword::new),
                user.map(AuthMutation.DropUser::new),
                role.map(AuthMutation.CreateRole::new),
                role.map(AuthMutation.DropRole::new),
                Combinators.combine(role, user).as(AuthMutation.GrantRole::new),
                Combinators.combine(role, user).as(AuthMutation.RevokeRole::new),
                Combinators.combine(permission, pattern, role).as(AuthMutation.GrantPermission::new),
                Combinators.combine(permission, pattern, role).as(AuthMutation.RevokePermission::new),
                Combinators.combine(user, hash, Arbitraries.of(true, false), hash.optional())
                        .as(AuthMutation.BootstrapAdmin::new));
    }

    static List<AuthState> run(List<AuthMutation> mutations) {
        List<AuthState> states = new ArrayList<>();
        AuthState state = AuthState.INITIAL;
        states.add(state);
        for (AuthMutation mutation : mutations) {
            state = state.apply(mutation).state();
            states.add(state);
        }
        return states;
    }

    @Property(tries = 120)
    void replicas_applying_the_same_log_reach_byte_identical_states(@ForAll @Size(max = 30) List<@From("mutations") AuthMutation> log) {
        List<AuthState> first = run(log);
        List<AuthState> second = run(log);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i), second.get(i));
            assertEquals(AuthStateCodec.encode(first.get(i)), AuthStateCodec.encode(second.get(i)));
        }
    }

    @Property(tries = 120)
    void every_reachable_state_survives_the_snapshot_codec(@ForAll @Size(max = 30) List<@From("mutations") AuthMutation> log) {
        for (AuthState state : run(log)) {
            Bytes encoded = AuthStateCodec.encode(state);
            AuthState decoded = AuthStateCodec.decode(encoded);
            assertEquals(state, decoded);
            assertEquals(encoded, AuthStateCodec.encode(decoded));
        }
    }

    @Property(tries = 120)
    void revisions_count_exactly_the_changes(@ForAll @Size(max = 30) List<@From("mutations") AuthMutation> log) {
        AuthState state = AuthState.INITIAL;
        for (AuthMutation mutation : log) {
            AuthResult result = state.apply(mutation);
            if (result instanceof AuthResult.Rejected rejected) {
                assertSame(state, rejected.state());
                assertTrue(rejected.code().code().startsWith("SRV-0"), rejected::toString);
            } else if (result.state() == state) {
                assertEquals(state.revision(), result.state().revision());
            } else {
                assertEquals(state.revision() + 1, result.state().revision());
                assertTrue(!result.state().equals(state), () -> "a new instance must differ: " + mutation);
            }
            state = result.state();
        }
    }

    @Property(tries = 120)
    void once_bootstrapped_an_enabled_admin_always_remains(@ForAll @Size(max = 30) List<@From("mutations") AuthMutation> log) {
        AuthState state = AuthState.INITIAL.apply(new AuthMutation.BootstrapAdmin("root", HASHES.get(0), false, Optional.empty())).state();
        for (AuthMutation mutation : log) {
            state = state.apply(mutation).state();
            assertTrue(state.enabledAdminCount() >= 1, () -> "no admin left after " + mutation);
        }
    }

    @Property(tries = 1000)
    void mutations_survive_the_log_codec(@ForAll("mutations") AuthMutation mutation) {
        assertEquals(mutation, AuthMutationCodec.decode(AuthMutationCodec.encode(mutation)));
    }

    @Property(tries = 2000)
    void arbitrary_bytes_decode_to_a_canonical_state_or_fail_with_srv_026(@ForAll byte[] garbage) {
        assertDecodesCanonicallyOrFails(garbage);
    }

    @Property(tries = 1000)
    void a_flipped_byte_in_a_state_is_caught_or_yields_another_canonical_state(
            @ForAll @Size(max = 20) List<@From("mutations") AuthMutation> log, @ForAll int position, @ForAll byte xor) {
        List<AuthState> states = run(log);
        byte[] bytes = AuthStateCodec.encode(states.get(states.size() - 1)).toByteArray();
        bytes[Math.floorMod(position, bytes.length)] ^= xor == 0 ? 1 : xor;
        assertDecodesCanonicallyOrFails(bytes);
    }

    @Property(tries = 2000)
    void arbitrary_bytes_never_crash_the_mutation_decoder(@ForAll byte[] garbage) {
        try {
            AuthMutation mutation = AuthMutationCodec.decode(Bytes.of(garbage));
            assertArrayEquals(garbage, AuthMutationCodec.encode(mutation).toByteArray());
        } catch (VaylixException e) {
            assertEquals(ErrorCode.SRV_026, e.code());
        }
    }

    private static void assertDecodesCanonicallyOrFails(byte[] bytes) {
        AuthState decoded;
        try {
            decoded = AuthStateCodec.decode(Bytes.of(bytes));
        } catch (VaylixException e) {
            assertEquals(ErrorCode.SRV_026, e.code());
            return;
        }
        assertArrayEquals(bytes, AuthStateCodec.encode(decoded).toByteArray(), "the decoder accepts only canonical encodings");
    }
}
