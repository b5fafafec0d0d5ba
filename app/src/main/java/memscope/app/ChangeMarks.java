package memscope.app;

import memscope.app.document.Documents;
import memscope.app.hex.HexView;

/**
 * Keeps the hex view's "changed" marks honest: bytes of the current document that hold what they held before the
 * editor's edits (typed back, undone) lose the mark, and a save clears them all.
 */
final class ChangeMarks {
    private final Documents documents;
    private final HexView hexView;

    ChangeMarks(Documents documents, HexView hexView) {
        this.documents = documents;
        this.hexView = hexView;
    }

    /** {@code [address, address + length)} was just marked changed: unmark what holds its old value again. */
    void marked(long address, long length) {
        documents.current().ifPresent(doc -> doc.restoredRuns(address, length, hexView::unmarkChanged));
    }

    /** The file process {@code processKoid} shows was saved: nothing its documents show is changed any more. */
    void saved(long processKoid) {
        // every view of the saved file holds what is on disk now; another file's marks stay
        documents.open().stream().filter(doc -> doc.processKoid() == processKoid).forEach(doc -> doc.saved());
        if (documents.current().filter(doc -> doc.processKoid() == processKoid).isPresent()) {
            hexView.clearChanges();
        }
    }
}
