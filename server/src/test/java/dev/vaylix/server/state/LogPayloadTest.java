package dev.vaylix.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.Key;
import dev.vaylix.api.VaylixException;
import dev.vaylix.api.command.Command;
import dev.vaylix.api.engine.WriteBatch;
import dev.vaylix.api.engine.WriteBatchCodec;
import dev.vaylix.server.rbac.AuthMutation;
import dev.vaylix.server.rbac.AuthMutationCodec;
import dev.vaylix.server.testing.Fixtures;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LogPayloadTest {

    @Test
    void aDataPayloadIsTagOneThenTheWriteBatchEncoding() {
        WriteBatch batch = WriteBatch.single(Command.Set.of(Key.of("k"), Bytes.utf8("v")));
        Bytes payload = LogPayload.data(batch);
        assertEquals(Bytes.fromHex("01").concat(WriteBatchCodec.encode(batch)), payload);
        assertEquals("01" + "01010601" + "6b01760000" + "00", payload.toHex(), "LOG_PAYLOAD.md's example, tagged");
        assertEquals(new LogPayload.Data(batch), LogPayload.decode(payload));
    }

    @Test
    void anAuthPayloadIsTagTwoThenTheMutationEncoding() {
        AuthMutation mutation = new AuthMutation.CreateUser("alice", Fixtures.fakePhc(1));
        Bytes payload = LogPayload.auth(mutation);
        assertEquals(Bytes.fromHex("02").concat(AuthMutationCodec.encode(mutation)), payload);
        assertEquals(new LogPayload.Auth(mutation), LogPayload.decode(payload));
    }

    @Test
    void anEmptyPayloadOrAnUnknownTagIsCorruption() {
        assertEquals(ErrorCode.ENG_014, assertThrows(VaylixException.class, () -> LogPayload.decode(Bytes.EMPTY)).code());
        VaylixException unknown = assertThrows(VaylixException.class, () -> LogPayload.decode(Bytes.fromHex("0701")));
        assertEquals(ErrorCode.ENG_014, unknown.code());
        assertEquals("write-ahead log deserialization failed: unknown command payload tag 0x7", unknown.getMessage());
    }

    @Test
    void aBrokenInnerPayloadIsCorruptionWithTheInnerErrorAsCause() {
        VaylixException broken = assertThrows(VaylixException.class, () -> LogPayload.decode(Bytes.fromHex("0291")));
        assertEquals(ErrorCode.ENG_014, broken.code());
        VaylixException cause = assertInstanceOf(VaylixException.class, broken.getCause());
        assertEquals(ErrorCode.SRV_026, cause.code());
    }

    @Property(tries = 500)
    void arbitraryBytesDecodeOrFailWithEng014Only(@ForAll byte[] bytes) {
        try {
            assertNotNull(LogPayload.decode(Bytes.of(bytes)));
        } catch (VaylixException e) {
            assertEquals(ErrorCode.ENG_014, e.code(), e.getMessage());
        }
    }
}
