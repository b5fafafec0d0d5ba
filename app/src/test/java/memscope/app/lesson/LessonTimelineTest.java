package memscope.app.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.hex.CellKind;
import memscope.app.timeline.Timeline;
import memscope.model.Kernel;
import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonLoader;
import memscope.model.lesson.LessonRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lessons on the timeline: a "rewind": true step rewinds to its own start; going back to a step reached in this
 * world is a timeline jump (Esc or Next returns to the live step), unless a call the lesson did not make changed
 * the kernel before that step began, when it rebuilds as before.
 */
@ExtendWith(ApplicationExtension.class)
class LessonTimelineTest {
    private static final long DATA = 0x1100000;
    private static final String LESSON = """
            { "format": 1, "title": "Rewind", "title_zh": "回到", "summary": "s", "summary_zh": "s",
              "scenario": "demo.json",
              "steps": [
                { "text": "Write 4a.", "text_zh": "写 4a。", "action": "write app 0x1100000 4a", "expect": "ZX_OK",
                  "rewind": true },
                { "text": "Write 4b.", "text_zh": "写 4b。", "action": "write app 0x1100001 4b", "expect": "ZX_OK" },
                { "text": "Look.", "text_zh": "看。" }
              ] }
            """;

    private TeachingWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    private LessonRunner begin(FxRobot robot) throws Exception {
        Lesson lesson = LessonLoader.parse(LESSON, "rewind.json");
        robot.interact(() -> ui.window().showLessons());
        robot.interact(() -> ui.teaching.lessons().start(lesson));
        WaitForAsyncUtils.waitForFxEvents();
        return ui.teaching.lessons().runner().orElseThrow();
    }

    private Timeline timeline() {
        return Timeline.of(ui.window()).orElseThrow();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    /** The bytes the hex view shows at {@code address}: the past while the timeline shows it. */
    private byte[] shown(FxRobot robot, long address, int n) {
        byte[] data = new byte[n];
        robot.interact(() -> ui.window().hexView().getSource().read(address, data, new CellKind[n], n));
        return data;
    }

    @Test
    void aRewindStepShowsTheKernelAsTheStepFoundIt(FxRobot robot) throws Exception {
        LessonRunner runner = begin(robot);
        byte[] before = shown(robot, DATA, 1);
        assertTrue(button(robot, "#lessonRewind").isVisible(), "the step says rewind: true");
        assertEquals("Rewind to the start of this step", button(robot, "#lessonRewind").getText());
        robot.clickOn("#lessonPerform");
        assertArrayEquals(new byte[] {0x4a}, shown(robot, DATA, 1));

        robot.clickOn("#lessonRewind");
        assertTrue(timeline().inThePast());
        assertEquals(runner.stepStart(0).orElseThrow(), timeline().viewingProperty().get());
        assertArrayEquals(before, shown(robot, DATA, 1), "the byte as the step found it");
        assertEquals("Step 1 of 3", text(robot, "#lessonCounter"), "the lesson stays where it is");
        robot.push(KeyCode.ESCAPE);
        assertFalse(timeline().inThePast());
        assertArrayEquals(new byte[] {0x4a}, shown(robot, DATA, 1));

        robot.clickOn("#lessonNext");
        assertFalse(button(robot, "#lessonRewind").isVisible(), "a step without rewind offers none");
    }

    @Test
    void goingBackIsATimelineJumpAndEscOrNextReturnToTheLiveStep(FxRobot robot) throws Exception {
        LessonRunner runner = begin(robot);
        Kernel kernel = ui.window().session().kernel();
        robot.clickOn("#lessonNext").clickOn("#lessonNext"); // steps 1 and 2 run: 4a 4b
        assertEquals("Step 3 of 3", text(robot, "#lessonCounter"));

        robot.clickOn("#lessonPrevious");
        assertEquals("Step 2 of 3", text(robot, "#lessonCounter"));
        assertSame(kernel, ui.window().session().kernel(), "nothing rebuilt");
        assertTrue(timeline().inThePast());
        assertArrayEquals(new byte[] {0x4a}, java.util.Arrays.copyOf(shown(robot, DATA, 2), 1));
        assertFalse(shown(robot, DATA + 1, 1)[0] == 0x4b, "step 2's write is not there yet");
        robot.clickOn("#lessonPrevious");
        assertEquals("Step 1 of 3", text(robot, "#lessonCounter"));
        assertTrue(button(robot, "#lessonPrevious").isDisabled());
        robot.clickOn("#lessonNext").clickOn("#lessonNext");
        assertEquals("Step 3 of 3", text(robot, "#lessonCounter"), "Next walks back to the live step");
        assertFalse(timeline().inThePast());
        assertFalse(robot.lookup("#lessonReviewNote").queryAs(Label.class).isVisible());

        robot.clickOn("#lessonPrevious");
        assertTrue(timeline().inThePast());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Step 3 of 3", text(robot, "#lessonCounter"), "Esc returns to the live step");
        assertFalse(robot.lookup("#lessonReviewNote").queryAs(Label.class).isVisible());
        assertEquals(2, runner.currentIndex());
        assertSame(kernel, ui.window().session().kernel());
    }

    @Test
    void aCallTheLessonDidNotMakeBeforeTheStepMakesGoingBackARebuild(FxRobot robot) throws Exception {
        LessonRunner runner = begin(robot);
        robot.clickOn("#lessonPerform");
        Kernel kernel = ui.window().session().kernel();
        int app = runner.world().handles().get("app");
        robot.interact(() -> kernel.writeMemory(app, DATA + 8, new byte[] {0x77}, 1)); // the person's own write
        robot.clickOn("#lessonNext").clickOn("#lessonNext");
        int windows = ui.windowsShown();

        robot.clickOn("#lessonPrevious"); // step 2 began after that write: the history is not a replay's
        assertEquals("Step 2 of 3", text(robot, "#lessonCounter"));
        assertEquals(windows + 1, ui.windowsShown(), "a fresh kernel, shown in a new window");
        assertNotSame(kernel, ui.window().session().kernel());
        assertFalse(timeline().inThePast());
        assertFalse(robot.lookup("#lessonReviewNote").queryAs(Label.class).isVisible());
    }
}
