package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import memscope.app.document.Document;
import memscope.app.testkit.TreeRows;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import memscope.app.tree.MappingTreeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An opened file is one top-level node in the mapping tree (not its process beside it), named by the file and
 * marked while it has unsaved changes; the rows under it show the process underneath in the file's own tab, and
 * the node itself shows the file by its offsets again.
 */
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

    @SuppressWarnings("unchecked")
    private CanvasTree tree() {
        return w.robot.lookup("#mappingTree").queryAs(CanvasTree.class);
    }

    /** The first column's text of every top-level node that stands for a document, top to bottom. */
    private List<String> documentNodes() {
        CanvasTree tree = tree();
        List<String> out = new java.util.ArrayList<>();
        w.robot.interact(() -> tree.getRoot().getChildren().stream().filter(MappingTreeView::standsForDocument)
                .sorted((a, b) -> Integer.compare(tree.getRow(a), tree.getRow(b)))
                .map(tree::spokenText).forEach(out::add)); // what the row paints, its one non-empty column
        return out;
    }

    @Test
    void theFileIsOneNodeNamedByTheFileWithItsUnsavedMark() throws Exception {
        Path f = Files.write(dir.resolve("node.bin"), new byte[64]);
        w = FileWindow.launch(f.toString());
        Document doc = w.window().documents().current().orElseThrow();
        assertEquals(Document.Kind.FILE, doc.kind());
        assertEquals(List.of(doc), w.window().documents().open(), "one thing opened, one document");
        String node = "node.bin (file, koid " + doc.processKoid() + ")";
        assertEquals(List.of(node), documentNodes(), "no node of the process beside the file's");
        assertEquals(1, tree().getRoot().getChildren().stream()
                .filter(i -> i.getValue().processKoid() == doc.processKoid()).count(), "its process is not listed again");
        w.typeAt(2, "ab");
        assertEquals(List.of("*node.bin (file, koid " + doc.processKoid() + ")"), documentNodes());
    }

    @Test
    void aRowUnderTheFilesNodeShowsItsProcessInTheSameTabAndTheNodeTheFileAgain() throws Exception {
        Path f = Files.write(dir.resolve("rows.bin"), new byte[64]);
        w = FileWindow.launch(f.toString());
        Document doc = w.window().documents().current().orElseThrow();
        long base = w.doc().baseAddress();
        TreeItem<MappingRow> fileNode = tree().getRoot().getChildren().stream()
                .filter(i -> i.getValue().processKoid() == doc.processKoid()).findFirst().orElseThrow();
        fileNode.setExpanded(true);
        TreeItem<MappingRow> mapping = TreeRows.find(fileNode,
                r -> r.kind() == MappingRow.Kind.MAPPING && r.base() == base);
        w.robot.interact(() -> expandTo(mapping));
        TreeRows.click(w.robot, mapping);
        assertSame(doc, w.window().documents().current().orElseThrow(), "the same document");
        assertTrue(doc.showsProcessView());
        assertEquals(base, w.hex().caretProperty().get(), "at the mapping, by the process's address");
        assertSame(doc.memory(), w.hex().getSource());
        TabPane tabs = w.robot.lookup("#documentTabs").queryAs(TabPane.class);
        assertEquals(List.of("rows.bin (process memory)"), tabs.getTabs().stream().map(t -> t.getText()).toList(),
                "still one tab, saying what it shows");

        TreeRows.click(w.robot, fileNode);
        assertFalse(doc.showsProcessView(), "the file's node shows the file by its offsets");
        assertEquals(0, w.hex().caretProperty().get(), "the same byte, offset 0");
        assertEquals(List.of("rows.bin"), tabs.getTabs().stream().map(t -> t.getText()).toList());
    }

    private static void expandTo(TreeItem<MappingRow> item) {
        for (TreeItem<MappingRow> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
    }
}
