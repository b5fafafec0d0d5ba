package memscope.model.elf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.VmOptions;

/**
 * Opens an ELF core dump (ET_CORE) as a process: each PT_LOAD becomes a mapping at its address with its
 * permissions, named after the file NT_FILE says it shows (else {@code LOAD[i] rw-}), its pages read lazily from the
 * core. Bytes the dump did not keep ({@code p_filesz < p_memsz}) are unreadable, never zeros: reading them is
 * {@code ZX_ERR_IO}, and a hex view shows {@code ??}.
 *
 * <p>A core is an ordinary process of the simulation named {@code core: FILE} (see {@link #PROCESS_PREFIX}) with
 * no threads and nothing behind it that runs: edits through {@code writeMemory} change the simulated memory only,
 * never the core file, and {@link CoreWriter} exports the result as a new core. Its vDSO is placed in the highest
 * gap the dump leaves. Segments outside Zircon's user address space (below 16 MiB, or Linux's
 * {@code [vsyscall]} page at 0xffffffffff600000) are not mapped; {@link LoadedCore#omitted()} lists them.
 *
 * <p>Everything is checked before the first syscall; a refusal is an {@link ElfException} and leaves the kernel as
 * it was.
 */
public final class CoreFiles {
    /** How a core's process name starts. */
    public static final String PROCESS_PREFIX = "core: ";
    private static final long PAGE = Kernel.PAGE_SIZE;

    private CoreFiles() {
    }

    public static LoadedCore open(Kernel kernel, Path file) throws ElfException {
        ElfFile elf = ElfFile.open(file);
        try {
            return open(kernel, elf);
        } catch (ElfException | RuntimeException e) {
            ElfLoader.closeQuietly(elf);
            throw e;
        }
    }

    private static LoadedCore open(Kernel kernel, ElfFile elf) throws ElfException {
        if (elf.header().type() != ElfHeader.ET_CORE) {
            throw elf.refuse(ElfWords.field("e_type"), "type.notCore", ElfHeader.typeName(elf.header().type()));
        }
        CoreNotes notes = CoreNotes.read(elf);
        List<ProgramHeader> kept = new ArrayList<>();
        List<OmittedSegment> omitted = new ArrayList<>();
        for (ProgramHeader p : elf.programHeaders()) {
            if (!p.isLoad() || p.memsz() == 0) {
                continue;
            }
            if ((p.vaddr() & (PAGE - 1)) != 0) {
                throw elf.refuse(ElfWords.ph(p.index(), p.typeName(), "p_vaddr"), "core.unaligned",
                        ElfWords.hex(p.vaddr()));
            }
            long end = p.vaddr() + p.memsz();
            if (Long.compareUnsigned(p.memsz(), -PAGE) > 0 || Long.compareUnsigned(end, p.vaddr()) < 0) {
                throw elf.refuse(ElfWords.ph(p.index(), p.typeName(), "p_memsz"), "ph.wrap",
                        ElfWords.hex(p.vaddr()), ElfWords.hex(p.memsz()));
            }
            end = ElfLoader.pageUp(end);
            boolean below = Long.compareUnsigned(end, Kernel.USER_ASPACE_BASE) <= 0;
            boolean above = Long.compareUnsigned(p.vaddr(), Kernel.USER_ASPACE_END) >= 0;
            if (below || above) {
                omitted.add(new OmittedSegment(p.index(), p.vaddr(), p.memsz(), ElfWords.of("core.omitted",
                        ElfWords.hex(p.vaddr()), ElfWords.hex(end), ElfWords.hex(Kernel.USER_ASPACE_BASE),
                        ElfWords.hex(Kernel.USER_ASPACE_END))));
            } else if (Long.compareUnsigned(p.vaddr(), Kernel.USER_ASPACE_BASE) < 0
                    || Long.compareUnsigned(end, Kernel.USER_ASPACE_END) > 0 || end == 0) {
                throw elf.refuse(ElfWords.ph(p.index(), p.typeName(), "p_vaddr, p_memsz"), "ph.outside",
                        ElfWords.hex(p.vaddr()), ElfWords.hex(end), ElfWords.hex(Kernel.USER_ASPACE_BASE),
                        ElfWords.hex(Kernel.USER_ASPACE_END));
            } else {
                kept.add(p);
            }
        }
        kept.sort((a, b) -> Long.compareUnsigned(a.vaddr(), b.vaddr()));
        ElfLoader.checkNoOverlap(elf, kept);
        List<Placement> plan = new ArrayList<>();
        List<CoreSegment> segments = new ArrayList<>();
        List<long[]> taken = new ArrayList<>();
        for (ProgramHeader p : kept) {
            long size = ElfLoader.pageUp(p.memsz());
            int perms = ElfLoader.perms(p.flags());
            FileMapping f = notes.fileAt(p.vaddr());
            String name = f != null && !f.path().isEmpty() ? SpaceBuilder.fitTail(f.path())
                    : "LOAD[" + p.index() + "] " + VmOptions.permString(perms);
            SegmentSource source = SegmentSource.unreadableTail(elf, p.offset(), p.filesz(), p.index());
            long readable = Math.min(size, source.readablePages() * PAGE);
            plan.add(new Placement(name, p.vaddr(), size, perms, source));
            segments.add(new CoreSegment(p.index(), p.vaddr(), p.vaddr() + readable, p.vaddr() + size, perms, name));
            taken.add(new long[] {p.vaddr(), p.vaddr() + size});
        }
        long vdso = SpaceBuilder.highestGap(taken, Kernel.VDSO_SIZE);
        if (vdso < 0) {
            throw elf.refuse(null, "core.noRoom", Kernel.VDSO_SIZE);
        }
        String processName = SpaceBuilder.fit(PROCESS_PREFIX + ElfLoader.fileName(elf.path()));
        ProcessResult p = SpaceBuilder.build(kernel, elf.path(), processName, vdso, plan);
        return new LoadedCore(kernel, elf, p.process(), p.rootVmar(), segments, omitted, notes.files,
                notes.programName);
    }
}
