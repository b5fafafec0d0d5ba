package memscope.model.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.MapEntry;
import memscope.model.MapsResult;
import memscope.model.Status;
import memscope.model.VmOptions;

/**
 * Writes any simulated process as an ELF core file that {@code readelf}, {@code gdb} and {@link CoreFiles} read:
 * a PT_NOTE with NT_PRSTATUS (zero registers), NT_PRPSINFO (the process name) and NT_FILE (every named mapping
 * with its VMO's name), then one PT_LOAD per run of readable or unreadable pages of each mapping, with the
 * mapping's permissions. Unreadable pages (a core's missing bytes, a VMO shrunk under its mapping) are written as
 * {@code p_filesz = 0}, so they stay unreadable when the core is opened again; zero pages are left as holes, so
 * the file is sparse.
 *
 * <p>Memory is read as a kernel debugger reads it ({@link KernelInspector#peek}), without syscall records. The
 * data comes first (from offset 4096), the notes and program headers after it, so one pass suffices; the file is
 * written beside the target and renamed over it, so a failed export leaves the target as it was.
 */
public final class CoreWriter {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int CHUNK = 1 << 20;
    private static final int PN_XNUM = 0xffff;

    /** What an export wrote. */
    public record Result(Path path, int loadSegments, long dataBytes, long unreadablePages) {
    }

    private CoreWriter() {
    }

    /** Writes the process as an x86-64 core. */
    public static Result write(Kernel kernel, int processHandle, Path target) throws ElfException {
        return write(kernel, processHandle, target, ElfHeader.EM_X86_64);
    }

