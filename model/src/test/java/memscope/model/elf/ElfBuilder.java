package memscope.model.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes small 64-bit little-endian ELF files for tests: headers, segments, sections and bytes where asked. */
final class ElfBuilder {
    record Ph(int type, int flags, long offset, long vaddr, long filesz, long memsz) {
    }

    record Sec(String name, int type, long flags, long addr, long offset, long size) {
    }

    int type = ElfHeader.ET_DYN;
    int machine = ElfHeader.EM_X86_64;
    long entry;
    final List<Ph> phs = new ArrayList<>();
    final List<Sec> secs = new ArrayList<>();
    final List<Object[]> data = new ArrayList<>();
    final List<byte[]> notes = new ArrayList<>();
    /** Whether the file grows to hold every PT_LOAD's file bytes (off to make one point past the end). */
    boolean coverLoads = true;

    ElfBuilder ph(int type, int flags, long offset, long vaddr, long filesz, long memsz) {
        phs.add(new Ph(type, flags, offset, vaddr, filesz, memsz));
        return this;
    }

    ElfBuilder load(int flags, long offset, long vaddr, long filesz, long memsz) {
        return ph(ProgramHeader.PT_LOAD, flags, offset, vaddr, filesz, memsz);
    }

    ElfBuilder section(String name, int type, long flags, long addr, long offset, long size) {
        secs.add(new Sec(name, type, flags, addr, offset, size));
        return this;
    }

    ElfBuilder bytes(long offset, byte[] b) {
        data.add(new Object[] {offset, b});
        return this;
    }

    /**
     * A PIE like a small real one: LOAD[0] r-- (headers and .rodata), LOAD[1] r-x (.text), a hole, LOAD[2] rw-
     * (.data, 0x100 bytes from the file, then .bss to 0x6000); section headers and names sit right after .data
     * in the file, so the bytes past p_filesz in .data's page are not zero in the file.
     */
    static ElfBuilder sample() {
        ElfBuilder b = new ElfBuilder();
        b.entry = 0x1000;
        b.load(ProgramHeader.PF_R, 0, 0, 0x800, 0x800)
                .load(ProgramHeader.PF_R | ProgramHeader.PF_X, 0x1000, 0x1000, 0x200, 0x200)
                .load(ProgramHeader.PF_R | ProgramHeader.PF_W, 0x2000, 0x3000, 0x100, 0x3000)
                .ph(0x6474e551, ProgramHeader.PF_R | ProgramHeader.PF_W, 0, 0, 0, 0);
        b.section(".rodata", 1, SectionHeader.SHF_ALLOC, 0x400, 0x400, 0x100)
                .section(".text", 1, SectionHeader.SHF_ALLOC | 4, 0x1000, 0x1000, 0x180)
                .section(".plt", 1, SectionHeader.SHF_ALLOC | 4, 0x1180, 0x1180, 0x80)
                .section(".data", 1, SectionHeader.SHF_ALLOC | 1, 0x3000, 0x2000, 0x100)
                .section(".bss", SectionHeader.SHT_NOBITS, SectionHeader.SHF_ALLOC | 1, 0x3100, 0x2100, 0x2f00)
                .section(".comment", 1, 0, 0, 0x2100, 0x10);
        b.bytes(0x400, fill(0x100, 'R'));
        b.bytes(0x1000, fill(0x200, (char) 0x90));
        b.bytes(0x2000, fill(0x100, 'D'));
        b.bytes(0x2100, "GCC: (Debian) 12".getBytes(StandardCharsets.US_ASCII));
        return b;
    }

