package memscope.app.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.layout.Panel;
import memscope.app.lesson.TeachingWindow;
import memscope.model.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The projector's keys in the real window: zoom scales the panes' text and the hex view; Shift+F5 the presenter
 * layout.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorTest {
    private TeachingWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    private void keys(FxRobot robot, KeyCode... codes) {
        robot.press(codes);
        for (int i = codes.length - 1; i >= 0; i--) {
            robot.release(codes[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double fontOf(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getFont().getSize();
    }

    @Test
    void ctrlEqualsMinusAndZeroScaleEveryPaneBetweenOneAndTwoAndAHalf(FxRobot robot) {
        robot.interact(() -> ui.window().showLessons());
        robot.clickOn("#hexView");
        double lesson = fontOf(robot, "#lessonText");
        double hexZoom = ui.window().hexView().zoom();
        assertEquals(1.0, hexZoom);

        keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        assertEquals(125, ui.teaching.projector().zoom().percent());
        assertEquals(1.25, ui.window().hexView().zoom());
        assertEquals(lesson * 1.25, fontOf(robot, "#lessonText"), 0.5, "the lesson's text grows with the zoom");

        for (int i = 0; i < 8; i++) {
            keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        }
        assertEquals(250, ui.teaching.projector().zoom().percent(), "250 % at most");
        assertEquals(2.5, ui.window().hexView().zoom());
        keys(robot, KeyCode.CONTROL, KeyCode.MINUS);
        assertEquals(225, ui.teaching.projector().zoom().percent());

        // a new window (a lesson step, another scenario) keeps the zoom
        robot.interact(() -> {
            try {
                ui.show(ScenarioLoader.loadDefault());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(2.25, ui.window().hexView().zoom());

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertEquals(100, ui.teaching.projector().zoom().percent());
        assertEquals(1.0, ui.window().hexView().zoom());
        assertEquals("", ui.window().root().getStyle(), "at 100 % the stylesheets decide alone");
        assertEquals(lesson, fontOf(robot, "#lessonText"), 0.01);
    }

    @Test
    void theLessonsStepRowsGrowWithTheZoom(FxRobot robot) throws Exception {
        var lesson = memscope.model.lesson.LessonLoader.loadResource("01-debugging-gate.json");
        robot.interact(() -> ui.teaching.lessons().start(lesson));
        robot.clickOn("#hexView");
        javafx.scene.control.ListView<?> steps =
                robot.lookup("#lessonSteps").queryAs(javafx.scene.control.ListView.class);
        double rowAtHundred = steps.getFixedCellSize();
        for (int i = 0; i < 6; i++) {
            keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        }
        assertEquals(250, ui.teaching.projector().zoom().percent());
        double cellFont = robot.lookup("#lessonSteps .list-cell").queryAs(javafx.scene.control.ListCell.class)
                .getFont().getSize();
        assertTrue(steps.getFixedCellSize() >= cellFont * 1.4,
                "a step's row fits its zoomed text: " + steps.getFixedCellSize() + " px for " + cellFont + " px text");
        assertTrue(steps.getFixedCellSize() > rowAtHundred * 2, "rows grow with the zoom");
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertEquals(rowAtHundred, steps.getFixedCellSize(), 0.01, "and shrink back at 100 %");
    }

    @Test
    void shiftF5ShowsOnlyTheLessonTheHexViewAndTheStatusWithLargeStepText(FxRobot robot) {
        var ws = ui.window().workspace();
        double text = fontOf(robot, "#lessonText");
        robot.clickOn("#hexView");
        keys(robot, KeyCode.SHIFT, KeyCode.F5);
        assertFalse(ws.shownProperty(Panel.TREE).get());
        assertFalse(ws.shownProperty(Panel.BOTTOM).get());
        assertTrue(ws.shownProperty(Panel.SIDE).get());
        TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
        assertEquals(tabs.getTabs().size() - 1, tabs.getSelectionModel().getSelectedIndex(), "the lesson tab");
        assertTrue(robot.lookup("#hexView").query().isVisible());
        assertTrue(robot.lookup("#statusPane").query().isVisible());
        assertTrue(fontOf(robot, "#lessonText") >= text * 1.5, "large step text");

        keys(robot, KeyCode.SHIFT, KeyCode.F5);
        assertTrue(ws.shownProperty(Panel.TREE).get(), "the panels come back as they were");
        assertTrue(ws.shownProperty(Panel.BOTTOM).get());
        assertEquals(text, fontOf(robot, "#lessonText"), 0.01);
    }
}