    /** Writes the process as a core for {@code machine} ({@code ElfHeader.EM_X86_64} or {@code EM_AARCH64}). */
    public static Result write(Kernel kernel, int processHandle, Path target, int machine) throws ElfException {
        if (machine != ElfHeader.EM_X86_64 && machine != ElfHeader.EM_AARCH64) {
            throw new ElfException(target, ElfWords.field("e_machine"), ElfWords.of("header.machine", machine,
                    ElfHeader.machineName(machine)));
        }
        MapsResult maps = kernel.processMaps(processHandle);
        if (maps.status() != Status.OK) {
            throw new ElfException(target, null, ElfWords.of("export.noProcess", maps.status().zxName()));
        }
        List<MapEntry> mappings = new ArrayList<>();
        for (MapEntry e : maps.entries()) {
            if (e.isMapping()) {
                mappings.add(e);
            }
        }
        String name = kernel.inspector().handle(processHandle).map(KernelInspector.HandleInfo::name).orElse("");
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + ElfLoader.fileName(target) + ".", ".tmp");
            Result r;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                r = new Export(kernel, processHandle, ch, machine).run(mappings, name, target);
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return r;
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure that matters is the one reported
                }
            }
            throw new ElfException(target, null, ElfWords.of("export.failed", ElfFile.reason(e)), e);
        }
    }

    /** One export: the data pass, then notes, program headers and the ELF header. */
    private static final class Export {
        private final Kernel kernel;
        private final int process;
        private final FileChannel ch;
        private final int machine;
        private final List<long[]> loads = new ArrayList<>(); // vaddr, memsz, offset, filesz, flags
        private long at = PAGE;
        private long dataBytes;
        private long unreadable;

        Export(Kernel kernel, int process, FileChannel ch, int machine) {
            this.kernel = kernel;
            this.process = process;
            this.ch = ch;
            this.machine = machine;
        }

        Result run(List<MapEntry> mappings, String name, Path target) throws IOException {
            byte[] buf = new byte[CHUNK];
            for (MapEntry m : mappings) {
                copy(m, buf);
            }
            byte[] notes = notes(mappings, name);
            long noteOffset = align8(at);
            write(ByteBuffer.wrap(notes), noteOffset);
            long phoff = align8(noteOffset + notes.length);
            int phnum = 1 + loads.size();
            ByteBuffer ph = le(phnum * ProgramHeader.SIZE);
            putPh(ph, ProgramHeader.PT_NOTE, 0, noteOffset, 0, notes.length, 0, 4);
            for (long[] l : loads) {
                putPh(ph, ProgramHeader.PT_LOAD, (int) l[4], l[2], l[0], l[3], l[1], PAGE);
            }
            write(ph.flip(), phoff);
            long shoff = 0;
            if (phnum >= PN_XNUM) {
                // too many for e_phnum: section header 0 holds the count in sh_info, as Linux writes it
                shoff = phoff + (long) phnum * ProgramHeader.SIZE;
                ByteBuffer s0 = le(SectionHeader.SIZE);
                s0.putLong(32, 1).putInt(44, phnum);
                write(s0, shoff);
            }
            write(header(phoff, Math.min(phnum, PN_XNUM), shoff), 0);
            return new Result(target, loads.size(), dataBytes, unreadable);
        }

        /** Copies one mapping as runs of readable and unreadable pages, each run one PT_LOAD. */
        private void copy(MapEntry m, byte[] buf) throws IOException {
            int flags = flags(m.permissions());
            long end = m.base() + m.size();
            long pos = m.base();
            long runStart = pos;
            long runOffset = at;
            Boolean runReadable = null;
            while (pos < end) {
                int want = (int) Math.min(CHUNK, end - pos);
                byte[] b = slice(buf, want);
                int got = kernel.inspector().peek(process, pos, b);
                got -= got % PAGE;
                if (got > 0) {
                    if (Boolean.FALSE.equals(runReadable)) {
                        addLoad(runStart, pos - runStart, runOffset, 0, flags);
                        runStart = pos;
                        runOffset = at;
                    }
                    runReadable = true;
                    writeData(b, got);
                    pos += got;
                }
                if (got < want) {
                    // the page at pos cannot be read: it stays unreadable in the core
                    if (Boolean.TRUE.equals(runReadable)) {
                        addLoad(runStart, pos - runStart, runOffset, pos - runStart, flags);
                        runStart = pos;
                        runOffset = at;
                    }
                    runReadable = false;
                    unreadable++;
                    pos += PAGE;
                }
            }
            addLoad(runStart, end - runStart, runOffset, Boolean.TRUE.equals(runReadable) ? end - runStart : 0, flags);
        }

        private byte[] sliceCache;

        /** A buffer of exactly {@code n} bytes (peek reads as many as the array holds). */
        private byte[] slice(byte[] buf, int n) {
            if (n == buf.length) {
                return buf;
            }
            if (sliceCache == null || sliceCache.length != n) {
                sliceCache = new byte[n];
            }
            return sliceCache;
        }

        private void addLoad(long vaddr, long memsz, long offset, long filesz, int flags) {
            if (memsz > 0) {
                loads.add(new long[] {vaddr, memsz, offset, filesz, flags});
            }
        }

        /** Writes the non-zero pages of the first {@code n} bytes at the data position; zero pages stay holes. */
        private void writeData(byte[] buf, int n) throws IOException {
            for (int p = 0; p < n; p += PAGE) {
                if (!zero(buf, p)) {
                    write(ByteBuffer.wrap(buf, p, PAGE), at + p);
                }
            }
            at += n;
            dataBytes += n;
        }

        private byte[] notes(List<MapEntry> mappings, String name) {
            ByteBuffer out = le(64 * 1024 + mappings.size() * (24 + 40));
            int prstatus = machine == ElfHeader.EM_AARCH64 ? 392 : 336;
            ByteBuffer status = le(prstatus);
            status.putInt(32, 1); // pr_pid
            note(out, CoreNotes.NT_PRSTATUS, status.array());
            ByteBuffer info = le(136);
            info.put(1, (byte) 'R').putInt(24, 1);
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            info.put(40, n, 0, Math.min(15, n.length));
            info.put(56, n, 0, Math.min(79, n.length));
            note(out, CoreNotes.NT_PRPSINFO, info.array());
            List<MapEntry> named = new ArrayList<>();
            for (MapEntry m : mappings) {
                if (!m.name().isEmpty()) {
                    named.add(m);
                }
            }
            ByteBuffer files = le(16 + named.size() * 24 + named.size() * 4 * 32);
            files.putLong(named.size()).putLong(PAGE);
            for (MapEntry m : named) {
                files.putLong(m.base()).putLong(m.base() + m.size()).putLong(m.vmoOffset() / PAGE);
            }
            for (MapEntry m : named) {
                files.put(m.name().getBytes(StandardCharsets.UTF_8)).put((byte) 0);
            }
            byte[] desc = java.util.Arrays.copyOf(files.array(), files.position());
            note(out, CoreNotes.NT_FILE, desc);
            return java.util.Arrays.copyOf(out.array(), out.position());
        }

        private static void note(ByteBuffer out, int type, byte[] desc) {
            byte[] owner = "CORE\0\0\0\0".getBytes(StandardCharsets.US_ASCII);
            out.putInt(5).putInt(desc.length).putInt(type).put(owner);
            out.put(desc);
            out.position((out.position() + 3) & ~3);
        }

        private ByteBuffer header(long phoff, int phnum, long shoff) {
            ByteBuffer h = le(ElfHeader.SIZE);
            h.putInt(0, 0x464c457f).put(4, (byte) 2).put(5, (byte) 1).put(6, (byte) 1);
            h.putShort(16, (short) ElfHeader.ET_CORE).putShort(18, (short) machine).putInt(20, 1);
            h.putLong(32, phoff).putLong(40, shoff).putShort(52, (short) ElfHeader.SIZE);
            h.putShort(54, (short) ProgramHeader.SIZE).putShort(56, (short) phnum);
            h.putShort(58, (short) (shoff == 0 ? 0 : SectionHeader.SIZE)).putShort(60, (short) (shoff == 0 ? 0 : 1));
            return h;
        }

        private static void putPh(ByteBuffer b, int type, int flags, long offset, long vaddr, long filesz, long memsz,
                                  long align) {
            b.putInt(type).putInt(flags).putLong(offset).putLong(vaddr).putLong(0).putLong(filesz).putLong(memsz)
                    .putLong(align);
        }

        private void write(ByteBuffer b, long position) throws IOException {
            long p = position;
            while (b.hasRemaining()) {
                p += ch.write(b, p);
            }
        }

        private static int flags(int perms) {
            return ((perms & VmOptions.PERM_READ) != 0 ? ProgramHeader.PF_R : 0)
                    | ((perms & VmOptions.PERM_WRITE) != 0 ? ProgramHeader.PF_W : 0)
                    | ((perms & VmOptions.PERM_EXECUTE) != 0 ? ProgramHeader.PF_X : 0);
        }

        private static boolean zero(byte[] b, int from) {
            for (int i = from; i < from + PAGE; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private static long align8(long v) {
            return (v + 7) & ~7L;
        }

        private static ByteBuffer le(int n) {
            return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