    static byte[] fill(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    byte[] build() {
        int phoff = 64;
        long end = phoff + (long) phs.size() * 56;
        for (Object[] d : data) {
            end = Math.max(end, (long) d[0] + ((byte[]) d[1]).length);
        }
        for (Ph p : phs) {
            if (coverLoads && p.type() == ProgramHeader.PT_LOAD && p.filesz() < (1L << 30)) {
                end = Math.max(end, p.offset() + p.filesz());
            }
        }
        // notes, then the section names, then the section headers, after everything else
        long noteOff = (end + 7) & ~7;
        int noteLen = notes.stream().mapToInt(n -> n.length).sum();
        ByteArrayBuilder names = new ByteArrayBuilder();
        names.add((byte) 0);
        List<Integer> nameAt = new ArrayList<>();
        for (Sec s : secs) {
            nameAt.add(names.size());
            names.add(s.name().getBytes(StandardCharsets.US_ASCII));
            names.add((byte) 0);
        }
        int shstrName = names.size();
        names.add(".shstrtab\0".getBytes(StandardCharsets.US_ASCII));
        long namesOff = noteOff + noteLen;
        long shoff = (namesOff + names.size() + 7) & ~7;
        int shnum = secs.isEmpty() ? 0 : secs.size() + 2;
        long total = shoff + (long) shnum * 64;
        ByteBuffer b = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x464c457f).put(4, (byte) 2).put(5, (byte) 1).put(6, (byte) 1);
        b.putShort(16, (short) type).putShort(18, (short) machine).putInt(20, 1).putLong(24, entry);
        b.putLong(32, phs.isEmpty() ? 0 : phoff).putLong(40, shnum == 0 ? 0 : shoff);
        b.putShort(52, (short) 64).putShort(54, (short) 56).putShort(56, (short) phs.size());
        b.putShort(58, (short) 64).putShort(60, (short) shnum).putShort(62, (short) (shnum == 0 ? 0 : shnum - 1));
        for (int i = 0; i < phs.size(); i++) {
            Ph p = phs.get(i);
            long off = p.type() == ProgramHeader.PT_NOTE && p.offset() == -1 ? noteOff : p.offset();
            long fs = p.type() == ProgramHeader.PT_NOTE && p.filesz() == -1 ? noteLen : p.filesz();
            b.position(phoff + i * 56);
            b.putInt(p.type()).putInt(p.flags()).putLong(off).putLong(p.vaddr()).putLong(p.vaddr()).putLong(fs)
                    .putLong(p.memsz()).putLong(0x1000);
        }
        for (Object[] d : data) {
            b.put((int) (long) (Long) d[0], (byte[]) d[1]);
        }
        int at = (int) noteOff;
        for (byte[] n : notes) {
            b.put(at, n);
            at += n.length;
        }
        b.put((int) namesOff, names.toArray());
        if (shnum > 0) {
            for (int i = 0; i < secs.size(); i++) {
                Sec s = secs.get(i);
                b.position((int) shoff + (i + 1) * 64);
                b.putInt(nameAt.get(i)).putInt(s.type()).putLong(s.flags()).putLong(s.addr()).putLong(s.offset())
                        .putLong(s.size()).putInt(0).putInt(0).putLong(1).putLong(0);
            }
            b.position((int) shoff + (shnum - 1) * 64);
            b.putInt(shstrName).putInt(SectionHeader.SHT_STRTAB).putLong(0).putLong(0).putLong(namesOff)
                    .putLong(names.size()).putInt(0).putInt(0).putLong(1).putLong(0);
        }
        return b.array();
    }

    /** A note: owner, type and description, padded to 4 bytes. */
    static byte[] note(String owner, int type, byte[] desc) {
        byte[] o = (owner + "\0").getBytes(StandardCharsets.US_ASCII);
        int on = (o.length + 3) & ~3;
        int dn = (desc.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(12 + on + dn).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(o.length).putInt(desc.length).putInt(type).put(o).position(12 + on);
        b.put(desc);
        return b.array();
    }

    /** An NT_FILE description naming {@code [start, end)} ranges. */
    static byte[] ntFile(long[][] ranges, String... names) {
        ByteArrayBuilder out = new ByteArrayBuilder();
        ByteBuffer head = ByteBuffer.allocate(16 + ranges.length * 24).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(ranges.length).putLong(4096);
        for (long[] r : ranges) {
            head.putLong(r[0]).putLong(r[1]).putLong(0);
        }
        out.add(head.array());
        for (String n : names) {
            out.add((n + "\0").getBytes(StandardCharsets.UTF_8));
        }
        return out.toArray();
    }

    Path write(Path file) throws IOException {
        return Files.write(file, build());
    }

    /** The byte at {@code offset} of {@code file} set to {@code value}s, little-endian, {@code size} bytes. */
    static void patch(Path file, long offset, int size, long value) throws IOException {
        byte[] b = Files.readAllBytes(file);
        for (int i = 0; i < size; i++) {
            b[(int) offset + i] = (byte) (value >>> (8 * i));
        }
        Files.write(file, b);
    }

    private static final class ByteArrayBuilder {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        void add(byte b) {
            out.write(b);
        }

        void add(byte[] b) {
            out.writeBytes(b);
        }

        int size() {
            return out.size();
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }
}
