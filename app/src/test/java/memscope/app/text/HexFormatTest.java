package memscope.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HexFormatTest {
    @Test
    void humanSizesUseBinaryUnits() {
        assertEquals("100 B", HexFormat.humanSize(100));
        assertEquals("4 KiB", HexFormat.humanSize(4096));
        assertEquals("1.5 MiB", HexFormat.humanSize(3 << 19));
        assertEquals("64 GiB", HexFormat.humanSize(64L << 30));
        assertEquals("128 TiB", HexFormat.humanSize(1L << 47));
    }

    @Test
    void permissionsReadLikeLs() {
        assertEquals("r-x", HexFormat.permissions(1 | 4));
        assertEquals("rw-", HexFormat.permissions(1 | 2));
        assertEquals("---", HexFormat.permissions(0));
    }
}
