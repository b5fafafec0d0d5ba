package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import memscope.app.document.Document;
import memscope.app.tree.MappingRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An open file's node in the mapping tree names the file, and marks it while it has unsaved changes. */
class FileDocumentNodeTest {
    @TempDir
    Path dir;
    private FileWindow w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    /** The first column's text of every top-level node that stands for a document, top to bottom. */
    private List<String> documentNodes() {
        @SuppressWarnings("unchecked")
        TreeTableView<MappingRow> tree = w.robot.lookup("#mappingTree").queryAs(TreeTableView.class);
        return w.robot.lookup("#mappingTree .row-document").queryAllAs(TreeTableRow.class).stream()
                .filter(r -> r.getTreeItem() != null && r.getTreeItem().getParent() == tree.getRoot())
                .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
                .map(TreeTableRow::getAccessibleText).toList(); // what the row paints, its one non-empty column
    }

    @Test
    void theFilesNodeNamesItAndShowsItsUnsavedMark() throws Exception {
        Path f = Files.write(dir.resolve("node.bin"), new byte[64]);
        w = FileWindow.launch(f.toString());
        Document doc = w.window().documents().current().orElseThrow();
        assertEquals(Document.Kind.FILE, doc.kind());
        // the process the file is mapped into is a document too (its tab shows the process underneath)
        String process = "file: node.bin (koid " + doc.processKoid() + ")";
        assertEquals(List.of(process, "node.bin (file, koid " + doc.processKoid() + ")"), documentNodes());
        w.typeAt(2, "ab");
        assertEquals(List.of(process, "*node.bin (file, koid " + doc.processKoid() + ")"), documentNodes());
    }
}
