package memscope.app.kernel;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import memscope.model.History;
import memscope.model.Kernel;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.MapEntry;
import memscope.model.MapsResult;
import memscope.model.ObjectType;
import memscope.model.Rights;
import memscope.model.Status;
import memscope.model.history.Caller;
import memscope.model.linux.LinuxWritePath;
import memscope.model.scenario.LoadedScenario;

/**
 * One loaded scenario as the window sees it: the kernel, which process is viewed, which handle edits go through,
 * and the handles used for reading. Reading is not editing: the view reads through a full-rights handle per
 * process, while edits use only the chosen editor handle.
 */
public final class KernelSession {
    private final LoadedScenario scenario;
    private final Kernel kernel;
    private final CallRecorder recorder = new CallRecorder();
    private final ThreadLocal<Boolean> quiet = ThreadLocal.withInitial(() -> false);
    private final IntegerProperty editorHandle = new SimpleIntegerProperty();
    private final LongProperty viewedProcess = new SimpleLongProperty();
    private final ObjectProperty<Personality> personality = new SimpleObjectProperty<>(Personality.ZIRCON);
    private final ObjectProperty<LinuxWritePath> linuxPath =
            new SimpleObjectProperty<>(LinuxWritePath.PROCESS_VM_WRITEV);
    /** Set only while the user has turned on writing through to an attached live process. */
    private final ObjectProperty<WriteThrough> writeThrough = new SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty pastShown = new javafx.beans.property.SimpleBooleanProperty();
    /** The call after which the kernel last matched a session file (saved to one, or opened from it); -1 before. */
    private final LongProperty sessionSaved = new SimpleLongProperty(-1);
    /** The handle last chosen for editing each process (by koid), so coming back to a process keeps it. */
    private final Map<Long, Integer> editorByProcess = new java.util.HashMap<>();

    public KernelSession(LoadedScenario scenario) {
        this.scenario = scenario;
        this.kernel = scenario.kernel();
        kernel.subscribe(recorder);
        editorHandle.set(handleNamed(scenario.editorHandle()).orElse(0));
        int viewed = handleNamed(scenario.viewProcess()).orElse(0);
        viewedProcess.set(kernel.inspector().handle(viewed).map(HandleInfo::koid).orElse(0L));
        // edits go to the process being shown: the editor handle and the viewed process follow each other
        editorHandle.addListener((o, was, now) -> {
            long koid = processOf(now.intValue());
            if (koid != 0) {
                editorByProcess.put(koid, now.intValue());
                viewedProcess.set(koid);
            }
        });
        viewedProcess.addListener((o, was, now) -> {
            if (processOf(editorHandle.get()) != now.longValue()) {
                editorFor(now.longValue()).ifPresent(editorHandle::set);
            }
        });
    }

    /**
     * The handle edits of process {@code koid} go through: the one last chosen for it while it is still open,
     * else the scenario's editor handle if it is this process's, else its strongest reading handle.
     */
    public OptionalInt editorFor(long koid) {
        Integer chosen = editorByProcess.get(koid);
        if (chosen != null && processOf(chosen) == koid) {
            return OptionalInt.of(chosen);
        }
        OptionalInt named = handleNamed(scenario.editorHandle());
        if (named.isPresent() && processOf(named.getAsInt()) == koid) {
            return named;
        }
        return readerFor(koid);
    }

    /** The koid of the process {@code handle} refers to, or 0 when it is no live process handle. */
    private long processOf(int handle) {
        return kernel.inspector().handle(handle).filter(h -> h.type() == ObjectType.PROCESS).map(HandleInfo::koid)
                .orElse(0L);
    }

    public LoadedScenario scenario() {
        return scenario;
    }

    public Kernel kernel() {
        return kernel;
    }

    public CallRecorder recorder() {
        return recorder;
    }

    /** The process handle every edit goes through; choosing one of another process shows that process. */
    public IntegerProperty editorHandleProperty() {
        return editorHandle;
    }

