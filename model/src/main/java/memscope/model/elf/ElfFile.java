package memscope.model.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import memscope.model.text.Text;

/**
 * A 64-bit little-endian ELF file (x86-64 or AArch64), open for positional reads: its header, program headers and
 * section headers (with names) are read and checked when it opens; nothing else is read until asked for. Every
 * table must lie inside the file, so no input makes MemScope allocate more than the file's size justifies.
 * 32-bit and big-endian files, other machines and anything that is not a regular file are refused.
 */
public final class ElfFile implements AutoCloseable {
    /** The most program headers read (a core of a process at Linux's default vm.max_map_count has 65,531). */
    public static final int MAX_PROGRAM_HEADERS = 131_072;
    /** The most section headers read. */
    public static final int MAX_SECTIONS = 262_144;
    /** The largest section name table read. */
    public static final int MAX_NAME_TABLE = 16 << 20;
    private static final int PN_XNUM = 0xffff;
    private static final int SHN_XINDEX = 0xffff;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final FileFingerprint fingerprint;
    private final ElfHeader header;
    private final List<ProgramHeader> programs;
    private final List<SectionHeader> sections;

    private ElfFile(Path path, FileChannel channel, long size) throws ElfException, IOException {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.fingerprint = FileFingerprint.of(path, channel);
        this.header = readHeader();
        this.programs = readProgramHeaders();
        this.sections = readSections();
    }

