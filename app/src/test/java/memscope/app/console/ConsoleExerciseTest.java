package memscope.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.lesson.TeachingWindow;
import memscope.app.testkit.Made;
import memscope.model.script.Exercise;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** exercise SEED and predict N STATUS typed into the real console: answers only once all five are predicted. */
@ExtendWith(ApplicationExtension.class)
class ConsoleExerciseTest {
    private TeachingWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    private void typeAndRun(FxRobot robot, String text) {
        CodeArea console = Made.node(robot, "#console", CodeArea.class);
        robot.interact(console::clear);
        robot.clickOn(console);
        robot.write(text);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String transcript() {
        return ui.teaching.console().transcriptText();
    }

    private static long marked(String text) {
        return text.lines().filter(l -> l.startsWith("\u2714") || l.startsWith("\u2718")).count();
    }

    @Test
    void anExerciseWithholdsItsAnswersUntilEveryPredictionIsIn(FxRobot robot) throws Exception {
        String log = Made.node(robot, "#syscallLog", StyleClassedTextArea.class).getText();
        typeAndRun(robot, "exercise 42");
        Exercise same = Exercise.generate(42);
        String shown = transcript();
        assertTrue(shown.contains("Exercise 42: predict what the kernel answers to each of these 5 calls"), shown);
        for (Exercise.Call c : same.calls()) {
            assertTrue(shown.contains(c.number() + ". " + c.shown()), shown);
        }
        assertFalse(shown.contains("\u2192"), "no answer before the predictions: " + shown);

        typeAndRun(robot, "predict 1 ZX_OK\npredict 2 ZX_OK\npredict 3 ZX_OK\npredict 4 ZX_OK");
        assertTrue(transcript().contains("Call 4: you predict ZX_OK; 1 still to predict."), transcript());
        assertEquals(0, marked(transcript()), transcript());

        typeAndRun(robot, "predict 5 zx_err_access_denied");
        String answered = transcript();
        assertEquals(Exercise.CALLS, marked(answered), answered);
        for (int n = 1; n <= 4; n++) {
            same.predict(n, "ZX_OK");
        }
        same.predict(5, "ZX_ERR_ACCESS_DENIED");
        List<Exercise.Answer> answers = same.answers().orElseThrow();
        for (Exercise.Answer a : answers) {
            String line = answered.lines().filter(l -> l.contains(a.call().number() + ". " + a.call().command()
                    + " \u2192 ")).reduce((x, y) -> y).orElseThrow(() -> new AssertionError(answered));
            assertEquals(a.right(), line.startsWith("\u2714"), line);
            assertTrue(line.contains("\u2192 " + a.status()), line);
            assertTrue(line.length() > line.indexOf(": ") + 5, "names the deciding rule: " + line);
        }
        assertEquals(log, Made.node(robot, "#syscallLog", StyleClassedTextArea.class).getText(),
                "the exercise runs on its own demo kernels, not the window's");

        typeAndRun(robot, "predict 1 ZX_OK");
        assertTrue(transcript().endsWith("The answers of exercise 42 are out: start a new one with exercise SEED."),
                transcript());
        robot.interact(() -> ui.messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertTrue(transcript().contains("练习 42："), transcript());
    }

    @Test
    void aBadExerciseLineSaysWhatIsWrong(FxRobot robot) {
        typeAndRun(robot, "predict 1 ZX_OK");
        assertTrue(transcript().endsWith("No exercise is running: start one with exercise SEED (e.g. exercise 42)."),
                transcript());
        typeAndRun(robot, "exercise forty");
        assertTrue(transcript().endsWith("the seed 'forty' is not a number such as 42 or 0x2a"), transcript());
    }
}
