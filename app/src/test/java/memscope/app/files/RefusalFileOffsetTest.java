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
import memscope.app.testkit.Made;

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
        String log = Made.node(w.robot, w.window().root(), "#syscallLog", StyleClassedTextArea.class)
                .getText();
        assertTrue(log.contains(rule), log);
    }

    /**
     * A log line names the file offset of its own call's file: after another tab is chosen, the line (worded
     * again in another language, and back) still names page.bin's offset, which the shown file does not have.
     */
    @Test
    void anOlderLogLineKeepsNamingItsOwnFilesOffsetAfterTheTabChanges() throws Exception {
        w = FileWindow.launch("--open", Files.write(dir.resolve("page.bin"), new byte[0x1000]).toString());
        long end = w.doc().baseAddress() + 0x1000;
        Path small = Files.write(dir.resolve("small.bin"), new byte[0x100]);
        assertTrue(Reads.finish(w.robot, () -> w.app.files().open(small)));
        showTab("page.bin");
        w.robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("01 02 03 04 05 06 07 08");
            Clipboard.getSystemClipboard().setContent(c);
            w.hex().goTo(0xffc);
        });
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.V);
        String kernel = "0x" + Long.toHexString(end);
        assertTrue(log().contains("the mapping ends at " + kernel + " (file offset 0x1000)"), log());

        showTab("small.bin");
        assertEquals("small.bin", w.doc().path().getFileName().toString(), "the other file is shown");
        w.language("\u7b80\u4f53\u4e2d\u6587");
        assertTrue(log().contains(kernel + "\uff08\u6587\u4ef6\u504f\u79fb 0x1000\uff09"), log());
        w.language("English");
        assertTrue(log().contains("the mapping ends at " + kernel + " (file offset 0x1000)"), log());
    }

    private String log() {
        return Made.node(w.robot, w.window().root(), "#syscallLog", StyleClassedTextArea.class).getText();
    }

    private void showTab(String title) {
        w.robot.clickOn(w.robot.lookup("#documentTabs .tab").match((javafx.scene.Node n) -> w.robot.from(n)
                .lookup(".tab-label").queryAs(javafx.scene.control.Label.class).getText().equals(title))
                .queryAs(javafx.scene.Node.class));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
