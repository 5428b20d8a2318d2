package dev.vaylix.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaylix.api.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The frame layer: receiver check order and messages (§1.2), sender rules (§1.3). */
class FrameCodecTest {

    private static final FrameSettings PLAIN = FrameSettings.HELLO;
    private static final byte[] BODY = "hello".getBytes();

    /** A frame with every field chosen by the test; the CRC is computed unless given. */
    static byte[] rawFrame(int magic, int version, int flags, long length, byte[] payload, Long crc) {
        ByteBuffer frame = ByteBuffer.allocate(Vtp2.HEADER_BYTES + payload.length);
        CRC32 checksum = new CRC32();
        checksum.update(payload);
        frame.putInt(magic).put((byte) version).put((byte) flags).putInt((int) length)
                .putInt((int) (crc != null ? crc : checksum.getValue())).put(payload);
        return frame.array();
    }

    static byte[] validFrame(byte[] payload) {
        return rawFrame(Vtp2.MAGIC, 2, 0, payload.length, payload, null);
    }

    @Test
    void aFrameRoundTripsUncompressed() {
        byte[] frame = Frames.encode(BODY, PLAIN);
        assertEquals(Vtp2.HEADER_BYTES + BODY.length, frame.length);
        assertEquals(0, frame[5], "flags");
        assertArrayEquals(BODY, Frames.decode(frame, PLAIN));
    }

    @Test
    void cleanEndOfStreamBeforeAFrameIsNotAnError() {
        assertNull(new FrameReader(new ByteArrayInputStream(new byte[0])).read(PLAIN));
    }

    @Test
    void endOfStreamInsideTheHeaderIsUnexpectedEnd() {
        byte[] frame = validFrame(BODY);
        for (int cut = 1; cut < Vtp2.HEADER_BYTES; cut++) {
            byte[] truncated = Arrays.copyOf(frame, cut);
            Expect.error(ErrorCode.TRN_007, "unexpected end of input", () -> Frames.decode(truncated, PLAIN));
        }
    }

    @Test
    void endOfStreamInsideThePayloadIsUnexpectedEnd() {
        byte[] frame = validFrame(BODY);
        for (int cut = Vtp2.HEADER_BYTES; cut < frame.length; cut++) {
            byte[] truncated = Arrays.copyOf(frame, cut);
            Expect.error(ErrorCode.TRN_007, () -> Frames.decode(truncated, PLAIN));
        }
    }

    @Test
    void wrongMagicIsInvalidFrame_includingTheOldVtp1() {
        Expect.error(ErrorCode.TRN_001, "invalid frame",
                () -> Frames.decode(rawFrame(0x56545031, 2, 0, BODY.length, BODY, null), PLAIN));
        Expect.error(ErrorCode.TRN_001, () -> Frames.decode(rawFrame(0, 2, 0, BODY.length, BODY, null), PLAIN));
    }

    @Test
    void wrongVersionIsVersionMismatch() {
        Expect.error(ErrorCode.TRN_005, "protocol version mismatch: expected 2, got 1",
                () -> Frames.decode(rawFrame(Vtp2.MAGIC, 1, 0, BODY.length, BODY, null), PLAIN));
        Expect.error(ErrorCode.TRN_005, "protocol version mismatch: expected 2, got 255",
                () -> Frames.decode(rawFrame(Vtp2.MAGIC, 255, 0, BODY.length, BODY, null), PLAIN));
    }

    @Test
    void aLengthAboveEightMebibytesIsTooLargeBeforeAnyByteOfPayloadIsRead() {
        byte[] headerOnly = rawFrame(Vtp2.MAGIC, 2, 0, Vtp2.MAX_FRAME_LEN + 1L, new byte[0], 0L);
        Expect.error(ErrorCode.TRN_006, "frame too large: 8388609 bytes exceeds maximum 8388608 bytes",
                () -> Frames.decode(headerOnly, PLAIN));
        byte[] huge = rawFrame(Vtp2.MAGIC, 2, 0, 0xFFFF_FFFFL, new byte[0], 0L);
        Expect.error(ErrorCode.TRN_006, "frame too large: 4294967295 bytes exceeds maximum 8388608 bytes",
                () -> Frames.decode(huge, PLAIN));
    }

    @Test
    void flagsOtherThanZstdAreUnsupported() {
        for (int flags : new int[] {0x02, 0x03, 0x80, 0xFF}) {
            Expect.error(ErrorCode.TRN_010, String.format("unsupported frame flags: 0x%02X", flags),
                    () -> Frames.decode(rawFrame(Vtp2.MAGIC, 2, flags, BODY.length, BODY, null), PLAIN));
        }
    }

    @Test
    void aLengthAboveTheNegotiatedLimitIsTooLarge() {
        FrameSettings small = FrameSettings.negotiated(Compression.NONE, 0, 4);
        Expect.error(ErrorCode.TRN_006, "frame too large: 5 bytes exceeds maximum 4 bytes",
                () -> Frames.decode(validFrame(BODY), small));
    }

    @Test
    void aWrongChecksumIsAMismatchInUpperCaseHex() {
        Expect.error(ErrorCode.TRN_009, "frame checksum mismatch: expected 0x0000ABCD, got 0x3610A686",
                () -> Frames.decode(rawFrame(Vtp2.MAGIC, 2, 0, BODY.length, BODY, 0xABCDL), PLAIN));
    }

