package memscope.model.script;

import java.util.HexFormat;

/** Hex text for bytes and addresses, as the console writes them. */
public final class Hex {
    private static final HexFormat PAIRS = HexFormat.ofDelimiter(" ");

    private Hex() {
    }

    /** {@code de ad be ef}, cut after {@code limit} bytes with a trailing {@code ...}. */
    public static String bytes(byte[] data, int limit) {
        if (data.length <= limit) {
            return PAIRS.formatHex(data);
        }
        return PAIRS.formatHex(data, 0, limit) + " ...";
    }

    public static String address(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** A handle or port name as the unsigned 32-bit value it is, e.g. {@code 0xee6b970b}. */
    public static String handle(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
