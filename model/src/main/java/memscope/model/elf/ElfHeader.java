package memscope.model.elf;

/**
 * The ELF header of a 64-bit little-endian file. {@code phnum}, {@code shnum} and {@code shstrndx} are the real
 * counts, read from section header 0 when the header holds PN_XNUM / 0 / SHN_XINDEX; the {@code raw*} fields keep
 * what the header itself holds.
 */
public record ElfHeader(int osabi, int type, int machine, int version, long entry, long phoff, long shoff, int flags,
                        int ehsize, int phentsize, int rawPhnum, int shentsize, int rawShnum, int rawShstrndx,
                        long phnum, long shnum, long shstrndx) {
    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_CORE = 4;
    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;
    public static final int SIZE = 64;

    /** {@code ET_DYN (3)}. */
    public static String typeName(int type) {
        String n = switch (type) {
            case 0 -> "ET_NONE";
            case ET_REL -> "ET_REL";
            case ET_EXEC -> "ET_EXEC";
            case ET_DYN -> "ET_DYN";
            case ET_CORE -> "ET_CORE";
            default -> "?";
        };
        return n + " (" + type + ")";
    }

    /** {@code x86-64}, {@code AArch64}, or the few others a refusal may name. */
    public static String machineName(int machine) {
        return switch (machine) {
            case 0 -> "none";
            case 3 -> "i386";
            case 8 -> "MIPS";
            case 20 -> "PowerPC";
            case 21 -> "PowerPC64";
            case 22 -> "S/390";
            case 40 -> "ARM";
            case 43 -> "SPARC V9";
            case EM_X86_64 -> "x86-64";
            case EM_AARCH64 -> "AArch64";
            case 243 -> "RISC-V";
            case 258 -> "LoongArch";
            default -> "unknown";
        };
    }
}
