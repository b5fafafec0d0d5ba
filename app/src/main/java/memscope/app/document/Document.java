package memscope.app.document;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import memscope.app.edit.EditHistory;
import memscope.app.edit.EditTarget;
import memscope.app.edit.OriginalBytes;
import memscope.app.hex.AddressRange;
import memscope.app.hex.ByteSource;
import memscope.app.kernel.KernelSession;
import memscope.model.MapEntry;

/**
 * One open thing the window shows: a scenario's process or an opened file (see {@link Kind}). It owns reading its
 * memory ({@link #memory()}, the one read interface), its mapping lookups, what its changed bytes held before
 * (the change marks), its undo history and its dirty state. Edits reach its process through the editor, never
 * through the document.
 */
public final class Document implements EditTarget {
    /** What a document shows; a new kind of open thing adds a constant and a factory in {@link Documents}. */
    public enum Kind {
        /** A process of a scenario or session: the whole user address space. */
        PROCESS,
        /** An opened file: its bytes only, mapped into a process of its own. */
        FILE
    }

    private static final int UNDO_DEPTH = 1000;

    private final Kind kind;
    private final KernelSession session;
    private final long processKoid;
    private final int readerHandle;
    private final String name;
    /** What it shows by its own addresses: a process's address space, or a file's bytes from offset 0. */
    private final KernelMemory own;
    /** A file's process underneath, by the process's addresses; null for a process document. */
    private final KernelMemory underneath;
    /** The memory shown now: {@code own}, or {@code underneath} while the file shows as process memory. */
    private KernelMemory memory;
    private final ReadOnlyBooleanWrapper processView = new ReadOnlyBooleanWrapper();
    private final EditHistory history = new EditHistory(UNDO_DEPTH);
    private final OriginalBytes originals = new OriginalBytes();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();

    /** {@code memory} reads process {@code processKoid} through {@code readerHandle}. */
    Document(Kind kind, KernelSession session, long processKoid, int readerHandle, KernelMemory memory, String name) {
        this(kind, session, processKoid, readerHandle, memory, null, name);
    }

    /** {@code underneath} reads the same process by its own addresses (a file's process view), or is null. */
    Document(Kind kind, KernelSession session, long processKoid, int readerHandle, KernelMemory memory,
             KernelMemory underneath, String name) {
        this.kind = kind;
        this.session = session;
        this.processKoid = processKoid;
        this.readerHandle = readerHandle;
        this.name = name;
        this.own = memory;
        this.underneath = underneath;
        this.memory = memory;
    }

    public Kind kind() {
        return kind;
    }

    /** The process whose memory this document shows. */
    public long processKoid() {
        return processKoid;
    }

    /** The file's or the process's name, as the tree and the tabs show it. */
    public String name() {
        return name;
    }

    /** Its bytes, read quietly: what the hex view, find, the inspector, copy and the change marks read. */
    public ByteSource memory() {
        return memory;
    }

    /** The addresses it shows: the process's, or a file's offsets from 0. */
    public AddressRange range() {
        return new AddressRange(memory.start(), memory.end());
    }

    @Override
    public long toKernel(long address) {
        return memory.toKernel(address);
    }

    /** The document's address of kernel address {@code address} (maybe outside {@link #range()}). */
    public long fromKernel(long address) {
        return memory.fromKernel(address);
    }

    /** The process's mappings changed (or may have): the next read asks the kernel again. */
    public void invalidate() {
        own.invalidate();
        if (underneath != null) {
            underneath.invalidate();
        }
    }

    /** True when it can show the process underneath it (an open file's process). */
    public boolean hasProcessView() {
        return underneath != null;
    }

    /** True while a file shows as its process's memory (by the process's addresses) rather than by offset. */
    public ReadOnlyBooleanProperty processViewProperty() {
        return processView.getReadOnlyProperty();
    }

    public boolean showsProcessView() {
        return processView.get();
    }

    /**
     * Shows the file by its offsets ({@code false}) or as the memory of its process underneath ({@code true}); a
     * document without a process view ignores it. Its undo history and change marks move with the addresses, so
     * they keep naming the same bytes. Returns how much higher the same byte's address is now.
     */
    public long showProcessView(boolean asProcess) {
        if (underneath == null || asProcess == processView.get()) {
            return 0;
        }
        long before = memory.toKernel(0);
        memory = asProcess ? underneath : own;
        long delta = memory.toKernel(0) - before; // negative: the same byte's address grows by -delta
        history.shift(delta);
        originals.shift(delta);
        processView.set(asProcess);
        return -delta;
    }

    /**
     * The offset in the open file of kernel address {@code address}, whichever way the file is shown now; empty
     * for a process document or an address outside the file (its end included: a clipped write names it).
     */
    public java.util.OptionalLong fileOffset(long address) {
        if (kind != Kind.FILE) {
            return java.util.OptionalLong.empty();
        }
        long offset = own.fromKernel(address);
        return offset >= own.start() && offset <= own.end() ? java.util.OptionalLong.of(offset)
                : java.util.OptionalLong.empty();
    }

    /** The process's mappings and VMARs, or none when it is dead or unreadable. */
    public List<MapEntry> maps() {
        return session.maps(readerHandle);
    }

    /** The mapping that holds the document's {@code address}, if any. */
    public Optional<MapEntry> mappingAt(long address) {
        long at = toKernel(address);
        return maps().stream().filter(e -> e.isMapping() && e.contains(at)).findFirst();
    }

    @Override
    public EditHistory history() {
        return history;
    }

    @Override
    public OriginalBytes originals() {
        return originals;
    }

    /**
     * {@code [address, address + length)} was just marked changed: reports each run that holds its old value
     * again (typed back, undone), which should lose its mark.
     */
    public void restoredRuns(long address, long length, OriginalBytes.Restored restored) {
        if (!originals.isEmpty()) {
            originals.compare(address, length, memory, restored);
        }
    }

    /** Unsaved changes: only a document that can be saved (a file) ever has them. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** Set by whoever saves this kind of document, when its unsaved state changes. */
    public void setDirty(boolean unsaved) {
        dirty.set(unsaved);
    }

    /** It was saved: what it holds now is the original, and nothing is marked changed. */
    public void saved() {
        originals.forget();
    }

    @Override
    public String toString() {
        return kind + " " + name + " " + range();
    }
}
