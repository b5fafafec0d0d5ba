package memscope.app.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class CopyFormatsTest {
    private static final byte[] DEADBEEF = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};

    @Test
    void hexIsUpperCaseWithSpaces() {
        assertEquals("DE AD BE EF", CopyFormats.hex(DEADBEEF));
        assertEquals("00 0F", CopyFormats.hex(new byte[] {0, 15}));
        assertEquals("", CopyFormats.hex(new byte[0]));
    }

    @Test
    void aShortCArrayIsOneLine() {
        assertEquals("unsigned char data[4] = { 0xde, 0xad, 0xbe, 0xef };", CopyFormats.cArray(DEADBEEF));
        assertEquals("unsigned char buf[0] = {};", CopyFormats.cArray(new byte[0], "buf"));
    }

    @Test
    void aLongCArrayWrapsTwelveBytesALine() {
        byte[] b = new byte[20];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        assertEquals("unsigned char data[20] = {\n"
                + "    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,\n"
                + "    0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13\n"
                + "};", CopyFormats.cArray(b));
    }

    @Test
    void aCArrayNeedsACIdentifier() {
        assertThrows(IllegalArgumentException.class, () -> CopyFormats.cArray(DEADBEEF, "2bad"));
    }

    @Test
    void base64RoundTrips() {
        assertEquals("3q2+7w==", CopyFormats.base64(DEADBEEF));
        assertArrayEquals(DEADBEEF, Base64.getDecoder().decode(CopyFormats.base64(DEADBEEF)));
    }
}
