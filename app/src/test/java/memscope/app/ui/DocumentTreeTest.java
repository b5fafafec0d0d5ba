package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import memscope.app.document.Document;
import memscope.app.testkit.TreeRows;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import memscope.app.tree.MappingTreeView;
import memscope.model.MapEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The mapping tree lists every open document first, one top-level node each in the tabs' order; clicking a node
 * shows its document as clicking its tab does, and closing the document takes its node away (its process stays
 * listed among the processes no document shows).
 */
@ExtendWith(ApplicationExtension.class)
class DocumentTreeTest {
    private DemoWindow demo;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage);
    }

    @SuppressWarnings("unchecked")
    private CanvasTree tree(FxRobot robot) {
        return robot.lookup("#mappingTree").queryAs(CanvasTree.class);
    }

    /** The processes of the top-level nodes that stand for documents, top to bottom. */
    private List<Long> documentNodes(FxRobot robot) {
        // the top-level nodes are the first rows' order; a row's own index is its place in the flat index
        CanvasTree tree = tree(robot);
        return tree.getRoot().getChildren().stream().filter(MappingTreeView::standsForDocument)
                .sorted((a, b) -> Integer.compare(tree.getRow(a), tree.getRow(b)))
                .map(i -> i.getValue().processKoid()).toList();
    }

    private List<Long> topLevel(FxRobot robot) {
        return tree(robot).getRoot().getChildren().stream().map(i -> i.getValue().processKoid()).toList();
    }

    private TreeItem<MappingRow> topNode(FxRobot robot, long koid) {
        return tree(robot).getRoot().getChildren().stream().filter(i -> i.getValue().processKoid() == koid)
                .findFirst().orElseThrow();
    }

    private String selectedTab(FxRobot robot) {
        Tab t = robot.lookup("#documentTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
        return t.getText();
    }

    private Document current() {
        return demo.window.documents().current().orElseThrow();
    }

    @Test
    void everyOpenDocumentIsATopLevelNodeThatShowsItWhenClicked(FxRobot robot) {
        long app = demo.koidOf("app");
        long logger = demo.koidOf("logger");
        assertEquals(List.of(app), documentNodes(robot), "one document to start with: its node comes first");

        // a click on a mapping of logger opens logger's document: it joins the documents, after app
        MapEntry ring = demo.mappingOf("logger", "ring");
        TreeItem<MappingRow> ringRow = TreeRows.find(topNode(robot, logger), r -> r.kind() == MappingRow.Kind.MAPPING
                && r.base() == ring.base());
        TreeRows.click(robot, ringRow);
        assertEquals(logger, current().processKoid());
        assertEquals(List.of(app, logger), documentNodes(robot));
        assertEquals(List.of(app, logger), topLevel(robot).subList(0, 2), "documents first, in the tabs' order");

        // a click on a document's node shows it, as a click on its tab does
        TreeRows.click(robot, topNode(robot, app));
        assertEquals(app, current().processKoid());
        assertEquals(current().name(), selectedTab(robot));
        assertSame(current().memory(), demo.hex(robot).getSource(), "the hex view shows the document");
        TreeRows.click(robot, topNode(robot, logger));
        assertEquals(logger, current().processKoid());
        assertEquals("logger", selectedTab(robot));

        // closing logger's document (its tab's close button) takes its node away; logger is still listed
        Node close = robot.lookup("#documentTabs .tab").match((Node n) -> robot.from(n).lookup(".tab-label")
                .queryAs(javafx.scene.control.Label.class).getText().equals("logger")).queryAs(Node.class);
        robot.clickOn(robot.from(close).lookup(".tab-close-button").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(app), documentNodes(robot), "the closed document's node is gone");
        assertEquals(1, topLevel(robot).stream().filter(k -> k == logger).count(),
                "logger is listed once, among the processes no document shows");
    }
}
