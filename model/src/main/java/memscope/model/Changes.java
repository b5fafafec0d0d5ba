package memscope.model;

import java.util.ArrayList;
import java.util.List;

/** The changes one syscall made, gathered under the lock and delivered after it is released. */
final class Changes {
    private List<Object> items;
    private FidelityNote note;
    /** Where the bytes a write is about to overwrite go while the history records; null when it does not. */
    ByteJournal.Pending history;

    /** Where the fidelities differ for this call; kept even when the call is refused. */
    void note(FidelityNote n) {
        note = n;
    }

    FidelityNote note() {
        return note;
    }

    /** Every call site calls this just before it changes bytes {@code [offset, offset + length)} of {@code vmo}. */
    void willWrite(VmObject vmo, long offset, long length) {
        if (history != null && length > 0) {
            history.before(vmo, offset, length);
        }
    }

    /**
     * Page {@code page} of {@code vmo} is about to be forgotten whole; while the history records, it takes the
     * page (a written page leaves the VMO at once). Without the history the caller's discard forgets it.
     */
    void willDropPage(VmObject vmo, long page) {
        if (history != null) {
            history.dropPage(vmo, page);
        }
    }

    /**
     * Writes {@code src[srcOffset...]} to {@code [offset, offset + length)} of {@code vmo}; while the history
     * records, it keeps what the write changes (whole pages change hands rather than being copied).
     *
     * @throws java.io.UncheckedIOException when the VMO's source cannot supply a page the write needs; nothing
     *         has changed then
     */
    void write(VmObject vmo, long offset, byte[] src, int srcOffset, int length) {
        write(vmo, offset, src, srcOffset, length, vmo.prepareWrite(offset, length));
    }

    /** As {@link #write(VmObject, long, byte[], int, int)} with the originals {@code prepareWrite} read. */
    void write(VmObject vmo, long offset, byte[] src, int srcOffset, int length, PageStore.Originals originals) {
        if (history != null && length > 0) {
            history.write(vmo, offset, src, srcOffset, length, originals);
        } else {
            vmo.write(offset, src, srcOffset, length, originals);
        }
    }

    void memory(long vmoKoid, long offset, long length) {
        add(new MemoryChange(vmoKoid, offset, length));
    }

    void structure(StructureChange.Kind kind, long koid) {
        structure(new StructureChange(kind, koid));
    }

    /** A change to the children of {@code vmar} within {@code [base, end)}; {@code kind}'s koid is the process's. */
    void region(StructureChange.Kind kind, StructureChange.What what, VmAddressRegion vmar, long base, long end) {
        structure(new StructureChange(kind, vmar.process.koid,
                new StructureChange.Region(what, vmar.process.koid, vmar.depth(), vmar.base(), base, end)));
    }

    private void structure(StructureChange c) {
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
