package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every action that replaces or drops what the window shows goes through one guard: with an unsaved edit in an
 * open file it asks Save / Don't save / Cancel; Cancel changes nothing, Don't save closes the file so no hidden
 * edit can reach the disk later.
 */
class UnsavedWorkGuardTest {
    private static final byte[] ORIGINAL = {0, 1, 2, 3, 4, 5, 6, 7};

    @TempDir
    Path dir;
    private FileWindow w;
    private Path file;

    @BeforeEach
    void openAndEdit() throws Exception {
        file = Files.write(dir.resolve("notes.bin"), ORIGINAL);
        w = FileWindow.launch("--open", file.toString());
        w.typeAt(0, "ff");
        assertTrue(w.doc().isDirty());
    }

    @AfterEach
    void close() throws Exception {
        w.close();
    }

    private void startLessonByClick() {
        w.robot.interact(() -> w.window().showLessons());
        w.robot.clickOn("#lessonStart");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void answer(String button) {
        w.waitUntil("the unsaved question", () -> w.robot.lookup("#" + button).tryQuery().isPresent());
        w.robot.clickOn(w.robot.lookup("#" + button).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void startingALessonAsksAndCancelKeepsTheFile() throws Exception {
        startLessonByClick();
        answer("cancelChanges");

        assertEquals(file, w.doc().path(), "the file is still open");
        assertTrue(w.doc().isDirty());
        assertTrue(w.app.window().session().scenario() != null
                && w.title().startsWith("\u2022 notes.bin"), w.title());
    }

    @Test
    void startingALessonAfterDontSaveClosesTheFileSoCtrlSCannotWriteIt() throws Exception {
        startLessonByClick();
        answer("discardChanges");

        assertNull(w.doc(), "the file was closed with its unsaved edit");
        assertFalse(w.title().contains("notes.bin"), w.title());
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.S);
        assertArrayEquals(ORIGINAL, Files.readAllBytes(file), "the given-up edit never reaches the disk");
    }

    @Test
    void openingAScenarioAsksFirst() throws Exception {
        Path scenario = Path.of(System.getProperty("user.dir")).resolveSibling("resources/scenarios/minimal.json");
        assertTrue(Files.isRegularFile(scenario), scenario.toString());
        w.robot.interact(() -> w.app.openScenarioFile(scenario));
        answer("cancelChanges");
        assertEquals(file, w.doc().path());

        w.robot.interact(() -> w.app.openScenarioFile(scenario));
        answer("discardChanges");
        assertNull(w.doc());
        assertArrayEquals(ORIGINAL, Files.readAllBytes(file));
    }

    @Test
    void quittingAsksAndCancelKeepsEverything() {
        Platform.runLater(w.app::quit);
        answer("cancelChanges");
        assertTrue(w.stage.isShowing());
        assertTrue(w.doc().isDirty());
    }

    @Test
    void openingASessionAsksBeforeTheChooser() {
        Platform.runLater(() -> w.app.files().openSessionChooser());
        answer("cancelChanges");
        assertEquals(file, w.doc().path());
        assertTrue(w.doc().isDirty());
    }

    /** The file's tab: its close button, and its title. */
    private javafx.scene.Node fileTab() {
        return w.robot.lookup("#documentTabs .tab").match((javafx.scene.Node n) -> w.robot.from(n)
                .lookup(".tab-label").queryAs(javafx.scene.control.Label.class).getText().matches("\\*?notes\\.bin"))
                .queryAs(javafx.scene.Node.class);
    }

    private String fileTabTitle() {
        return w.robot.from(fileTab()).lookup(".tab-label").queryAs(javafx.scene.control.Label.class).getText();
    }

    @Test
    void theFilesTabShowsTheUnsavedMarkAndClosingItAsksFirst() throws Exception {
        assertEquals("*notes.bin", fileTabTitle(), "unsaved changes show in the tab");
        // a file's tab closes even alone (the default scenario takes its place)
        w.robot.clickOn(w.robot.from(fileTab()).lookup(".tab-close-button").queryAs(javafx.scene.Node.class));
        answer("cancelChanges");
        assertEquals(file, w.doc().path(), "Cancel keeps the file open");
        assertEquals("*notes.bin", fileTabTitle());

        w.robot.clickOn(w.robot.from(fileTab()).lookup(".tab-close-button").queryAs(javafx.scene.Node.class));
        answer("discardChanges");
        assertNull(w.doc(), "Don't save closes the file");
        assertTrue(w.robot.lookup("#documentTabs .tab").queryAll().stream().noneMatch(n -> w.robot.from(n)
                .lookup(".tab-label").queryAs(javafx.scene.control.Label.class).getText().matches("\\*?notes\\.bin")));
        assertArrayEquals(ORIGINAL, Files.readAllBytes(file), "the given-up edit never reaches the disk");
    }

    @Test
    void savingTakesTheMarkOffTheTab() {
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.S);
        w.waitUntil("the save", () -> !w.doc().isDirty());
        // the tab follows on the FX thread once the save task has ended, a moment after the document is clean
        w.waitUntil("the tab follows the save", () -> "notes.bin".equals(fileTabTitle()));
        assertEquals("notes.bin", fileTabTitle());
    }
}
