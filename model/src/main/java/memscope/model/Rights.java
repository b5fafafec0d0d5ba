package memscope.model;

import java.util.ArrayList;
import java.util.List;

/** Handle rights with Zircon's bit values ({@code ZX_RIGHT_*}). */
public final class Rights {
    public static final int NONE = 0;
    public static final int DUPLICATE = 1 << 0;
    public static final int TRANSFER = 1 << 1;
    public static final int READ = 1 << 2;
    public static final int WRITE = 1 << 3;
    public static final int EXECUTE = 1 << 4;
    public static final int MAP = 1 << 5;
    public static final int GET_PROPERTY = 1 << 6;
    public static final int SET_PROPERTY = 1 << 7;
    public static final int ENUMERATE = 1 << 8;
    public static final int DESTROY = 1 << 9;
    public static final int SET_POLICY = 1 << 10;
    public static final int GET_POLICY = 1 << 11;
    public static final int SIGNAL = 1 << 12;
    public static final int SIGNAL_PEER = 1 << 13;
    public static final int WAIT = 1 << 14;
    public static final int INSPECT = 1 << 15;
    public static final int MANAGE_JOB = 1 << 16;
    public static final int MANAGE_PROCESS = 1 << 17;
    public static final int MANAGE_THREAD = 1 << 18;
    public static final int APPLY_PROFILE = 1 << 19;
    public static final int MANAGE_SOCKET = 1 << 20;
    public static final int OP_CHILDREN = 1 << 21;
    public static final int RESIZE = 1 << 22;
    public static final int ATTACH_VMO = 1 << 23;
    public static final int MANAGE_VMO = 1 << 24;
    public static final int SAME_RIGHTS = 1 << 31;

    /** {@code ZX_RIGHTS_BASIC}. */
    public static final int BASIC = TRANSFER | DUPLICATE | WAIT | INSPECT;
    /** {@code ZX_RIGHTS_IO}. */
    public static final int IO = READ | WRITE;
    /** {@code ZX_RIGHTS_PROPERTY}. */
    public static final int PROPERTY = GET_PROPERTY | SET_PROPERTY;

    /** {@code ZX_DEFAULT_PROCESS_RIGHTS}. */
    public static final int DEFAULT_PROCESS = BASIC | IO | PROPERTY | ENUMERATE | DESTROY | SIGNAL
            | MANAGE_PROCESS | MANAGE_THREAD;
    /** {@code ZX_DEFAULT_VMO_RIGHTS}: note that EXECUTE is not among them, as on Zircon. */
    public static final int DEFAULT_VMO = BASIC | IO | PROPERTY | MAP | SIGNAL;
    /** {@code ZX_DEFAULT_VMAR_RIGHTS}: current Zircon adds OP_CHILDREN to the older {@code BASIC & ~WAIT}. */
    public static final int DEFAULT_VMAR = (BASIC & ~WAIT) | OP_CHILDREN;

    private static final String[] NAMES = {
        "DUPLICATE", "TRANSFER", "READ", "WRITE", "EXECUTE", "MAP", "GET_PROPERTY", "SET_PROPERTY",
        "ENUMERATE", "DESTROY", "SET_POLICY", "GET_POLICY", "SIGNAL", "SIGNAL_PEER", "WAIT", "INSPECT",
        "MANAGE_JOB", "MANAGE_PROCESS", "MANAGE_THREAD", "APPLY_PROFILE", "MANAGE_SOCKET", "OP_CHILDREN",
        "RESIZE", "ATTACH_VMO", "MANAGE_VMO",
    };

    private Rights() {
    }

    /** True when every bit of {@code required} is in {@code rights}. */
    public static boolean has(int rights, int required) {
        return (rights & required) == required;
    }

    /** The right's name without prefix ({@code "WRITE"}), or null for a bit with no name. */
    public static String nameOf(int bit) {
        int i = Integer.numberOfTrailingZeros(bit);
        if (Integer.bitCount(bit) != 1) {
            return null;
        }
        if (bit == SAME_RIGHTS) {
            return "SAME_RIGHTS";
        }
        return i < NAMES.length ? NAMES[i] : null;
    }

    /** The right bit with this name ({@code "WRITE"} or {@code "ZX_RIGHT_WRITE"}), or -1. */
    public static int parse(String name) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT);
        if (n.startsWith("ZX_RIGHT_")) {
            n = n.substring("ZX_RIGHT_".length());
        }
        switch (n) {
            case "NONE": return NONE;
            case "SAME_RIGHTS": return SAME_RIGHTS;
            case "BASIC": return BASIC;
            case "IO": return IO;
            case "DEFAULT_PROCESS": return DEFAULT_PROCESS;
            case "DEFAULT_VMO": return DEFAULT_VMO;
            case "DEFAULT_VMAR": return DEFAULT_VMAR;
            default:
                for (int i = 0; i < NAMES.length; i++) {
                    if (NAMES[i].equals(n)) {
                        return 1 << i;
                    }
                }
                return -1;
        }
    }

    /** The names of the set bits, e.g. {@code [READ, WRITE]}. */
    public static List<String> names(int rights) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int bit = 1 << i;
            if ((rights & bit) != 0) {
                String n = nameOf(bit);
                out.add(n != null ? n : "0x" + Integer.toHexString(bit));
            }
        }
        return out;
    }

    /** A readable form such as {@code READ|WRITE}, or {@code NONE}. */
    public static String toString(int rights) {
        return rights == 0 ? "NONE" : String.join("|", names(rights));
    }
}
