package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import memscope.app.hex.AddressRange;
import memscope.app.hex.ByteSource;
import memscope.app.hex.CellKind;
import org.junit.jupiter.api.Test;

/** The file's range is what the view shows, never more than the source underneath has. */
class ClippedByteSourceTest {
    private static ByteSource from(long start, long end) {
        return new ByteSource() {
            @Override
            public long start() {
                return start;
            }

            @Override
            public long end() {
                return end;
            }

            @Override
            public void read(long address, byte[] data, CellKind[] kinds, int length) {
                for (int i = 0; i < length; i++) {
                    data[i] = (byte) (address + i);
                    kinds[i] = CellKind.WRITABLE;
                }
            }
        };
    }

    @Test
    void clipsToTheRangeAndReadsThrough() {
        ClippedByteSource s = new ClippedByteSource(from(0, 0x10000), new AddressRange(0x1000, 0x1064));
        assertEquals(0x1000, s.start());
        assertEquals(0x1064, s.end());
        byte[] b = new byte[2];
        s.read(0x1010, b, new CellKind[2], 2);
        assertEquals(0x10, b[0]);
    }

    @Test
    void neverReachesPastTheSourceAndAnEmptyOverlapIsEmpty() {
        ClippedByteSource s = new ClippedByteSource(from(0x1000, 0x2000), new AddressRange(0x800, 0x3000));
        assertEquals(0x1000, s.start());
        assertEquals(0x2000, s.end());
        ClippedByteSource none = new ClippedByteSource(from(0x1000, 0x2000), new AddressRange(0x5000, 0x6000));
        assertEquals(none.start(), none.end());
    }
}
