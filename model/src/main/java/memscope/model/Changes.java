package memscope.model;

import java.util.ArrayList;
import java.util.List;

/** The changes one syscall made, gathered under the lock and delivered after it is released. */
final class Changes {
    private List<Object> items;
    private FidelityNote note;

    /** Where the fidelities differ for this call; kept even when the call is refused. */
    void note(FidelityNote n) {
        note = n;
    }

    FidelityNote note() {
        return note;
    }

    void memory(long vmoKoid, long offset, long length) {
        add(new MemoryChange(vmoKoid, offset, length));
    }

    void structure(StructureChange.Kind kind, long koid) {
        StructureChange c = new StructureChange(kind, koid);
        if (items == null || !items.contains(c)) {
            add(c);
        }
    }

    private void add(Object c) {
        if (items == null) {
            items = new ArrayList<>(2);
        }
        items.add(c);
    }

    boolean isEmpty() {
        return items == null;
    }

    List<Object> items() {
        return items == null ? List.of() : items;
    }
}