    /** Opens and checks {@code file}; a directory, FIFO or device is refused before it is opened. */
    public static ElfFile open(Path file) throws ElfException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new ElfException(file, null, ElfWords.of("file.cannotOpen", reason(e)), e);
        }
        if (a.isDirectory()) {
            throw new ElfException(file, null, ElfWords.of("file.directory"));
        }
        if (!a.isRegularFile()) {
            throw new ElfException(file, null, ElfWords.of("file.notRegular"));
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new ElfException(file, null, ElfWords.of("file.cannotOpen", reason(e)), e);
        }
        try {
            return new ElfFile(file, ch, ch.size());
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the refusal is what the caller needs to hear
            }
            if (e instanceof ElfException ee) {
                throw ee;
            }
            throw new ElfException(file, null, ElfWords.of("file.cannotOpen", reason(e)), e);
        }
    }

    public Path path() {
        return path;
    }

    /** The file's length when it was opened. */
    public long size() {
        return size;
    }

    /** The file as it was opened: a saved session checks it is still the same file. */
    FileFingerprint fingerprint() {
        return fingerprint;
    }

    public ElfHeader header() {
        return header;
    }

    public List<ProgramHeader> programHeaders() {
        return programs;
    }

    public List<SectionHeader> sections() {
        return sections;
    }

    /** The channel every lazy page read of this file goes through (positional reads: thread-safe). */
    FileChannel channel() {
        return channel;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** {@code length} bytes at {@code offset}, which the caller has checked lie inside the file. */
    ByteBuffer read(long offset, int length, Text field) throws ElfException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (b.hasRemaining()) {
                if (channel.read(b, offset + b.position()) < 0) {
                    throw new ElfException(path, field, ElfWords.of("io.truncated", size));
                }
            }
        } catch (IOException e) {
            throw new ElfException(path, field, ElfWords.of("io.failed", reason(e)), e);
        }
        return b.flip();
    }

    ElfException refuse(Text field, String key, Object... args) {
        return new ElfException(path, field, ElfWords.of(key, args));
    }

    private ElfHeader readHeader() throws ElfException {
        if (size < 16) {
            throw refuse(null, "ident.short", size);
        }
        ByteBuffer id = read(0, 16, ElfWords.field("e_ident"));
        if (id.getInt(0) != 0x464c457f) {
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                first.append(i == 0 ? "" : " ").append(String.format("%02x", id.get(i) & 0xff));
            }
            throw refuse(null, "ident.magic", first);
        }
        int cls = id.get(4) & 0xff;
        int data = id.get(5) & 0xff;
        if (cls == 1) {
            throw refuse(ElfWords.field("EI_CLASS"), "ident.class32");
        } else if (cls != 2) {
            throw refuse(ElfWords.field("EI_CLASS"), "ident.class", cls);
        }
        if (data == 2) {
            throw refuse(ElfWords.field("EI_DATA"), "ident.bigEndian");
        } else if (data != 1) {
            throw refuse(ElfWords.field("EI_DATA"), "ident.data", data);
        }
        if (id.get(6) != 1) {
            throw refuse(ElfWords.field("EI_VERSION"), "ident.version", id.get(6) & 0xff);
        }
        if (size < ElfHeader.SIZE) {
            throw refuse(null, "header.short", size);
        }
        ByteBuffer h = read(0, ElfHeader.SIZE, null);
        int machine = u16(h, 18);
        if (machine != ElfHeader.EM_X86_64 && machine != ElfHeader.EM_AARCH64) {
            throw refuse(ElfWords.field("e_machine"), "header.machine", machine, ElfHeader.machineName(machine));
        }
        long phoff = h.getLong(32);
        long shoff = h.getLong(40);
        int phentsize = u16(h, 54);
        int rawPhnum = u16(h, 56);
        int shentsize = u16(h, 58);
        int rawShnum = u16(h, 60);
        int rawShstrndx = u16(h, 62);
        // section header 0 holds the real counts when the header's own fields cannot
        boolean needSection0 = rawPhnum == PN_XNUM || (rawShnum == 0 && shoff != 0) || rawShstrndx == SHN_XINDEX;
        long phnum = rawPhnum;
        long shnum = rawShnum;
        long shstrndx = rawShstrndx;
        if (needSection0) {
            Text f = ElfWords.field(rawPhnum == PN_XNUM ? "e_phnum" : rawShstrndx == SHN_XINDEX ? "e_shstrndx"
                    : "e_shnum");
            if (shoff == 0 || shentsize != SectionHeader.SIZE) {
                throw refuse(f, "header.noSection0");
            }
            checkTable(f, shoff, 1, SectionHeader.SIZE);
            ByteBuffer s0 = read(shoff, SectionHeader.SIZE, f);
            if (rawPhnum == PN_XNUM) {
                phnum = s0.getInt(44) & 0xffffffffL;
            }
            if (rawShnum == 0) {
                shnum = s0.getLong(32);
            }
            if (rawShstrndx == SHN_XINDEX) {
                shstrndx = s0.getInt(40) & 0xffffffffL;
            }
        }
        return new ElfHeader(id.get(7) & 0xff, u16(h, 16), machine, h.getInt(20), h.getLong(24), phoff, shoff,
                h.getInt(48), u16(h, 52), phentsize, rawPhnum, shentsize, rawShnum, rawShstrndx, phnum, shnum,
                shstrndx);
    }

    /** Refuses a table of {@code count} entries at {@code offset} that is too long or runs past the file's end. */
    private void checkTable(Text field, long offset, long count, int entrySize) throws ElfException {
        if (count < 0 || count > Math.max(MAX_PROGRAM_HEADERS, MAX_SECTIONS)) {
            throw refuse(field, "table.tooMany", Long.toUnsignedString(count), Math.max(MAX_PROGRAM_HEADERS,
                    MAX_SECTIONS));
        }
        long bytes = count * entrySize;
        if (offset < 0 || offset > size || bytes > size - offset) {
            throw refuse(field, "table.pastEnd", Long.toUnsignedString(count), ElfWords.hex(offset),
                    offset < 0 ? "2^64+" : ElfWords.hex(offset + bytes), size);
        }
    }

    private List<ProgramHeader> readProgramHeaders() throws ElfException {
        long n = header.phnum();
        if (n == 0) {
            return List.of();
        }
        Text f = ElfWords.field("e_phnum");
        if (n > MAX_PROGRAM_HEADERS) {
            throw refuse(f, "table.tooMany", n, MAX_PROGRAM_HEADERS);
        }
        if (header.phentsize() != ProgramHeader.SIZE) {
            throw refuse(ElfWords.field("e_phentsize"), "header.entsize", header.phentsize(), ProgramHeader.SIZE);
        }
        checkTable(ElfWords.field("e_phoff"), header.phoff(), n, ProgramHeader.SIZE);
        ByteBuffer t = read(header.phoff(), (int) n * ProgramHeader.SIZE, ElfWords.field("e_phoff"));
        List<ProgramHeader> out = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            int at = i * ProgramHeader.SIZE;
            ProgramHeader p = new ProgramHeader(i, t.getInt(at), t.getInt(at + 4), t.getLong(at + 8),
                    t.getLong(at + 16), t.getLong(at + 24), t.getLong(at + 32), t.getLong(at + 40), t.getLong(at + 48));
            checkFileRange(p);
            out.add(p);
        }
        return List.copyOf(out);
    }

    private void checkFileRange(ProgramHeader p) throws ElfException {
        if (p.filesz() == 0) {
            return;
        }
        if (p.offset() < 0 || p.filesz() < 0 || p.offset() > size || p.filesz() > size - p.offset()) {
            throw refuse(ElfWords.ph(p.index(), p.typeName(), "p_offset, p_filesz"), "ph.pastEnd",
                    ElfWords.hex(p.offset()), "0x" + Long.toUnsignedString(p.offset() + p.filesz(), 16), size);
        }
        if (p.isLoad() && Long.compareUnsigned(p.filesz(), p.memsz()) > 0) {
            throw refuse(ElfWords.ph(p.index(), p.typeName(), "p_filesz"), "ph.fileOverMem",
                    ElfWords.hex(p.filesz()), ElfWords.hex(p.memsz()));
        }
    }

    private List<SectionHeader> readSections() throws ElfException {
        long n = header.shnum();
        if (n == 0 || header.shoff() == 0) {
            return List.of();
        }
        Text f = ElfWords.field("e_shnum");
        if (n > MAX_SECTIONS) {
            throw refuse(f, "table.tooMany", Long.toUnsignedString(n), MAX_SECTIONS);
        }
        if (header.shentsize() != SectionHeader.SIZE) {
            throw refuse(ElfWords.field("e_shentsize"), "header.entsize", header.shentsize(), SectionHeader.SIZE);
        }
        checkTable(ElfWords.field("e_shoff"), header.shoff(), n, SectionHeader.SIZE);
        ByteBuffer t = read(header.shoff(), (int) n * SectionHeader.SIZE, ElfWords.field("e_shoff"));
        ByteBuffer names = nameTable(t, n);
        List<SectionHeader> out = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            int at = i * SectionHeader.SIZE;
            int nameOffset = t.getInt(at);
            int type = t.getInt(at + 4);
            long offset = t.getLong(at + 24);
            long length = t.getLong(at + 32);
            String name = name(names, nameOffset, i);
            if (i > 0 && type != SectionHeader.SHT_NOBITS && type != SectionHeader.SHT_NULL && length != 0
                    && (offset < 0 || length < 0 || offset > size || length > size - offset)) {
                throw refuse(ElfWords.sh(i, name, "sh_offset, sh_size"), "sh.pastEnd", ElfWords.hex(offset),
                        "0x" + Long.toUnsignedString(offset + length, 16), size);
            }
            out.add(new SectionHeader(i, name, nameOffset, type, t.getLong(at + 8), t.getLong(at + 16), offset,
                    length, t.getInt(at + 40), t.getInt(at + 44), t.getLong(at + 48), t.getLong(at + 56)));
        }
        return List.copyOf(out);
    }

    /** The section name table's bytes, or null when the file names no sections. */
    private ByteBuffer nameTable(ByteBuffer table, long n) throws ElfException {
        long index = header.shstrndx();
        if (index == 0) {
            return null;
        }
        Text f = ElfWords.field("e_shstrndx");
        if (index >= n) {
            throw refuse(f, "sh.strndx", index, n);
        }
        int at = (int) index * SectionHeader.SIZE;
        int type = table.getInt(at + 4);
        long offset = table.getLong(at + 24);
        long length = table.getLong(at + 32);
        if (type != SectionHeader.SHT_STRTAB) {
            throw refuse(f, "sh.strtabType", index, type);
        }
        if (length < 0 || length > MAX_NAME_TABLE) {
            throw refuse(f, "sh.strtabTooLarge", Long.toUnsignedString(length), MAX_NAME_TABLE);
        }
        if (offset < 0 || offset > size || length > size - offset) {
            throw refuse(f, "sh.pastEnd", ElfWords.hex(offset), "0x" + Long.toUnsignedString(offset + length, 16),
                    size);
        }
        return read(offset, (int) length, f);
    }

    private String name(ByteBuffer names, int offset, int section) throws ElfException {
        if (names == null) {
            return "";
        }
        if (offset < 0 || offset >= names.limit()) {
            if (offset == 0 && names.limit() == 0) {
                return "";
            }
            throw refuse(ElfWords.sh(section, "?", "sh_name"), "sh.name", Integer.toUnsignedString(offset),
                    names.limit());
        }
        int end = offset;
        while (end < names.limit() && names.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - offset];
        names.get(offset, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    static Object reason(Throwable e) {
        if (e instanceof memscope.model.text.Localized l) {
            return l.text();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
