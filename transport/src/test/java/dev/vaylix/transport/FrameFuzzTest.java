package dev.vaylix.transport;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.zip.CRC32;

/**
 * Fuzzes the frame decoder. Plain {@code mvn test} replays the seeds in
 * {@code src/test/resources/dev/vaylix/transport/FrameFuzzTestInputs/decodeFrame/}; {@code JAZZER_FUZZ=1} fuzzes.
 *
 * <p>Random bytes almost never carry a valid CRC-32, so the harness can repair the frame first: the last input
 * byte picks a mode (the provider takes integers from the end of the input, byte arrays from the front):
 * 0 = decode the bytes as they are; 1 = fix the length and checksum fields of the header; 2 = the bytes are a
 * body, framed uncompressed; 3 = the bytes are a zstd payload (flag set, checksum valid). Modes 2 and 3 reach
 * the envelope decoders and the decompressor with arbitrary content.
 */
class FrameFuzzTest {

    private static final FrameSettings RECEIVER = FrameSettings.negotiated(Compression.ZSTD, 1024, 64 * 1024);

    @FuzzTest(maxDuration = "30s")
    void decodeFrame(FuzzedDataProvider data) {
        int mode = data.consumeInt(0, 3);
        byte[] input = data.consumeRemainingAsBytes();
        byte[] frame = switch (mode) {
            case 0 -> input;
            case 1 -> repairHeader(input);
            case 2 -> frame(input, 0);
            default -> frame(input, Vtp2.FLAG_ZSTD);
        };
        byte[] body;
        try {
            body = Frames.decode(frame, RECEIVER);
        } catch (dev.vaylix.api.VaylixException e) {
            Fuzzing.requireCode(e, EnumSet.of(dev.vaylix.api.ErrorCode.TRN_001, dev.vaylix.api.ErrorCode.TRN_005,
                    dev.vaylix.api.ErrorCode.TRN_006, dev.vaylix.api.ErrorCode.TRN_007, dev.vaylix.api.ErrorCode.TRN_009,
                    dev.vaylix.api.ErrorCode.TRN_010, dev.vaylix.api.ErrorCode.TRN_011, dev.vaylix.api.ErrorCode.TRN_017));
            return;
        }
        if (body.length > RECEIVER.maxDecompressedFrameLen()) {
            throw new AssertionError("a body beyond the limit was returned: " + body.length);
        }
        Fuzzing.decodeAsRequestAndResponse(body);
    }

    /** The input with its length and checksum fields made consistent with its payload. */
    private static byte[] repairHeader(byte[] input) {
        if (input.length < Vtp2.HEADER_BYTES) {
            return input;
        }
        byte[] frame = input.clone();
        ByteBuffer header = ByteBuffer.wrap(frame);
        header.putInt(6, frame.length - Vtp2.HEADER_BYTES);
        header.putInt(10, crc(frame, Vtp2.HEADER_BYTES, frame.length - Vtp2.HEADER_BYTES));
        return frame;
    }

    private static byte[] frame(byte[] payload, int flags) {
        return ByteBuffer.allocate(Vtp2.HEADER_BYTES + payload.length).putInt(Vtp2.MAGIC).put((byte) Vtp2.VERSION)
                .put((byte) flags).putInt(payload.length).putInt(crc(payload, 0, payload.length)).put(payload).array();
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
