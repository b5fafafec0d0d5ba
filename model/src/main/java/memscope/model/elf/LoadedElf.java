package memscope.model.elf;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import memscope.model.Kernel;
import memscope.model.structure.Structure;
import memscope.model.text.Text;

/**
 * An executable loaded into a process of a kernel ({@link ElfLoader#load}). The process is an ordinary one: every
 * rule of {@code writeMemory} and Mach's {@code vm_write} applies to it. The file stays open for the pages read
 * lazily and is never written. {@link #close()} kills the process, closes its handles and the file.
 */
public final class LoadedElf implements AutoCloseable {
    private final Kernel kernel;
    private final ElfFile elf;
    private final int processHandle;
    private final int rootVmarHandle;
    private final long loadBias;
    private final List<LoadedSegment> segments;
    private final long stackBase;
    private final long stackSize;
    private final String interpreter;
    private final InterpreterPlan linker;
    private boolean closed;

    LoadedElf(Kernel kernel, ElfFile elf, int processHandle, int rootVmarHandle, long loadBias,
              List<LoadedSegment> segments, long stackBase, long stackSize, String interpreter,
              InterpreterPlan linker) {
        this.kernel = kernel;
        this.elf = elf;
        this.processHandle = processHandle;
        this.rootVmarHandle = rootVmarHandle;
        this.loadBias = loadBias;
        this.segments = List.copyOf(segments);
        this.stackBase = stackBase;
        this.stackSize = stackSize;
        this.interpreter = interpreter;
        this.linker = linker;
    }

    public Path path() {
        return elf.path();
    }

    /** The parsed file: its headers, program headers and sections. */
    public ElfFile file() {
        return elf;
    }

    /** The process, with default process rights (READ and WRITE for {@code readMemory}/{@code writeMemory}). */
    public int processHandle() {
        return processHandle;
    }

    public int rootVmarHandle() {
        return rootVmarHandle;
    }

    /** What was added to every {@code p_vaddr}: 0 for ET_EXEC. */
    public long loadBias() {
        return loadBias;
    }

    /** Where execution would start: {@code e_entry} plus the bias. */
    public long entry() {
        return elf.header().entry() + loadBias;
    }

    /** {@code ElfHeader.EM_X86_64} or {@code EM_AARCH64}. */
    public int machine() {
        return elf.header().machine();
    }

    /** The loaded PT_LOAD segments in address order. */
    public List<LoadedSegment> segments() {
        return segments;
    }

    public long stackBase() {
        return stackBase;
    }

    public long stackSize() {
        return stackSize;
    }

    /** The dynamic linker PT_INTERP names, if any (see {@link #interpreterSegments()} for whether it loaded). */
    public Optional<String> interpreter() {
        return Optional.ofNullable(interpreter);
    }

    /** The dynamic linker's loaded segments in address order; empty when there is none or it was left out. */
    public List<LoadedSegment> interpreterSegments() {
        return linker.segments;
    }

    /** What was added to the dynamic linker's {@code p_vaddr}s (0 when it was not loaded). */
    public long interpreterBias() {
        return linker.bias;
    }

    /** Why the dynamic linker PT_INTERP names was left out (missing, not ET_DYN, another machine, …), if it was. */
    public Optional<Text> interpreterProblem() {
        return Optional.ofNullable(linker.problem);
    }

    /**
     * The address where file byte {@code fileOffset} is mapped, or -1 when no segment loads it (section headers,
     * usually, or the bytes of a segment past its page-rounded file part).
     */
    public long addressOf(long fileOffset) {
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.isLoad() && p.memsz() != 0 && fileOffset >= p.offset() && fileOffset - p.offset() < p.filesz()) {
                return p.vaddr() + loadBias + (fileOffset - p.offset());
            }
        }
        return -1;
    }

    /** The file's structure (ELF header, program and section headers) with file offsets. */
    public Structure structure() {
        return ElfStructure.describe(elf);
    }

    /** The same structure placed in the process: each field at its address, or -1 where it is not loaded. */
    public Structure structureInMemory() {
        return structure().relocated(this::addressOf);
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
        if (linker.file != null) {
            ElfLoader.closeQuietly(linker.file);
        }
    }
}