    @Test
    void checksAreAppliedInTheOrderOfTheSpecification() {
        // magic before version
        Expect.error(ErrorCode.TRN_001, () -> Frames.decode(rawFrame(0, 9, 0xFF, 1L << 31, new byte[0], 1L), PLAIN));
        // version before length
        Expect.error(ErrorCode.TRN_005, () -> Frames.decode(rawFrame(Vtp2.MAGIC, 9, 0xFF, 1L << 31, new byte[0], 1L), PLAIN));
        // absolute length before flags
        Expect.error(ErrorCode.TRN_006, () -> Frames.decode(rawFrame(Vtp2.MAGIC, 2, 0xFF, 1L << 31, new byte[0], 1L), PLAIN));
        // flags before the negotiated length
        FrameSettings small = FrameSettings.negotiated(Compression.NONE, 0, 1);
        Expect.error(ErrorCode.TRN_010, () -> Frames.decode(rawFrame(Vtp2.MAGIC, 2, 0x02, BODY.length, BODY, 1L), small));
        // negotiated length before reading the payload (here: before discovering it is missing)
        Expect.error(ErrorCode.TRN_006, () -> Frames.decode(rawFrame(Vtp2.MAGIC, 2, 0, 100, new byte[0], 1L), small));
        // payload before checksum
        Expect.error(ErrorCode.TRN_007, () -> Frames.decode(rawFrame(Vtp2.MAGIC, 2, 0, 100, BODY, 1L), PLAIN));
        // checksum before decompression
        Expect.error(ErrorCode.TRN_009, () -> Frames.decode(rawFrame(Vtp2.MAGIC, 2, 1, BODY.length, BODY, 1L), PLAIN));
    }

    @Test
    void aBufferWithBytesAfterTheFrameIsInvalid() {
        byte[] frame = validFrame(BODY);
        byte[] extended = Arrays.copyOf(frame, frame.length + 1);
        Expect.error(ErrorCode.TRN_001, () -> Frames.decode(extended, PLAIN));
    }

    @Test
    void aStreamCarriesFramesBackToBack() {
        byte[] two = Hex.concat(validFrame(BODY), validFrame(new byte[0]), validFrame(BODY));
        FrameReader reader = new FrameReader(new ByteArrayInputStream(two));
        assertEquals(ByteBuffer.wrap(BODY), reader.read(PLAIN));
        assertEquals(0, reader.read(PLAIN).remaining());
        assertEquals(ByteBuffer.wrap(BODY), reader.read(PLAIN));
        assertNull(reader.read(PLAIN));
    }

    @Test
    void theSenderCompressesExactlyFromTheThreshold() {
        FrameSettings zstd = FrameSettings.negotiated(Compression.ZSTD, 64, Vtp2.MAX_FRAME_LEN);
        byte[] below = new byte[63];
        byte[] at = new byte[64];
        assertEquals(0, Frames.encode(below, zstd)[5]);
        byte[] compressed = Frames.encode(at, zstd);
        assertEquals(1, compressed[5]);
        assertArrayEquals(at, Frames.decode(compressed, zstd));
        // threshold 0 (the reference client): even an empty body is compressed
        byte[] empty = Frames.encode(new byte[0], FrameSettings.negotiated(Compression.ZSTD, 0, Vtp2.MAX_FRAME_LEN));
        assertEquals(1, empty[5]);
        assertEquals(0, Frames.decode(empty, PLAIN).length);
    }

    @Test
    void theChecksumCoversTheCompressedBytes() {
        byte[] body = new byte[4096];
        byte[] frame = Frames.encode(body, FrameSettings.DEFAULT);
        CRC32 crc = new CRC32();
        crc.update(frame, Vtp2.HEADER_BYTES, frame.length - Vtp2.HEADER_BYTES);
        assertEquals((int) crc.getValue(), ByteBuffer.wrap(frame, 10, 4).getInt());
        assertTrue(frame.length < body.length, "zeros compress");
    }

    @Test
    void theSenderRefusesBodiesAndPayloadsBeyondItsLimitsAndWritesNothing() {
        FrameSettings small = FrameSettings.negotiated(Compression.NONE, 0, 4);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(sink);
        BodyWriter body = new BodyWriter().raw(BODY, 0, BODY.length);
        Expect.error(ErrorCode.TRN_006, "frame too large: 5 bytes exceeds maximum 4 bytes", () -> writer.write(body, small));
        // random bytes do not compress: the compressed payload exceeds the wire limit while the body does not
        byte[] noise = new byte[2000];
        new java.util.Random(7).nextBytes(noise);
        FrameSettings tight = new FrameSettings(Compression.ZSTD, 0, 2000, 2000);
        Expect.error(ErrorCode.TRN_006, () -> writer.write(new BodyWriter().raw(noise, 0, noise.length), tight));
        assertEquals(0, sink.size());
    }

    @Test
    void aReceiverDecompressesOnTheFlagAloneWhateverWasNegotiated() {
        byte[] compressed = Frames.encode(new byte[5000], FrameSettings.DEFAULT);
        assertArrayEquals(new byte[5000], Frames.decode(compressed, PLAIN));
    }
}
