package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import memscope.app.status.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1024 px wide: a status line longer than the window ends in an ellipsis before the notes on the right (its
 * tooltip says all), and the mapping tree's columns keep readable widths, the tree scrolling sideways instead.
 */
@ExtendWith(ApplicationExtension.class)
class StatusLineTest {
    private DemoWindow demo;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        demo = new DemoWindow(stage);
    }

    @Test
    void aLongLineIsCutWithAnEllipsisAndNeverRunsUnderTheNotesOnTheRight(FxRobot robot) {
        String longLine = "wrote 4 of 8 bytes at 0x1101ffc: the mapping [0x1100000, 0x1102000) ends at 0x1102000, "
                .repeat(4);
        robot.interact(() -> {
            stage.setWidth(1024);
            demo.window.statusPane().show(longLine, Outcome.PARTIAL);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label text = robot.lookup("#statusPane .status-label").queryAs(Label.class);
        Node editor = robot.lookup("#editorLabel").query();
        Bounds textBounds = text.localToScene(text.getLayoutBounds());
        Bounds editorBounds = editor.localToScene(editor.getLayoutBounds());
        assertTrue(textBounds.getMaxX() <= editorBounds.getMinX() + 0.5,
                "the line ends at " + textBounds.getMaxX() + ", the note starts at " + editorBounds.getMinX());
        assertTrue(editorBounds.getMaxX() <= stage.getScene().getWidth() + 0.5, "the notes stay in the window");
        Tooltip tip = demo.window.statusPane().node().getTooltip();
        assertNotNull(tip, "the whole line is one hover away");
        assertEquals(longLine, tip.getText());
    }

    @Test
    void theTreesColumnsKeepTheirWidthsAndTheTreeScrollsSideways(FxRobot robot) {
        robot.interact(() -> stage.setWidth(1024));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        memscope.app.tree.CanvasTree tree = robot.lookup("#mappingTree")
                .queryAs(memscope.app.tree.CanvasTree.class);
        double columns = tree.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
        assertTrue(tree.getColumns().get(0).getWidth() >= 200, "the range column shows a whole range: "
                + tree.getColumns().get(0).getWidth());
        assertTrue(columns > tree.getWidth(), "the columns are wider than the tree at 1024 px");
        javafx.scene.control.ScrollBar sideways = robot.from(tree).lookup(".scroll-bar").queryAllAs(
                javafx.scene.control.ScrollBar.class).stream()
                .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL).findFirst().orElseThrow();
        assertTrue(sideways.isVisible(), "so the tree scrolls sideways");
    }
}
