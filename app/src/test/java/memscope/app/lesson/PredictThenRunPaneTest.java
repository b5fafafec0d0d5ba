package memscope.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonStep;
import memscope.model.lesson.StepDepth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Predict, then run: the answer stays hidden until the step runs; a picked prediction is marked; the class path. */
@ExtendWith(ApplicationExtension.class)
class PredictThenRunPaneTest {
    private TeachingWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Every text a person can read in the lesson panel, buttons aside. */
    private static String shownText(FxRobot robot) {
        StringBuilder all = new StringBuilder();
        for (Node n : robot.lookup("#lessonPane .label").queryAll()) {
            if (n.isVisible() && n instanceof Labeled l && l.getText() != null) {
                all.append(l.getText()).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void theAnswerAppearsOnlyAfterTheStepRunsAndAWrongPredictionIsMarked(FxRobot robot) {
        robot.interact(() -> ui.window().showLessons());
        robot.clickOn("#lessonStart"); // 01: the debugging gate
        robot.clickOn("#lessonNext");
        var runner = ui.teaching.lessons().runner().orElseThrow();
        LessonStep step = runner.currentStep().orElseThrow();
        assertEquals("ZX_ERR_NOT_SUPPORTED", step.expectStatus());
        assertFalse(shownText(robot).contains("ZX_ERR_NOT_SUPPORTED"), shownText(robot));
        assertFalse(shownText(robot).contains("Expected"), shownText(robot));
        assertEquals(step.text(Locale.ENGLISH), text(robot, "#lessonText"));
        assertFalse(robot.lookup("#lessonReveal").query().isVisible());

        robot.clickOn("#lessonPredict-ZX_OK");
        assertEquals("ZX_OK", runner.prediction(1).orElseThrow());
        assertTrue(robot.lookup("#lessonPredict-ZX_OK").queryAs(ToggleButton.class).isSelected());
        robot.clickOn("#lessonPerform");

        assertEquals(CheckMark.FAIL + " You predicted ZX_OK; the kernel answered ZX_ERR_NOT_SUPPORTED.",
                text(robot, "#lessonPrediction"));
        assertTrue(robot.lookup("#lessonPrediction").query().getStyleClass().contains("lesson-fail"));
        assertEquals(step.reveal(Locale.ENGLISH), text(robot, "#lessonReveal"));
        assertTrue(robot.lookup("#lessonPredict-ZX_ERR_NOT_SUPPORTED").queryAs(ToggleButton.class).isDisabled(),
                "the answer is out: no more predicting");
        assertTrue(text(robot, "#lessonCheck").startsWith(CheckMark.PASS), "the lesson's own check still holds");

        robot.interact(() -> ui.messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals(CheckMark.FAIL + " 你预测的是 ZX_OK；内核返回的是 ZX_ERR_NOT_SUPPORTED。", text(robot, "#lessonPrediction"));
        assertEquals(step.reveal(Locale.SIMPLIFIED_CHINESE), text(robot, "#lessonReveal"));
    }

    @Test
    void aRightPredictionIsMarkedRight(FxRobot robot) {
        robot.interact(() -> ui.window().showLessons());
        robot.clickOn("#lessonStart");
        robot.clickOn("#lessonNext");
        robot.clickOn("#lessonPredict-ZX_ERR_NOT_SUPPORTED");
        robot.clickOn("#lessonPerform");
        assertEquals(CheckMark.PASS + " You predicted ZX_ERR_NOT_SUPPORTED: right.", text(robot, "#lessonPrediction"));
    }

    @Test
    void theClassPathStartsFromTheHookAndWalksOnlyCoreSteps(FxRobot robot) {
        robot.interact(() -> ui.window().showLessons());
        robot.clickOn("#lessonClassPath");
        assertTrue(robot.lookup("#lessonClassPath").queryAs(CheckBox.class).isSelected());
        @SuppressWarnings("unchecked")
        ComboBox<Lesson> choice = robot.lookup("#lessonChoice").queryAs(ComboBox.class);
        Lesson hook = choice.getItems().get(0);
        assertEquals("07-zircon-versus-mach", hook.id());
        assertEquals(hook, choice.getValue());
        robot.clickOn("#lessonStart");
        var runner = ui.teaching.lessons().runner().orElseThrow();
        assertTrue(runner.coreOnly());
        int shown = 1;
        while (!runner.finished()) {
            assertEquals(StepDepth.CORE, runner.currentStep().orElseThrow().depth());
            robot.clickOn("#lessonNext");
            shown++;
        }
        assertEquals(hook.coreStepCount() + 1, shown, "each core step, then the end");
        assertTrue(hook.coreStepCount() < hook.steps().size());
        for (int i = 0; i < hook.steps().size(); i++) {
            assertTrue(runner.outcome(i).orElseThrow().passed(), "step " + (i + 1) + " was performed on the way");
        }
        // the step list still shows the others, marked in words
        String extra = new StepList(ui.messages, i -> { }).lineFor(runner, hook.steps().size() - 1);
        assertTrue(extra.contains("[extra]") || extra.contains("[homework]"), extra);
    }
}
