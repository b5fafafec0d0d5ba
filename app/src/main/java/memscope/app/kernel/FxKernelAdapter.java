package memscope.app.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import memscope.model.KernelListener;
import memscope.model.MemoryChange;
import memscope.model.StructureChange;
import memscope.model.SyscallRecord;

/**
 * Carries kernel events from whatever thread made them onto the FX thread, coalesced: however many events arrive
 * before the FX thread gets to them, the sink hears about them in one batch, so a script writing 10,000 times
 * costs one refresh, not 10,000. Pending memory changes and records are bounded; past the bound the oldest go.
 */
public final class FxKernelAdapter implements KernelListener {
    /** Beyond this many pending memory changes, the sink is told "everything changed" instead. */
    static final int MAX_PENDING_CHANGES = 4096;
    /** Beyond this many pending records, the oldest are dropped (the log keeps fewer than this anyway). */
    static final int MAX_PENDING_RECORDS = 5000;
    /** Beyond this many pending structure changes, the sink is told "everything changed" instead. */
    static final int MAX_PENDING_STRUCTURE = 1024;

    private final KernelEventSink sink;
    private final Consumer<Runnable> fxThread;
    private final Predicate<SyscallRecord> shown;
    private final Object lock = new Object();
    private boolean scheduled;
    private boolean structureDirty;
    private boolean structureOverflow;
    private List<StructureChange> structure = new ArrayList<>();
    private boolean memoryOverflow;
    private List<MemoryChange> memory = new ArrayList<>();
    private ArrayDeque<SyscallRecord> records = new ArrayDeque<>();
    private long droppedRecords;

    /** {@code shown} picks the records worth telling about (the window's own reads are noise). */
    public FxKernelAdapter(KernelEventSink sink, Predicate<SyscallRecord> shown) {
        this(sink, shown, Platform::runLater);
    }

    FxKernelAdapter(KernelEventSink sink, Predicate<SyscallRecord> shown, Consumer<Runnable> fxThread) {
        this.sink = sink;
        this.shown = shown;
        this.fxThread = fxThread;
    }

    @Override
    public void structureChanged(StructureChange change) {
        synchronized (lock) {
            structureDirty = true;
            if (!structureOverflow) {
                if (structure.size() < MAX_PENDING_STRUCTURE) {
                    structure.add(change);
                } else {
                    structureOverflow = true;
                    structure = new ArrayList<>();
                }
            }
            scheduleLocked();
        }
    }

    @Override
    public void memoryChanged(MemoryChange change) {
        synchronized (lock) {
            if (!memoryOverflow) {
                if (memory.size() < MAX_PENDING_CHANGES) {
                    memory.add(change);
                } else {
                    memoryOverflow = true;
                    memory = new ArrayList<>();
                }
            }
            scheduleLocked();
        }
    }

    @Override
    public void syscallCompleted(SyscallRecord record) {
        if (!shown.test(record)) {
            return;
        }
        synchronized (lock) {
            records.addLast(record);
            if (records.size() > MAX_PENDING_RECORDS) {
                records.removeFirst();
                droppedRecords++;
            }
            scheduleLocked();
        }
    }

    private void scheduleLocked() {
        if (!scheduled) {
            scheduled = true;
            fxThread.accept(this::deliver);
        }
    }

    /** Runs on the FX thread: hands everything pending to the sink in one go. */
    private void deliver() {
        boolean structureNews;
        boolean structureOverflowed;
        List<StructureChange> structural;
        boolean overflow;
        List<MemoryChange> changes;
        List<SyscallRecord> calls;
        long dropped;
        synchronized (lock) {
            scheduled = false;
            structureNews = structureDirty;
            structureOverflowed = structureOverflow;
            structural = structure;
            overflow = memoryOverflow;
            changes = memory;
            calls = new ArrayList<>(records);
            dropped = droppedRecords;
            structureDirty = false;
            structureOverflow = false;
            structure = new ArrayList<>();
            memoryOverflow = false;
            memory = new ArrayList<>();
            records = new ArrayDeque<>();
            droppedRecords = 0;
        }
        // structure first: memory changes are placed using the mappings as they are now
        if (structureNews) {
            sink.structureChanged(structural, structureOverflowed);
        }
        if (overflow || !changes.isEmpty()) {
            sink.memoryChanged(changes, overflow);
        }
        if (!calls.isEmpty()) {
            sink.syscallsCompleted(calls, dropped);
        }
    }
}
