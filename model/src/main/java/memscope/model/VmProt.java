package memscope.model;

/** Mach {@code vm_prot_t} bits. READ, WRITE and EXECUTE share their values with {@link VmOptions} PERM_*. */
public final class VmProt {
    public static final int NONE = 0;
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXECUTE = 4;
    public static final int DEFAULT = READ | WRITE;
    public static final int ALL = READ | WRITE | EXECUTE;
    public static final int COPY = 0x10;

    private VmProt() {
    }
}
