package memscope.app;

import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.app.hex.AddressRange;
import memscope.app.hex.HexView;
import memscope.app.kernel.KernelSession;
import memscope.app.tabs.DocumentTabs;
import memscope.app.tree.MappingRow;

/**
 * Which document the hex view shows: the tabs, a tree row chosen, an open file, a tab closed. Showing a document
 * makes it current, gives the hex view its memory and makes its process the viewed one (edits follow).
 */
final class DocumentViews {
    private final Documents documents;
    private final KernelSession session;
    private final HexView hexView;
    private final Runnable viewedProcessChanged;
    private final java.util.function.Consumer<Document> closeFile;
    private final DocumentTabs tabs;

    /** {@code closeFile} closes a document's file after the unsaved guard (the application's). */
    DocumentViews(Documents documents, Messages messages, HexView hexView, Runnable viewedProcessChanged,
                  java.util.function.Consumer<Document> closeFile) {
        this.documents = documents;
        this.session = documents.session();
        this.hexView = hexView;
        this.viewedProcessChanged = viewedProcessChanged;
        this.closeFile = closeFile;
        this.tabs = new DocumentTabs(documents, messages, this::show, this::close, this::showProcessView);
    }

    DocumentTabs tabs() {
        return tabs;
    }

    /** Opens the file {@code name}, mapped at {@code range} in process {@code processKoid}, as a document and shows it. */
    void openFile(long processKoid, AddressRange range, String name) {
        documents.openFile(processKoid, range, name).ifPresent(doc -> {
            show(doc);
            hexView.goTo(doc.range().start());
        });
    }

    /**
     * A tree row was chosen: show its process, and move to its start. A mapping row under an open file shows the
     * file's document as its process's memory (in the file's own tab), since the tree names process addresses.
     */
    void showRow(MappingRow row) {
        if (row.processKoid() != session.viewedProcessProperty().get()) {
            view(row.processKoid());
        }
        Document shown = documents.current().orElse(null);
        if (row.kind() == MappingRow.Kind.PROCESS || shown == null) {
            return;
        }
        if (shown.hasProcessView()) {
            showProcessView(shown, true);
        }
        hexView.goTo(shown.fromKernel(row.base()));
    }

    /**
     * Shows {@code doc} (the current document) by its own addresses or as its process's memory, keeping the caret
     * and the selection on the same bytes.
     */
    void showProcessView(Document doc, boolean asProcess) {
        if (documents.current().orElse(null) != doc || !doc.hasProcessView()
                || doc.showsProcessView() == asProcess) {
            return;
        }
        long caret = hexView.caretProperty().get();
        AddressRange selected = hexView.selectionProperty().get();
        long delta = doc.showProcessView(asProcess);
        hexView.clearChanges();
        hexView.setSource(doc.memory());
        if (selected.isEmpty()) {
            hexView.goTo(caret + delta);
        } else {
            hexView.select(selected.start() + delta, selected.end() + delta);
        }
        hexView.refresh();
    }

    /** Shows process {@code processKoid} unless it is already shown. */
    void view(long processKoid) {
        Document shown = documents.current().orElse(null);
        if (shown == null || shown.processKoid() != processKoid) {
            documents.forProcess(processKoid).ifPresent(this::show);
        }
    }

    /** Selects the whole open file, or the mapping under the caret. */
    void selectAll() {
        Document doc = documents.current().orElse(null);
        if (doc == null) {
            return;
        }
        if (doc.kind() == Document.Kind.FILE) {
            hexView.select(doc.range().start(), doc.range().end());
            return;
        }
        doc.mappingAt(hexView.caretProperty().get()).ifPresent(m -> hexView.select(doc.fromKernel(m.base()),
                doc.fromKernel(m.base() + m.size())));
    }

    /**
     * A document's tab was closed: an open file goes through the unsaved guard (only its own changes are asked
     * about); another document's view just closes.
     */
    private void close(Document doc) {
        if (doc.kind() == Document.Kind.FILE) {
            closeFile.accept(doc);
            return;
        }
        drop(doc);
    }

    /** Closes the view {@code doc}, and shows its neighbour if {@code doc} was shown. */
    void drop(Document doc) {
        documents.close(doc).ifPresent(this::show);
    }

    /** A document's node in the tree was chosen: show it, as its tab does; a file by its offsets again. */
    void showDocument(Document doc) {
        if (documents.current().orElse(null) != doc) {
            show(doc);
        }
        showProcessView(doc, false);
    }

    /** Makes {@code doc} the current document and shows it. */
    void show(Document doc) {
        documents.show(doc);
        hexView.clearChanges();
        hexView.setSource(doc.memory());
        // set once the source shows it, so the listeners (the editor handle follows) see a consistent window
        session.viewedProcessProperty().set(doc.processKoid());
        viewedProcessChanged.run();
        hexView.refresh();
    }
}
