package memscope.model;

/** Mapping and VMAR options with Zircon's {@code ZX_VM_*} values. */
public final class VmOptions {
    public static final int PERM_READ = 1 << 0;
    public static final int PERM_WRITE = 1 << 1;
    public static final int PERM_EXECUTE = 1 << 2;
    public static final int COMPACT = 1 << 3;
    public static final int SPECIFIC = 1 << 4;
    public static final int SPECIFIC_OVERWRITE = 1 << 5;
    public static final int CAN_MAP_SPECIFIC = 1 << 6;
    public static final int CAN_MAP_READ = 1 << 7;
    public static final int CAN_MAP_WRITE = 1 << 8;
    public static final int CAN_MAP_EXECUTE = 1 << 9;

    static final int PERMS = PERM_READ | PERM_WRITE | PERM_EXECUTE;
    static final int CAN_MAP_PERMS = CAN_MAP_READ | CAN_MAP_WRITE | CAN_MAP_EXECUTE;

    private VmOptions() {
    }

    /** The CAN_MAP_* flags that correspond to PERM_* bits. */
    public static int canMapFor(int perms) {
        return (perms & PERMS) << 7;
    }

    /** The PERM_* bits that correspond to CAN_MAP_* flags. */
    public static int permsFor(int canMap) {
        return (canMap & CAN_MAP_PERMS) >>> 7;
    }

    /** {@code r-x} style text for PERM_* bits. */
    public static String permString(int perms) {
        return ((perms & PERM_READ) != 0 ? "r" : "-")
                + ((perms & PERM_WRITE) != 0 ? "w" : "-")
                + ((perms & PERM_EXECUTE) != 0 ? "x" : "-");
    }

    /** Parses {@code r-x}, {@code rw}, {@code rwx} into PERM_* bits; -1 if it is not such a string. */
    public static int parsePerms(String text) {
        int p = 0;
        for (char c : text.trim().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'r': p |= PERM_READ; break;
                case 'w': p |= PERM_WRITE; break;
                case 'x': p |= PERM_EXECUTE; break;
                case '-': break;
                default: return -1;
            }
        }
        return p;
    }
}
