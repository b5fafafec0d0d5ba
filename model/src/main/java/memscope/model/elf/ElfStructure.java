package memscope.model.elf;

import java.util.ArrayList;
import java.util.List;

import memscope.model.structure.Field;
import memscope.model.structure.FieldGroup;
import memscope.model.structure.Structure;

/**
 * The typed view of an ELF file's headers for the Structure panel: the ELF header, each program header and each
 * section header (named from the section name table), every field at its file offset. A file with more than
 * {@link #MAX_ENTRIES} program or section headers shows the first ones and says how many more there are.
 */
public final class ElfStructure {
    /** The most program headers, and the most section headers, described. */
    public static final int MAX_ENTRIES = 4096;

    private ElfStructure() {
    }

    public static Structure describe(ElfFile elf) {
        List<FieldGroup> groups = new ArrayList<>();
        groups.add(header(elf.header()));
        long phoff = elf.header().phoff();
        List<ProgramHeader> phs = elf.programHeaders();
        for (int i = 0; i < Math.min(phs.size(), MAX_ENTRIES); i++) {
            groups.add(program(phs.get(i), phoff + (long) i * ProgramHeader.SIZE));
        }
        if (phs.size() > MAX_ENTRIES) {
            groups.add(new FieldGroup(ElfWords.of("struct.morePh", phs.size() - MAX_ENTRIES), List.of()));
        }
        long shoff = elf.header().shoff();
        List<SectionHeader> shs = elf.sections();
        for (int i = 0; i < Math.min(shs.size(), MAX_ENTRIES); i++) {
            groups.add(section(shs.get(i), shoff + (long) i * SectionHeader.SIZE));
        }
        if (shs.size() > MAX_ENTRIES) {
            groups.add(new FieldGroup(ElfWords.of("struct.moreSh", shs.size() - MAX_ENTRIES), List.of()));
        }
        return new Structure(ElfWords.of("struct.title", ElfLoader.fileName(elf.path())), groups);
    }

    private static FieldGroup header(ElfHeader h) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("EI_MAG", 0, 4, "char[4]", "7f 45 4c 46 (\\x7fELF)"));
        f.add(new Field("EI_CLASS", 4, 1, "u8", "ELFCLASS64 (2)"));
        f.add(new Field("EI_DATA", 5, 1, "u8", "ELFDATA2LSB (1)"));
        f.add(new Field("EI_VERSION", 6, 1, "u8", "1"));
        f.add(new Field("EI_OSABI", 7, 1, "u8", String.valueOf(h.osabi())));
        f.add(new Field("e_type", 16, 2, "u16", ElfHeader.typeName(h.type())));
        f.add(new Field("e_machine", 18, 2, "u16", ElfHeader.machineName(h.machine()) + " (" + h.machine() + ")"));
        f.add(new Field("e_version", 20, 4, "u32", Integer.toUnsignedString(h.version())));
        f.add(new Field("e_entry", 24, 8, "u64", hex(h.entry())));
        f.add(new Field("e_phoff", 32, 8, "u64", hex(h.phoff())));
        f.add(new Field("e_shoff", 40, 8, "u64", hex(h.shoff())));
        f.add(new Field("e_flags", 48, 4, "u32", hex(h.flags() & 0xffffffffL)));
        f.add(new Field("e_ehsize", 52, 2, "u16", String.valueOf(h.ehsize())));
        f.add(new Field("e_phentsize", 54, 2, "u16", String.valueOf(h.phentsize())));
        f.add(new Field("e_phnum", 56, 2, "u16", h.rawPhnum() == 0xffff
                ? "0xffff (PN_XNUM: " + h.phnum() + ")" : String.valueOf(h.rawPhnum())));
        f.add(new Field("e_shentsize", 58, 2, "u16", String.valueOf(h.shentsize())));
        f.add(new Field("e_shnum", 60, 2, "u16", h.rawShnum() == 0 && h.shnum() != 0
                ? "0 (" + h.shnum() + ")" : String.valueOf(h.rawShnum())));
        f.add(new Field("e_shstrndx", 62, 2, "u16", h.rawShstrndx() == 0xffff
                ? "0xffff (SHN_XINDEX: " + h.shstrndx() + ")" : String.valueOf(h.rawShstrndx())));
        return new FieldGroup(ElfWords.of("struct.header"), f);
    }

    private static FieldGroup program(ProgramHeader p, long at) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("p_type", at, 4, "u32", "PT_" + p.typeName()));
        f.add(new Field("p_flags", at + 4, 4, "u32", p.flagString() + " (" + p.flags() + ")"));
        f.add(new Field("p_offset", at + 8, 8, "u64", hex(p.offset())));
        f.add(new Field("p_vaddr", at + 16, 8, "u64", hex(p.vaddr())));
        f.add(new Field("p_paddr", at + 24, 8, "u64", hex(p.paddr())));
        f.add(new Field("p_filesz", at + 32, 8, "u64", hex(p.filesz())));
        f.add(new Field("p_memsz", at + 40, 8, "u64", hex(p.memsz())));
        f.add(new Field("p_align", at + 48, 8, "u64", hex(p.align())));
        return new FieldGroup(ElfWords.of("struct.ph", p.index(), p.typeName()), f);
    }

    private static FieldGroup section(SectionHeader s, long at) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("sh_name", at, 4, "u32", Integer.toUnsignedString(s.nameOffset())
                + (s.name().isEmpty() ? "" : " (" + s.name() + ")")));
        f.add(new Field("sh_type", at + 4, 4, "u32", "SHT_" + s.typeName()));
        f.add(new Field("sh_flags", at + 8, 8, "u64", hex(s.flags())));
        f.add(new Field("sh_addr", at + 16, 8, "u64", hex(s.addr())));
        f.add(new Field("sh_offset", at + 24, 8, "u64", hex(s.offset())));
        f.add(new Field("sh_size", at + 32, 8, "u64", hex(s.size())));
        f.add(new Field("sh_link", at + 40, 4, "u32", Integer.toUnsignedString(s.link())));
        f.add(new Field("sh_info", at + 44, 4, "u32", Integer.toUnsignedString(s.info())));
        f.add(new Field("sh_addralign", at + 48, 8, "u64", hex(s.addralign())));
        f.add(new Field("sh_entsize", at + 56, 8, "u64", hex(s.entsize())));
        return new FieldGroup(ElfWords.of("struct.sh", s.index(), s.name().isEmpty() ? "-" : s.name()), f);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
