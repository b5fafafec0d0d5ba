package memscope.model.elf;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import memscope.model.Kernel;
import memscope.model.structure.Structure;

/**
 * A core dump opened as a process ({@link CoreFiles#open}). The core file stays open for the pages read lazily
 * and is never written; {@link #close()} kills the process, closes its handles and the file.
 */
public final class LoadedCore implements AutoCloseable {
    private final Kernel kernel;
    private final ElfFile elf;
    private final int processHandle;
    private final int rootVmarHandle;
    private final List<CoreSegment> segments;
    private final List<OmittedSegment> omitted;
    private final List<FileMapping> files;
    private final String programName;
    private boolean closed;

    LoadedCore(Kernel kernel, ElfFile elf, int processHandle, int rootVmarHandle, List<CoreSegment> segments,
               List<OmittedSegment> omitted, List<FileMapping> files, String programName) {
        this.kernel = kernel;
        this.elf = elf;
        this.processHandle = processHandle;
        this.rootVmarHandle = rootVmarHandle;
        this.segments = List.copyOf(segments);
        this.omitted = List.copyOf(omitted);
        this.files = List.copyOf(files);
        this.programName = programName;
    }

    public Path path() {
        return elf.path();
    }

    public ElfFile file() {
        return elf;
    }

    /** The core's process: default process rights, so {@code readMemory} and {@code writeMemory} work. */
    public int processHandle() {
        return processHandle;
    }

    public int rootVmarHandle() {
        return rootVmarHandle;
    }

    /** {@code ElfHeader.EM_X86_64} or {@code EM_AARCH64}: pass it to {@link CoreWriter} to export alike. */
    public int machine() {
        return elf.header().machine();
    }

    /** The mapped PT_LOAD segments in address order. */
    public List<CoreSegment> segments() {
        return segments;
    }

    /** PT_LOAD segments outside the user address space, not mapped. */
    public List<OmittedSegment> omitted() {
        return omitted;
    }

    /** The NT_FILE entries, as the core lists them (empty when it has none). */
    public List<FileMapping> files() {
        return files;
    }

    /** The program's name from NT_PRPSINFO, if the core has one. */
    public Optional<String> programName() {
        return Optional.ofNullable(programName);
    }

    /** The address where core file byte {@code fileOffset} shows, or -1 when it is not memory (headers, notes). */
    public long addressOf(long fileOffset) {
        for (CoreSegment s : segments) {
            ProgramHeader p = elf.programHeaders().get(s.index());
            if (fileOffset >= p.offset() && fileOffset - p.offset() < Math.min(p.filesz(), s.readableEnd() - s.base())) {
                return p.vaddr() + (fileOffset - p.offset());
            }
        }
        return -1;
    }

    /** The core's ELF header and program headers, at file offsets. */
    public Structure structure() {
        return ElfStructure.describe(elf);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        kernel.taskKill(processHandle);
        kernel.handleClose(rootVmarHandle);
        kernel.handleClose(processHandle);
        ElfLoader.closeQuietly(elf);
    }
}
