package memscope.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import memscope.app.testkit.Made;

/**
 * Renders the window with a lesson under way and a console run to target/teaching.png (and, in Chinese,
 * target/teaching-zh.png), to be looked at: the state drawn is checked first, so the picture shows what it claims.
 */
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
        // a click on the tab does not build the panel (Lessons > Show does): it comes once the bundled lessons,
        // parsed off the FX thread after the first frame, are in, which a cold machine takes a while for
        javafx.scene.control.ComboBox<?> choice = Made.node(robot, "#lessonChoice",
                javafx.scene.control.ComboBox.class);
        robot.interact(() -> choice.getSelectionModel().select(1));
        robot.clickOn("#lessonStart").clickOn("#lessonNext").clickOn("#lessonNext").clickOn("#lessonPerform");
        robot.clickOn(Made.node(robot, "#console", javafx.scene.Node.class));
        robot.write("dup p1 rights=READ as ro\nwrite ro 0x1000000 de ad\nwrite p1 0x1000000 \"hi\" 00\n"
                + "read p1 0x1000000 4\nwrte p9 1");
        // the first three lines: the fifth, with its unknown command, stays underlined and does not run
        robot.interact(() -> ui.teaching.console().area().selectRange(0, 60));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ui.teaching.console().message().startsWith("3 commands ran"), ui.teaching.console().message());
        String check = robot.lookup("#lessonCheck").queryAs(Label.class).getText();
        assertTrue(check.startsWith(CheckMark.PASS), check);

        writePng(robot, Path.of("target", "teaching.png"));
        robot.interact(() -> ui.messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals(ui.teaching.lessons().runner().orElseThrow().currentStep().orElseThrow()
                .text(Locale.SIMPLIFIED_CHINESE), robot.lookup("#lessonText").queryAs(Label.class).getText());
        writePng(robot, Path.of("target", "teaching-zh.png"));
    }

    private void writePng(FxRobot robot, Path out) throws IOException {
        Files.createDirectories(out.getParent());
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(ui.scene().snapshot(null), null), "png", out.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(out) > 10_000, "the PNG has content");
    }
}
