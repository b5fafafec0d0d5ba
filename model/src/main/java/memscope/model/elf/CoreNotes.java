package memscope.model.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import memscope.model.text.Text;

/**
 * The notes of a core's PT_NOTE segments that MemScope reads: NT_FILE (which file each mapping shows) and
 * NT_PRPSINFO (the program's name). Each note and each NT_FILE entry must lie inside its segment.
 */
final class CoreNotes {
    static final int NT_PRSTATUS = 1;
    static final int NT_PRPSINFO = 3;
    static final int NT_FILE = 0x46494c45;
    /** The largest PT_NOTE segment read. */
    static final int MAX_NOTES = 64 << 20;
    private static final int FNAME_AT = 40;
    private static final int FNAME_LENGTH = 16;

    final List<FileMapping> files = new ArrayList<>();
    String programName;

    private CoreNotes() {
    }

    static CoreNotes read(ElfFile elf) throws ElfException {
        CoreNotes notes = new CoreNotes();
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.type() != ProgramHeader.PT_NOTE || p.filesz() == 0) {
                continue;
            }
            Text where = ElfWords.ph(p.index(), p.typeName(), "p_filesz");
            if (p.filesz() > MAX_NOTES) {
                throw elf.refuse(where, "note.tooLarge", p.filesz(), MAX_NOTES);
            }
            notes.parse(elf, p, elf.read(p.offset(), (int) p.filesz(), where));
        }
        return notes;
    }

    private void parse(ElfFile elf, ProgramHeader p, ByteBuffer b) throws ElfException {
        int at = 0;
        while (at + 12 <= b.limit()) {
            long namesz = b.getInt(at) & 0xffffffffL;
            long descsz = b.getInt(at + 4) & 0xffffffffL;
            int type = b.getInt(at + 8);
            long nameAt = at + 12L;
            long descAt = nameAt + align4(namesz);
            long next = descAt + align4(descsz);
            if (descAt + descsz > b.limit()) {
                throw elf.refuse(ElfWords.ph(p.index(), p.typeName(), ElfWords.hex(p.offset() + at)), "note.pastEnd",
                        namesz, descsz, b.limit() - at);
            }
            String owner = namesz == 0 ? "" : string(b, (int) nameAt, (int) namesz);
            if ("CORE".equals(owner) && type == NT_FILE) {
                files(elf, p, b.slice((int) descAt, (int) descsz).order(b.order()));
            } else if ("CORE".equals(owner) && type == NT_PRPSINFO && descsz >= FNAME_AT + FNAME_LENGTH) {
                programName = string(b, (int) descAt + FNAME_AT, FNAME_LENGTH);
            }
            at = (int) Math.min(next, b.limit());
        }
    }

    private void files(ElfFile elf, ProgramHeader p, ByteBuffer d) throws ElfException {
        Text where = ElfWords.ph(p.index(), p.typeName(), "NT_FILE");
        if (d.limit() < 16) {
            throw elf.refuse(where, "note.fileShort", d.limit());
        }
        long count = d.getLong(0);
        if (count < 0 || count > (d.limit() - 16) / 24) {
            throw elf.refuse(where, "note.fileCount", Long.toUnsignedString(count), d.limit());
        }
        int names = 16 + (int) count * 24;
        for (int i = 0; i < count; i++) {
            int end = names;
            while (end < d.limit() && d.get(end) != 0) {
                end++;
            }
            if (end >= d.limit()) {
                throw elf.refuse(where, "note.fileNames", count, i);
            }
            int e = 16 + i * 24;
            files.add(new FileMapping(d.getLong(e), d.getLong(e + 8), d.getLong(e + 16), string(d, names, end - names)));
            names = end + 1;
        }
    }

    private FileMapping[] byStart;

    /** The file mapped at {@code address}, if NT_FILE names one (the last entry starting at or below it). */
    FileMapping fileAt(long address) {
        if (byStart == null) {
            byStart = files.toArray(new FileMapping[0]);
            java.util.Arrays.sort(byStart, (a, b) -> Long.compareUnsigned(a.start(), b.start()));
        }
        int lo = 0;
        int hi = byStart.length - 1;
        FileMapping found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(byStart[mid].start(), address) <= 0) {
                found = byStart[mid];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found != null && found.contains(address) ? found : null;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }

    /** The bytes up to the first NUL, at most {@code max}. */
    private static String string(ByteBuffer b, int at, int max) {
        int n = 0;
        while (n < max && b.get(at + n) != 0) {
            n++;
        }
        byte[] out = new byte[n];
        b.get(at, out);
        return new String(out, StandardCharsets.UTF_8);
    }
}
