package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.hex.HexView;
import memscope.app.tree.MappingRow;
import memscope.model.MapEntry;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Go to address, the mapping tree, undo and redo, on the real window over the demo scenario. */
@ExtendWith(ApplicationExtension.class)
class MainWindowNavigationTest {
    private DemoWindow demo;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage);
    }

    private HexView hex(FxRobot robot) {
        return robot.lookup("#hexView").queryAs(HexView.class);
    }

    private String status(FxRobot robot) {
        return robot.lookup("#statusPane").queryAs(StatusBar.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<MappingRow> tree(FxRobot robot) {
        return robot.lookup("#mappingTree").queryAs(TreeTableView.class);
    }

    private void goToWithCtrlG(FxRobot robot, String text) {
        robot.interact(() -> hex(robot).requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#gotoAddress").queryAs(TextField.class).isFocused(), "Ctrl+G focuses the field");
        robot.write(text).push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlGGoesToAMappingPlusOffset(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        goToWithCtrlG(robot, "data+40");
        assertEquals(data + 0x40, hex(robot).caretProperty().get());
        assertEquals("At 0x" + Long.toHexString(data + 0x40), status(robot));
    }

    @Test
    void ctrlGAcceptsPlainHex(FxRobot robot) {
        long heap = demo.mappingOf("app", "heap").base();
        goToWithCtrlG(robot, Long.toHexString(heap + 0x10) + "h");
        assertEquals(heap + 0x10, hex(robot).caretProperty().get());
    }

    @Test
    void aBadAddressSaysWhyAndMovesNothing(FxRobot robot) {
        long before = hex(robot).caretProperty().get();
        long top = hex(robot).topAddressProperty().get();
        goToWithCtrlG(robot, "0xZZ");
        assertEquals("\"0xZZ\" is not a hex address", status(robot));
        assertTrue(robot.lookup("#statusPane").query().getStyleClass().contains("status-error"));
        assertEquals(before, hex(robot).caretProperty().get());
        assertEquals(top, hex(robot).topAddressProperty().get());
    }

    @Test
    void selectingAMappingMovesTheHexView(FxRobot robot) {
        MapEntry stack = demo.mappingOf("app", "stack");
        TreeItem<MappingRow> row = find(tree(robot).getRoot(), r -> r.kind() == MappingRow.Kind.MAPPING
                && r.base() == stack.base());
        robot.interact(() -> tree(robot).scrollTo(tree(robot).getRow(row)));
        robot.clickOn(robot.lookup(".tree-table-row-cell").match((javafx.scene.control.TreeTableRow<?> r) ->
                r.getTreeItem() == row).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stack.base(), hex(robot).caretProperty().get());
        assertEquals(stack.base() & ~0xfL, hex(robot).topAddressProperty().get());
    }

    @Test
    void selectingAnotherProcessesMappingSwitchesTheViewedProcess(FxRobot robot) {
        MapEntry ring = demo.mappingOf("logger", "ring");
        TreeItem<MappingRow> row = find(tree(robot).getRoot(), r -> r.kind() == MappingRow.Kind.MAPPING
                && r.processKoid() == demo.koidOf("logger") && r.base() == ring.base());
        robot.interact(() -> tree(robot).getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(demo.koidOf("logger"), demo.window.session().viewedProcessProperty().get());
        assertEquals(ring.base(), hex(robot).caretProperty().get());
    }

    @Test
    void undoAndRedoWithTheKeyboard(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        byte[] original = demo.read("app", data, 1);
        robot.interact(() -> {
            hex(robot).goTo(data);
            hex(robot).requestFocus();
        });
        robot.write("7e");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new byte[] {0x7e}, demo.read("app", data, 1));

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(original, demo.read("app", data, 1), "one undo restores the byte typed as two digits");
        assertEquals("Undo \u2014 ZX_OK: wrote 1 byte at 0x" + Long.toHexString(data), status(robot));

        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new byte[] {0x7e}, demo.read("app", data, 1));

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new byte[] {0x7e}, demo.read("app", data, 1), "Ctrl+Shift+Z redoes too");
    }

    @Test
    void aRefusedUndoStaysUndoable(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        byte[] original = demo.read("app", data, 1);
        robot.interact(() -> {
            hex(robot).goTo(data);
            hex(robot).requestFocus();
        });
        robot.write("00");
        WaitForAsyncUtils.waitForFxEvents();
        // undo goes through the CURRENT editor handle: one without WRITE refuses it
        robot.interact(() -> demo.window.session().editorHandleProperty().set(demo.handle("app.ro")));
        robot.interact(() -> hex(robot).requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Undo \u2014 ZX_ERR_ACCESS_DENIED: the handle lacks ZX_RIGHT_WRITE", status(robot));
        assertArrayEquals(new byte[] {0}, demo.read("app", data, 1));
        assertEquals(1, demo.window.editor().history().undoSize());

        robot.interact(() -> demo.window.session().editorHandleProperty().set(demo.handle("app")));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(original, demo.read("app", data, 1));
    }

    static TreeItem<MappingRow> find(TreeItem<MappingRow> item, java.util.function.Predicate<MappingRow> which) {
        for (TreeItem<MappingRow> child : item.getChildren()) {
            if (which.test(child.getValue())) {
                return child;
            }
            TreeItem<MappingRow> deeper = find(child, which);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }
}
