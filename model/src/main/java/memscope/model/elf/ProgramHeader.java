package memscope.model.elf;

/** One program header (a segment), as the file holds it. {@code index} is its place in the table. */
public record ProgramHeader(int index, int type, int flags, long offset, long vaddr, long paddr, long filesz,
                            long memsz, long align) {
    public static final int PT_NULL = 0;
    public static final int PT_LOAD = 1;
    public static final int PT_DYNAMIC = 2;
    public static final int PT_INTERP = 3;
    public static final int PT_NOTE = 4;
    public static final int PT_PHDR = 6;
    public static final int PT_TLS = 7;
    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;
    public static final int SIZE = 56;

    public boolean isLoad() {
        return type == PT_LOAD;
    }

    /** {@code LOAD}, {@code GNU_STACK}, or the number in hex. */
    public String typeName() {
        return switch (type) {
            case PT_NULL -> "NULL";
            case PT_LOAD -> "LOAD";
            case PT_DYNAMIC -> "DYNAMIC";
            case PT_INTERP -> "INTERP";
            case PT_NOTE -> "NOTE";
            case 5 -> "SHLIB";
            case PT_PHDR -> "PHDR";
            case PT_TLS -> "TLS";
            case 0x6474e550 -> "GNU_EH_FRAME";
            case 0x6474e551 -> "GNU_STACK";
            case 0x6474e552 -> "GNU_RELRO";
            case 0x6474e553 -> "GNU_PROPERTY";
            case 0x70000003 -> "RISCV_ATTRIBUTES";
            default -> "0x" + Integer.toHexString(type);
        };
    }

    /** {@code r-x} for PF_R|PF_X. */
    public String flagString() {
        return ((flags & PF_R) != 0 ? "r" : "-") + ((flags & PF_W) != 0 ? "w" : "-") + ((flags & PF_X) != 0 ? "x" : "-");
    }

    /** The end of the file bytes, {@code offset + filesz}; callers check it does not overflow. */
    public long fileEnd() {
        return offset + filesz;
    }
}
