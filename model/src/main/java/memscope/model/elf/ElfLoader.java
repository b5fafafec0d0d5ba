package memscope.model.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.VmOptions;

/**
 * Loads an executable (ET_EXEC or ET_DYN, x86-64 or AArch64) into a new process the way Zircon's process builder
 * would: one VMO per PT_LOAD segment, read lazily from the segment's file range (the rest of its last page zeroed,
 * as the loader zeroes it), mapped at the segment's address with its {@code p_flags} as permissions (through an
 * executable VMO handle where it has PF_X); the {@code .bss} part beyond the file's pages as an anonymous zero VMO;
 * a stack; and the vDSO. Edits through {@code writeMemory} land in the VMOs, never in the file.
 *
 * <p>ET_EXEC loads at its own addresses. ET_DYN (PIE) loads with the bias Linux uses when randomisation is off, so
 * its first segment starts at {@link #DYN_BASE} (0x555555554000), inside Zircon's user range. The dynamic linker
 * named by PT_INTERP is loaded too when it can be (see {@link InterpreterPlan}); the
 * executable loads without it when it is missing or unfit. The vDSO, the stack and then the dynamic linker take the
 * highest free places below 2^47.
 *
 * <p>Everything is checked before the first syscall; a refusal is an {@link ElfException} naming the file, the
 * field and the problem, and leaves the kernel as it was.
 */
public final class ElfLoader {
    /** Where the first segment of a position-independent executable starts (Linux's ELF_ET_DYN_BASE, page-aligned). */
    public static final long DYN_BASE = 0x555555554000L;
    /** The main thread's stack: Zircon's default stack size. */
    public static final long STACK_SIZE = 256 * 1024;
    private static final long PAGE = Kernel.PAGE_SIZE;
    private static final int MAX_INTERP = 4096;

    private ElfLoader() {
    }

    /** Opens, checks and loads {@code file} into a new process of {@code kernel}. */
    public static LoadedElf load(Kernel kernel, Path file) throws ElfException {
        ElfFile elf = ElfFile.open(file);
        try {
            return load(kernel, elf);
        } catch (ElfException | RuntimeException e) {
            closeQuietly(elf);
            throw e;
        }
    }

    private static LoadedElf load(Kernel kernel, ElfFile elf) throws ElfException {
        int type = elf.header().type();
        if (type != ElfHeader.ET_EXEC && type != ElfHeader.ET_DYN) {
            throw elf.refuse(ElfWords.field("e_type"), "type.notExecutable", ElfHeader.typeName(type));
        }
        List<ProgramHeader> loads = loadSegments(elf);
        long bias = type == ElfHeader.ET_DYN ? DYN_BASE - pageDown(loads.get(0).vaddr()) : 0;
        String fileName = fileName(elf.path());
        List<Placement> plan = new ArrayList<>();
        List<LoadedSegment> segments = new ArrayList<>();
        List<long[]> taken = new ArrayList<>();
        for (ProgramHeader p : loads) {
            LoadedSegment s = place(elf, p, bias, fileName, plan);
            segments.add(s);
            taken.add(new long[] {s.base(), s.end()});
        }
        long vdso = SpaceBuilder.highestGap(taken, Kernel.VDSO_SIZE);
        taken.add(new long[] {vdso, vdso + Kernel.VDSO_SIZE});
        long stack = vdso < 0 ? -1 : SpaceBuilder.highestGap(taken, STACK_SIZE);
        if (stack < 0) {
            throw elf.refuse(null, "load.noRoom", STACK_SIZE, Kernel.VDSO_SIZE);
        }
        plan.add(new Placement(SpaceBuilder.fit(shortName(fileName) + ": stack"), stack, STACK_SIZE,
                VmOptions.PERM_READ | VmOptions.PERM_WRITE, null));
        taken.add(new long[] {stack, stack + STACK_SIZE});
        String interp = interpreter(elf);
        InterpreterPlan linker = interp == null ? InterpreterPlan.none(null)
                : InterpreterPlan.plan(interp, elf.header().machine(), taken);
        plan.addAll(linker.placements);
        ProcessResult p;
        try {
            p = SpaceBuilder.build(kernel, elf.path(), SpaceBuilder.fit(fileName), vdso, plan);
        } catch (ElfException | RuntimeException e) {
            if (linker.file != null) {
                closeQuietly(linker.file);
            }
            throw e;
        }
        return new LoadedElf(kernel, elf, p.process(), p.rootVmar(), bias, segments, stack, STACK_SIZE, interp,
                linker);
    }

