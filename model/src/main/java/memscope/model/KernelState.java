package memscope.model;

import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/** What every syscall group shares: the lock, the caller's handle table, koids, boot options, the vDSO. */
final class KernelState {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final HandleTable handles = new HandleTable();
    final EventBus bus = new EventBus();
    final ObjectRegistry objects = new ObjectRegistry();
    final History history = new History(this);
    private final AtomicLong koids = new AtomicLong(1023);
    volatile BootOptions options;

    /** A note for {@code divergence} decided by the current fidelity, with each fidelity's result name. */
    FidelityNote note(Divergence divergence, String documented, String today) {
        return new FidelityNote(divergence, options.fidelity(), documented, today);
    }
    final VmObject vdso;

    KernelState(BootOptions options) {
        this.options = options;
        this.vdso = objects.add(new VmObject(newKoid(), "vdso/next", Vdso.SIZE, false, true, Vdso::readPage));
    }

    long newKoid() {
        return koids.incrementAndGet();
    }

    /** The last koid handed out (sessions save it so restored kernels never reuse one). */
    long lastKoid() {
        return koids.get();
    }

    /** Session restore: continue numbering after the saved session's last koid. */
    void restoreLastKoid(long last) {
        koids.accumulateAndGet(last, Math::max);
    }

    /** Builds the record of a completed call from its result and, when a check refused it, the refusal. */
    interface Recorder<R> {
        SyscallRecord record(long sequence, R result, Refused refusal);
    }

    /**
     * Runs one Zircon or Mach call: {@code body} under the lock (the write lock when {@code exclusive}), a
     * {@link Refused} (or a page source's {@link UncheckedIOException}, as {@link Refused#io()}) turned into
     * {@code failure}'s result; then, with the lock released, the changes and the
     * call's record go to the listeners. Nothing is built for them when nobody listens.
     */
    <R> R call(String name, boolean exclusive, Function<Changes, R> body, Function<Refused, R> failure, Recorder<R> recorder) {
        Lock held = exclusive ? lock.writeLock() : lock.readLock();
        Changes changes = new Changes();
        Refused refusal = null;
        R result;
        long sequence;
        held.lock();
        try {
            // only calls under the write lock change state; the history records them in call order
            ByteJournal.Pending pending = exclusive ? history.begin() : null;
            changes.history = pending;
            try {
                result = body.apply(changes);
            } catch (Refused r) {
                refusal = r;
                result = failure.apply(r);
            } catch (UncheckedIOException e) {
                // a page source failed; every call reads what it needs before changing anything, so nothing changed
                refusal = Refused.io();
                result = failure.apply(refusal);
            }
            // numbered before unlocking, so that sequence order is the order in which calls took effect
            sequence = bus.active() || history.recording() ? bus.nextSequence() : 0;
            history.commit(sequence, name, changes, pending, refusal);
        } finally {
            held.unlock();
        }
        if (sequence != 0 && bus.active()) {
            // a refused call changed nothing, except a Mach copyout that stored bytes before its fault
            SyscallRecord record = recorder.record(sequence, result, refusal);
            if (changes.note() != null) {
                record = record.withFidelityNote(changes.note());
            }
            bus.deliver(refusal == null || refusal.keptChanges ? changes : null, record);
        }
        return result;
    }

    /** The live handle {@code value}: of {@code type} (null for any) and holding every bit of {@code rights}. */
    Handle handle(int value, ObjectType type, int rights) {
        Handle h = handles.get(value);
        if (h == null) {
            throw new Refused(Status.ERR_BAD_HANDLE, Rule.BAD_HANDLE, 0);
        }
        if (type != null && h.object().type() != type) {
            throw new Refused(Status.ERR_WRONG_TYPE, Rule.WRONG_TYPE, 0);
        }
        if (!h.has(rights)) {
            throw new Refused(Status.ERR_ACCESS_DENIED, Rule.MISSING_RIGHTS, rights & ~h.rights());
        }
        return h;
    }

    ProcessObject process(int value, int rights) {
        return (ProcessObject) handle(value, ObjectType.PROCESS, rights).object();
    }

    VmObject vmo(int value, int rights) {
        return (VmObject) handle(value, ObjectType.VMO, rights).object();
    }

    VmAddressRegion vmar(int value, int rights) {
        return (VmAddressRegion) handle(value, ObjectType.VMAR, rights).object();
    }

    static void require(boolean condition, Status otherwise) {
        if (!condition) {
            throw new Refused(otherwise);
        }
    }

    static boolean pageAligned(long value) {
        return (value & (Kernel.PAGE_SIZE - 1)) == 0;
    }

    /** Rounds up to a page; -1 when that overflows. */
    static long roundUpToPage(long value) {
        long r = (value + Kernel.PAGE_SIZE - 1) & -Kernel.PAGE_SIZE;
        return r < value ? -1 : r;
    }
}
