package memscope.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DataInspectorTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final byte[] FF = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
        (byte) 0xff, (byte) 0xff};

    @Test
    void integersSignedAndUnsigned() {
        assertEquals(-1, DataInspector.signed(FF, 0, 1, LE));
        assertEquals("255", DataInspector.unsigned(FF, 0, 1, LE));
        assertEquals("65535", DataInspector.unsigned(FF, 0, 2, BE));
        assertEquals("4294967295", DataInspector.unsigned(FF, 0, 4, LE));
        assertEquals("18446744073709551615", DataInspector.unsigned(FF, 0, 8, LE));
        assertEquals(-1, DataInspector.signed(FF, 0, 8, BE));
        byte[] b = {0x01, 0x02, (byte) 0x80, 0x00};
        assertEquals(0x0201, DataInspector.signed(b, 0, 2, LE));
        assertEquals(0x0102, DataInspector.signed(b, 0, 2, BE));
        assertEquals(0x00800201, DataInspector.signed(b, 0, 4, LE));
        assertEquals(-32768, DataInspector.signed(b, 2, 2, BE));
        assertEquals(128, DataInspector.signed(b, 2, 2, LE));
    }

    @Property(tries = 200)
    void agreesWithByteBuffer(@ForAll byte[] raw) {
        byte[] b = java.util.Arrays.copyOf(raw, Math.max(8, raw.length));
        for (ByteOrder order : new ByteOrder[] {LE, BE}) {
            ByteBuffer buf = ByteBuffer.wrap(b).order(order);
            assertEquals(buf.get(0), DataInspector.signed(b, 0, 1, order));
            assertEquals(buf.getShort(0), DataInspector.signed(b, 0, 2, order));
            assertEquals(buf.getInt(0), DataInspector.signed(b, 0, 4, order));
            assertEquals(buf.getLong(0), DataInspector.signed(b, 0, 8, order));
            assertEquals(Integer.toUnsignedString(buf.getInt(0)), DataInspector.unsigned(b, 0, 4, order));
            assertEquals(Long.toUnsignedString(buf.getLong(0)), DataInspector.unsigned(b, 0, 8, order));
            assertEquals(Float.floatToRawIntBits(buf.getFloat(0)),
                    Float.floatToRawIntBits(DataInspector.float32(b, 0, order)));
            assertEquals(Double.doubleToRawLongBits(buf.getDouble(0)),
                    Double.doubleToRawLongBits(DataInspector.float64(b, 0, order)));
        }
    }

    @Test
    void floats() {
        byte[] one = ByteBuffer.allocate(8).order(LE).putFloat(0, 1.5f).array();
        assertEquals(1.5f, DataInspector.float32(one, 0, LE));
        byte[] pi = ByteBuffer.allocate(8).order(BE).putDouble(0, Math.PI).array();
        assertEquals(Math.PI, DataInspector.float64(pi, 0, BE));
        assertEquals(Float.NaN, DataInspector.float32(FF, 0, LE));
    }

    @Test
    void utf8Characters() {
        byte[] text = "Aé€😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(new DataInspector.Utf8Char('A', 1), DataInspector.utf8(text, 0, text.length));
        assertEquals(new DataInspector.Utf8Char(0xe9, 2), DataInspector.utf8(text, 1, text.length - 1));
        assertEquals(new DataInspector.Utf8Char(0x20ac, 3), DataInspector.utf8(text, 3, text.length - 3));
        assertEquals(new DataInspector.Utf8Char(0x1f600, 4), DataInspector.utf8(text, 6, text.length - 6));
        assertNull(DataInspector.utf8(text, 2, text.length - 2), "a continuation byte starts no character");
        assertNull(DataInspector.utf8(text, 6, 3), "a truncated sequence");
        assertNull(DataInspector.utf8(new byte[] {(byte) 0xc0, (byte) 0x80}, 0, 2), "overlong");
        assertNull(DataInspector.utf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, 0, 3), "a surrogate");
        assertEquals("'é' U+00E9", DataInspector.describe(DataInspector.utf8(text, 1, 2)));
        assertEquals("U+000A", DataInspector.describe(DataInspector.utf8(new byte[] {10}, 0, 1)));
    }

    @Test
    void binary() {
        assertEquals("01001000", DataInspector.binary((byte) 0x48));
        assertEquals("11111111", DataInspector.binary((byte) -1));
        assertEquals("00000000", DataInspector.binary((byte) 0));
    }

    @Test
    void rowsShowADashWhereTheBytesRunOut() {
        byte[] b = {0x48, 0x49, 0, 0};
        List<DataInspector.Row> rows = DataInspector.rows(b, 0, 2, LE);
        assertEquals(new DataInspector.Row("int8", "72"), rows.get(0));
        assertEquals(new DataInspector.Row("uint16 LE", "18760"), rows.get(3));
        assertEquals(new DataInspector.Row("int32 LE", DataInspector.NOT_ENOUGH), rows.get(4));
        assertEquals(new DataInspector.Row("UTF-8", "'H' U+0048"), rows.get(10));
        assertEquals(new DataInspector.Row("binary", "01001000"), rows.get(11));
        assertEquals(12, rows.size());
    }

    @Test
    void rowsShowDashesWhereTooFewBytesAreLeft() {
        // the inspector reads two bytes before the end of a mapping: 16-bit rows decode, wider ones show dashes
        List<DataInspector.Row> rows = DataInspector.rows(new byte[] {0x34, 0x12, 0, 0, 0, 0, 0, 0}, 0, 2, LE);
        assertEquals(new DataInspector.Row("uint16 LE", "4660"), rows.get(3));
        assertEquals(new DataInspector.Row("int32 LE", DataInspector.NOT_ENOUGH), rows.get(4));
    }
}
