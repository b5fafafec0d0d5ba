package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import memscope.app.document.Document;
import memscope.app.edit.TextEncoding;
import memscope.app.find.FindBar;
import memscope.app.hex.AddressRange;
import memscope.app.testkit.TreeRows;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import memscope.model.Kernel;
import memscope.model.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An open file is addressed by its offsets: the address column starts at 0, Go to 0x100 is the file's byte 0x100,
 * Find reports offsets, and typing there changes that byte of the file; the process underneath, at its own
 * addresses, is one click on the tree away.
 */
class FileOffsetsTest {
    private static final int TEXT_AT = 0x150;

    @TempDir
    Path dir;
    private FileWindow w;

    @BeforeEach
    void open() throws Exception {
        byte[] b = new byte[0x300];
        byte[] text = "MemScope".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, b, TEXT_AT, text.length);
        w = FileWindow.launch("--open", Files.write(dir.resolve("offsets.bin"), b).toString());
    }

    @AfterEach
    void close() throws Exception {
        w.close();
    }

    @Test
    void theAddressColumnGoToAndFindCountFromTheFilesFirstByte() {
        assertEquals(0, w.hex().getSource().start(), "the first row is offset 0");
        assertEquals(0x300, w.hex().getSource().end());
        assertEquals(0, w.hex().topAddressProperty().get());
        assertTrue(w.doc().baseAddress() >= Kernel.USER_ASPACE_BASE, "while the kernel maps it elsewhere");

        w.robot.interact(() -> assertTrue(w.window().goTo("0x100")));
        assertEquals(0x100, w.hex().caretProperty().get());
        w.robot.interact(() -> assertFalse(w.window().goTo("0x300"), "one past the last byte"));

        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.F);
        w.robot.interact(() -> {
            w.robot.lookup("#findMode").queryAs(ChoiceBox.class).setValue(FindBar.Mode.TEXT);
            w.robot.lookup("#findEncoding").queryAs(ChoiceBox.class).setValue(TextEncoding.ASCII);
            w.robot.lookup("#findField").queryAs(TextField.class).clear();
        });
        w.robot.clickOn("#findField").write("Scope");
        w.press(KeyCode.ENTER);
        w.waitUntil("the search ended", () -> !w.tools().findBar().searchingProperty().get());
        assertEquals(new AddressRange(TEXT_AT + 3, TEXT_AT + 8), w.hex().selectionProperty().get());
        assertEquals("Found at 0x" + Integer.toHexString(TEXT_AT + 3), w.tools().findBar().message());
    }

    @Test
    void typingAtAnOffsetChangesThatByteOfTheFileAndUndoPutsItBack() {
        w.typeAt(0x10, "ab");
        assertEquals(0xab, kernelByte(w.doc().baseAddress() + 0x10), "the file's byte 0x10, where the kernel maps it");
        assertTrue(w.hex().isMarkedChanged(0x10), "marked at its offset");
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(0, kernelByte(w.doc().baseAddress() + 0x10));
        assertFalse(w.hex().isMarkedChanged(0x10), "back to its old value: no longer marked");
    }

    @Test
    void theFilesMappingInTheTreeShowsTheProcessUnderneathAtItsOwnAddresses() {
        long base = w.doc().baseAddress();
        @SuppressWarnings("unchecked")
        CanvasTree tree = w.robot.lookup("#mappingTree").queryAs(CanvasTree.class);
        TreeItem<MappingRow> row = TreeRows.find(tree.getRoot(),
                r -> r.kind() == MappingRow.Kind.MAPPING && r.base() == base);
        org.junit.jupiter.api.Assertions.assertNotNull(row, "no such row in the tree");
        w.robot.interact(() -> tree.getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
        Document shown = w.window().documents().current().orElseThrow();
        assertEquals(Document.Kind.FILE, shown.kind(), "the file's own document, in its own tab");
        assertEquals(1, w.window().documents().open().size(), "no second document for the process");
        assertTrue(shown.showsProcessView());
        assertEquals(Kernel.USER_ASPACE_BASE, w.hex().getSource().start());
        assertEquals(base, w.hex().caretProperty().get());
    }

    private int kernelByte(long address) {
        byte[] one = new byte[1];
        var r = w.window().session().kernel().readMemory(w.doc().processHandle(), address, one, 1);
        assertEquals(Status.OK, r.status());
        return one[0] & 0xff;
    }
}
