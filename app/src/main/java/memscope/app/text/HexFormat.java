package memscope.app.text;

import java.util.Locale;

/** Addresses and sizes the way the UI prints them. */
public final class HexFormat {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private HexFormat() {
    }

    /** {@code 0x1000000}. */
    public static String address(long address) {
        return "0x" + Long.toHexString(address);
    }

    /** A size for people: {@code 4 KiB}, {@code 64 GiB}, {@code 1.5 MiB}, {@code 100 B}. */
    public static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // whole numbers print without a decimal point; others keep one digit
        if (value == Math.rint(value)) {
            return (long) value + " " + UNITS[unit];
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** {@code r-x} from {@code VmOptions.PERM_*} bits. */
    public static String permissions(int perms) {
        return ((perms & 1) != 0 ? "r" : "-") + ((perms & 2) != 0 ? "w" : "-") + ((perms & 4) != 0 ? "x" : "-");
    }
}
