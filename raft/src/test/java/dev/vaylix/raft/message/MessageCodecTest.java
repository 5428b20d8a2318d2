package dev.vaylix.raft.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.log.EntryKind;
import dev.vaylix.api.log.LogEntry;
import dev.vaylix.raft.confchange.Configuration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The versioned binary codec: every message round-trips; malformed input fails with a stable code. */
class MessageCodecTest {

    @Property(tries = 500)
    void everyMessageRoundTripsThroughItsBinaryForm(@ForAll("messages") Message message) {
        Bytes encoded = MessageCodec.encode(message);
        assertEquals(message, MessageCodec.decode(encoded));
        assertEquals(MessageCodec.VERSION, encoded.byteAt(0));
    }

    @Property(tries = 300)
    void everyTruncationOfAMessageIsRejectedWithUnexpectedEnd(@ForAll("messages") Message message,
                                                               @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        Bytes encoded = MessageCodec.encode(message);
        int length = cut % encoded.length();
        VaylixException e = assertThrows(VaylixException.class, () -> MessageCodec.decode(encoded.slice(0, length)));
        assertTrue(e.code() == ErrorCode.TRN_007 || e.code() == ErrorCode.TRN_008, e.describe());
    }

    @Property(tries = 500)
    void arbitraryBytesNeverCrashTheDecoder(@ForAll byte[] garbage) {
        try {
            Message decoded = MessageCodec.decode(Bytes.of(garbage));
            // Whatever decodes must be a valid message that encodes back to the same bytes.
            assertEquals(Bytes.of(garbage), MessageCodec.encode(decoded));
        } catch (VaylixException e) {
            assertTrue(e.code().family() == ErrorCode.Family.TRN, e.describe());
        }
    }

    @Property(tries = 200)
    void configurationsRoundTrip(@ForAll("configurations") Configuration configuration) {
        assertEquals(configuration, ConfigurationCodec.decode(ConfigurationCodec.encode(configuration)));
    }

