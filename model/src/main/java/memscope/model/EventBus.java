package memscope.model;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Delivers kernel events to listeners, outside the kernel lock, on the thread that made the change. */
final class EventBus {
    private final List<KernelListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Each subscription removes its own registration once: closing it again leaves other subscriptions alone. */
    Subscription subscribe(KernelListener listener) {
        Objects.requireNonNull(listener, "subscribe: the listener is null");
        listeners.add(listener);
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false)) {
                listeners.remove(listener);
            }
        };
    }

    /** False when nobody listens: callers then skip building events at all. */
    boolean active() {
        return !listeners.isEmpty();
    }

    /** The last number handed out (0 before the first). */
    long currentSequence() {
        return sequence.get();
    }

    /** Session restore: numbering continues after the saved session's last call. */
    void restoreSequence(long last) {
        sequence.accumulateAndGet(last, Math::max);
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** Tells every listener about the changes (none when {@code changes} is null). */
    void deliver(Changes changes) {
        deliver(changes, null);
    }

    /**
     * Tells every listener about the changes, then every listener about the call's record (either may be null).
     * A listener that throws does not keep the others from hearing (a file's dirty-page tracker must not miss an
     * edit because a view failed): the first exception is rethrown once all have been told, later ones are
     * suppressed in it.
     */
    void deliver(Changes changes, SyscallRecord record) {
        RuntimeException failure = null;
        if (changes != null && !changes.isEmpty()) {
            for (KernelListener l : listeners) {
                failure = tell(failure, () -> {
                    for (Object c : changes.items()) {
                        if (c instanceof MemoryChange m) {
                            l.memoryChanged(m);
                        } else {
                            l.structureChanged((StructureChange) c);
                        }
                    }
                });
            }
        }
        if (record != null) {
            for (KernelListener l : listeners) {
                failure = tell(failure, () -> l.syscallCompleted(record));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException tell(RuntimeException failure, Runnable delivery) {
        try {
            delivery.run();
            return failure;
        } catch (RuntimeException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
            return failure;
        }
    }
}
