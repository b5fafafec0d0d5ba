package memscope.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonLoader;
import memscope.model.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lesson panel's own behaviour: a failed check, the UI language, leaving a lesson, the menu shortcuts. */
@ExtendWith(ApplicationExtension.class)
class LessonPaneTest {
    /** A step whose expectation is wrong on purpose: the write succeeds, the step expects a refusal. */
    private static final String WRONG_EXPECTATION = """
            { "format": 1, "title": "Wrong on purpose", "title_zh": "故意出错", "summary": "s", "summary_zh": "s",
              "scenario": "demo.json",
              "steps": [ { "text": "Write.", "text_zh": "写。", "action": "write app 0x1100000 01",
                           "expect": "ZX_ERR_ACCESS_DENIED" } ] }
            """;

    private TeachingWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aStepWhoseAnswerDiffersShowsACrossWithObservedAndExpected(FxRobot robot) throws Exception {
        Lesson lesson = LessonLoader.parse(WRONG_EXPECTATION, "wrong.json");
        robot.interact(() -> ui.teaching.lessons().start(lesson));
        robot.clickOn("#lessonPerform");
        String check = text(robot, "#lessonCheck");
        assertTrue(check.startsWith(CheckMark.FAIL + " observed ZX_OK, expected ZX_ERR_ACCESS_DENIED"), check);
        assertTrue(robot.lookup("#lessonCheck").queryAs(Label.class).getStyleClass().contains("lesson-fail"));
        robot.clickOn("#lessonNext");
        assertEquals(CheckMark.FAIL + " 0 of 1 checks passed", text(robot, "#lessonCheck"));
    }