    @Test
    void anUnknownVersionIsACorruptedPayload() {
        byte[] bytes = MessageCodec.encode(new TimeoutNow(new Header("c", "a", "b", 3))).toByteArray();
        bytes[0] = 2;
        VaylixException e = assertThrows(VaylixException.class, () -> MessageCodec.decode(Bytes.of(bytes)));
        assertEquals(ErrorCode.TRN_008, e.code());
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void anUnknownTypeTrailingBytesAndBadBooleansAreCorruptedPayloads() {
        byte[] timeoutNow = MessageCodec.encode(new TimeoutNow(new Header("c", "a", "b", 3))).toByteArray();
        byte[] unknownType = timeoutNow.clone();
        unknownType[1] = 0x7F;
        assertEquals(ErrorCode.TRN_008, assertThrows(VaylixException.class,
                () -> MessageCodec.decode(Bytes.of(unknownType))).code());
        byte[] trailing = Arrays.copyOf(timeoutNow, timeoutNow.length + 1);
        assertEquals(ErrorCode.TRN_008, assertThrows(VaylixException.class,
                () -> MessageCodec.decode(Bytes.of(trailing))).code());
        byte[] vote = MessageCodec.encode(new VoteResponse(new Header("c", "a", "b", 3), true)).toByteArray();
        vote[vote.length - 1] = 2;
        assertEquals(ErrorCode.TRN_008, assertThrows(VaylixException.class,
                () -> MessageCodec.decode(Bytes.of(vote))).code());
    }

    @Test
    void invalidUtf8InAnIdIsReportedAsSuch() {
        byte[] bytes = MessageCodec.encode(new TimeoutNow(new Header("c", "a", "b", 3))).toByteArray();
        // layout: version, type, clusterId length (2) and "c", from length (2) and "a" at offset 7
        bytes[7] = (byte) 0xFF;
        assertEquals(ErrorCode.TRN_012, assertThrows(VaylixException.class,
                () -> MessageCodec.decode(Bytes.of(bytes))).code());
    }

    @Test
    void aHugeDeclaredEntryCountIsRefusedBeforeAllocating() {
        AppendEntries append = new AppendEntries(new Header("c", "a", "b", 3), 0, 0, List.of(), 0);
        byte[] bytes = MessageCodec.encode(append).toByteArray();
        // the entry count is the last 4 bytes of an empty AppendEntries
        bytes[bytes.length - 4] = 0x00;
        bytes[bytes.length - 3] = 0x00;
        bytes[bytes.length - 2] = (byte) 0xFF;
        bytes[bytes.length - 1] = (byte) 0xFF;
        VaylixException e = assertThrows(VaylixException.class, () -> MessageCodec.decode(Bytes.of(bytes)));
        assertEquals(ErrorCode.TRN_008, e.code());
    }

    @Test
    void aMessageThatBreaksARecordInvariantIsACorruptedPayload() {
        // A heartbeat addressed by a node to itself: the Header constructor refuses it.
        byte[] bytes = MessageCodec.encode(new TimeoutNow(new Header("c", "a", "b", 3))).toByteArray();
        int toAt = 2 + 2 + 1 + 2 + 1 + 2;
        bytes[toAt] = 'a';
        assertEquals(ErrorCode.TRN_008, assertThrows(VaylixException.class,
                () -> MessageCodec.decode(Bytes.of(bytes))).code());
    }

    // ---- generators ----

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Header> headers = Combinators.combine(ids(), ids(), ids(), Arbitraries.longs().between(0, 1L << 40))
                .filter((c, f, t, term) -> !f.equals(t))
                .as(Header::new);
        Arbitrary<Long> indexes = Arbitraries.longs().between(1, 1L << 40);
        Arbitrary<Bytes> contexts = Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(Bytes::of);
        return Arbitraries.oneOf(
                Combinators.combine(headers, indexes, indexes).as(PreVoteRequest::new),
                Combinators.combine(headers, Arbitraries.of(true, false)).as(PreVoteResponse::new),
                Combinators.combine(headers, indexes, indexes, Arbitraries.of(true, false)).as(VoteRequest::new),
                Combinators.combine(headers, Arbitraries.of(true, false)).as(VoteResponse::new),
                appendEntries(headers),
                Combinators.combine(headers, Arbitraries.of(true, false), indexes, indexes, indexes).as(AppendResponse::new),
                Combinators.combine(headers, indexes, indexes).as(Heartbeat::new),
                Combinators.combine(headers, indexes).as(HeartbeatResponse::new),
                installSnapshots(headers),
                Combinators.combine(headers, indexes, indexes).as(InstallSnapshotResponse::new),
                Combinators.combine(headers, contexts).as(ReadIndexRequest::new),
                Combinators.combine(headers, contexts, indexes).as((h, c, i) -> new ReadIndexResponse(h, c, true, i)),
                Combinators.combine(headers, contexts).as((h, c) -> new ReadIndexResponse(h, c, false, 0)),
                headers.map(TimeoutNow::new));
    }

    private Arbitrary<Message> appendEntries(Arbitrary<Header> headers) {
        return Combinators.combine(headers, Arbitraries.longs().between(0, 1000), Arbitraries.integers().between(0, 5),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40), Arbitraries.longs().between(0, 5000))
                .as((h, prev, count, payload, commit) -> {
                    List<LogEntry> entries = new ArrayList<>();
                    // Entries have terms >= 1 and never above the sender's term, so a term-0 header carries none.
                    int entryCount = h.term() == 0 ? 0 : count;
                    for (int i = 0; i < entryCount; i++) {
                        EntryKind kind = EntryKind.values()[i % EntryKind.values().length];
                        entries.add(new LogEntry(prev + 1 + i, h.term(), kind, 1_700_000_000_000L + i,
                                Bytes.of(payload)));
                    }
                    long prevTerm = prev == 0 ? 0 : Math.max(1, h.term());
                    return new AppendEntries(h, prev, prevTerm, entries, commit);
                });
    }

    private Arbitrary<Message> installSnapshots(Arbitrary<Header> headers) {
        return Combinators.combine(headers, Arbitraries.longs().between(1, 1L << 30), configurations(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64), Arbitraries.integers().between(0, 100))
                .as((h, index, configuration, chunk, offset) -> new InstallSnapshot(h, index, Math.max(1, h.term()),
                        configuration, offset + chunk.length + 7L, offset, Bytes.of(chunk)));
    }

    @Provide
    Arbitrary<Configuration> configurations() {
        return ids().set().ofMaxSize(6).flatMap(all -> Arbitraries.integers().between(0, all.size()).map(cut -> {
            List<String> sorted = new ArrayList<>(new TreeSet<>(all));
            return new Configuration(new TreeSet<>(sorted.subList(0, cut)), new TreeSet<>(sorted.subList(cut, sorted.size())));
        }));
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_', '.', 'é', '9').ofMinLength(1).ofMaxLength(12);
    }
}
