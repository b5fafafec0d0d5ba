package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import memscope.app.document.Document;
import memscope.model.Kernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process underneath an opened file, shown in the file's own tab (View › Show file as process memory,
 * Ctrl+Shift+U): its addresses are the process's; an edit made there is the file's (unsaved mark, Ctrl+S), and
 * Ctrl+Z undoes it from either view.
 */
class ProcessViewTest {
    @TempDir
    Path dir;
    private FileWindow w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    private Document doc() {
        return w.window().documents().current().orElseThrow();
    }

    private int shownByte(long address) {
        byte[] one = new byte[1];
        assertEquals(1, w.hex().getSource().read(address, one, 1));
        return one[0] & 0xff;
    }

    @Test
    void theFilesProcessShowsInItsTabAndEditsThereAreTheFiles() throws Exception {
        Path f = Files.write(dir.resolve("under.bin"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
        w = FileWindow.launch("--open", f.toString());
        long base = w.doc().baseAddress();
        CheckMenuItem item = (CheckMenuItem) w.menuItem("processViewMenu");
        assertFalse(item.isDisable(), "an open file has a process underneath");
        w.typeAt(2, "aa"); // by offset

        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U);
        assertTrue(doc().showsProcessView());
        assertTrue(item.isSelected());
        assertEquals(Kernel.USER_ASPACE_BASE, doc().range().start(), "the process's whole address space");
        assertEquals(base + 3, w.hex().caretProperty().get(), "the caret stays on the same byte");
        assertEquals(0xaa, shownByte(base + 2), "the edit made by offset, at its process address");
        TabPane tabs = w.robot.lookup("#documentTabs").queryAs(TabPane.class);
        assertEquals(1, tabs.getTabs().size(), "one tab");
        assertEquals("*under.bin (process memory)", tabs.getTabs().get(0).getText());

        w.typeAt(base + 5, "bb"); // by process address
        assertEquals(0xbb, shownByte(base + 5));
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U);
        assertFalse(doc().showsProcessView());
        assertEquals(0xbb, shownByte(5), "by offset again: the edit made by process address");
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(5, shownByte(5), "Ctrl+Z undid it, by its offset");
        w.press(KeyCode.CONTROL, KeyCode.S);
        w.waitUntil("saved", () -> !w.doc().isDirty());
        assertEquals(0xaa, Files.readAllBytes(f)[2] & 0xff, "Ctrl+S saved the file");
        assertEquals(5, Files.readAllBytes(f)[5]);
        assertEquals("under.bin", tabs.getTabs().get(0).getText());
        assertEquals("under.bin \u2014 MemScope", w.title());
    }
}
