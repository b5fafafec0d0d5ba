package memscope.app.elf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.elf.CoreFiles;
import memscope.model.elf.ElfException;
import memscope.model.elf.ElfLoader;
import memscope.model.elf.LoadedCore;
import memscope.model.elf.LoadedElf;
import memscope.model.scenario.LoadedScenario;
import memscope.model.structure.Structure;

/**
 * An executable or a core dump opened as a process of a kernel of its own, presented as a scenario the main
 * window can show. Made off the FX thread; {@link #close()} closes the file the pages are read from (the process
 * goes with its kernel).
 */
public final class ElfDocument implements AutoCloseable {
    /** The handle name of the process: it is viewed and edited through. */
    public static final String PROCESS = "process";

    /** An executable loaded into a new process, or a core dump. */
    public enum Kind { EXECUTABLE, CORE }

    private final Kind kind;
    private final Path path;
    private final LoadedScenario scenario;
    private final long processKoid;
    private final int machine;
    private final Structure structure;
    private final AutoCloseable loaded;
    /** What the status pane says once it is shown: the loaded executable or the core. */
    private final Object details;

    private ElfDocument(Kind kind, Path path, LoadedScenario scenario, int processHandle, int machine,
                        Structure structure, AutoCloseable loaded, Object details) {
        this.kind = kind;
        this.path = path;
        this.scenario = scenario;
        this.processKoid = scenario.kernel().inspector().handle(processHandle)
                .map(memscope.model.KernelInspector.HandleInfo::koid).orElse(0L);
        this.machine = machine;
        this.structure = structure;
        this.loaded = loaded;
        this.details = details;
    }

    /** Loads {@code file} into a new process of a new kernel (debugging syscalls on, as for a file). */
    public static ElfDocument loadExecutable(Path file) throws ElfException {
        Kernel kernel = boot();
        LoadedElf elf = ElfLoader.load(kernel, file);
        String name = fileName(file);
        LoadedScenario scenario = scenario(name, file, kernel, elf.processHandle(), elf.entry());
        // headers the first segment loads show at their addresses; the rest (section headers) are not in memory
        return new ElfDocument(Kind.EXECUTABLE, file, scenario, elf.processHandle(), elf.machine(),
                elf.structureInMemory(), elf, elf);
    }

    /** Opens the core dump {@code file} as a process of a new kernel. */
    public static ElfDocument openCore(Path file) throws ElfException {
        Kernel kernel = boot();
        LoadedCore core = CoreFiles.open(kernel, file);
        long start = core.segments().isEmpty() ? 0 : core.segments().get(0).base();
        LoadedScenario scenario = scenario(CoreFiles.PROCESS_PREFIX + fileName(file), file, kernel,
                core.processHandle(), start);
        // a core's headers are not memory of the process: the fields keep no address
        return new ElfDocument(Kind.CORE, file, scenario, core.processHandle(), core.machine(),
                core.structure().relocated(core::addressOf), core, core);
    }

    private static Kernel boot() {
        return Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
    }

    private static LoadedScenario scenario(String title, Path file, Kernel kernel, int process, long start) {
        Map<String, Integer> handles = new LinkedHashMap<>();
        handles.put(PROCESS, process);
        return new LoadedScenario(title, file.toString(), kernel, handles, PROCESS, PROCESS, start);
    }

    static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    public Kind kind() {
        return kind;
    }

    public Path path() {
        return path;
    }

    public LoadedScenario scenario() {
        return scenario;
    }

    public Kernel kernel() {
        return scenario.kernel();
    }

    /** {@code ElfHeader.EM_X86_64} or {@code EM_AARCH64}: an export of this process writes a core for it. */
    public int machine() {
        return machine;
    }

    /** The file's headers as typed fields, at the addresses where the process shows them (-1: nowhere). */
    public Structure structure() {
        return structure;
    }

    /** The structure of the process with this koid: only this document's own process has one. */
    public Optional<Structure> structureOf(long koid) {
        return koid == processKoid && koid != 0 ? Optional.of(structure) : Optional.empty();
    }

    /** The loaded executable, if this is one. */
    public Optional<LoadedElf> executable() {
        return details instanceof LoadedElf e ? Optional.of(e) : Optional.empty();
    }

    /** The opened core, if this is one. */
    public Optional<LoadedCore> core() {
        return details instanceof LoadedCore c ? Optional.of(c) : Optional.empty();
    }

    @Override
    public void close() {
        try {
            loaded.close();
        } catch (Exception ignored) {
            // the file is gone from the window either way; nothing the user can do about a failed close
        }
    }
}
