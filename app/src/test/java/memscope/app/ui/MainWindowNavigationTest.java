package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.testkit.Made;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import memscope.model.MapEntry;
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

    @SuppressWarnings("unchecked")
    private CanvasTree tree(FxRobot robot) {
        return robot.from(demo.window.root()).lookup("#mappingTree").queryAs(CanvasTree.class);
    }

    private void goToWithCtrlG(FxRobot robot, String text) {
        robot.interact(() -> demo.hex(robot).requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.from(demo.window.root()).lookup("#gotoAddress").queryAs(TextField.class).isFocused(), "Ctrl+G focuses the field");
        robot.write(text).push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlGGoesToAMappingPlusOffset(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        goToWithCtrlG(robot, "data+40");
        assertEquals(data + 0x40, demo.hex(robot).caretProperty().get());
        assertEquals("At 0x" + Long.toHexString(data + 0x40), demo.status(robot));
    }

    @Test
    void afterGoToTheNextDigitsEditMemoryThere(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        goToWithCtrlG(robot, "data+8");
        assertTrue(demo.hex(robot).isFocused(), "Enter hands the keyboard back to the hex view");

        robot.write("c3");
        WaitForAsyncUtils.waitForFxEvents();

        assertArrayEquals(new byte[] {(byte) 0xc3}, demo.read("app", data + 8, 1));
        assertEquals("data+8", robot.from(demo.window.root()).lookup("#gotoAddress").queryAs(TextField.class).getText());
    }

    @Test
    void escapeLeavesTheGoToFieldForTheHexView(FxRobot robot) {
        robot.interact(() -> demo.hex(robot).requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.G);
        robot.write("12").push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(demo.hex(robot).isFocused());
    }

    @Test
    void aBadAddressKeepsTheKeyboardInTheFieldToCorrectIt(FxRobot robot) {
        goToWithCtrlG(robot, "0xZZ");
        assertTrue(robot.from(demo.window.root()).lookup("#gotoAddress").queryAs(TextField.class).isFocused());
    }

    @Test
    void ctrlGAcceptsPlainHex(FxRobot robot) {
        long heap = demo.mappingOf("app", "heap").base();
        goToWithCtrlG(robot, Long.toHexString(heap + 0x10) + "h");
        assertEquals(heap + 0x10, demo.hex(robot).caretProperty().get());
    }

    @Test
    void aBadAddressSaysWhyAndMovesNothing(FxRobot robot) {
        long before = demo.hex(robot).caretProperty().get();
        long top = demo.hex(robot).topAddressProperty().get();
        goToWithCtrlG(robot, "0xZZ");
        assertEquals("\"0xZZ\" is not a hex address", demo.status(robot));
        assertTrue(robot.from(demo.window.root()).lookup("#statusPane").query().getStyleClass().contains("status-error"));
        assertEquals(before, demo.hex(robot).caretProperty().get());
        assertEquals(top, demo.hex(robot).topAddressProperty().get());
    }

    @Test
    void selectingAMappingMovesTheHexView(FxRobot robot) {
        MapEntry stack = demo.mappingOf("app", "stack");
        TreeItem<MappingRow> row = find(tree(robot).getRoot(), r -> r.kind() == MappingRow.Kind.MAPPING
                && r.base() == stack.base());
        // into the row's range column: a row is wider than a narrow tree (its columns keep their widths), so its
        // middle may lie out of sight
        memscope.app.testkit.TreeRows.click(robot, row);
        assertEquals(stack.base(), demo.hex(robot).caretProperty().get());
        assertEquals(stack.base() & ~0xfL, demo.hex(robot).topAddressProperty().get());
    }

    @Test
    void selectingAnotherProcessesMappingSwitchesTheViewedProcess(FxRobot robot) {
        MapEntry ring = demo.mappingOf("logger", "ring");
        TreeItem<MappingRow> row = find(tree(robot).getRoot(), r -> r.kind() == MappingRow.Kind.MAPPING
                && r.processKoid() == demo.koidOf("logger") && r.base() == ring.base());
        robot.interact(() -> tree(robot).getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(demo.koidOf("logger"), demo.window.session().viewedProcessProperty().get());
        assertEquals(ring.base(), demo.hex(robot).caretProperty().get());
    }

    @Test
    void undoAndRedoWithTheKeyboard(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        byte[] original = demo.read("app", data, 1);
        robot.interact(() -> {
            demo.hex(robot).goTo(data);
            demo.hex(robot).requestFocus();
        });
        robot.write("7e");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new byte[] {0x7e}, demo.read("app", data, 1));

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(original, demo.read("app", data, 1), "one undo restores the byte typed as two digits");
        assertEquals("Undo \u2014 ZX_OK: wrote 1 byte at 0x" + Long.toHexString(data), demo.status(robot));

        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new byte[] {0x7e}, demo.read("app", data, 1));

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new byte[] {0x7e}, demo.read("app", data, 1), "Ctrl+Shift+Z redoes too");
    }

    @Test
    void undoingAnEditFarAwayBringsItIntoView(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        long stack = demo.mappingOf("app", "stack").base();
        robot.interact(() -> {
            demo.hex(robot).goTo(data);
            demo.hex(robot).requestFocus();
        });
        robot.write("5a");
        robot.interact(() -> demo.hex(robot).goTo(stack));
        assertTrue(!demo.hex(robot).isVisible(data), "the edit is off screen");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(demo.hex(robot).isVisible(data), "the undone byte is shown");
        assertEquals(data, demo.hex(robot).caretProperty().get());
    }

    @Test
    void aLongLogLineCanBeScrolledTo(FxRobot robot) {
        demo.typeAt(robot, demo.mappingOf("app", "data").base(), "11");
        org.fxmisc.richtext.StyleClassedTextArea area = Made.node(robot, demo.window.root(), "#syscallLog",
                org.fxmisc.richtext.StyleClassedTextArea.class);
        javafx.scene.Node pane = area.getParent();
        assertTrue(pane instanceof org.fxmisc.flowless.VirtualizedScrollPane, "the log sits in a scroll pane");
        assertEquals(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED,
                ((org.fxmisc.flowless.VirtualizedScrollPane<?>) pane).getHbarPolicy(), "it scrolls sideways");
        assertTrue(!area.isWrapText(), "one call, one line");
    }

    @Test
    void aByteBackToItsOldValueIsNoLongerMarkedChanged(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        int old = demo.read("app", data, 1)[0] & 0xff;
        int other = old ^ 0x5a;
        demo.typeAt(robot, data, String.format("%02x", other));
        assertTrue(demo.hex(robot).isMarkedChanged(data));

        demo.typeAt(robot, data, String.format("%02x", old));
        assertTrue(!demo.hex(robot).isMarkedChanged(data), "typed back to its old value");

        demo.typeAt(robot, data + 1, "ee");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!demo.hex(robot).isMarkedChanged(data + 1), "undone");
    }

    @Test
    void aRefusedUndoStaysUndoable(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        byte[] original = demo.read("app", data, 1);
        robot.interact(() -> {
            demo.hex(robot).goTo(data);
            demo.hex(robot).requestFocus();
        });
        robot.write("00");
        WaitForAsyncUtils.waitForFxEvents();
        // undo goes through the CURRENT editor handle: one without WRITE refuses it
        robot.interact(() -> demo.window.session().editorHandleProperty().set(demo.handle("app.ro")));
        robot.interact(() -> demo.hex(robot).requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Undo \u2014 ZX_ERR_ACCESS_DENIED: the handle lacks ZX_RIGHT_WRITE", demo.status(robot));
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

    @Test
    void theTreeShowsColumnsAndMarksVdsoSharedAndDead(FxRobot robot) {
        CanvasTree tree = tree(robot);
        MapEntry vdso = demo.vdso("app");
        TreeItem<MappingRow> vdsoRow = find(tree.getRoot(), r -> r.kind() == MappingRow.Kind.MAPPING
                && r.processKoid() == demo.koidOf("app") && r.base() == vdso.base());
        assertTrue(vdsoRow.getValue().vdso());
        assertEquals("0x" + Long.toHexString(vdso.base()) + "\u20130x" + Long.toHexString(vdso.end()),
                tree.getColumns().get(0).getCellData(vdsoRow));
        assertEquals(memscope.app.text.HexFormat.humanSize(vdso.size()), tree.getColumns().get(1).getCellData(vdsoRow));
        assertEquals("r-x", tree.getColumns().get(2).getCellData(vdsoRow));
        assertTrue(String.valueOf(tree.getColumns().get(3).getCellData(vdsoRow)).endsWith("[vDSO] [shared]"));

        MapEntry ring = demo.mappingOf("app", "ring");
        TreeItem<MappingRow> ringRow = find(tree.getRoot(), r -> r.kind() == MappingRow.Kind.MAPPING
                && r.base() == ring.base());
        assertTrue(ringRow.getValue().shared());
        assertEquals("shared.ring (" + demo.koidOf("ring") + ") [shared]", tree.getColumns().get(3).getCellData(ringRow));
        assertEquals("8 KiB", tree.getColumns().get(1).getCellData(ringRow));
        assertEquals("CACHED", tree.getColumns().get(5).getCellData(ringRow));

        MapEntry device = demo.mappingOf("app", "device");
        TreeItem<MappingRow> deviceRow = find(tree.getRoot(), r -> r.kind() == MappingRow.Kind.MAPPING
                && r.base() == device.base());
        assertEquals("UNCACHED_DEVICE", tree.getColumns().get(5).getCellData(deviceRow));

        TreeItem<MappingRow> worker = tree.getRoot().getChildren().stream()
                .filter(i -> i.getValue().processKoid() == demo.koidOf("worker")).findFirst().orElseThrow();
        assertTrue(worker.getValue().dead());
        assertEquals("crashed-worker \u2014 dead (koid " + demo.koidOf("worker") + ")",
                tree.getColumns().get(0).getCellData(worker));
    }
}
