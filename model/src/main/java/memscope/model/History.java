package memscope.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import memscope.model.history.Caller;
import memscope.model.history.Step;
import memscope.model.history.Writer;

/**
 * Time travel (an addition to the contract): once {@link #start()}ed, the kernel records for every call that
 * changes memory or structure what is needed to go back (the bytes it overwrote, snapshots of the objects whose
 * structure it changed) and who made it; refused calls are recorded as marks. {@link #at} shows the whole kernel
 * just after any recorded call, {@link #writersOf} lists the calls that changed a byte, {@link #diff} compares
 * two moments. The estimated heap is capped ({@link #DEFAULT_CAP}); beyond it the oldest calls are forgotten and
 * the {@link #horizon()} moves up. Thread-safe: recording happens under the kernel's write lock, questions take
 * its read lock. Obtained with {@link Kernel#history()}.
 */
public final class History {
    /** 256 MiB. */
    public static final long DEFAULT_CAP = 256L << 20;
    /** Heap estimated for one recorded call besides its bytes. */
    private static final int STEP_OVERHEAD = 64;

    private final KernelState k;
    private final ThreadLocal<Caller> caller = ThreadLocal.withInitial(() -> Caller.UNKNOWN);
    private volatile boolean recording;
    private ByteJournal bytes;
    private StructureJournal structure;
    private final List<HistoryStep> steps = new ArrayList<>();
    /** Index in {@code steps} of the oldest retained call. */
    private int first;
    private long horizon;
    private long stepBytes;
    private volatile long cap = DEFAULT_CAP;

    History(KernelState k) {
        this.k = k;
    }

    // ---- switching it on and off ----

    /**
     * Starts recording from the kernel as it is now, which becomes the horizon; does nothing when already
     * recording. Calls get numbers from now on even when nobody listens, so the history and the syscall log agree.
     */
    public void start() {
        k.lock.writeLock().lock();
        try {
            if (recording) {
                return;
            }
            bytes = new ByteJournal();
            bytes.spareLimit(cap);
            structure = new StructureJournal();
            steps.clear();
            first = 0;
            stepBytes = 0;
            horizon = k.bus.currentSequence();
            structure.baseline(k, horizon);
            recording = true;
        } finally {
            k.lock.writeLock().unlock();
        }
    }

    /** Stops recording and forgets the history. */
    public void stop() {
        k.lock.writeLock().lock();
        try {
            recording = false;
            bytes = null;
            structure = null;
            steps.clear();
            first = 0;
            stepBytes = 0;
        } finally {
            k.lock.writeLock().unlock();
        }
    }

    public boolean recording() {
        return recording;
    }

    /**
     * Sets the most heap the history may take (estimated), dropping the oldest calls at once if it takes more.
     * Returns false, changing nothing, for a cap below one page.
     */
    public boolean setCap(long bytesAllowed) {
        if (bytesAllowed < Kernel.PAGE_SIZE) {
            return false;
        }
        k.lock.writeLock().lock();
        try {
            cap = bytesAllowed;
            if (recording) {
                bytes.spareLimit(cap);
                enforceCap();
            }
            return true;
        } finally {
            k.lock.writeLock().unlock();
        }
    }

    public long cap() {
        return cap;
    }

