package dev.vaylix.lincheck;

import static dev.vaylix.lincheck.RegisterInput.cas;
import static dev.vaylix.lincheck.RegisterInput.read;
import static dev.vaylix.lincheck.RegisterInput.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterModelTest {

    private static final RegisterModel M = RegisterModel.INSTANCE;
    private static final RegisterState A1 = new RegisterState("a", 1);

    @Test
    void starts_absent_at_version_zero() {
        assertEquals(new RegisterState(null, 0), M.init());
    }

    @Test
    void read_must_see_the_current_value_and_version_if_reported() {
        assertEquals(Optional.of(A1), M.step(A1, read(), RegisterOutput.readOk("a")));
        assertEquals(Optional.of(A1), M.step(A1, read(), RegisterOutput.readOk("a", 1)));
        assertEquals(Optional.empty(), M.step(A1, read(), RegisterOutput.readOk("a", 2)));
        assertEquals(Optional.empty(), M.step(A1, read(), RegisterOutput.readOk("b")));
        assertEquals(Optional.empty(), M.step(A1, read(), RegisterOutput.readOk(null)));
    }

    @Test
    void every_store_bumps_the_version_even_with_the_same_value() {
        assertEquals(Optional.of(new RegisterState("a", 2)), M.step(A1, write("a"), RegisterOutput.writeOk()));
        assertEquals(Optional.of(new RegisterState("a", 2)), M.step(A1, write("a"), RegisterOutput.writeOk(2)));
        assertEquals(Optional.empty(), M.step(A1, write("a"), RegisterOutput.writeOk(1)));
    }

    @Test
    void cas_output_must_agree_with_the_comparison() {
        assertEquals(Optional.of(new RegisterState("b", 2)), M.step(A1, cas("a", "b"), RegisterOutput.casOk(true)));
        assertEquals(Optional.empty(), M.step(A1, cas("a", "b"), RegisterOutput.casOk(false)));
        assertEquals(Optional.of(A1), M.step(A1, cas("z", "b"), RegisterOutput.casOk(false)));
        assertEquals(Optional.empty(), M.step(A1, cas("z", "b"), RegisterOutput.casOk(true)));
        assertEquals(Optional.of(A1), M.step(M.init(), cas(null, "a"), RegisterOutput.casOk(true)));
    }

    @Test
    void unknown_operations_apply_as_the_object_would() {
        assertEquals(Optional.of(new RegisterState("b", 2)), M.stepUnknown(A1, write("b")));
        assertEquals(Optional.of(new RegisterState("b", 2)), M.stepUnknown(A1, cas("a", "b")));
        assertEquals(Optional.of(A1), M.stepUnknown(A1, cas("z", "b")), "a failed comparison changes nothing");
        assertTrue(M.isReadOnly(read()));
        assertFalse(M.isReadOnly(write("x")));
        assertFalse(M.isReadOnly(cas("x", "y")));
    }

    @Test
    void states_are_equal_by_value() {
        RegisterState a = new RegisterState(new String("a"), 1);
        assertEquals(A1, a);
        assertEquals(A1.hashCode(), a.hashCode());
        assertFalse(A1.equals(new RegisterState("a", 2)));
    }

    @Test
    void keys_without_observed_versions_are_checked_without_counting_stores() {
        var noVersions = java.util.List.of(
                Operation.ok(0, 1, "x", write("a"), RegisterOutput.writeOk(), 1, 2),
                Operation.<RegisterInput, RegisterOutput>unknown(1, 2, "x", write("b"), 3, 4));
        var model = M.specialize(noVersions);
        RegisterState once = model.stepUnknown(model.init(), write("a")).orElseThrow();
        RegisterState twice = model.stepUnknown(once, write("a")).orElseThrow();
        assertEquals(once, twice, "one store or two of the same value: the same state when nothing reads versions");
        assertEquals("\"a\"", model.describeState(twice));

        var withVersion = java.util.List.of(
                Operation.ok(0, 1, "x", read(), RegisterOutput.readOk(null, 0), 1, 2));
        assertTrue(M.specialize(withVersion) == M, "a reported version keeps versions counted");
    }

    @Test
    void malformed_outputs_are_rejected() {
        assertEquals(LincheckError.LIN_006,
                assertThrows(LincheckException.class, () -> M.validate(read(), RegisterOutput.casOk(true))).code());
        assertEquals(LincheckError.LIN_006, assertThrows(LincheckException.class,
                () -> new RegisterOutput.CasOk(false, java.util.OptionalLong.of(3))).code());
        assertEquals(LincheckError.LIN_006,
                assertThrows(LincheckException.class, () -> RegisterOutput.readOk("a", -1)).code());
    }
}
