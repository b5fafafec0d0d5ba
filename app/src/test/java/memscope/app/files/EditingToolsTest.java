package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import memscope.app.edit.TextEncoding;
import memscope.app.find.FindBar;
import memscope.app.hex.AddressRange;
import memscope.app.hex.HexTheme;
import memscope.model.IoResult;
import memscope.model.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editing tools on an open file, driven through their real controls: the find bar, fill and undo, copy as,
 * paste hex, the data inspector, bookmarks, the dark theme, and sessions.
 */
class EditingToolsTest {
    /** "....hello, world" then UTF-16LE "hi" then 0x78563412 LE at 32, in 48 bytes. */
    private static final int TEXT_AT = 4;
    private static final int UTF16_AT = 20;
    private static final int INT_AT = 32;

    @TempDir
    Path dir;
    private Path file;
    private FileWindow w;
    private long base;

    @BeforeEach
    void open() throws Exception {
        byte[] b = new byte[48];
        System.arraycopy("hello, world".getBytes(StandardCharsets.US_ASCII), 0, b, TEXT_AT, 12);
        System.arraycopy("hi".getBytes(StandardCharsets.UTF_16LE), 0, b, UTF16_AT, 4);
        b[INT_AT] = 0x78;
        b[INT_AT + 1] = 0x56;
        b[INT_AT + 2] = 0x34;
        b[INT_AT + 3] = 0x12;
        file = Files.write(dir.resolve("tools.bin"), b);
        w = FileWindow.launch("--open", file.toString());
        base = 0; // the view counts a file's bytes from its first
    }

    @AfterEach
    void close() throws Exception {
        w.close();
    }

    private byte[] memory(long address, int length) {
        byte[] out = new byte[length];
        IoResult r = w.window().session().kernel().readMemory(w.doc().processHandle(), w.doc().baseAddress() + address,
                out, length);
        assertEquals(Status.OK, r.status());
        return out;
    }

