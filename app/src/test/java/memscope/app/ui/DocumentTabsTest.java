package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.document.Document;
import memscope.app.testkit.TreeRows;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import memscope.model.MapEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every process the window has shown is a document with a tab above the hex view: its own undo history, a click
 * on its tab to come back, and a close button once there is more than one.
 */
@ExtendWith(ApplicationExtension.class)
class DocumentTabsTest {
    private DemoWindow demo;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage);
    }

    private TabPane tabs(FxRobot robot) {
        return robot.lookup("#documentTabs").queryAs(TabPane.class);
    }

    private List<String> tabTitles(FxRobot robot) {
        return tabs(robot).getTabs().stream().map(Tab::getText).toList();
    }

    private void showLoggerRing(FxRobot robot, MapEntry ring) {
        @SuppressWarnings("unchecked")
        CanvasTree tree = robot.lookup("#mappingTree").queryAs(CanvasTree.class);
        TreeItem<MappingRow> row = TreeRows.find(tree.getRoot(), r -> r.kind() == MappingRow.Kind.MAPPING
                && r.processKoid() == demo.koidOf("logger") && r.base() == ring.base());
        robot.interact(() -> tree.getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node tabHeader(FxRobot robot, String title) {
        return robot.lookup("#documentTabs .tab").match((Node n) -> robot.from(n).lookup(".tab-label")
                .queryAs(javafx.scene.control.Label.class).getText().equals(title)).queryAs(Node.class);
    }

    private void clickTab(FxRobot robot, String title) {
        robot.clickOn(tabHeader(robot, title));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void eachProcessShownGetsATabAndEachTabUndoesItsOwnEdits(FxRobot robot) {
        String app = demo.window.documents().current().orElseThrow().name();
        assertEquals(List.of(app), tabTitles(robot), "one document to start with");
        assertFalse(tabs(robot).getTabs().get(0).isClosable(), "the last tab cannot be closed");

        long data = demo.mappingOf("app", "data").base();
        byte[] appBefore = demo.read("app", data, 1);
        demo.typeAt(robot, data, "5a");
        MapEntry ring = demo.mappingOf("logger", "ring");
        showLoggerRing(robot, ring);
        assertEquals(List.of(app, "logger"), tabTitles(robot));
        assertEquals("logger", tabs(robot).getSelectionModel().getSelectedItem().getText());
        assertTrue(tabs(robot).getTabs().stream().allMatch(Tab::isClosable));

        byte[] ringBefore = demo.read("logger", ring.base() + 4, 1);
        demo.typeAt(robot, ring.base() + 4, "6b");
        clickTab(robot, app);
        assertEquals(demo.koidOf("app"), demo.window.session().viewedProcessProperty().get(), "the tab shows app");
        robot.interact(() -> demo.hex(robot).requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(appBefore, demo.read("app", data, 1), "app's undo undid app's edit");
        assertArrayEquals(new byte[] {0x6b}, demo.read("logger", ring.base() + 4, 1), "and not logger's");

        clickTab(robot, "logger");
        robot.interact(() -> demo.hex(robot).requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(ringBefore, demo.read("logger", ring.base() + 4, 1), "logger's own undo");
    }

    @Test
    void closingATabShowsItsNeighbourAndLeavesOneTabThatCannotClose(FxRobot robot) {
        String app = demo.window.documents().current().orElseThrow().name();
        showLoggerRing(robot, demo.mappingOf("logger", "ring"));
        Node close = robot.from(tabHeader(robot, "logger")).lookup(".tab-close-button").queryAs(Node.class);
        robot.clickOn(close);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(app), tabTitles(robot));
        Document shown = demo.window.documents().current().orElseThrow();
        assertEquals(demo.koidOf("app"), shown.processKoid());
        assertEquals(shown.memory(), demo.hex(robot).getSource(), "the hex view shows the neighbour");
        assertFalse(tabs(robot).getTabs().get(0).isClosable());
    }
}
