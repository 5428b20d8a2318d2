package dev.vaylix.spec.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TLC 2.18's output, as captured from real runs, and what the parser makes of it. */
class TlcResultTest {

    private static final String PASSED = """
            TLC2 Version 2.18 of 20 March 2023
            Starting... (2026-11-22 05:01:56)
            Computing initial states...
            Finished computing initial states: 1 distinct state generated at 2026-11-22 05:02:02.
            Progress(7) at 2026-11-22 05:02:05: 379 states generated (379 s/min), 59 distinct states found (59 ds/min), 22 states left on queue.
            Model checking completed. No error has been found.
              Estimates of the probability that TLC did not check all reachable states
              because two distinct states had the same fingerprint:
              calculated (optimistic):  val = 1.1E-19
            <Timeout line 415, col 1 to line 415, col 10 of module VaylixRaft (417 5 423 16)>: 12:122277
            <Next line 616, col 1 to line 616, col 4 of module VaylixRaft (625 29 626 102)>: 46693:317168
            <Next line 616, col 1 to line 616, col 4 of module VaylixRaft (627 8 627 65)>: 7:8
            1,071,289 states generated, 106,160 distinct states found, 0 states left on queue.
            The depth of the complete state graph search is 38.
            Finished in 02min 15s at (2026-11-22 06:10:18)
            """;

    private static final String VIOLATED = """
            Finished computing initial states: 1 distinct state generated at 2026-11-22 04:38:27.
            Error: Invariant Inv is violated.
            Error: The behavior up to this point is:
            State 1: <Initial predicate>
            x = 0

            State 2: <Next line 5, col 9 to line 5, col 27 of module T>
            x = 1

            5 states generated, 5 distinct states found, 0 states left on queue.
            The depth of the complete state graph search is 5.
            Finished in 00s at (2026-11-22 04:38:27)
            """;

    @Test
    void a_clean_run_passes_with_its_counts_and_coverage() {
        TlcResult r = TlcResult.parse(PASSED, 0, Duration.ofSeconds(135));
        assertEquals(new TlcOutcome.Passed(), r.outcome());
        assertEquals(1_071_289, r.statesGenerated());
        assertEquals(106_160, r.distinctStates());
        assertEquals(38, r.depth());
        assertEquals(12L, r.coverage().get("Timeout"));
        assertEquals(46_700L, r.coverage().get("Next"), "lines of one action add up");
        assertTrue(r.summary().startsWith("passed; 106,160 distinct states"), r.summary());
    }

    @Test
    void an_invariant_violation_keeps_the_counterexample() {
        TlcResult r = TlcResult.parse(VIOLATED, 12, Duration.ZERO);
        assertEquals(new TlcOutcome.InvariantViolated("Inv"), r.outcome());
        assertTrue(r.trace().startsWith("State 1: <Initial predicate>"), r.trace());
        assertTrue(r.trace().endsWith("x = 1"), r.trace());
        assertEquals(5, r.depth());
    }

    @Test
    void a_violation_by_the_initial_state_is_recognised() {
        TlcResult r = TlcResult.parse("Error: Invariant TraceStuck is violated by the initial state:\ntl = 1\n"
                + "Finished in 00s at (2026-11-22 04:38:27)\n", 12, Duration.ZERO);
        assertEquals(new TlcOutcome.InvariantViolated("TraceStuck"), r.outcome());
    }

    @Test
    void a_simulation_run_passes_with_the_states_it_checked() {
        TlcResult r = TlcResult.parse("Running Random Simulation with seed 7 with 1 worker\nComputed 1 initial states...\n"
                + "Progress: 226509 states checked.\nFinished in 33s at (2026-11-22 10:25:15)\n", 0, Duration.ZERO);
        assertEquals(new TlcOutcome.Passed(), r.outcome());
        assertEquals(226_509, r.statesGenerated());
    }

    @Test
    void a_deadlock_is_reported_as_such() {
        TlcResult r = TlcResult.parse("Error: Deadlock reached.\nError: The behavior up to this point is:\n"
                + "State 1: <Initial predicate>\nx = 0\n\n1 states generated, 1 distinct states found, 0 states left on queue.\n",
                11, Duration.ZERO);
        assertEquals(new TlcOutcome.Deadlocked(), r.outcome());
        assertEquals("State 1: <Initial predicate>\nx = 0", r.trace());
    }

    @Test
    void parse_and_evaluation_errors_fail_the_run() {
        TlcResult semantic = TlcResult.parse("Semantic errors:\n\n*** Errors: 1\n\nUnknown operator: `l'.\n"
                + "Error: Parsing or semantic analysis failed.\n", 150, Duration.ZERO);
        assertInstanceOf(TlcOutcome.Failed.class, semantic.outcome());
        TlcResult eval = TlcResult.parse("Error: Evaluating invariant Inv failed.\nTLCGet(10) was undefined.\n", 75,
                Duration.ZERO);
        assertEquals(new TlcOutcome.Failed("Error: Evaluating invariant Inv failed."), eval.outcome());
        TlcResult silent = TlcResult.parse("", 255, Duration.ZERO);
        assertEquals(new TlcOutcome.Failed("TLC exited with status 255 without a verdict"), silent.outcome());
    }
}