    private void search(FindBar.Mode mode, TextEncoding encoding, String text) {
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.F);
        assertTrue(w.tools().findBar().isShowing());
        w.robot.interact(() -> {
            w.robot.lookup("#findMode").queryAs(ChoiceBox.class).setValue(mode);
            if (encoding != null) {
                w.robot.lookup("#findEncoding").queryAs(ChoiceBox.class).setValue(encoding);
            }
            w.robot.lookup("#findField").queryAs(TextField.class).clear();
        });
        w.robot.clickOn("#findField").write(text);
        w.press(KeyCode.ENTER);
        awaitSearch();
    }

    private void awaitSearch() {
        w.waitUntil("the search ended", () -> !w.tools().findBar().searchingProperty().get());
    }

    @Test
    void findHexSelectsTheHitAndF3FindsTheNext() {
        search(FindBar.Mode.HEX, null, "6c 6f");
        assertEquals(new AddressRange(base + TEXT_AT + 3, base + TEXT_AT + 5), w.hex().selectionProperty().get());
        assertEquals("Found at 0x" + Long.toHexString(base + TEXT_AT + 3), w.tools().findBar().message());
        search(FindBar.Mode.HEX, null, "6f");
        long first = w.hex().selectionProperty().get().start();
        w.press(KeyCode.F3);
        awaitSearch();
        assertTrue(w.hex().selectionProperty().get().start() > first, "F3 moves to the next 'o'");
        w.press(KeyCode.SHIFT, KeyCode.F3);
        awaitSearch();
        assertEquals(first, w.hex().selectionProperty().get().start(), "Shift+F3 goes back");
    }

    @Test
    void findTextInUtf16AndSaysNotFoundAndWhereHexIsBad() {
        search(FindBar.Mode.TEXT, TextEncoding.UTF_16LE, "hi");
        assertEquals(new AddressRange(base + UTF16_AT, base + UTF16_AT + 4), w.hex().selectionProperty().get());
        search(FindBar.Mode.TEXT, TextEncoding.ASCII, "world");
        assertEquals(new AddressRange(base + TEXT_AT + 7, base + TEXT_AT + 12), w.hex().selectionProperty().get());
        search(FindBar.Mode.TEXT, TextEncoding.UTF_8, "absent");
        assertEquals("Not found: absent", w.tools().findBar().message());
        search(FindBar.Mode.HEX, null, "6c zz");
        assertTrue(w.tools().findBar().message().startsWith("Bad hex: column 4"), w.tools().findBar().message());
    }

    @Test
    void fillWritesThePatternAndCtrlZUndoesIt() {
        byte[] before = memory(base + 8, 6);
        w.robot.interact(() -> w.hex().select(base + 8, base + 14));
        w.fireMenu("fillMenu");
        w.waitUntil("the fill dialog", () -> w.robot.lookup("#fillPattern").tryQuery().isPresent());
        w.robot.interact(() -> w.robot.lookup("#fillPattern").queryAs(TextField.class).clear());
        w.robot.clickOn("#fillPattern").write("ab cd");
        w.robot.clickOn("#fillOk");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd, (byte) 0xab, (byte) 0xcd, (byte) 0xab, (byte) 0xcd},
                memory(base + 8, 6));
        assertTrue(w.status().startsWith("ZX_OK: wrote 6 bytes"), w.status());
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.Z);
        assertArrayEquals(before, memory(base + 8, 6));
    }

    @Test
    void copyAsCArrayAndCtrlCAsHexPutTheSelectionOnTheClipboard() {
        w.robot.interact(() -> w.hex().select(base + INT_AT, base + INT_AT + 4));
        w.fireMenu("copyCArrayMenu");
        String[] text = new String[1];
        w.robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("unsigned char data[4] = { 0x78, 0x56, 0x34, 0x12 };", text[0]);
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.C);
        w.robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("78 56 34 12", text[0]);
        w.fireMenu("copyBase64Menu");
        w.robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("eFY0Eg==", text[0]);
        assertEquals("Copied 4 bytes as Base64", w.status());
    }

    @Test
    void ctrlVPastesHexAtTheCaretUndoablyAndBadHexNamesTheColumn() {
        byte[] before = memory(base + 1, 4);
        putOnClipboard("DE AD BE EF");
        w.robot.interact(() -> w.hex().goTo(base + 1));
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.V);
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, memory(base + 1, 4));
        w.press(KeyCode.CONTROL, KeyCode.Z);
        assertArrayEquals(before, memory(base + 1, 4));
        putOnClipboard("DE AX");
        w.press(KeyCode.CONTROL, KeyCode.V);
        assertTrue(w.status().startsWith("Cannot paste: column 5: 'X' is not a hex digit"), w.status());
        assertArrayEquals(before, memory(base + 1, 4));
    }

    @Test
    void theInspectorShowsTheInt32AtTheCaretInEitherOrderAndFollowsEdits() {
        w.robot.interact(() -> w.hex().goTo(base + INT_AT));
        assertEquals("305419896", w.tools().inspector().value("int32 LE"));
        w.robot.clickOn("#inspectorBigEndian");
        assertEquals(ByteOrder.BIG_ENDIAN, w.tools().inspector().byteOrder());
        assertEquals("2018915346", w.tools().inspector().value("int32 BE"));
        w.robot.clickOn("#inspectorLittleEndian");
        assertEquals(ByteOrder.LITTLE_ENDIAN, w.tools().inspector().byteOrder());
        w.typeAt(base + INT_AT, "ff");
        w.robot.interact(() -> w.hex().goTo(base + INT_AT));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ff563412", memoryHex(base + INT_AT));
        assertEquals(base + INT_AT, w.hex().caretProperty().get());
        assertEquals("305420031", w.tools().inspector().value("int32 LE"));
        assertEquals("-1", w.tools().inspector().value("int8"));
    }

    @Test
    void ctrlBBookmarksTheSelectionWhichIsTintedAndJumpedTo() {
        w.robot.interact(() -> w.hex().select(base + TEXT_AT, base + TEXT_AT + 5));
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.B);
        w.waitUntil("the bookmark dialog", () -> w.robot.lookup("#bookmarkName").tryQuery().isPresent());
        w.robot.interact(() -> w.robot.lookup("#bookmarkName").queryAs(TextField.class).clear());
        w.robot.clickOn("#bookmarkName").write("greeting");
        w.robot.clickOn("#bookmarkOk");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, w.tools().bookmarks().bookmarks().size());
        assertEquals("greeting", w.tools().bookmarks().bookmarks().get(0).name());
        assertEquals(1, w.hex().getHighlights().size());
        assertEquals(base + TEXT_AT, w.hex().getHighlights().get(0).start());
        w.robot.interact(() -> w.hex().goTo(base + 40));
        w.robot.interact(() -> {
            javafx.scene.control.ListView<?> list = w.robot.lookup("#bookmarkList").queryAs(
                    javafx.scene.control.ListView.class);
            list.getSelectionModel().select(0);
            list.requestFocus();
        });
        w.press(KeyCode.ENTER);
        assertEquals(new AddressRange(base + TEXT_AT, base + TEXT_AT + 5), w.hex().selectionProperty().get());
    }

    @Test
    void viewDarkThemeDarkensTheWindowAndTheHexView() {
        assertFalse(w.tools().isDark());
        w.fireMenu("darkThemeMenu");
        assertTrue(w.tools().isDark());
        assertEquals(HexTheme.DARK, w.hex().getTheme());
        w.fireMenu("darkThemeMenu");
        assertEquals(HexTheme.LIGHT, w.hex().getTheme());
    }

    @Test
    void aSessionRoundTripsAndACorruptOneLeavesTheWindowAlone() throws Exception {
        w.typeAt(base, "5a");
        Path session = dir.resolve("s.memscope");
        w.robot.interact(() -> w.app.files().saveSession(session));
        assertEquals("Session saved to s.memscope", w.status());
        Path corrupt = dir.resolve("corrupt.memscope");
        byte[] bytes = Files.readAllBytes(session);
        Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        var before = w.window();
        assertFalse(Reads.finish(w.robot, () -> w.app.files().openSession(corrupt)));
        assertTrue(w.status().startsWith("Cannot open the session: corrupt.memscope: "), w.status());
        assertEquals(before, w.window());
        w.robot.interact(() -> w.app.files().closeDocument());
        assertTrue(Reads.finish(w.robot, () -> w.app.files().openSession(session)));
        assertEquals("Session s.memscope opened", w.status());
        assertNotNull(w.window().hexView().getSource());
        byte[] first = new byte[1];
        int reader = w.window().session().viewedReader().orElseThrow();
        w.window().session().kernel().readMemory(reader, w.window().hexView().caretProperty().get(), first, 1);
        assertEquals(0x5a, first[0] & 0xff, "the edit came back with the session");
    }

    private String memoryHex(long address) {
        return java.util.HexFormat.of().formatHex(memory(address, 4));
    }

    private void putOnClipboard(String text) {
        w.robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        });
    }
}
