package memscope.model.scenario;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import memscope.model.text.Text;

/**
 * Addresses, offsets and sizes as a scenario writes them: a JSON whole number ({@code 4096}) or a string holding
 * a decimal number ({@code "4096"}), a hexadecimal one ({@code "0x1000"}) or a decimal one with a binary unit
 * ({@code "16K"}, {@code "1M"}, {@code "64G"}, {@code "1T"}; {@code KiB} etc. also accepted). Underscores may
 * group digits ({@code "0x7fff_ffff_d000"}). Values are never negative and must fit in 63 bits.
 */
final class Quantities {
    /** What kind of number a field holds; it only changes the example in the error message. */
    enum Kind {
        SIZE("example.size"), ADDRESS("example.address"), OFFSET("example.offset");

        private final String exampleKey;

        Kind(String exampleKey) {
            this.exampleKey = exampleKey;
        }

        /** "a size like 16K" */
        Text example() {
            return ScenarioWords.of(exampleKey);
        }
    }

    private static final Pattern HEX = Pattern.compile("0[xX]([0-9a-fA-F]{1,40})");
    private static final Pattern DECIMAL = Pattern.compile("([0-9]{1,40})(?:\\s*([kKmMgGtT])(?:iB)?)?");
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Quantities() {
    }

    /** The value of {@code node}; {@code field} names it in messages ("size", "vmoOffset"). */
    static long parse(Node node, String field, Kind kind, ScenarioErrors errors) throws ScenarioException {
        switch (node.kind) {
            case INTEGER: {
                BigInteger n = node.integer();
                if (n.signum() < 0) {
                    throw errors.at(node.place, "number.negative", field, node.shown());
                }
                if (n.compareTo(MAX) > 0) {
                    throw errors.at(node.place, "number.tooLarge", field, node.shown());
                }
                return n.longValue();
            }
            case DECIMAL:
                throw errors.at(node.place, "number.notWhole", field, node.shown());
            case STRING: {
                long value = parseText(node.text());
                if (value == NOT_A_NUMBER) {
                    throw errors.at(node.place, "number.bad", field, node.shown(), kind.example());
                }
                if (value == TOO_LARGE) {
                    throw errors.at(node.place, "number.tooLarge", field, node.shown());
                }
                return value;
            }
            default:
                throw errors.at(node.place, "number.type", field, node.kind.words());
        }
    }

    static final long NOT_A_NUMBER = -1;
    static final long TOO_LARGE = -2;

    /** The value of {@code text}, or {@link #NOT_A_NUMBER} / {@link #TOO_LARGE}. */
    static long parseText(String text) {
        String t = text.trim().replace("_", "");
        Matcher hex = HEX.matcher(t);
        if (hex.matches()) {
            BigInteger n = new BigInteger(hex.group(1), 16);
            return n.compareTo(MAX) > 0 ? TOO_LARGE : n.longValue();
        }
        Matcher dec = DECIMAL.matcher(t);
        if (!dec.matches() || t.isEmpty()) {
            return NOT_A_NUMBER;
        }
        BigInteger n = new BigInteger(dec.group(1));
        String unit = dec.group(2);
        if (unit != null) {
            int shift = 10 * (1 + "KMGT".indexOf(unit.toUpperCase(Locale.ROOT)));
            n = n.shiftLeft(shift);
        }
        return n.compareTo(MAX) > 0 ? TOO_LARGE : n.longValue();
    }

    /** {@code 0x...} for messages. */
    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
