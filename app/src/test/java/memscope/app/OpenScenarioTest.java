package memscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import memscope.app.files.Reads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Open: a bad scenario says what is wrong and keeps the one already open; a good one replaces it. */
@ExtendWith(ApplicationExtension.class)
class OpenScenarioTest {
    @TempDir
    Path dir;
    private MemScopeApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new MemScopeApp();
        app.start(stage);
    }

    /**
     * Stops the app, as closing its window does: the primary stage is shared by every test class in the JVM, and
     * an app never stopped left its window placement following that stage. A later test that made the stage 210
     * px high (within GTK's default size, which the placement takes for a glass glitch) had it put back.
     */
    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(app::stop);
    }

    @Test
    void aBadFileIsExplainedAndTheOpenScenarioKept(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"format\": 1, \"title\": 7 }");
        MainWindow before = app.window();
        String title = stage.getTitle();
        assertFalse(Reads.finish(robot, () -> app.openScenarioFile(bad)));
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().startsWith(bad.toString()), dialog.getContentText());
        assertSame(before, app.window(), "the scenario already open stays");
        assertSame(before.root(), stage.getScene().getRoot());
        assertEquals(title, stage.getTitle());
        robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
    }

    @Test
    void aGoodFileReplacesTheScenario(FxRobot robot) throws Exception {
        Path minimal = dir.resolve("minimal.json");
        try (InputStream in = getClass().getResourceAsStream("/memscope/scenarios/minimal.json")) {
            Files.copy(in, minimal);
        }
        MainWindow before = app.window();
        assertTrue(Reads.finish(robot, () -> app.openScenarioFile(minimal)));
        assertNotSame(before, app.window());
        assertSame(app.window().root(), stage.getScene().getRoot());
        assertTrue(stage.getTitle().endsWith(app.window().session().scenario().title()), stage.getTitle());
    }
}
