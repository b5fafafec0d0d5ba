package memscope.app.document;

import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import memscope.app.edit.EditHistory;
import memscope.app.edit.EditTarget;
import memscope.app.edit.OriginalBytes;
import memscope.app.hex.AddressRange;
import memscope.app.kernel.KernelSession;
import memscope.model.Kernel;

/**
 * The documents open over one kernel session, and which one is current (shown, edited, searched). Features
 * point at {@link #currentProperty()}, never at the window.
 */
public final class Documents {
    /** Edits made while no document is current (never, once a window shows one) are kept nowhere useful. */
    private static final EditTarget DETACHED = new EditTarget() {
        private final EditHistory history = new EditHistory(1);
        private final OriginalBytes originals = new OriginalBytes();

        @Override
        public EditHistory history() {
            return history;
        }

        @Override
        public OriginalBytes originals() {
            return originals;
        }
    };

    private final KernelSession session;
    private final ObservableList<Document> open = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would drop its listeners when collected. */
    private final ObservableList<Document> openView = FXCollections.unmodifiableObservableList(open);
    private final ReadOnlyObjectWrapper<Document> current = new ReadOnlyObjectWrapper<>();

    public Documents(KernelSession session) {
        this.session = session;
    }

    public KernelSession session() {
        return session;
    }

    /** Every open document, in the order opened. */
    public ObservableList<Document> open() {
        return openView;
    }

    public ReadOnlyObjectProperty<Document> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The current document, if any. */
    public Optional<Document> current() {
        return Optional.ofNullable(current.get());
    }

    /** Where the editor keeps edits now: the current document, or a throwaway target while there is none. */
    public EditTarget editTarget() {
        Document doc = current.get();
        return doc != null ? doc : DETACHED;
    }

    /** Makes {@code doc} (one of these) the current document. */
    public void show(Document doc) {
        if (!open.contains(doc)) {
            throw new IllegalArgumentException("not an open document: " + doc);
        }
        current.set(doc);
    }

    /**
     * The open document of process {@code processKoid} (a file document before a process one), or a new process
     * document for it; empty when the session has no handle that can read it.
     */
    public Optional<Document> forProcess(long processKoid) {
        Optional<Document> found = open.stream().filter(d -> d.processKoid() == processKoid)
                .min((a, b) -> Boolean.compare(a.kind() != Document.Kind.FILE, b.kind() != Document.Kind.FILE));
        return found.isPresent() ? found : openProcess(processKoid);
    }

    private Optional<Document> openProcess(long processKoid) {
        OptionalInt reader = session.readerFor(processKoid);
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        String name = session.kernel().inspector().process(processKoid).map(p -> p.name())
                .orElse("#" + processKoid);
        int handle = reader.getAsInt();
        return Optional.of(add(new Document(Document.Kind.PROCESS, session, processKoid, handle,
                new KernelMemory(session, handle, addressSpace(handle)), name)));
    }

    /** The process's own address space: a Linux process attached or a core starts below Zircon's user base. */
    private AddressRange addressSpace(int processHandle) {
        return session.kernel().inspector().layout(processHandle)
                .map(l -> new AddressRange(l.base(), l.end()))
                .orElse(new AddressRange(Kernel.USER_ASPACE_BASE, Kernel.USER_ASPACE_END));
    }

    /**
     * A file document: the file {@code name} mapped at {@code bytes} in process {@code processKoid}, addressed by
     * its offsets from 0; empty when the session cannot read that process.
     */
    public Optional<Document> openFile(long processKoid, AddressRange bytes, String name) {
        OptionalInt reader = session.readerFor(processKoid);
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        int handle = reader.getAsInt();
        Document file = new Document(Document.Kind.FILE, session, processKoid, handle,
                KernelMemory.fromZero(session, handle, bytes), new KernelMemory(session, handle,
                        addressSpace(handle)), name);
        // a person opened one thing: the file takes the place of its process's view, if one was shown
        Optional<Document> process = open.stream()
                .filter(d -> d.processKoid() == processKoid && d.kind() == Document.Kind.PROCESS).findFirst();
        if (process.isEmpty()) {
            return Optional.of(add(file));
        }
        open.set(open.indexOf(process.get()), file);
        if (current.get() == process.get()) {
            current.set(file);
        }
        return Optional.of(file);
    }

    /**
     * Closes {@code doc} (its view, not the process or file behind it) and returns the document to show instead
     * when it was the current one: its neighbour. The last document stays open.
     */
    public Optional<Document> close(Document doc) {
        int at = open.indexOf(doc);
        if (at < 0 || open.size() == 1) {
            return Optional.empty();
        }
        open.remove(at);
        if (current.get() != doc) {
            return Optional.empty();
        }
        Document next = open.get(Math.min(at, open.size() - 1));
        current.set(next);
        return Optional.of(next);
    }

    /** Structure changed somewhere in the kernel: every document reads its mappings anew. */
    public void invalidateAll() {
        open.forEach(Document::invalidate);
    }

    private Document add(Document doc) {
        open.add(doc);
        return doc;
    }
}