    /** The estimated heap the history takes now (0 when not recording). */
    public long bytes() {
        k.lock.readLock().lock();
        try {
            return recording ? usedBytes() : 0;
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /** The earliest moment {@link #at} can show: where recording started, or the last call the cap dropped. */
    public long horizon() {
        k.lock.readLock().lock();
        try {
            return horizon;
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /** The horizon, for callers that hold the lock already. */
    long horizonLocked() {
        return horizon;
    }

    /** The number of the latest recorded call, or the horizon when none is retained. */
    public long now() {
        k.lock.readLock().lock();
        try {
            return first < steps.size() ? steps.get(steps.size() - 1).sequence : horizon;
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /**
     * Names who makes the calls this thread makes until the returned scope closes (then the caller before it
     * names them again): {@code try (var s = kernel.history().as(Caller.CONSOLE)) { ... }}.
     */
    public Scope as(Caller who) {
        Caller before = caller.get();
        caller.set(who == null ? Caller.UNKNOWN : who);
        return () -> caller.set(before);
    }

    /** Who makes this thread's calls now. */
    public Caller caller() {
        return caller.get();
    }

    /** Restores the caller named before; closing never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    // ---- questions ----

    /** The retained calls, oldest first. */
    public List<Step> steps() {
        return steps(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The retained calls numbered {@code from} to {@code to}, both included, oldest first. */
    public List<Step> steps(long from, long to) {
        k.lock.readLock().lock();
        try {
            List<Step> out = new ArrayList<>();
            for (int i = from == Long.MIN_VALUE ? first : indexAfter(from - 1); i < steps.size() && steps.get(i).sequence <= to; i++) {
                out.add(steps.get(i).face());
            }
            return out;
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /**
     * The whole kernel as it was just after call {@code sequence} (or, for a number no recorded call has, after
     * the last recorded call before it): empty when not recording, before the horizon, or past {@link #now()}.
     */
    public Optional<Moment> at(long sequence) {
        k.lock.readLock().lock();
        try {
            long now = first < steps.size() ? steps.get(steps.size() - 1).sequence : horizon;
            if (!recording || sequence < horizon || sequence > Math.max(now, k.bus.currentSequence())) {
                return Optional.empty();
            }
            return Optional.of(new Moment(this, sequence));
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /**
     * Every retained call that changed byte {@code offset} of the VMO with koid {@code vmoKoid}, oldest first,
     * with the byte just before and just after it. A write of the value the byte already held changed nothing
     * and is left out. Empty when not recording or for a byte no retained call changed.
     */
    public List<Writer> writersOf(long vmoKoid, long offset) {
        k.lock.readLock().lock();
        try {
            if (!recording || offset < 0) {
                return List.of();
            }
            List<ByteDelta> page = bytes.writesOf(vmoKoid, offset / Kernel.PAGE_SIZE);
            List<ByteDelta> covering = new ArrayList<>();
            for (ByteDelta d : page) {
                if (d.offset <= offset && offset < d.end()) {
                    covering.add(d);
                }
            }
            List<Writer> out = new ArrayList<>();
            for (int i = 0; i < covering.size(); i++) {
                ByteDelta d = covering.get(i);
                int before = d.before(offset);
                int after = i + 1 < covering.size() ? covering.get(i + 1).before(offset) : currentByte(d.vmo, offset);
                if (after >= 0 && before != after) {
                    out.add(new Writer(d.step.face(), before, after));
                }
            }
            return out;
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /** Byte changes and structure changes between moments {@code a} and {@code b} (either order). */
    public Optional<memscope.model.history.Diff> diff(long a, long b) {
        Optional<Moment> from = at(Math.min(a, b));
        Optional<Moment> to = at(Math.max(a, b));
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        k.lock.readLock().lock();
        try {
            return Optional.of(HistoryDiff.between(this, from.get(), to.get(), stepsBetween(Math.min(a, b),
                    Math.max(a, b))));
        } finally {
            k.lock.readLock().unlock();
        }
    }

    // ---- inside the kernel ----

    /** Session restore, under the write lock of a kernel nobody else has yet: the saved history, recording. */
    void restore(HistoryCodec.Image image) {
        k.lock.writeLock().lock();
        try {
            restoreLocked(image);
        } finally {
            k.lock.writeLock().unlock();
        }
    }

    private void restoreLocked(HistoryCodec.Image image) {
        bytes = new ByteJournal();
        structure = new StructureJournal();
        steps.clear();
        first = 0;
        stepBytes = 0;
        horizon = image.horizon();
        cap = image.cap();
        bytes.spareLimit(cap);
        k.bus.restoreSequence(image.lastSequence());
        structure.restore(image.snapshots());
        for (HistoryStep step : image.steps()) {
            bytes.commit(step);
            steps.add(step);
            stepBytes += STEP_OVERHEAD;
        }
        bytes.rebuildCheckpoints();
        recording = true;
    }

    KernelState state() {
        return k;
    }

    ByteJournal byteJournal() {
        return bytes;
    }

    StructureJournal structureJournal() {
        return structure;
    }

    /** Retained calls numbered in {@code (from, to]}; under the lock. */
    List<HistoryStep> stepsBetween(long from, long to) {
        List<HistoryStep> out = new ArrayList<>();
        for (int i = indexAfter(from); i < steps.size() && steps.get(i).sequence <= to; i++) {
            out.add(steps.get(i));
        }
        return out;
    }

    /** Under the write lock, at the start of a call that may change state: where its overwritten bytes go. */
    ByteJournal.Pending begin() {
        // a call made while this thread is inside another (the lock is reentrant) gets a Pending of its own
        return recording ? bytes.begin(k.lock.getWriteHoldCount() > 1) : null;
    }

    /**
     * Under the write lock, when a call ends: records it if it changed something or was refused. A refusal that
     * kept no changes discards the bytes the call had set aside.
     */
    void commit(long sequence, String name, Changes changes, ByteJournal.Pending pending, Refused refusal) {
        if (pending == null || !recording) {
            return;
        }
        boolean kept = refusal == null || refusal.keptChanges;
        if (!kept) {
            pending.discard();
        }
        List<StructureChange> structural = List.of();
        if (kept) {
            for (Object c : changes.items()) {
                if (c instanceof StructureChange s && s.kind() != StructureChange.Kind.BOOT_OPTIONS) {
                    if (structural.isEmpty()) {
                        structural = new ArrayList<>(2);
                    }
                    // history keeps what changed, not where: the region is for live views (sessions store no regions)
                    StructureChange plain = s.withoutRegion();
                    if (!structural.contains(plain)) {
                        structural.add(plain);
                    }
                }
            }
        }
        if (refusal == null && pending.isEmpty() && structural.isEmpty()) {
            return;
        }
        HistoryStep step = new HistoryStep(sequence, name, caller.get(), refusal != null, pending.writes(),
                structural.isEmpty() ? null : List.copyOf(structural));
        bytes.commit(step);
        if (step.structure != null) {
            structure.record(k, sequence, step.structure);
        }
        steps.add(step);
        stepBytes += STEP_OVERHEAD;
        enforceCap();
    }

    private long usedBytes() {
        return bytes.bytes() + structure.bytes() + stepBytes;
    }

    /** Drops the oldest calls until the history fits its cap again; the newest call always stays. */
    private void enforceCap() {
        if (usedBytes() <= cap) {
            return;
        }
        // down to 15/16 of the cap, so a full history prunes now and then rather than on every call
        long goal = cap - cap / 16;
        while (usedBytes() > goal && first < steps.size() - 1) {
            HistoryStep oldest = steps.get(first);
            steps.set(first, null);
            first++;
            bytes.drop(oldest);
            stepBytes -= STEP_OVERHEAD;
            horizon = oldest.sequence;
        }
        if (first > steps.size() / 2) {
            steps.subList(0, first).clear();
            first = 0;
        }
        structure.prune(horizon);
    }

    /** Index in {@code steps} of the first retained call numbered above {@code sequence}. */
    private int indexAfter(long sequence) {
        int lo = first;
        int hi = steps.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).sequence <= sequence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int currentByte(VmObject vmo, long offset) {
        byte[] one = new byte[1];
        try {
            vmo.read(offset, one, 0, 1);
            return one[0] & 0xff;
        } catch (java.io.UncheckedIOException e) {
            return -1;
        }
    }
}
