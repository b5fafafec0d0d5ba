package memscope.model;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** What every syscall group shares: the lock, the caller's handle table, koids, boot options, the vDSO. */
final class KernelState {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final HandleTable handles = new HandleTable();
    final EventBus bus = new EventBus();
    private final AtomicLong koids = new AtomicLong(1023);
    volatile BootOptions options;
    final VmObject vdso;

    KernelState(BootOptions options) {
        this.options = options;
        this.vdso = new VmObject(newKoid(), "vdso/next", Vdso.SIZE, false, true, Vdso::readPage);
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
