package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import memscope.app.testkit.Made;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.MapEntry;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Where a typed byte goes: always to the kernel (the view never refuses on its own), and always to the process
 * being shown, through the handle chosen for it; the status line names that process.
 */
@ExtendWith(ApplicationExtension.class)
class EditTargetTest {
    private DemoWindow demo;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage);
    }

    @SuppressWarnings("unchecked")
    private CanvasTree tree(FxRobot robot) {
        return robot.from(demo.window.root()).lookup("#mappingTree").queryAs(CanvasTree.class);
    }

    private void clickRow(FxRobot robot, TreeItem<MappingRow> row) {
        // selecting the row is what a click does (a click's place depends on the tree's width at this window size)
        robot.interact(() -> {
            tree(robot).scrollTo(tree(robot).getRow(row));
            tree(robot).getSelectionModel().select(row);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Picks a handle in the open list of the real combo box, as a person's click would. */
    private static void choose(FxRobot robot, ComboBox<HandleInfo> combo, int handle) {
        robot.interact(() -> {
            combo.show();
            combo.getSelectionModel().select(combo.getItems().stream().filter(h -> h.handle() == handle)
                    .findFirst().orElseThrow());
            combo.hide();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String log(FxRobot robot) {
        return Made.node(robot, demo.window.root(), "#syscallLog", StyleClassedTextArea.class).getText();
    }

    private String editorLabel(FxRobot robot) {
        return robot.from(demo.window.root()).lookup("#editorLabel").queryAs(Label.class).getText();
    }

    @Test
    void typingIntoAnUnmappedByteIsAWriteTheKernelRefuses(FxRobot robot) {
        MapEntry data = demo.mappingOf("app", "data");
        long hole = data.base() + data.size();
        assertTrue(demo.kernel.processMaps(demo.handle("app")).entries().stream()
                .noneMatch(e -> e.isMapping() && e.contains(hole)), "the byte after data is a hole");

        demo.typeAt(robot, hole, "7");

        assertTrue(demo.status(robot).startsWith("ZX_ERR_NOT_FOUND"), demo.status(robot));
        assertTrue(log(robot).contains("vaddr=0x" + Long.toHexString(hole)), log(robot));
        assertTrue(robot.from(demo.window.root()).lookup("#statusPane").query().getStyleClass()
                .contains("status-error"));
    }

    @Test
    void typingInAnotherProcessShownFromTheTreeEditsThatProcess(FxRobot robot) {
        MapEntry ring = demo.mappingOf("logger", "ring");
        TreeItem<MappingRow> row = MainWindowNavigationTest.find(tree(robot).getRoot(),
                r -> r.kind() == MappingRow.Kind.MAPPING && r.processKoid() == demo.koidOf("logger")
                        && r.base() == ring.base());
        clickRow(robot, row);

        demo.typeAt(robot, ring.base() + 2, "5a");

        assertArrayEquals(new byte[] {0x5a}, demo.read("logger", ring.base() + 2, 1));
        assertEquals("ZX_OK: wrote 1 byte at 0x" + Long.toHexString(ring.base() + 2), demo.status(robot));
        assertEquals(demo.handle("logger"), demo.window.session().editorHandleProperty().get());
        assertTrue(editorLabel(robot).contains("logger"), editorLabel(robot));
    }

    @Test
    void comingBackToAProcessKeepsTheHandleChosenForIt(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<HandleInfo> combo = robot.from(demo.window.root()).lookup("#editorHandle").queryAs(ComboBox.class);
        int readOnly = demo.handle("app.ro");
        choose(robot, combo, readOnly);
        long logger = demo.koidOf("logger");
        long app = demo.koidOf("app");

        robot.interact(() -> demo.window.session().viewedProcessProperty().set(logger));
        assertEquals(demo.handle("logger"), demo.window.session().editorHandleProperty().get());
        robot.interact(() -> demo.window.session().viewedProcessProperty().set(app));

        assertEquals(readOnly, demo.window.session().editorHandleProperty().get());
        assertTrue(editorLabel(robot).contains("app.ro") && editorLabel(robot).contains("editor-app"),
                editorLabel(robot));
    }

    @Test
    void choosingAnotherProcessesHandleShowsThatProcess(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<HandleInfo> combo = robot.from(demo.window.root()).lookup("#editorHandle").queryAs(ComboBox.class);
        int logger = demo.handle("logger");

        choose(robot, combo, logger);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(demo.koidOf("logger"), demo.window.session().viewedProcessProperty().get());
        MapEntry ring = demo.mappingOf("logger", "ring");
        demo.typeAt(robot, ring.base(), "11");
        assertArrayEquals(new byte[] {0x11}, demo.read("logger", ring.base(), 1));
    }
}
