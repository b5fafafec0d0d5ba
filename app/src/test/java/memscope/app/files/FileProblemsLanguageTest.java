package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import memscope.app.bookmarks.Bookmark;
import memscope.app.edit.TextEncoding;
import memscope.app.find.FindBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A file, session, paste or find problem shown in the status line or the find bar, and the bookmark list's rows,
 * are worded again when the language is switched from the View › Language menu, and back.
 */
class FileProblemsLanguageTest {
    private static final String ENGLISH = "English";
    private static final String CHINESE = "\u7b80\u4f53\u4e2d\u6587";

    @TempDir
    Path dir;
    private FileWindow w;

    @BeforeEach
    void open() throws Exception {
        w = FileWindow.launch("--open", Files.write(dir.resolve("data.bin"), new byte[64]).toString());
    }

    @AfterEach
    void close() throws Exception {
        w.close();
    }

    /** Fires View › Language › {@code label}, as a click does (its label is the same in every language). */
    private void chooseLanguage(String label) {
        w.robot.interact(() -> {
            MenuBar bar = (MenuBar) w.window().root().lookup("#menuBar");
            MenuItem item = radioItem(bar.getMenus(), label);
            if (item == null) {
                throw new AssertionError("no language " + label + " in " + texts(bar.getMenus()));
            }
            item.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static MenuItem radioItem(java.util.List<? extends MenuItem> items, String label) {
        for (MenuItem i : items) {
            if (i instanceof RadioMenuItem && label.equals(i.getText())) {
                return i;
            }
            if (i instanceof Menu m) {
                MenuItem inner = radioItem(m.getItems(), label);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static String texts(java.util.List<? extends MenuItem> items) {
        StringBuilder s = new StringBuilder();
        for (MenuItem i : items) {
            s.append(i.getClass().getSimpleName()).append(':').append(i.getText()).append(' ');
            if (i instanceof Menu m) {
                s.append('[').append(texts(m.getItems())).append(']');
            }
        }
        return s.toString();
    }

    @Test
    void aDamagedSessionIsExplainedInTheChosenLanguage() throws Exception {
        byte[] session = Arrays.copyOf("MEMSCOPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 12);
        session[9] = 3;
        Path bad = Files.write(dir.resolve("bad.msession"), session);
        assertFalse(Reads.finish(w.robot, () -> w.app.files().openSession(bad)));
        String english = "Cannot open the session: bad.msession: unsupported session version 3"
                + " (this MemScope reads versions 1 to 2)";
        assertEquals(english, w.status());
        chooseLanguage(CHINESE);
        assertEquals("无法打开会话：bad.msession：不支持的会话版本 3（此版本 MemScope 只能读取版本 1 到 2）", w.status());
        chooseLanguage(ENGLISH);
        assertEquals(english, w.status());
    }

    @Test
    void aMissingFileAndADirectoryAreExplainedInChinese() {
        Path missing = dir.resolve("missing.bin");
        assertFalse(Reads.finish(w.robot, () -> w.app.files().open(missing)));
        chooseLanguage(CHINESE);
        assertEquals("无法打开 " + missing + "：文件不存在", w.status());
        assertFalse(Reads.finish(w.robot, () -> w.app.files().open(dir)));
        assertEquals("无法打开 " + dir + "：" + dir + " 是一个目录", w.status());
        chooseLanguage(ENGLISH);
        assertEquals("Cannot open " + dir + ": " + dir + " is a directory", w.status());
    }

    @Test
    void aNamedPipeIsExplainedInChinese() throws Exception {
        Path fifo = Fifos.make(dir.resolve("pipe.bin"));
        try {
            assertFalse(Reads.finish(w.robot, () -> w.app.files().open(fifo)));
            chooseLanguage(CHINESE);
            assertEquals("无法打开 " + fifo + "：" + fifo
                    + " 是命名管道（FIFO），不是普通文件", w.status());
            chooseLanguage(ENGLISH);
            assertEquals("Cannot open " + fifo + ": " + fifo + " is a named pipe (FIFO), not a regular file",
                    w.status());
        } finally {
            Fifos.release(fifo);
        }
    }

    @Test
    void badPastedHexNamesTheColumnInTheChosenLanguage() {
        w.robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("DE AD\nBE AX");
            Clipboard.getSystemClipboard().setContent(c);
        });
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.V);
        assertEquals("Cannot paste: line 2, column 5: 'X' is not a hex digit (in \"AX\")", w.status());
        chooseLanguage(CHINESE);
        assertEquals("无法粘贴：第 2 行第 5 列：'X' 不是十六进制数字（在 \"AX\" 中）", w.status());
    }

    private String find(FindBar.Mode mode, String text) {
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.F);
        w.robot.interact(() -> {
            w.robot.lookup("#findMode").queryAs(ChoiceBox.class).setValue(mode);
            w.robot.lookup("#findEncoding").queryAs(ChoiceBox.class).setValue(TextEncoding.ASCII);
            w.robot.lookup("#findField").queryAs(TextField.class).setText(text);
        });
        w.robot.clickOn("#findField");
        w.press(KeyCode.ENTER);
        w.waitUntil("the search ended", () -> !w.tools().findBar().searchingProperty().get());
        return w.tools().findBar().message();
    }

    @Test
    void theFindBarRewordsItsProblems() {
        assertEquals("Bad hex: column 5: 'G' is not a hex digit (in \"AG\")", find(FindBar.Mode.HEX, "DE AG"));
        chooseLanguage(CHINESE);
        assertEquals("十六进制有误：第 5 列：'G' 不是十六进制数字（在 \"AG\" 中）",
                w.tools().findBar().message());
        String refused = find(FindBar.Mode.TEXT, "caf\u00e9");
        assertTrue(refused.endsWith("\"caf\u00e9\" 无法用 ASCII 表示"), refused);
        chooseLanguage(ENGLISH);
        assertEquals("Cannot search: \"caf\u00e9\" cannot be written in ASCII", w.tools().findBar().message());
    }

    @Test
    void whatASaveDidIsWordedAgainInChinese() {
        w.typeAt(2, "ab");
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.S);
        w.waitUntil("saved", () -> w.status().startsWith("Saved data.bin"));
        assertEquals("Saved data.bin (1 changed page)", w.status());
        chooseLanguage(CHINESE);
        assertEquals("已保存 data.bin（1 个已修改的页）", w.status());
    }

    /** The bookmark list's rows say how many bytes a bookmark covers, in the current language. */
    @Test
    void bookmarkRowsFollowTheLanguage() {
        long base = 0;
        w.robot.interact(() -> w.tools().bookmarks().add(new Bookmark("greeting", base, base + 5, Color.GOLD)));
        WaitForAsyncUtils.waitForFxEvents();
        String at = "0x" + Long.toHexString(base);
        assertTrue(rows().contains("greeting  " + at + " (5 bytes)"), rows().toString());
        chooseLanguage(CHINESE);
        assertTrue(rows().contains("greeting  " + at + "（5 字节）"), rows().toString());
    }

    private java.util.List<String> rows() {
        return w.robot.lookup("#bookmarkList .list-cell").queryAllAs(ListCell.class).stream()
                .map(ListCell::getText).filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void theFillDialogsButtonsSpeakTheChosenLanguageAndCancelWritesNothing() {
        chooseLanguage(CHINESE);
        long base = 0;
        w.robot.interact(() -> w.hex().select(base, base + 4));
        w.fireMenu("fillMenu");
        w.waitUntil("the fill dialog", () -> w.robot.lookup("#fillPattern").tryQuery().isPresent());
        assertEquals("\u786e\u5b9a", w.robot.lookup("#fillOk").queryAs(javafx.scene.control.Button.class).getText());
        javafx.scene.control.Button cancel = w.robot.lookup(".dialog-pane .button").queryAllAs(
                javafx.scene.control.Button.class).stream().filter(b -> "\u53d6\u6d88".equals(b.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no \u53d6\u6d88 (Cancel) button"));
        w.robot.interact(() -> w.robot.lookup("#fillPattern").queryAs(TextField.class).setText("ff"));
        w.robot.clickOn(cancel);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.robot.lookup("#fillPattern").tryQuery().isEmpty(), "the dialog is gone");
        byte[] after = new byte[4];
        w.doc().kernel().readMemory(w.doc().processHandle(), base, after, 4);
        assertTrue(Arrays.equals(new byte[4], after), "Cancel writes nothing: " + Arrays.toString(after));
    }
}
