package memscope.app.inspector;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the bytes at the caret as the data inspector shows them: integers of 1, 2, 4 and 8 bytes, signed and
 * unsigned, in either byte order; float32/64; the UTF-8 character starting there; the first byte in binary.
 * Pure functions.
 */
public final class DataInspector {
    /** One line of the inspector panel. */
    public record Row(String label, String value) {
    }

    /** A decoded UTF-8 character: its code point and how many bytes it took. */
    public record Utf8Char(int codePoint, int length) {
    }

    /** Shown where there are too few bytes left for the type. */
    public static final String NOT_ENOUGH = "—";

    private DataInspector() {
    }

    /** The {@code width} bytes at {@code offset} as an unsigned number in a long (zero-extended). */
    public static long bits(byte[] data, int offset, int width, ByteOrder order) {
        if (width < 1 || width > 8) {
            throw new IllegalArgumentException("width " + width + " is not 1 to 8 bytes");
        }
        long v = 0;
        for (int i = 0; i < width; i++) {
            int index = order == ByteOrder.BIG_ENDIAN ? offset + i : offset + width - 1 - i;
            v = (v << 8) | (data[index] & 0xffL);
        }
        return v;
    }

    /** The {@code width} bytes at {@code offset} as a two's-complement signed number. */
    public static long signed(byte[] data, int offset, int width, ByteOrder order) {
        int shift = 64 - 8 * width;
        return (bits(data, offset, width, order) << shift) >> shift;
    }

    /** The {@code width} bytes at {@code offset} as an unsigned decimal (uint64 may exceed a long). */
    public static String unsigned(byte[] data, int offset, int width, ByteOrder order) {
        return Long.toUnsignedString(bits(data, offset, width, order));
    }

    public static float float32(byte[] data, int offset, ByteOrder order) {
        return Float.intBitsToFloat((int) bits(data, offset, 4, order));
    }

    public static double float64(byte[] data, int offset, ByteOrder order) {
        return Double.longBitsToDouble(bits(data, offset, 8, order));
    }

    /** {@code "01001000"}. */
    public static String binary(byte b) {
        String s = Integer.toBinaryString(b & 0xff);
        return "00000000".substring(s.length()) + s;
    }

    /**
     * The UTF-8 character starting at {@code offset}, or null when the bytes there are not one (a continuation
     * byte, a truncated or overlong sequence, a surrogate, or beyond U+10FFFF).
     */
    public static Utf8Char utf8(byte[] data, int offset, int available) {
        if (available < 1) {
            return null;
        }
        int b0 = data[offset] & 0xff;
        int length;
        int cp;
        if (b0 < 0x80) {
            return new Utf8Char(b0, 1);
        } else if (b0 >= 0xc2 && b0 <= 0xdf) {
            length = 2;
            cp = b0 & 0x1f;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            length = 3;
            cp = b0 & 0x0f;
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            length = 4;
            cp = b0 & 0x07;
        } else {
            return null;
        }
        if (available < length) {
            return null;
        }
        for (int i = 1; i < length; i++) {
            int b = data[offset + i] & 0xff;
            if ((b & 0xc0) != 0x80) {
                return null;
            }
            cp = (cp << 6) | (b & 0x3f);
        }
        int smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        if (cp < smallest || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return null;
        }
        return new Utf8Char(cp, length);
    }

    /** How the panel shows a character: {@code 'é' U+00E9}, control characters by code point only. */
    public static String describe(Utf8Char c) {
        if (c == null) {
            return "not UTF-8";
        }
        String code = String.format("U+%04X", c.codePoint());
        return Character.isISOControl(c.codePoint()) ? code : "'" + Character.toString(c.codePoint()) + "' " + code;
    }

    /** Every row of the panel for the caret at {@code offset}, where {@code available} bytes can be read. */
    public static List<Row> rows(byte[] data, int offset, int available, ByteOrder order) {
        String endian = order == ByteOrder.BIG_ENDIAN ? " BE" : " LE";
        List<Row> rows = new ArrayList<>();
        for (int width : new int[] {1, 2, 4, 8}) {
            String suffix = width == 1 ? "" : endian;
            boolean fits = available >= width;
            rows.add(new Row("int" + 8 * width + suffix,
                    fits ? Long.toString(signed(data, offset, width, order)) : NOT_ENOUGH));
            rows.add(new Row("uint" + 8 * width + suffix, fits ? unsigned(data, offset, width, order) : NOT_ENOUGH));
        }
        rows.add(new Row("float32" + endian, available >= 4 ? Float.toString(float32(data, offset, order))
                : NOT_ENOUGH));
        rows.add(new Row("float64" + endian, available >= 8 ? Double.toString(float64(data, offset, order))
                : NOT_ENOUGH));
        rows.add(new Row("UTF-8", available >= 1 ? describe(utf8(data, offset, available)) : NOT_ENOUGH));
        rows.add(new Row("binary", available >= 1 ? binary(data[offset]) : NOT_ENOUGH));
        return rows;
    }
}
