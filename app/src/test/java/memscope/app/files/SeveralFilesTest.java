package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.WindowEvent;
import memscope.app.find.FindBar;
import memscope.model.file.FileDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Several files open at once, driven through the real keys, tabs and close buttons: each file has its own tab,
 * undo and unsaved mark; the tab shown decides what Ctrl+S saves, what the title, Find and the inspector show;
 * closing a tab asks about that file only; quitting asks about each unsaved file in turn; a file is never open
 * twice.
 */
class SeveralFilesTest {
    @TempDir
    Path dir;
    private FileWindow w;
    private Path a;
    private Path b;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    /** a.bin holds 0x00..0x0f with "alpha" at 3; b.bin holds 0x80..0x8f with "bravo" at 5. */
    private void openBoth() throws Exception {
        byte[] one = new byte[16];
        byte[] two = new byte[16];
        for (int i = 0; i < 16; i++) {
            one[i] = (byte) i;
            two[i] = (byte) (0x80 + i);
        }
        System.arraycopy("alpha".getBytes(StandardCharsets.US_ASCII), 0, one, 3, 5);
        System.arraycopy("bravo".getBytes(StandardCharsets.US_ASCII), 0, two, 5, 5);
        a = Files.write(dir.resolve("a.bin"), one);
        b = Files.write(dir.resolve("b.bin"), two);
        w = FileWindow.launch("--open", a.toString());
        assertTrue(Reads.finish(w.robot, () -> w.app.files().open(b)));
    }

    private TabPane tabs() {
        return w.robot.lookup("#documentTabs").queryAs(TabPane.class);
    }

    private List<String> tabTitles() {
        return tabs().getTabs().stream().map(Tab::getText).toList();
    }

    private String shownTab() {
        return tabs().getSelectionModel().getSelectedItem().getText();
    }

    private Node tabHeader(String title) {
        return w.robot.lookup("#documentTabs .tab").match((Node n) -> w.robot.from(n).lookup(".tab-label")
                .queryAs(Label.class).getText().equals(title)).queryAs(Node.class);
    }

