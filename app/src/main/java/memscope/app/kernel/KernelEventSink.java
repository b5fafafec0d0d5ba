package memscope.app.kernel;

import java.util.List;
import memscope.model.MemoryChange;
import memscope.model.StructureChange;
import memscope.model.SyscallRecord;

/** What the window does with the kernel's news, once per pulse, on the FX thread. */
public interface KernelEventSink {
    /** Something structural changed (one call however many changes came in). */
    void structureChanged();

    /**
     * As {@link #structureChanged()}, with the changes in the order they were made; {@code overflowed} means more
     * came than were kept, so treat everything as changed.
     */
    default void structureChanged(List<StructureChange> changes, boolean overflowed) {
        structureChanged();
    }

    /** These VMO ranges changed; {@code overflowed} means more came than were kept, so treat everything as changed. */
    void memoryChanged(List<MemoryChange> changes, boolean overflowed);

    /** These calls completed, oldest first; {@code dropped} older ones were left out to keep the burst bounded. */
    void syscallsCompleted(List<SyscallRecord> records, long dropped);
}
