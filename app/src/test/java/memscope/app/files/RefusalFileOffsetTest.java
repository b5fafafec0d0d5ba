package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a file document a refusal's rule names the kernel's address and, beside it, the file offset the address
 * column shows: on the status line and in the syscall log.
 */
class RefusalFileOffsetTest {
    @TempDir
    Path dir;
    private FileWindow w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    @Test
    void aWriteClippedAtTheFilesEndNamesTheFileOffsetToo() throws Exception {
        // one page exactly: the mapping ends where the file does
        w = FileWindow.launch("--open", Files.write(dir.resolve("page.bin"), new byte[0x1000]).toString());
        long end = w.doc().baseAddress() + 0x1000;
        w.robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("01 02 03 04 05 06 07 08");
            Clipboard.getSystemClipboard().setContent(c);
            w.hex().goTo(0xffc);
        });
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.V);
        String rule = "the mapping ends at 0x" + Long.toHexString(end) + " (file offset 0x1000)";
        assertEquals("ZX_OK: wrote 4 of 8 bytes: " + rule, w.status());
        String log = w.robot.from(w.window().root()).lookup("#syscallLog").queryAs(StyleClassedTextArea.class)
                .getText();
        assertTrue(log.contains(rule), log);
    }
}
