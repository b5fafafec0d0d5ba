package memscope.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonLoader;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the lesson panel shows from the model (a failed check, a lesson that cannot start) and the status line it
 * reports a step to are worded again when the language is switched while they are shown.
 */
@ExtendWith(ApplicationExtension.class)
class LessonLanguageSwitchTest {
    /** The write succeeds; the step expects a refusal and one more byte than is written. */
    private static final String WRONG_EXPECTATION = """
            { "format": 1, "title": "Wrong on purpose", "title_zh": "故意出错", "summary": "s", "summary_zh": "s",
              "scenario": "demo.json",
              "steps": [ { "text": "Write.", "text_zh": "写。", "action": "write app 0x1100000 01",
                           "expect": "ZX_ERR_ACCESS_DENIED", "expect_actual": 2 } ] }
            """;

    /** Its inline scenario has no process, so the lesson cannot start. */
    private static final String BROKEN_SCENARIO = """
            { "format": 1, "title": "Broken", "title_zh": "坏的", "summary": "s", "summary_zh": "s",
              "scenario": { "format": 1, "title": "t", "processes": [] },
              "steps": [ { "text": "Read.", "text_zh": "读。" } ] }
            """;

    private TeachingWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    private String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#statusPane").queryAs(StatusBar.class).getText();
    }

    @Test
    void aFailedCheckAndItsStatusLineFollowALanguageSwitch(FxRobot robot) throws Exception {
        Lesson lesson = LessonLoader.parse(WRONG_EXPECTATION, "wrong.json");
        robot.interact(() -> ui.teaching.lessons().start(lesson));
        robot.clickOn("#lessonPerform");
        assertEquals(CheckMark.FAIL + " observed ZX_OK, expected ZX_ERR_ACCESS_DENIED\n"
                + "expected ZX_ERR_ACCESS_DENIED, observed ZX_OK\n"
                + "expected actual=2, observed actual=1", label(robot, "#lessonCheck"));
        assertEquals("Lesson step 1: " + CheckMark.FAIL + " observed ZX_OK, expected ZX_ERR_ACCESS_DENIED",
                status(robot));

        robot.interact(() -> ui.messages.setLocale(Locale.SIMPLIFIED_CHINESE));

        assertEquals(CheckMark.FAIL + " 实际为 ZX_OK，预期为 ZX_ERR_ACCESS_DENIED\n"
                + "预期 ZX_ERR_ACCESS_DENIED，实际为 ZX_OK\n"
                + "预期 actual=2，实际 actual=1", label(robot, "#lessonCheck"));
        assertEquals("课程第 1 步：" + CheckMark.FAIL + " 实际为 ZX_OK，预期为 ZX_ERR_ACCESS_DENIED", status(robot));

        robot.interact(() -> ui.messages.setLocale(Locale.ENGLISH));
        assertEquals("expected actual=2, observed actual=1", label(robot, "#lessonCheck").lines().toList().get(2));
    }

    @Test
    void aLessonThatCannotStartSaysWhyInTheChosenLanguage(FxRobot robot) throws Exception {
        Lesson lesson = LessonLoader.parse(BROKEN_SCENARIO, "broken.json");
        robot.interact(() -> assertFalse(ui.teaching.lessons().start(lesson)));
        assertEquals("Cannot run the lesson: broken.json: scenario: broken.json (inline scenario):"
                + " /processes (line 1, column 37): a scenario needs at least one process in \"processes\"",
                label(robot, "#lessonProblem"));

        robot.interact(() -> ui.messages.setLocale(Locale.SIMPLIFIED_CHINESE));

        assertEquals("无法运行课程：broken.json：scenario：broken.json（内嵌场景）："
                + "/processes（第 1 行，第 37 列）：场景的 \"processes\" 中至少需要一个进程",
                label(robot, "#lessonProblem"));
    }
}
