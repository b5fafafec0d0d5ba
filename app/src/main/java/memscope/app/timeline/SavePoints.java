package memscope.app.timeline;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.OptionalLong;
import javafx.collections.ListChangeListener;
import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.app.kernel.KernelSession;
import memscope.model.History;

/**
 * For "since the last save": the call number after which a document last matched what was saved. An open file:
 * when it opened, then each time it was saved (its unsaved state clears only on a save). A process: when the
 * whole kernel was last saved as a session, or opened from one (a process is saved only that way).
 */
final class SavePoints {
    private final History history;
    private final KernelSession session;
    private final Map<Document, Long> onDisk = new IdentityHashMap<>();

    SavePoints(Documents documents, History history) {
        this.history = history;
        this.session = documents.session();
        documents.open().forEach(this::watch);
        documents.open().addListener((ListChangeListener<Document>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(onDisk::remove);
                c.getAddedSubList().forEach(this::watch);
            }
        });
    }

    private void watch(Document doc) {
        if (doc.kind() != Document.Kind.FILE) {
            return; // a process is saved only with the whole session
        }
        onDisk.put(doc, history.now());
        doc.dirtyProperty().addListener((o, unsaved, nowUnsaved) -> {
            if (unsaved && !nowUnsaved && onDisk.containsKey(doc)) {
                onDisk.put(doc, history.now());
            }
        });
    }

    /**
     * The call after which {@code doc} last matched what was saved: its file's, or for a process the session's;
     * empty for a process while the session was neither saved nor opened from a file.
     */
    OptionalLong lastSave(Document doc) {
        if (doc == null) {
            return OptionalLong.empty();
        }
        Long at = onDisk.get(doc);
        if (at != null) {
            return OptionalLong.of(at);
        }
        long sessionAt = session.sessionSavedProperty().get();
        return doc.kind() == Document.Kind.FILE || sessionAt < 0 ? OptionalLong.empty() : OptionalLong.of(sessionAt);
    }
}