    /** Which kernel personality edits go through (Zircon's debugger write or Mach's vm_write). */
    public ObjectProperty<Personality> personalityProperty() {
        return personality;
    }

    /** Which of Linux's two ways into another process the Linux personality (and a write-through) takes. */
    public ObjectProperty<LinuxWritePath> linuxPathProperty() {
        return linuxPath;
    }

    /** The live process edits are also written into, or null (the default: nothing is written outside). */
    public ObjectProperty<WriteThrough> writeThroughProperty() {
        return writeThrough;
    }

    /**
     * True while the window shows a past moment (the timeline): editing is possible only at now, so the editor
     * makes no write then, whichever key, menu or button asks.
     */
    public javafx.beans.property.BooleanProperty pastShownProperty() {
        return pastShown;
    }

    /**
     * The history's call number after which the kernel last matched a session file: when it was saved as one, or
     * opened from one (the loaded moment); -1 while neither happened. "Since the last save" diffs from it.
     */
    public LongProperty sessionSavedProperty() {
        return sessionSaved;
    }

    /** The koid of the process whose address space the hex view shows; edits go to it (see {@link #editorFor}). */
    public LongProperty viewedProcessProperty() {
        return viewedProcess;
    }

    public OptionalInt handleNamed(String name) {
        Integer h = name == null ? null : scenario.handles().get(name);
        return h == null ? OptionalInt.empty() : OptionalInt.of(h);
    }

    /** The scenario's name for a handle ({@code "p1.ro"}), or empty for a handle made later. */
    public Optional<String> nameOf(int handle) {
        return scenario.handles().entrySet().stream().filter(e -> e.getValue() == handle).map(Map.Entry::getKey)
                .findFirst();
    }

    public List<HandleInfo> processHandles() {
        return handlesOf(ObjectType.PROCESS);
    }

    public List<HandleInfo> vmoHandles() {
        return handlesOf(ObjectType.VMO);
    }

    /** One handle per process able to read its memory (READ and WRITE), the one with most rights; by koid. */
    public List<HandleInfo> readers() {
        return processHandles().stream().filter(h -> Rights.has(h.rights(), Rights.READ | Rights.WRITE))
                .collect(java.util.stream.Collectors.toMap(HandleInfo::koid, h -> h,
                        (a, b) -> Integer.bitCount(b.rights()) > Integer.bitCount(a.rights()) ? b : a,
                        java.util.LinkedHashMap::new))
                .values().stream().toList();
    }

    /** The reading handle of the process with this koid, if the scenario gave us one. */
    public OptionalInt readerFor(long processKoid) {
        return readers().stream().filter(h -> h.koid() == processKoid).mapToInt(HandleInfo::handle).findFirst();
    }

    public OptionalInt viewedReader() {
        return readerFor(viewedProcess.get());
    }

    /** The viewed process's mappings and VMARs, or an empty list when it is dead or unreadable. */
    public List<MapEntry> viewedMaps() {
        OptionalInt reader = viewedReader();
        return reader.isPresent() ? maps(reader.getAsInt()) : List.of();
    }

    public List<MapEntry> maps(int processHandle) {
        MapsResult r = quietly(() -> kernel.processMaps(processHandle));
        return r.status() == Status.OK ? r.entries() : List.of();
    }

    /**
     * Runs the window's own bookkeeping calls (reads for display) without them filling the syscall log; the
     * history names them the window's (a read of a dead process is refused: that refusal is no one's edit).
     */
    public <T> T quietly(Supplier<T> call) {
        boolean was = quiet.get();
        quiet.set(true);
        try (History.Scope s = kernel.history().as(Caller.WINDOW)) {
            return call.get();
        } finally {
            quiet.set(was);
        }
    }

    /** True while the current thread is inside {@link #quietly}. */
    public boolean isQuiet() {
        return quiet.get();
    }

    private List<HandleInfo> handlesOf(ObjectType type) {
        return kernel.inspector().handles().stream().filter(h -> h.type() == type)
                .sorted(Comparator.comparingLong(HandleInfo::koid).thenComparingInt(HandleInfo::handle)).toList();
    }
}
