package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.testkit.Made;
import memscope.model.MapEntry;
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

    /**
     * Chooses the editor handle in the real combo box by its scenario name: opens its list, picks the item, closes
     * it, as a click would (clicking cells of a popup list is timing-sensitive under headless Monocle).
     */
    @SuppressWarnings("unchecked")
    private void chooseEditor(FxRobot robot, String name) {
        ComboBox<memscope.model.KernelInspector.HandleInfo> combo = robot.from(demo.window.root())
                .lookup("#editorHandle").queryAs(ComboBox.class);
        int handle = demo.handle(name);
        robot.interact(() -> {
            combo.show();
            combo.getSelectionModel().select(combo.getItems().stream().filter(h -> h.handle() == handle)
                    .findFirst().orElseThrow());
            combo.hide();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(handle, demo.window.session().editorHandleProperty().get());
    }

    @Test
    void typingAHexByteWritesItThroughWriteMemory(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        demo.typeAt(robot, data, "4a");
        assertArrayEquals(new byte[] {0x4a}, demo.read("app", data, 1));
        assertEquals("ZX_OK: wrote 1 byte at 0x" + Long.toHexString(data), demo.status(robot));
        assertTrue(robot.from(demo.window.root()).lookup("#statusPane").query().getStyleClass().contains("status-ok"));
        assertEquals(data + 1, demo.hex(robot).caretProperty().get(), "the caret moves on after a whole byte");
    }

    @Test
    void theVdsoRefusesAndKeepsItsBytes(FxRobot robot) {
        MapEntry vdso = demo.vdso("app");
        byte[] before = demo.read("app", vdso.base(), 1);
        demo.typeAt(robot, vdso.base(), "0");
        assertEquals("ZX_ERR_ACCESS_DENIED: 0x" + Long.toHexString(vdso.base()) + ": the vDSO is protected",
                demo.status(robot));
        assertTrue(robot.from(demo.window.root()).lookup("#statusPane").query().getStyleClass().contains("status-error"));
        assertArrayEquals(before, demo.read("app", vdso.base(), 1));
    }

    @Test
    void aHandleWithoutWriteIsRefused(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        byte[] before = demo.read("app", data, 1);
        chooseEditor(robot, "app.ro");
        demo.typeAt(robot, data, "f");
        assertEquals("ZX_ERR_ACCESS_DENIED: the handle lacks ZX_RIGHT_WRITE", demo.status(robot));
        assertArrayEquals(before, demo.read("app", data, 1));
    }

    @Test
    void aDeadProcessIsRefused(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        byte[] before = demo.read("app", data, 1);
        chooseEditor(robot, "worker");
        demo.typeAt(robot, data, "f");
        assertEquals("ZX_ERR_BAD_STATE: the process is dead: its memory is not accessible \u2014 documented:"
                + " ZX_ERR_BAD_STATE; today's kernels: ZX_ERR_NOT_FOUND (decided: as documented). Today's Zircon finds"
                + " no address space in a dead process.", demo.status(robot));
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
        demo.typeAt(robot, device, "f");
        assertEquals("ZX_ERR_BAD_STATE: the VMO is not cacheable (UNCACHED_DEVICE)", demo.status(robot));
        assertTrue(changes.stream().noneMatch(c -> c.vmoKoid() == deviceKoid), changes.toString());
    }

    @Test
    void anAddressBeyondAShrunkVmoIsRefused(FxRobot robot) {
        MapEntry growable = demo.mappingOf("app", "growable");
        long vmoSize = demo.kernel.inspector().vmo(demo.koidOf("growable")).orElseThrow().size();
        demo.typeAt(robot, growable.base() + vmoSize, "f");
        assertEquals("ZX_ERR_OUT_OF_RANGE: offset 0x" + Long.toHexString(vmoSize)
                + " is beyond the end of the VMO (it was shrunk)", demo.status(robot));
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
                demo.status(robot));
        assertTrue(robot.from(demo.window.root()).lookup("#statusPane").query().getStyleClass().contains("status-partial"));
        assertArrayEquals(new byte[] {1, 2, 3}, demo.read("app", at, 3));
        assertTrue(!whole[0], "the view is told the write was not whole");
        assertEquals(1, demo.window.editor().history().undoSize(), "the three written bytes can be undone");
        robot.interact(() -> demo.hex(robot).requestFocus());
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
        demo.typeAt(robot, data, "f");
        assertEquals("ZX_ERR_NOT_SUPPORTED: kernel.enable-debugging-syscalls is not set to true on the kernel command"
                + " line", demo.status(robot));
        assertArrayEquals(before, demo.read("app", data, 1));
    }

    @Test
    void everyCallLandsInTheLogColouredByOutcome(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        demo.typeAt(robot, data, "4");
        demo.typeAt(robot, demo.vdso("app").base(), "4");
        org.fxmisc.richtext.StyleClassedTextArea log = Made.node(robot, demo.window.root(), "#syscallLog",
                org.fxmisc.richtext.StyleClassedTextArea.class);
        String text = log.getText();
        assertTrue(text.contains("zx_process_write_memory(handle=0x" + Integer.toHexString(demo.handle("app"))
                + " vaddr=0x" + Long.toHexString(data) + " buffer_size=1) -> ZX_OK [1/1]"), text);
        assertTrue(text.contains("-> ZX_ERR_ACCESS_DENIED [0/1]: 0x"), text);
        assertTrue(!text.contains("zx_process_read_memory"), "the view's own reads are not logged: " + text);
        int last = log.getParagraphs().size() - 1;
        assertEquals(java.util.List.of("log-error"), java.util.List.copyOf(log.getStyleAtPosition(last, 3)));
    }

    @Test
    void pastingPastTheMappingEndWritesWhatFitsAndSaysWhere(FxRobot robot) {
        MapEntry data = demo.mappingOf("app", "data");
        long at = data.end() - 3;
        byte[] before = demo.read("app", at, 3);
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString("de ad be ef 01 02 03 04");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            demo.hex(robot).goTo(at);
            demo.hex(robot).requestFocus();
        });
        robot.push(KeyCode.CONTROL, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ZX_OK: wrote 3 of 8 bytes: the mapping ends at 0x" + Long.toHexString(data.end()),
                demo.status(robot));
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe}, demo.read("app", at, 3));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(before, demo.read("app", at, 3), "the paste is one undoable edit");
    }

    @Test
    void copyPutsTheSelectedBytesOnTheClipboardAsHex(FxRobot robot) {
        long data = demo.mappingOf("app", "data").base();
        byte[] first = demo.read("app", data, 4);
        robot.interact(() -> {
            demo.hex(robot).select(data, data + 4);
            demo.hex(robot).requestFocus();
        });
        robot.push(KeyCode.CONTROL, KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        String expected = String.format("%02X %02X %02X %02X", first[0], first[1], first[2], first[3]);
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals(expected, copied[0].trim().toUpperCase(java.util.Locale.ROOT));
        assertEquals("Copied 4 bytes at 0x" + Long.toHexString(data) + " as hex", demo.status(robot));
    }
}
