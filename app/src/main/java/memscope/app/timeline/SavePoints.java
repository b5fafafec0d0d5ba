package memscope.app.timeline;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.OptionalLong;
import javafx.collections.ListChangeListener;
import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.model.History;

/**
 * For "since the last save": the call number after which each open file held what its disk holds, which is when
 * it opened and then each time it was saved (its unsaved state clears only on a save).
 */
final class SavePoints {
    private final History history;
    private final Map<Document, Long> onDisk = new IdentityHashMap<>();

    SavePoints(Documents documents, History history) {
        this.history = history;
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
            return; // a process is never saved
        }
        onDisk.put(doc, history.now());
        doc.dirtyProperty().addListener((o, unsaved, nowUnsaved) -> {
            if (unsaved && !nowUnsaved && onDisk.containsKey(doc)) {
                onDisk.put(doc, history.now());
            }
        });
    }

    /** The call after which {@code doc} last matched its file, or empty for a document that is not a file. */
    OptionalLong lastSave(Document doc) {
        Long at = doc == null ? null : onDisk.get(doc);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }
}
