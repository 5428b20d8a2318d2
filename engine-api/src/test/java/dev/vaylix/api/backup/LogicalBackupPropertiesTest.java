package dev.vaylix.api.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class LogicalBackupPropertiesTest {

    @Property(tries = 300)
    void dumps_round_trip_binary_values_and_u64_fields(@ForAll("entries") List<DumpEntry> unsorted,
                                                       @ForAll long createdAtMs, @ForAll long sequence) {
        TreeMap<Key, DumpEntry> byKey = new TreeMap<>();
        unsorted.forEach(entry -> byKey.put(entry.key(), entry));
        List<DumpEntry> entries = List.copyOf(byKey.values());
        byte[] dump = LogicalBackup.write(createdAtMs, sequence, entries);
        assertEquals(new LogicalDump(2, createdAtMs, 3, sequence, entries), LogicalBackup.parse(dump));
        Verification verification = LogicalBackup.verify(dump, LogicalBackup.manifest(dump).getBytes(), createdAtMs);
        assertEquals(entries.size(), verification.entryCount());
        assertEquals(entries.stream().filter(e -> e.isLiveAt(createdAtMs)).count(), verification.liveEntries());
    }

    @Property(tries = 300)
    void a_damaged_dump_fails_only_with_the_documented_codes(@ForAll("entries") List<DumpEntry> unsorted,
                                                            @ForAll @IntRange(min = 0, max = 100_000) int position,
                                                            @ForAll byte replacement) {
        TreeMap<Key, DumpEntry> byKey = new TreeMap<>();
        unsorted.forEach(entry -> byKey.put(entry.key(), entry));
        byte[] dump = LogicalBackup.write(1, 2, List.copyOf(byKey.values()));
        dump[position % dump.length] = replacement;
        try {
            LogicalBackup.parse(dump);
        } catch (VaylixException e) {
            assertTrue(Set.of(ErrorCode.ENG_004, ErrorCode.ENG_009).contains(e.code()), e.toString());
        }
        try {
            LogicalBackup.verify(dump, 0);
        } catch (VaylixException e) {
            assertTrue(Set.of(ErrorCode.ENG_004, ErrorCode.ENG_009, ErrorCode.SRV_029).contains(e.code()), e.toString());
        }
    }

    @Provide
    Arbitrary<List<DumpEntry>> entries() {
        Arbitrary<Key> keys = Arbitraries.strings().all().ofMaxLength(6)
                .filter(s -> s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).map(Key::of);
        Arbitrary<Bytes> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(10).map(Bytes::of);
        Arbitrary<OptionalLong> expiries = Arbitraries.longs().optional()
                .map(o -> o.map(OptionalLong::of).orElse(OptionalLong.empty()));
        return Combinators.combine(keys, values, Arbitraries.longs(), expiries).as(DumpEntry::new)
                .list().ofMaxSize(8);
    }
}
