package dev.vaylix.transport;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vaylix.api.command.CommandType;

/**
 * Fuzzes the request decoders: the last input byte chooses an opcode (0x01–0x49, so every payload decoder
 * gets inputs), the rest is the payload after an envelope without metadata; one more mode feeds the bytes as
 * a whole request body (envelope and metadata included). A command that decodes must survive re-encoding.
 * Seeds replay in {@code mvn test} from {@code RequestPayloadFuzzTestInputs/decodeRequest/}.
 */
class RequestPayloadFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decodeRequest(FuzzedDataProvider data) {
        int opcode = data.consumeInt(0, 0x49); // 0 = the input is a whole request body
        byte[] input = data.consumeRemainingAsBytes();
        if (opcode == 0) {
            Fuzzing.decodeRequest(input);
            return;
        }
        byte[] body = new byte[Vtp2.REQUEST_MIN_BYTES + input.length];
        body[Vtp2.REQUEST_MIN_BYTES - 1] = (byte) opcode;
        System.arraycopy(input, 0, body, Vtp2.REQUEST_MIN_BYTES, input.length);
        Fuzzing.decodeRequest(body);
        if (CommandType.fromOpcode(opcode).isEmpty() && ReplicationOpcode.fromOpcode(opcode).isEmpty()) {
            throw new AssertionError("opcode range of the harness is wrong: " + opcode);
        }
    }
}
