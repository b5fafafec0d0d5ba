package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.hex.HexView;
import memscope.model.MapEntry;
import memscope.model.Status;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window on the demo scenario: typing into the hex view goes through writeMemory, and every
 * writeMemory rule shows its exact words in the status pane while the bytes stay as they were.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowEditingTest {
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

    /** Puts the caret on {@code address} and types {@code digits} into the hex column. */
    private void typeAt(FxRobot robot, long address, String digits) {
        HexView hex = hex(robot);
        robot.interact(() -> {
            hex.goTo(address);
            hex.requestFocus();
        });
        robot.write(digits);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Chooses the editor handle in the real combo box by its scenario name. */
    private void chooseEditor(FxRobot robot, String name) {
        robot.clickOn("#editorHandle");
        ListCell<?> cell = robot.lookup(".list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith(name + " (")).queryAs(ListCell.class);
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(demo.handle(name), demo.window.session().editorHandleProperty().get());
    }

    @Test
    void typingAHexByteWritesItThroughWriteMemory(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        typeAt(robot, data, "4a");
        assertArrayEquals(new byte[] {0x4a}, demo.read("app", data, 1));
        assertEquals("ZX_OK: wrote 1 byte at 0x" + Long.toHexString(data), status(robot));
        assertTrue(robot.lookup("#statusPane").query().getStyleClass().contains("status-ok"));
        assertEquals(data + 1, hex(robot).caretProperty().get(), "the caret moves on after a whole byte");
    }

    @Test
    void theVdsoRefusesAndKeepsItsBytes(FxRobot robot) {
        MapEntry vdso = demo.vdso("app");
        byte[] before = demo.read("app", vdso.base(), 1);
        typeAt(robot, vdso.base(), "0");
        assertEquals("ZX_ERR_ACCESS_DENIED: 0x" + Long.toHexString(vdso.base()) + ": the vDSO is protected",
                status(robot));
        assertTrue(robot.lookup("#statusPane").query().getStyleClass().contains("status-error"));
        assertArrayEquals(before, demo.read("app", vdso.base(), 1));
    }

    @Test
    void aHandleWithoutWriteIsRefused(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        byte[] before = demo.read("app", data, 1);
        chooseEditor(robot, "app.ro");
        typeAt(robot, data, "f");
        assertEquals("ZX_ERR_ACCESS_DENIED: the handle lacks ZX_RIGHT_WRITE", status(robot));
        assertArrayEquals(before, demo.read("app", data, 1));
    }

    @Test
    void aDeadProcessIsRefused(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        byte[] before = demo.read("app", data, 1);
        chooseEditor(robot, "worker");
        typeAt(robot, data, "f");
        assertEquals("ZX_ERR_BAD_STATE: the process is dead", status(robot));
        assertArrayEquals(before, demo.read("app", data, 1));
    }

    @Test
    void anUncachedVmoIsRefused(FxRobot robot) {
        long device = demo.mappingOf("app", "device").base();
        long deviceKoid = demo.koidOf("device");
        java.util.List<memscope.model.MemoryChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        // the debug read refuses an uncached VMO too, so "unchanged" is checked as "no byte of it changed"
        demo.kernel.subscribe(new memscope.model.KernelListener() {
            @Override
            public void memoryChanged(memscope.model.MemoryChange change) {
                changes.add(change);
            }
        });
        typeAt(robot, device, "f");
        assertEquals("ZX_ERR_BAD_STATE: the VMO is not cacheable (UNCACHED_DEVICE)", status(robot));
        assertTrue(changes.stream().noneMatch(c -> c.vmoKoid() == deviceKoid), changes.toString());
    }

    @Test
    void anAddressBeyondAShrunkVmoIsRefused(FxRobot robot) {
        MapEntry growable = demo.mappingOf("app", "growable");
        long vmoSize = demo.kernel.inspector().vmo(demo.koidOf("growable")).orElseThrow().size();
        typeAt(robot, growable.base() + vmoSize, "f");
        assertEquals("ZX_ERR_OUT_OF_RANGE: offset 0x" + Long.toHexString(vmoSize)
                + " is beyond the end of the VMO (it was shrunk)", status(robot));
    }

    @Test
    void aWritePastTheMappingEndIsCutShortAndSaysWhere(FxRobot robot) {
        MapEntry data = demo.mappingOf("app", "data");
        long at = data.end() - 3;
        byte[] before = demo.read("app", at, 3);
        byte[] eight = {1, 2, 3, 4, 5, 6, 7, 8};
        // a multi-byte edit, as the hex view hands it to its EditHandler (a paste, say)
        boolean[] whole = new boolean[1];
        robot.interact(() -> whole[0] = demo.window.editor().write(at, eight));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ZX_OK: wrote 3 of 8 bytes: the mapping ends at 0x" + Long.toHexString(data.end()),
                status(robot));
        assertTrue(robot.lookup("#statusPane").query().getStyleClass().contains("status-partial"));
        assertArrayEquals(new byte[] {1, 2, 3}, demo.read("app", at, 3));
        assertTrue(!whole[0], "the view is told the write was not whole");
        assertEquals(1, demo.window.editor().history().undoSize(), "the three written bytes can be undone");
        robot.interact(() -> hex(robot).requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(before, demo.read("app", at, 3));
    }

    @Test
    void debuggingSyscallsOffRefusesEveryEdit(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        byte[] before = demo.read("app", data, 1);
        robot.clickOn("#debuggingToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!demo.kernel.options().debuggingSyscalls());
        typeAt(robot, data, "f");
        assertEquals("ZX_ERR_NOT_SUPPORTED: kernel.enable-debugging-syscalls is off", status(robot));
        assertArrayEquals(before, demo.read("app", data, 1));
    }

    @Test
    void everyCallLandsInTheLogColouredByOutcome(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        typeAt(robot, data, "4");
        typeAt(robot, demo.vdso("app").base(), "4");
        org.fxmisc.richtext.StyleClassedTextArea log = robot.lookup("#syscallLog")
                .queryAs(org.fxmisc.richtext.StyleClassedTextArea.class);
        String text = log.getText();
        assertTrue(text.contains("zx_process_write_memory(handle=0x" + Integer.toHexString(demo.handle("app"))
                + " vaddr=0x" + Long.toHexString(data) + " buffer_size=1) -> ZX_OK [1/1]"), text);
        assertTrue(text.contains("-> ZX_ERR_ACCESS_DENIED [0/1]: 0x"), text);
        assertTrue(!text.contains("zx_process_read_memory"), "the view's own reads are not logged: " + text);
        int last = log.getParagraphs().size() - 1;
        assertEquals(java.util.List.of("log-error"), java.util.List.copyOf(log.getStyleAtPosition(last, 3)));
    }
}
