package memscope.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import memscope.app.testkit.Made;
import memscope.model.Kernel;
import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonException;
import memscope.model.lesson.LessonRunner;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs every shipped lesson to its end through the lesson panel's real buttons (Start, Run step, Next), reading
 * the check mark the panel shows after each step; and goes back a step to see the window re-attached to the
 * fresh kernel the runner built.
 */
@ExtendWith(ApplicationExtension.class)
class LessonRunThroughTest {
    private TeachingWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    static Stream<String> lessonIds() {
        List<LessonException> problems = new ArrayList<>();
        List<Lesson> lessons = BundledLessons.load(problems);
        if (!problems.isEmpty() || lessons.size() < 7) {
            throw new AssertionError("bundled lessons did not all load: " + problems);
        }
        return lessons.stream().map(Lesson::id);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private boolean enabled(FxRobot robot, String id) {
        return !robot.lookup(id).queryAs(Button.class).isDisabled();
    }

    private void startLesson(FxRobot robot, String id) {
        robot.interact(() -> ui.window().showLessons());
        @SuppressWarnings("unchecked")
        ComboBox<Lesson> choice = robot.lookup("#lessonChoice").queryAs(ComboBox.class);
        Lesson lesson = choice.getItems().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
        robot.interact(() -> choice.getSelectionModel().select(lesson));
        robot.clickOn("#lessonStart");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LessonRunner runner() {
        return ui.teaching.lessons().runner().orElseThrow(() -> new AssertionError("no lesson running"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessonIds")
    void everyStepOfTheLessonPassesThroughTheButtons(String id, FxRobot robot) {
        startLesson(robot, id);
        int steps = runner().stepCount();
        int checked = 0;
        for (int i = 0; i < steps; i++) {
            assertEquals("Step " + (i + 1) + " of " + steps, text(robot, "#lessonCounter"));
            assertFalse(text(robot, "#lessonText").isBlank(), "step " + (i + 1) + " has its explanation shown");
            if (runner().currentStep().orElseThrow().hasAction()) {
                assertTrue(enabled(robot, "#lessonPerform"));
                robot.clickOn("#lessonPerform");
                String check = text(robot, "#lessonCheck");
                assertTrue(check.startsWith(CheckMark.PASS), id + " step " + (i + 1) + ": " + check);
                assertTrue(check.contains(runner().currentStep().orElseThrow().expectStatus()), check);
                assertFalse(enabled(robot, "#lessonPerform"), "a step is performed once");
                checked++;
            } else {
                assertFalse(enabled(robot, "#lessonPerform"), "an explanation-only step has nothing to run");
            }
            // the window shows the lesson's live kernel, and the console talks to it
            assertSame(runner().world().kernel(), ui.window().session().kernel());
            assertSame(runner().session(), ui.teaching.console().session());
            robot.clickOn("#lessonNext");
        }
        assertTrue(runner().finished());
        assertEquals("Lesson finished", text(robot, "#lessonCounter"));
        assertEquals(CheckMark.PASS + " " + checked + " of " + checked + " checks passed",
                text(robot, "#lessonCheck"));
        assertFalse(enabled(robot, "#lessonNext"));
    }

    @Test
    void goingBackReattachesTheWindowToTheFreshKernel(FxRobot robot) {
        startLesson(robot, "02-handles-and-rights");
        robot.clickOn("#lessonNext").clickOn("#lessonNext").clickOn("#lessonNext");
        Kernel before = ui.window().session().kernel();
        int windows = ui.windowsShown();

        robot.clickOn("#lessonPrevious");
        // only the lesson's calls ran: going back is a look at the timeline as step 3 began, nothing rebuilt
        assertEquals("Step 3 of " + runner().stepCount(), text(robot, "#lessonCounter"));
        assertEquals(windows, ui.windowsShown());
        assertSame(before, ui.window().session().kernel());
        assertTrue(robot.lookup("#lessonReviewNote").queryAs(Label.class).isVisible());
        assertEquals("Run again from here", robot.lookup("#lessonPerform").queryAs(Button.class).getText());

        robot.clickOn("#lessonPerform"); // running it again needs a live kernel at that state: a rebuild

        assertEquals("Step 3 of " + runner().stepCount(), text(robot, "#lessonCounter"));
        assertEquals(windows + 1, ui.windowsShown(), "running again shows a new window");
        assertFalse(robot.lookup("#lessonReviewNote").queryAs(Label.class).isVisible());
        Kernel after = ui.window().session().kernel();
        assertNotSame(before, after);
        assertSame(runner().world().kernel(), after);
        assertSame(runner().session(), ui.teaching.console().session());
        // the fresh kernel replayed the one call before step 3 (a write through a VMO handle), and the new
        // window's log shows exactly that call
        WaitForAsyncUtils.waitForFxEvents();
        String log = Made.node(robot, "#syscallLog", StyleClassedTextArea.class).getText();
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.contains("zx_process_write_memory") && log.contains("ZX_ERR_WRONG_TYPE"), log);
        assertEquals("", text(robot, "#lessonCheck"), "the step gone back to is not performed yet");
        assertTrue(enabled(robot, "#lessonPerform") || !runner().currentStep().orElseThrow().hasAction());
        // the lesson stays in front in the new window
        assertTrue(robot.lookup("#lessonPerform").queryAs(Button.class).isVisible());
    }
}
