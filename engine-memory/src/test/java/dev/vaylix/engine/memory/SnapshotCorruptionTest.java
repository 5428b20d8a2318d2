package dev.vaylix.engine.memory;

import static dev.vaylix.engine.memory.EngineDriver.key;
import static dev.vaylix.engine.memory.EngineDriver.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.command.Expiration;
import dev.vaylix.api.command.SetCondition;
import dev.vaylix.api.engine.EngineSnapshot;
import java.util.OptionalLong;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A damaged snapshot image either decodes into a valid state or is refused with ENG-004/ENG-009:
 * never another exception, never a state that breaks the engine's invariants.
 */
class SnapshotCorruptionTest {

    private static final EngineSnapshot IMAGE = image();

    private static EngineSnapshot image() {
        EngineDriver driver = new EngineDriver(1_000);
        driver.apply(Command.Set.of(key("bin"), Bytes.fromHex("00ff00")));
        driver.apply(set("ttl", "v", SetCondition.NONE, OptionalLong.empty(), Expiration.seconds(30), false, false));
        driver.apply(set("😀", "emoji"));
        driver.apply(new Command.Incr(key("n")));
        return driver.engine.snapshot();
    }

    @Property(tries = 500)
    void a_flipped_byte_is_refused_with_a_storage_code_or_yields_a_valid_state(
            @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll byte replacement) {
        byte[] bytes = IMAGE.state().toByteArray();
        bytes[position % bytes.length] = replacement;
        MemoryEngine engine = new MemoryEngine();
        try {
            engine.restore(new EngineSnapshot(IMAGE.appliedIndex(), Bytes.of(bytes)));
        } catch (VaylixException e) {
            assertTrue(Set.of(ErrorCode.ENG_004, ErrorCode.ENG_009).contains(e.code()), e.toString());
            return;
        }
        State state = engine.state();
        PersistentTreeTest.checkInvariants(state.data(), KeyOrder.KEYS);
        PersistentTreeTest.checkInvariants(state.expiries(), ExpiryKey.ORDER);
        MemoryEngine again = new MemoryEngine();
        again.restore(engine.snapshot());
        assertEquals(engine.storedEntries(), again.storedEntries(), "what decodes re-encodes to the same state");
    }
}