    /** The PT_LOAD segments that take memory, in address order, each checked and none overlapping another. */
    static List<ProgramHeader> loadSegments(ElfFile elf) throws ElfException {
        List<ProgramHeader> loads = new ArrayList<>();
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.isLoad() && p.memsz() != 0) {
                checkAddresses(elf, p);
                if (Long.remainderUnsigned(p.vaddr(), PAGE) != Long.remainderUnsigned(p.offset(), PAGE)) {
                    throw elf.refuse(ElfWords.ph(p.index(), p.typeName(), "p_vaddr, p_offset"), "ph.misaligned",
                            ElfWords.hex(p.vaddr()), ElfWords.hex(p.offset()));
                }
                loads.add(p);
            }
        }
        if (loads.isEmpty()) {
            throw elf.refuse(ElfWords.field("e_phnum"), "load.none");
        }
        loads.sort(Comparator.comparingLong(ProgramHeader::vaddr));
        checkNoOverlap(elf, loads);
        return loads;
    }

    /** Refuses a segment whose end wraps past 2^64 or that cannot lie in the user address space at any bias. */
    static void checkAddresses(ElfFile elf, ProgramHeader p) throws ElfException {
        long span = Kernel.USER_ASPACE_END - Kernel.USER_ASPACE_BASE;
        if (p.vaddr() < 0 || p.memsz() < 0 || p.vaddr() + p.memsz() < 0 || p.memsz() > span) {
            throw elf.refuse(ElfWords.ph(p.index(), p.typeName(), "p_vaddr, p_memsz"), "ph.outside",
                    ElfWords.hex(p.vaddr()), "0x" + Long.toUnsignedString(p.vaddr() + p.memsz(), 16),
                    ElfWords.hex(Kernel.USER_ASPACE_BASE), ElfWords.hex(Kernel.USER_ASPACE_END));
        }
    }

    /** Page-rounded, sorted segments must not share a page: the second could not be mapped. */
    static void checkNoOverlap(ElfFile elf, List<ProgramHeader> sorted) throws ElfException {
        for (int i = 1; i < sorted.size(); i++) {
            ProgramHeader a = sorted.get(i - 1);
            ProgramHeader b = sorted.get(i);
            if (pageDown(b.vaddr()) < pageUp(a.vaddr() + a.memsz())) {
                throw elf.refuse(ElfWords.ph(b.index(), b.typeName(), "p_vaddr"), "ph.overlap",
                        ElfWords.hex(b.vaddr()), ElfWords.hex(b.vaddr() + b.memsz()), a.index(),
                        ElfWords.hex(a.vaddr()), ElfWords.hex(a.vaddr() + a.memsz()));
            }
        }
    }

    static LoadedSegment place(ElfFile elf, ProgramHeader p, long bias, String fileName,
                                       List<Placement> plan) throws ElfException {
        long base = pageDown(p.vaddr()) + bias;
        long end = pageUp(p.vaddr() + p.memsz()) + bias;
        if (base < Kernel.USER_ASPACE_BASE || end > Kernel.USER_ASPACE_END || end < base) {
            throw elf.refuse(ElfWords.ph(p.index(), p.typeName(), "p_vaddr"), "ph.outside", ElfWords.hex(base),
                    ElfWords.hex(end), ElfWords.hex(Kernel.USER_ASPACE_BASE), ElfWords.hex(Kernel.USER_ASPACE_END));
        }
        long fileEnd = p.filesz() == 0 ? base : pageUp(p.vaddr() + p.filesz()) + bias;
        int perms = perms(p.flags());
        String perm = VmOptions.permString(perms);
        String prefix = shortName(fileName) + ": LOAD[" + p.index() + "] " + perm;
        String name = null;
        String bssName = null;
        if (fileEnd > base) {
            long lead = p.vaddr() - pageDown(p.vaddr());
            name = SpaceBuilder.fit(prefix + sectionNames(elf, p, true));
            plan.add(new Placement(name, base, fileEnd - base, perms,
                    SegmentSource.zeroTail(elf, p.offset() - lead, lead + p.filesz(), p.index())));
        }
        if (end > fileEnd) {
            String bss = sectionNames(elf, p, false);
            bssName = SpaceBuilder.fit(prefix + (bss.isEmpty() ? " bss" : bss));
            plan.add(new Placement(bssName, fileEnd, end - fileEnd, perms, null));
        }
        return new LoadedSegment(p.index(), base, fileEnd, end, perms, name, bssName);
    }

    /** The allocated sections inside the segment, with file bytes or without ({@code .bss}), in address order. */
    private static String sectionNames(ElfFile elf, ProgramHeader p, boolean withFileBytes) {
        StringBuilder out = new StringBuilder();
        elf.sections().stream()
                .filter(s -> s.allocated() && !s.name().isEmpty() && s.hasFileBytes() == withFileBytes
                        && s.addr() >= p.vaddr() && s.addr() < p.vaddr() + p.memsz())
                .sorted(Comparator.comparingLong(SectionHeader::addr))
                .forEach(s -> out.append(' ').append(s.name()));
        return out.toString();
    }

    private static String interpreter(ElfFile elf) throws ElfException {
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.type() == ProgramHeader.PT_INTERP && p.filesz() > 0) {
                ByteBuffer b = elf.read(p.offset(), (int) Math.min(p.filesz(), MAX_INTERP),
                        ElfWords.ph(p.index(), p.typeName(), "p_offset"));
                int n = 0;
                while (n < b.limit() && b.get(n) != 0) {
                    n++;
                }
                return new String(b.array(), 0, n, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** PF_R/PF_W/PF_X as {@code VmOptions.PERM_*}. */
    static int perms(int flags) {
        return ((flags & ProgramHeader.PF_R) != 0 ? VmOptions.PERM_READ : 0)
                | ((flags & ProgramHeader.PF_W) != 0 ? VmOptions.PERM_WRITE : 0)
                | ((flags & ProgramHeader.PF_X) != 0 ? VmOptions.PERM_EXECUTE : 0);
    }

    /** The file name, cut so the segment that follows it in a VMO name still shows. */
    private static String shortName(String fileName) {
        return fileName.length() <= 10 ? fileName : fileName.substring(0, 9) + "…";
    }

    static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    static long pageDown(long v) {
        return v & -PAGE;
    }

    static long pageUp(long v) {
        return (v + PAGE - 1) & -PAGE;
    }

    static void closeQuietly(ElfFile elf) {
        try {
            elf.close();
        } catch (IOException ignored) {
            // refusing the file is what matters
        }
    }
}
