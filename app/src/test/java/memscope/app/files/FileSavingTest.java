package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javafx.scene.input.KeyCode;
import memscope.app.MainWindow;
import memscope.model.file.FileDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens a real temp file from the command line, edits it by typing into the hex view and saves with Ctrl+S:
 * the bytes on disk, the title's unsaved mark, read-only refusals, unreadable files and files changed on disk.
 */
class FileSavingTest {
    @TempDir
    Path dir;
    private FileWindow w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    private Path file(String name, int length) throws Exception {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) i;
        }
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void theCommandLineOpensTheFileAndTheViewShowsExactlyItsBytes() throws Exception {
        Path f = file("data.bin", 100);
        w = FileWindow.launch("--open", f.toString());
        FileDocument doc = w.doc();
        assertEquals(f, doc.path());
        // a file is addressed by its offsets: the view, Go to and Find count from its first byte
        assertEquals(0, w.hex().getSource().start());
        assertEquals(100, w.hex().getSource().end());
        assertEquals(0, w.hex().caretProperty().get());
        assertEquals("data.bin \u2014 MemScope", w.title());
        assertEquals("Opened data.bin (100 bytes)", w.status());
        long end = 100;
        w.robot.interact(() -> assertFalse(w.window().goTo("0x" + Long.toHexString(end)),
                "one past the file's last byte is outside what the view shows"));
        w.robot.interact(() -> assertTrue(w.window().goTo("0x" + Long.toHexString(end - 1))));
        @SuppressWarnings("unchecked")
        memscope.app.tree.CanvasTree tree = w.robot.lookup("#mappingTree")
                .queryAs(memscope.app.tree.CanvasTree.class);
        assertTrue(tree.getRoot().getChildren().stream().anyMatch(i -> i.getValue().name().equals("file: data.bin")),
                "the tree shows the process \"file: data.bin\"");
    }

    @Test
    void typingThenCtrlSWritesTheFileByteExactAndClearsTheMark() throws Exception {
        Path f = file("edit.bin", 64);
        w = FileWindow.launch(f.toString());
        long base = 0;
        w.typeAt(base + 2, "ab");
        w.typeAt(base + 63, "cd");
        assertEquals("\u2022 edit.bin \u2014 MemScope", w.title(), "unsaved changes show in the title");
        assertTrue(w.hex().isMarkedChanged(base + 2), "and in the hex view");
        java.util.List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        w.robot.interact(() -> w.window().statusPane().node().textProperty().addListener((o, a, b) -> shown.add(b)));
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.S);
        w.waitUntil("saved", () -> w.status().startsWith("Saved edit.bin"));
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("Saving edit.bin\u2026 ")), "progress: " + shown);
        byte[] expected = new byte[64];
        for (int i = 0; i < 64; i++) {
            expected[i] = (byte) i;
        }
        expected[2] = (byte) 0xab;
        expected[63] = (byte) 0xcd;
        assertArrayEquals(expected, Files.readAllBytes(f));
        assertEquals("edit.bin \u2014 MemScope", w.title());
        assertTrue(!w.hex().isMarkedChanged(base + 2) && !w.hex().isMarkedChanged(base + 63),
                "what was saved is no longer marked changed");
    }

    @Test
    void aReadOnlyFileRefusesTypingWithAccessDeniedInTheStatusPane() throws Exception {
        Path f = file("ro.bin", 32);
        w = FileWindow.launch();
        assertTrue(Reads.finish(w.robot, () -> w.app.files().open(f, true)));
        assertTrue(w.doc().readOnly());
        assertTrue(w.status().contains("read-only"), w.status());
        long base = 0;
        w.typeAt(base, "ff");
        assertTrue(w.status().startsWith("ZX_ERR_ACCESS_DENIED"), w.status());
        assertTrue(w.window().statusPane().node().getStyleClass().contains("status-error"));
        assertEquals("ro.bin \u2014 MemScope", w.title(), "nothing was changed");
        w.press(KeyCode.CONTROL, KeyCode.S);
        w.waitUntil("refused", () -> w.status().contains("read-only; use Save As"));
        assertArrayEquals(java.util.Arrays.copyOf(Files.readAllBytes(f), 32), Files.readAllBytes(f));
        assertEquals(0, Files.readAllBytes(f)[0]);
    }

    @Test
    void aFileThatCannotBeReadSaysWhyAndKeepsTheOpenFile() throws Exception {
        Path f = file("kept.bin", 16);
        w = FileWindow.launch("--open", f.toString());
        MainWindow before = w.window();
        FileDocument doc = w.doc();
        Path missing = dir.resolve("missing.bin");
        assertFalse(Reads.finish(w.robot, () -> w.app.files().open(missing)));
        assertEquals("Cannot open " + missing + ": no such file", w.status());
        assertSame(before, w.window());
        assertSame(doc, w.doc());
        assertFalse(Reads.finish(w.robot, () -> w.app.files().open(dir)));
        assertTrue(w.status().contains("is a directory"), w.status());
    }

    @Test
    void savingAFileChangedOnDiskAsksAndCancelKeepsTheirVersion() throws Exception {
        Path f = file("shared.bin", 16);
        w = FileWindow.launch("--open", f.toString());
        long base = 0;
        w.typeAt(base, "11");
        byte[] theirs = "someone else!!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(f, theirs);
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.S);
        w.waitUntil("the overwrite question", () -> w.robot.lookup("#overwrite").tryQuery().isPresent());
        assertTrue(w.robot.lookup("#cancelOverwrite").queryButton().isDefaultButton(), "Enter keeps their version");
        assertFalse(w.robot.lookup("#overwrite").queryButton().isDefaultButton());
        w.press(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(theirs, Files.readAllBytes(f));
        assertEquals("Not saved: the file on disk was left as it is", w.status());
        assertTrue(w.title().startsWith("\u2022 "), "still unsaved");

        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.S);
        w.waitUntil("the overwrite question", () -> w.robot.lookup("#overwrite").tryQuery().isPresent());
        w.robot.clickOn(w.robot.lookup("#overwrite").queryButton());
        w.waitUntil("saved", () -> w.status().startsWith("Saved shared.bin"));
        byte[] ours = Files.readAllBytes(f);
        assertEquals(0x11, ours[0] & 0xff);
        assertEquals(1, ours[1]);
    }

    @Test
    void theGuardAsksAboutUnsavedChangesAndSaveWritesTheFileBeforeGoingOn() throws Exception {
        Path first = file("first.bin", 16);
        Path second = file("second.bin", 8);
        w = FileWindow.launch("--open", first.toString());
        w.typeAt(0, "22");
        FileWorkbench files = w.app.files();
        javafx.application.Platform.runLater(() -> files.whenDiscardable(() -> files.open(second)));
        w.waitUntil("the unsaved question", () -> w.robot.lookup("#cancelChanges").tryQuery().isPresent());
        w.robot.clickOn(w.robot.lookup("#cancelChanges").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, w.doc().path(), "Cancel runs nothing");
        assertEquals(1, files.openFiles().size());

        javafx.application.Platform.runLater(() -> files.whenDiscardable(() -> files.open(second)));
        w.waitUntil("the unsaved question", () -> w.robot.lookup("#saveChanges").tryQuery().isPresent());
        w.robot.clickOn(w.robot.lookup("#saveChanges").queryButton());
        w.waitUntil("the second file", () -> w.doc().path().equals(second));
        assertEquals(0x22, Files.readAllBytes(first)[0] & 0xff, "Save wrote the first file before moving on");
        assertEquals("second.bin \u2014 MemScope", w.title());
    }

    @Test
    void closingTheWindowWithUnsavedChangesAsksAndCancelKeepsItOpen() throws Exception {
        Path f = file("closing.bin", 16);
        w = FileWindow.launch("--open", f.toString());
        w.typeAt(0, "33");
        javafx.application.Platform.runLater(() -> w.stage.fireEvent(
                new javafx.stage.WindowEvent(w.stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        w.waitUntil("the unsaved question", () -> w.robot.lookup("#cancelChanges").tryQuery().isPresent());
        assertTrue(w.robot.lookup("#saveChanges").tryQuery().isPresent());
        assertTrue(w.robot.lookup("#discardChanges").tryQuery().isPresent());
        w.robot.clickOn(w.robot.lookup("#cancelChanges").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.stage.isShowing(), "Cancel keeps the window");
        assertTrue(w.doc().isDirty());
    }

    @Test
    void saveAsWritesTheEditedCopyAndTheWindowThenShowsTheNewFile() throws Exception {
        Path f = file("original.bin", 8);
        Path copy = dir.resolve("copy.bin");
        w = FileWindow.launch("--open", f.toString());
        w.typeAt(7, "77");
        w.robot.interact(() -> w.app.files().saveAs(copy));
        w.waitUntil("saved", () -> w.status().startsWith("Saved copy.bin"));
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 0x77}, Files.readAllBytes(copy));
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7}, Files.readAllBytes(f), "the original is untouched");
        assertEquals(copy.toAbsolutePath(), w.doc().path().toAbsolutePath());
        assertFalse(w.doc().isDirty());
        assertEquals("copy.bin \u2014 MemScope", w.title());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        memscope.app.tree.CanvasTree tree = w.robot.lookup("#mappingTree")
                .queryAs(memscope.app.tree.CanvasTree.class);
        assertTrue(tree.getRoot().getChildren().stream().anyMatch(i -> i.getValue().name().equals("file: copy.bin")),
                "the tree follows the new name");
    }
}
