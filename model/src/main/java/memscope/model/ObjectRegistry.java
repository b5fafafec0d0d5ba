package memscope.model;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Every kernel object by koid, so an inspector finds one without scanning handles and address spaces. Entries
 * are weak: the registry never keeps an object alive (a closed, unmapped VMO's pages are freed as before), and
 * whether an object is still there is {@link KernelObject#reachable()}'s answer, which never depends on when the
 * garbage collector runs. Written under the kernel's write lock (or before the kernel is shared), read under its
 * read lock.
 */
final class ObjectRegistry {
    private final Map<Long, Entry> byKoid = new HashMap<>();
    private final ReferenceQueue<KernelObject> collected = new ReferenceQueue<>();

    /** Registers a new object; returns it, for use in an expression. */
    <T extends KernelObject> T add(T object) {
        forgetCollected();
        byKoid.put(object.koid, new Entry(object, collected));
        return object;
    }

    /** The object with this koid if it is a {@code type} the caller can still reach, else null. */
    <T extends KernelObject> T find(long koid, Class<T> type) {
        Entry e = byKoid.get(koid);
        KernelObject o = e == null ? null : e.get();
        return type.isInstance(o) && o.reachable() ? type.cast(o) : null;
    }

    /** The object with this koid whether or not the caller can reach it (the history's view), or null. */
    KernelObject any(long koid) {
        Entry e = byKoid.get(koid);
        return e == null ? null : e.get();
    }

    /** Drops the entries of objects already collected, so the map stays as small as the live objects. */
    private void forgetCollected() {
        for (Reference<? extends KernelObject> r = collected.poll(); r != null; r = collected.poll()) {
            Entry e = (Entry) r;
            byKoid.remove(e.koid, e);
        }
    }

    private static final class Entry extends WeakReference<KernelObject> {
        final long koid;

        Entry(KernelObject object, ReferenceQueue<KernelObject> queue) {
            super(object, queue);
            this.koid = object.koid;
        }
    }
}