    @Test
    void stepsAreShownInTheUiLanguageAndFollowASwitch(FxRobot robot) throws Exception {
        Lesson lesson = LessonLoader.loadResource(LessonLoader.bundled().get(0));
        robot.interact(() -> ui.teaching.lessons().start(lesson));
        assertEquals(lesson.steps().get(0).text(Locale.ENGLISH), text(robot, "#lessonText"));
        robot.interact(() -> ui.messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals(lesson.steps().get(0).text(Locale.SIMPLIFIED_CHINESE), text(robot, "#lessonText"));
        assertEquals(lesson.title(Locale.SIMPLIFIED_CHINESE), text(robot, "#lessonTitle"));
        assertEquals("第 1 步，共 " + lesson.steps().size() + " 步", text(robot, "#lessonCounter"));
    }

    @Test
    void leavingALessonWithAChildProcessKillsTheChild(FxRobot robot) throws Exception {
        Lesson lesson = LessonLoader.loadResource("09-one-write-three-kernels.json");
        robot.interact(() -> ui.teaching.lessons().start(lesson));
        var runner = ui.teaching.lessons().runner();
        // a machine that forbids reading even one's own child refuses the lesson; nothing here to check then
        org.junit.jupiter.api.Assumptions.assumeTrue(runner.isPresent(), "the lesson could not start its child");
        long pid = runner.get().child().orElseThrow().pid();
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        var other = ScenarioLoader.loadResource("minimal.json");
        robot.interact(() -> ui.show(other));
        assertFalse(ui.teaching.lessons().runner().isPresent());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the child ended with the lesson");
    }

    @Test
    void openingAnotherScenarioEndsTheLessonAndMovesTheConsoleThere(FxRobot robot) throws Exception {
        robot.interact(() -> ui.window().showLessons());
        robot.clickOn("#lessonStart");
        assertTrue(ui.teaching.lessons().runner().isPresent());
        var other = ScenarioLoader.loadResource("minimal.json");
        robot.interact(() -> ui.show(other));
        assertFalse(ui.teaching.lessons().runner().isPresent(), "the lesson's world is no longer shown");
        assertSame(other.kernel(), ui.teaching.console().session().kernel());
        assertEquals("Start", robot.lookup("#lessonStart").queryButton().getText());
    }

    @Test
    void clickingAnEarlierStepShowsItOnTheTimelineAndRunAgainGoesBackOnAFreshKernel(FxRobot robot)
            throws Exception {
        robot.interact(() -> ui.window().showLessons());
        robot.interact(() -> robot.lookup("#lessonChoice").queryComboBox().getSelectionModel().select(1));
        robot.clickOn("#lessonStart");
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#lessonNext");
        }
        var runner = ui.teaching.lessons().runner().orElseThrow();
        int windows = ui.windowsShown();
        var list = robot.lookup("#lessonSteps").queryListView();
        // the list keeps the current step (5) in view with two before it: step 3 is the first row shown
        javafx.scene.control.ListCell<?> third = robot.lookup("#lessonSteps .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> Integer.valueOf(2).equals(c.getItem()))
                .queryAs(javafx.scene.control.ListCell.class);
        assertTrue(third.getText().startsWith(CheckMark.PASS + " 3. "), third.getText());

        robot.clickOn(third);

        // a look at the timeline as step 3 began: the same kernel, read-only, nothing replayed
        assertEquals("Step 3 of " + runner.stepCount(), text(robot, "#lessonCounter"));
        assertEquals(windows, ui.windowsShown());
        var timeline = memscope.app.timeline.Timeline.of(ui.window()).orElseThrow();
        assertTrue(timeline.inThePast());
        assertEquals(runner.stepStart(2).orElseThrow(), timeline.viewingProperty().get());
        assertEquals(2, list.getSelectionModel().getSelectedIndex());
        assertEquals("The timeline shows the kernel as step 3 began (nothing was rebuilt). Next steps on towards "
                + "step 5; Esc returns to it; Run again rebuilds the lesson from here.",
                text(robot, "#lessonReviewNote"));

        robot.clickOn("#lessonPerform"); // Run again from here

        assertEquals("Step 3 of " + runner.stepCount(), text(robot, "#lessonCounter"));
        assertEquals(windows + 1, ui.windowsShown(), "a fresh kernel, shown in a new window");
        assertSame(runner.world().kernel(), ui.window().session().kernel());
        assertEquals(2, list.getSelectionModel().getSelectedIndex());
        javafx.scene.control.ListCell<?> now = robot.lookup("#lessonSteps .list-cell") // cells are recycled
                .match((javafx.scene.control.ListCell<?> c) -> Integer.valueOf(2).equals(c.getItem()))
                .queryAs(javafx.scene.control.ListCell.class);
        assertTrue(now.getText().startsWith("\u25b6 3. "), now.getText());
    }

    @Test
    void theFunctionKeysStepAndTheButtonsStayPut(FxRobot robot) {
        robot.interact(() -> ui.window().showLessons());
        robot.clickOn("#lessonStart");
        var runner = ui.teaching.lessons().runner().orElseThrow();
        double y = robot.lookup("#lessonButtons").query().localToScene(0, 0).getY();

        robot.interact(() -> ui.window().hexView().requestFocus()); // the keys work from anywhere in the window
        robot.push(javafx.scene.input.KeyCode.F8);
        assertEquals("Step 2 of " + runner.stepCount(), text(robot, "#lessonCounter"));
        assertEquals(y, robot.lookup("#lessonButtons").query().localToScene(0, 0).getY(), 0.5,
                "the buttons do not move to another step's height");
        robot.push(javafx.scene.input.KeyCode.F6);
        assertEquals("Step 1 of " + runner.stepCount(), text(robot, "#lessonCounter"));
        // on to the first step that has an action, then F7 runs it
        while (robot.lookup("#lessonPerform").queryButton().isDisabled() && !runner.finished()) {
            robot.push(javafx.scene.input.KeyCode.F8);
        }
        robot.push(javafx.scene.input.KeyCode.F7);
        assertTrue(runner.performed(), "F7 runs the step");

        robot.clickOn("#lessonCounter"); // inside the panel, a clicker's Page Down steps on
        int at = runner.currentIndex();
        robot.push(javafx.scene.input.KeyCode.PAGE_DOWN);
        assertEquals(at + 1, runner.currentIndex());
    }

    @Test
    void theMenuShortcutsShowTheLessonsAndFocusTheConsole(FxRobot robot) {
        TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex());
        robot.clickOn("#hexView");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#console").query().isFocused());
    }
}
