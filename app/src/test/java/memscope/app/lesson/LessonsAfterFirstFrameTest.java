package memscope.app.lesson;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14 (start-up): the lessons are not parsed while the first window is being built (on 2 cores the parse
 * and its compilation slowed the first frame); after the first frame the panel is built into its tab on its own.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsAfterFirstFrameTest {
    private TeachingWindow ui;
    private boolean parsedBeforeTheFirstFrame;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH); // built and shown; no pulse has run yet
        parsedBeforeTheFirstFrame = ui.teaching.lessonsParseBegun();
    }

    @Test
    void theLessonsAreParsedAfterTheFirstFrameAndThePanelBuiltWithoutAsking(FxRobot robot) throws Exception {
        assertFalse(parsedBeforeTheFirstFrame);
        ScrollPane shell = robot.lookup("#lessonPane").queryAs(ScrollPane.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shell.getContent() != null);
        assertTrue(ui.teaching.lessonsParseBegun());
        assertNotNull(robot.lookup("#lessonPane").queryAs(ScrollPane.class).getContent());
    }
}
