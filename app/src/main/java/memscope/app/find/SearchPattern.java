package memscope.app.find;

import memscope.app.edit.HexParseException;
import memscope.app.edit.HexParser;
import memscope.app.edit.TextEncoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import memscope.app.text.RefusedInputException;

/**
 * What to look for: a byte sequence in which some positions may be wildcards (from {@code ??} in hex input).
 * Immutable.
 */
public final class SearchPattern {
    /** Longer patterns are refused: they would only be pasted by mistake, and chunks must overlap by this much. */
    public static final int MAX_LENGTH = 64 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] bytes;
    private final boolean[] wildcard;
    /** The first position that is not a wildcard (the scan looks for its byte), or -1 when all are. */
    private final int anchor;

    private SearchPattern(byte[] bytes, boolean[] wildcard) {
        if (bytes.length == 0) {
            throw new RefusedInputException("search.error.nothing");
        }
        if (bytes.length > MAX_LENGTH) {
            throw new RefusedInputException("search.error.tooLong", String.valueOf(bytes.length),
                    String.valueOf(MAX_LENGTH));
        }
        this.bytes = bytes;
        this.wildcard = wildcard;
        int a = 0;
        while (a < wildcard.length && wildcard[a]) {
            a++;
        }
        this.anchor = a == wildcard.length ? -1 : a;
    }

    public static SearchPattern of(byte[] bytes) {
        return new SearchPattern(bytes.clone(), new boolean[bytes.length]);
    }

    public static SearchPattern text(String text, TextEncoding encoding) {
        return of(encoding.encode(text));
    }

    /**
     * Hex input as {@link HexParser} accepts it, where a {@code ??} token matches any byte:
     * {@code "DE AD ?? EF"}. Throws {@link HexParseException} naming the column of a bad character.
     */
    public static SearchPattern hex(String input) throws HexParseException {
        HexParser.Parsed parsed = HexParser.parseWithWildcards(input);
        return new SearchPattern(parsed.bytes(), parsed.wildcards());
    }

    public int length() {
        return bytes.length;
    }

    /** True when the pattern matches {@code data[offset .. offset + length())}. */
    public boolean matchesAt(byte[] data, int offset) {
        for (int i = 0; i < bytes.length; i++) {
            if (!wildcard[i] && data[offset + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first match starting in {@code [from, to)} whose bytes lie within {@code data[0, dataEnd)}, or -1.
     * Looks for the anchor byte eight bytes at a time and checks the whole pattern only where it is: a scan
     * runs at several GB/s rather than comparing the pattern at every position.
     */
    int firstIn(byte[] data, int dataEnd, int from, int to) {
        int last = Math.min(to, dataEnd - bytes.length + 1);
        if (anchor < 0) {
            return from < last ? from : -1; // only wildcards: every position matches
        }
        byte b = bytes[anchor];
        for (int i = from; i < last; i++) {
            int at = indexOf(data, b, i + anchor, last + anchor);
            if (at < 0) {
                return -1;
            }
            i = at - anchor;
            if (matchesAt(data, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The first index of {@code b} in {@code data[from, to)}, or -1. */
    static int indexOf(byte[] data, byte b, int from, int to) {
        long wanted = (b & 0xffL) * ONES;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long x = (long) LONGS.get(data, i) ^ wanted;
            // the lowest flagged byte is exactly the first zero byte of x (flags above it may be false)
            long zero = (x - ONES) & ~x & HIGHS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The last match starting in {@code [from, to)} whose bytes lie within {@code data[0, dataEnd)}, or -1. */
    int lastIn(byte[] data, int dataEnd, int from, int to) {
        for (int i = Math.min(to, dataEnd - bytes.length + 1) - 1; i >= from; i--) {
            if (matchesAt(data, i)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchPattern p && Arrays.equals(bytes, p.bytes) && Arrays.equals(wildcard, p.wildcard);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + Arrays.hashCode(wildcard);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            s.append(i == 0 ? "" : " ").append(wildcard[i] ? "??" : String.format("%02X", bytes[i] & 0xff));
        }
        return s.toString();
    }
}
