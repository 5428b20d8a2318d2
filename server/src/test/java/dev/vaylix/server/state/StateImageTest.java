package dev.vaylix.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vaylix.api.Bytes;
import dev.vaylix.api.ErrorCode;
import dev.vaylix.api.VaylixException;
import org.junit.jupiter.api.Test;

class StateImageTest {

    private static final StateImage IMAGE = new StateImage(42, Bytes.fromHex("aabbcc"), Bytes.fromHex("dd"));

    @Test
    void encodesAsDocumentedAndDecodesBack() {
        Bytes encoded = IMAGE.encode();
        assertEquals("5658534d" + "01" + "000000000000002a" + "00000003" + "aabbcc" + "00000001" + "dd", encoded.toHex());
        assertEquals(IMAGE, StateImage.decode(encoded));
        assertEquals(42, IMAGE.engineSnapshot().appliedIndex());
    }

    @Test
    void anotherMagicOrVersionIsAnUnsupportedFormat() {
        assertCode(ErrorCode.ENG_009, IMAGE.encode().toHex().replaceFirst("^5658534d", "5658534e"));
        assertCode(ErrorCode.ENG_009, IMAGE.encode().toHex().replaceFirst("^5658534d01", "5658534d02"));
    }

    @Test
    void truncatedOverlongOrTrailingImagesAreMalformed() {
        String hex = IMAGE.encode().toHex();
        assertCode(ErrorCode.ENG_004, hex.substring(0, hex.length() - 2));
        assertCode(ErrorCode.ENG_004, hex + "00");
        assertCode(ErrorCode.ENG_004, "5658534d01000000000000002a" + "ffffffff");
        assertCode(ErrorCode.ENG_004, "56");
    }

    private static void assertCode(ErrorCode code, String hex) {
        VaylixException e = assertThrows(VaylixException.class, () -> StateImage.decode(Bytes.fromHex(hex)));
        assertEquals(code, e.code(), e.getMessage());
    }
}
