package memscope.model.elf;

/** One section header, with its name from the section name table ({@code ""} when the file has none). */
public record SectionHeader(int index, String name, int nameOffset, int type, long flags, long addr, long offset,
                            long size, int link, int info, long addralign, long entsize) {
    public static final int SHT_NULL = 0;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOBITS = 8;
    public static final long SHF_ALLOC = 0x2;
    public static final int SIZE = 64;

    /** Whether the section takes memory in a loaded image. */
    public boolean allocated() {
        return (flags & SHF_ALLOC) != 0;
    }

    /** Whether the section has bytes in the file (not {@code .bss}-like). */
    public boolean hasFileBytes() {
        return type != SHT_NOBITS && type != SHT_NULL;
    }

    public String typeName() {
        return switch (type) {
            case SHT_NULL -> "NULL";
            case 1 -> "PROGBITS";
            case 2 -> "SYMTAB";
            case SHT_STRTAB -> "STRTAB";
            case 4 -> "RELA";
            case 5 -> "HASH";
            case 6 -> "DYNAMIC";
            case 7 -> "NOTE";
            case SHT_NOBITS -> "NOBITS";
            case 9 -> "REL";
            case 11 -> "DYNSYM";
            case 14 -> "INIT_ARRAY";
            case 15 -> "FINI_ARRAY";
            case 0x6ffffff6 -> "GNU_HASH";
            case 0x6ffffffe -> "VERNEED";
            case 0x6fffffff -> "VERSYM";
            default -> "0x" + Integer.toHexString(type);
        };
    }
}
