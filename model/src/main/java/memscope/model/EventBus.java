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

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    void deliver(Changes changes) {
        if (changes == null || changes.isEmpty()) {
            return;
        }
        for (KernelListener l : listeners) {
            for (Object c : changes.items()) {
                if (c instanceof MemoryChange m) {
                    l.memoryChanged(m);
                } else {
                    l.structureChanged((StructureChange) c);
                }
            }
        }
    }

    void deliver(SyscallRecord record) {
        for (KernelListener l : listeners) {
            l.syscallCompleted(record);
        }
    }
}