    private void clickTab(String title) {
        w.robot.clickOn(tabHeader(title));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickClose(String title) {
        w.robot.clickOn(w.robot.from(tabHeader(title)).lookup(".tab-close-button").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The header of the question shown now (waits for it). */
    private String question() {
        w.waitUntil("the unsaved question", () -> w.robot.lookup("#cancelChanges").tryQuery().isPresent());
        return w.robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText();
    }

    private String questionText() {
        return w.robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
    }

    private void answer(String button) {
        w.robot.clickOn(w.robot.lookup("#" + button).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The byte at offset {@code offset} of the file the hex view shows. */
    private int shownByte(long offset) {
        byte[] one = new byte[1];
        assertEquals(1, w.hex().getSource().read(offset, one, 1));
        return one[0] & 0xff;
    }

    private FileDocument file(Path path) {
        return w.app.files().openFiles().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void eachFileHasItsOwnTabUndoMarkAndSave() throws Exception {
        openBoth();
        assertTrue(tabTitles().containsAll(List.of("a.bin", "b.bin")), tabTitles().toString());
        assertEquals("b.bin", shownTab(), "the file just opened is shown");
        assertEquals(0x80, shownByte(0), "the hex view shows b.bin, from offset 0");
        assertEquals("b.bin \u2014 MemScope", w.title());

        w.typeAt(0, "ee");
        assertEquals("*b.bin", shownTab());
        assertTrue(tabTitles().contains("a.bin"), "a.bin has no unsaved mark");
        assertEquals("\u2022 b.bin \u2014 MemScope", w.title());

        clickTab("a.bin");
        assertEquals(0x00, shownByte(0), "the hex view shows a.bin now");
        assertEquals("a.bin \u2014 MemScope", w.title());
        w.typeAt(1, "dd");
        assertEquals("*a.bin", shownTab());
        assertEquals(0xdd, shownByte(1));

        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(0x01, shownByte(1), "Ctrl+Z undid a.bin's edit");
        assertEquals(0xee, readVia(file(b), 0), "and left b.bin's");
        w.press(KeyCode.CONTROL, KeyCode.Y);
        assertEquals(0xdd, shownByte(1));

        w.press(KeyCode.CONTROL, KeyCode.S);
        w.waitUntil("a.bin saved", () -> !file(a).isDirty());
        assertEquals(0xdd, Files.readAllBytes(a)[1] & 0xff, "Ctrl+S saved the shown tab's file");
        assertEquals(0x80, Files.readAllBytes(b)[0] & 0xff, "and not the other one");
        assertTrue(file(b).isDirty());
        assertTrue(tabTitles().containsAll(List.of("a.bin", "*b.bin")), tabTitles().toString());

        clickTab("*b.bin");
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.S);
        w.waitUntil("b.bin saved", () -> !file(b).isDirty());
        assertEquals(0xee, Files.readAllBytes(b)[0] & 0xff);
        assertEquals("b.bin \u2014 MemScope", w.title());
    }

    private static int readVia(FileDocument f, long offset) {
        byte[] one = new byte[1];
        f.kernel().readMemory(f.processHandle(), f.baseAddress() + offset, one, 1);
        return one[0] & 0xff;
    }

    @Test
    void findAndTheInspectorFollowTheShownTab() throws Exception {
        openBoth();
        search("bravo");
        assertEquals("Found at 0x5", w.tools().findBar().message());
        search("alpha");
        assertEquals("Not found: alpha", w.tools().findBar().message(), "b.bin has no alpha");
        w.robot.interact(() -> w.hex().goTo(0));
        w.waitUntil("the inspector", () -> "128".equals(w.tools().inspector().value("uint8")));

        clickTab("a.bin");
        search("alpha");
        assertEquals("Found at 0x3", w.tools().findBar().message());
        w.robot.interact(() -> w.hex().goTo(3));
        w.waitUntil("the inspector", () -> String.valueOf((int) 'a').equals(w.tools().inspector().value("uint8")));
    }

    private void search(String text) {
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.F);
        w.robot.interact(() -> {
            w.robot.lookup("#findMode").queryAs(ChoiceBox.class).setValue(FindBar.Mode.TEXT);
            w.robot.lookup("#findField").queryAs(TextField.class).clear();
        });
        w.robot.clickOn("#findField").write(text);
        w.press(KeyCode.ENTER);
        w.waitUntil("the search ended", () -> !w.tools().findBar().searchingProperty().get());
    }

    @Test
    void saveAsOntoAFileOpenInAnotherTabIsRefusedAndWritesNothing() throws Exception {
        openBoth();
        byte[] aBefore = Files.readAllBytes(a);
        w.typeAt(0, "ee"); // b.bin is shown
        w.robot.interact(() -> w.app.files().saveAs(a));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Not saved: a.bin is open in another tab; close that tab first or choose another name",
                w.status());
        assertArrayEquals(aBefore, Files.readAllBytes(a), "a.bin on disk is untouched");
        assertTrue(file(b).isDirty(), "b.bin keeps its unsaved edit");
        assertEquals(b, file(b).path(), "b.bin is still b.bin");
        assertTrue(tabTitles().containsAll(List.of("a.bin", "*b.bin")), tabTitles().toString());

        Path c = dir.resolve("c.bin");
        w.robot.interact(() -> w.app.files().saveAs(c));
        w.waitUntil("saved as c.bin", () -> w.status().startsWith("Saved c.bin"));
        assertEquals(0xee, Files.readAllBytes(c)[0] & 0xff, "a name no tab holds is saved to as before");
    }

    @Test
    void openingAFileAlreadyOpenShowsItsTabInstead() throws Exception {
        openBoth();
        List<String> before = tabTitles();
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), a);
        assertTrue(Reads.finish(w.robot, () -> w.app.files().open(link)));
        assertEquals(before, tabTitles(), "no second tab for the same file");
        assertEquals("a.bin", shownTab());
        assertEquals("a.bin is already open: its tab is shown", w.status());
        assertEquals(2, w.app.files().openFiles().size());
        assertSame(file(a), w.doc());
    }

    @Test
    void closingAFilesTabAsksAboutThatFileOnly() throws Exception {
        openBoth();
        clickTab("a.bin");
        w.typeAt(0, "aa");
        clickTab("b.bin");
        w.typeAt(0, "bb");

        clickClose("*b.bin");
        assertEquals("b.bin has unsaved changes", question());
        answer("cancelChanges");
        assertEquals(2, w.app.files().openFiles().size(), "Cancel keeps it");
        assertTrue(tabTitles().contains("*b.bin"));

        clickClose("*b.bin");
        assertEquals("b.bin has unsaved changes", question());
        answer("discardChanges");
        assertTrue(w.robot.lookup("#cancelChanges").tryQuery().isEmpty(), "a.bin's changes are not asked about");
        assertEquals(List.of(file(a)), w.app.files().openFiles());
        assertFalse(tabTitles().stream().anyMatch(t -> t.contains("b.bin")), tabTitles().toString());
        assertTrue(file(a).isDirty(), "a.bin keeps its edit");
        assertEquals(0x80, Files.readAllBytes(b)[0] & 0xff, "the given-up edit never reaches the disk");
        assertEquals(0xaa, shownByte(0), "a.bin's view, with its edit, is shown");
        assertEquals("\u2022 a.bin \u2014 MemScope", w.title());
    }

    @Test
    void quittingAsksAboutEachUnsavedFileInTurn() throws Exception {
        openBoth();
        clickTab("a.bin");
        w.typeAt(0, "aa");
        clickTab("b.bin");
        w.typeAt(0, "bb");

        requestClose();
        assertEquals("a.bin has unsaved changes", question());
        assertTrue(questionText().contains("1 more open files"), questionText());
        answer("cancelChanges");
        assertTrue(w.stage.isShowing(), "Cancel keeps everything");
        assertTrue(file(a).isDirty() && file(b).isDirty());

        requestClose();
        assertEquals("a.bin has unsaved changes", question());
        answer("discardChanges");
        assertEquals("b.bin has unsaved changes", question(), "then the next file");
        assertEquals("Save them before going on?", questionText());
        answer("saveChanges");
        w.waitUntil("the window closed", () -> !w.stage.isShowing());
        assertArrayEquals(new byte[] {0x00, 0x01}, java.util.Arrays.copyOf(Files.readAllBytes(a), 2),
                "Don't save left a.bin as it was");
        assertEquals(0xbb, Files.readAllBytes(b)[0] & 0xff, "Save wrote b.bin before quitting");
    }

    private void requestClose() {
        Platform.runLater(() -> w.stage.fireEvent(new WindowEvent(w.stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
