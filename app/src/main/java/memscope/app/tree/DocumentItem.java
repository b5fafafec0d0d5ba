package memscope.app.tree;

import javafx.scene.control.TreeItem;
import memscope.app.document.Document;

/**
 * A top-level node of the tree that stands for an open document: its row is the row of the document's process
 * (so everything that looks for a process's row still finds it) and its children are that process's address
 * space. Choosing it shows the document, as choosing its tab does.
 */
final class DocumentItem extends TreeItem<MappingRow> {
    private final Document document;

    DocumentItem(MappingRow row, Document document) {
        super(row);
        this.document = document;
    }

    Document document() {
        return document;
    }
}
