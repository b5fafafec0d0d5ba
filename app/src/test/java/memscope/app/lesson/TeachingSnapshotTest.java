package memscope.app.lesson;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Renders the window with a lesson under way and a console run to target/teaching.png, to be looked at. */
@ExtendWith(ApplicationExtension.class)
class TeachingSnapshotTest {
    private TeachingWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    @Test
    void windowWithConsoleAndLessonRendersToPng(FxRobot robot) throws IOException {
        robot.clickOn("#sideTab-lessonPane");
        robot.interact(() -> robot.lookup("#lessonChoice").queryComboBox().getSelectionModel().select(1));
        robot.clickOn("#lessonStart");
        robot.clickOn("#lessonNext");
        robot.clickOn("#lessonNext");
        robot.clickOn("#lessonPerform");
        robot.clickOn("#console");
        robot.write("dup p1 rights=READ as ro\nwrite ro 0x1000000 de ad\nwrite p1 0x1000000 \"hi\" 00\nread p1 0x1000000 4\nwrte p9 1");
        robot.interact(() -> ui.teaching.console().area().selectRange(0, 60));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Path out = Path.of("target", "teaching.png");
        Files.createDirectories(out.getParent());
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(ui.scene().snapshot(null), null), "png", out.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(out) > 10_000, "the PNG has content");
    }
}
