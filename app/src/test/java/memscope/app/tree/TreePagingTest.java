package memscope.app.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.MainWindow;
import memscope.app.Messages;
import memscope.app.kernel.KernelSession;
import memscope.app.testkit.TreeRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Page Down, Page Up, Home, End and the wheel over the mapping tree (done by {@link TreeInput}) select and show the
 * rows JavaFX's own keys would: read off the rows a person sees, whole, in the tree's viewport.
 */
@ExtendWith(ApplicationExtension.class)
class TreePagingTest {
    private CanvasTree table;

    @Start
    void start(Stage stage) {
        KernelSession session = ManyMappings.session(1200);
        table = new MappingTreeView(new Messages(Locale.ENGLISH), new MappingTreeBuilder(session)).node();
        Scene scene = new Scene(table, 900, 500);
        scene.getStylesheets().add(MainWindow.class.getResource("memscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** Every group open (some 1,200 rows), and the process's row clicked: it is selected, at the top. */
    @BeforeEach
    void openEverything(FxRobot robot) {
        robot.interact(() -> {
            for (TreeItem<MappingRow> g : table.getRoot().getChildren().get(0).getChildren().get(0).getChildren()) {
                g.setExpanded(true);
            }
        });
        TreeRows.click(robot, table.getRoot().getChildren().get(0));
        assertEquals(0, selected());
    }

    private int selected() {
        return table.getSelectionModel().getSelectedIndex();
    }

    /**
     * The indices of the first and the last row shown whole in the viewport, as the screen shows them: each row is
     * where its index puts it (its top at {@link CanvasTree#rowY}), the viewport is the canvas the rows are painted on.
     */
    private int[] shown(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int[] out = new int[2];
        robot.interact(() -> {
            Bounds view = table.viewport();
            int first = Integer.MAX_VALUE;
            int last = -1;
            for (int row = 0; row < table.getExpandedItemCount(); row++) {
                double top = table.rowY(row);
                if (top >= view.getMinY() - 0.5 && top + table.rowHeight() <= view.getMaxY() + 0.5) {
                    first = Math.min(first, row);
                    last = Math.max(last, row);
                }
            }
            out[0] = first;
            out[1] = last;
        });
        return out;
    }

    @Test
    void pageDownSelectsTheLastRowShownThenShowsItAtTheTop(FxRobot robot) {
        int[] before = shown(robot);
        assertEquals(0, before[0]);
        int page = before[1] - before[0];
        assertTrue(page > 5, "a page holds some rows: " + page);

        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(before[1], selected(), "the last row shown is selected");
        assertEquals(before[0], shown(robot)[0], "the view stays");

        robot.type(KeyCode.PAGE_DOWN);
        int[] now = shown(robot);
        assertEquals(before[1], now[0], "the row that was selected is now at the top");
        assertEquals(now[1], selected(), "and the last row shown is selected");
        assertEquals(page, now[1] - now[0]);
    }

    @Test
    void pageUpSelectsTheFirstRowShownThenShowsItAtTheBottom(FxRobot robot) {
        robot.type(KeyCode.PAGE_DOWN, 3);
        int[] before = shown(robot);
        assertEquals(before[1], selected());

        robot.type(KeyCode.PAGE_UP);
        assertEquals(before[0], selected(), "the first row shown is selected");
        assertEquals(before[0], shown(robot)[0], "the view stays");

        robot.type(KeyCode.PAGE_UP);
        int[] now = shown(robot);
        assertEquals(before[0], now[1], "the row that was selected is now at the bottom");
        assertEquals(now[0], selected(), "and the first row shown is selected");
    }

    @Test
    void endAndHomeSelectAndShowTheLastAndTheFirstRow(FxRobot robot) {
        int rows = table.getExpandedItemCount();
        robot.type(KeyCode.END);
        assertEquals(rows - 1, selected());
        assertEquals(rows - 1, shown(robot)[1], "the last row is shown at the bottom");

        robot.type(KeyCode.HOME);
        assertEquals(0, selected());
        assertEquals(0, shown(robot)[0], "the first row is shown at the top");

        robot.type(KeyCode.PAGE_UP);
        assertEquals(0, selected(), "nothing above the first row");
        robot.type(KeyCode.END);
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(rows - 1, selected(), "nothing below the last row");
        assertEquals(rows - 1, shown(robot)[1]);
    }

    @Test
    void withNothingSelectedThePageKeysDoNothing(FxRobot robot) {
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(-1, selected());
        assertEquals(0, shown(robot)[0]);
        robot.type(KeyCode.END);
        assertEquals(table.getExpandedItemCount() - 1, selected(), "End selects the last row all the same");
    }

    @Test
    void theWheelMovesTheViewAndNotTheSelection(FxRobot robot) {
        robot.moveTo(table);
        // under Monocle TestFX's UP sends three notches of deltaY < 0 (one line each): the wheel turned towards
        // the user, which moves the view down a row per line, as JavaFX's fixed-height rows do
        robot.scroll(3, VerticalDirection.UP);
        assertEquals(3, shown(robot)[0], "the view moved down three rows");
        assertEquals(0, selected());

        robot.scroll(3, VerticalDirection.DOWN);
        assertEquals(0, shown(robot)[0], "and back up");
        assertEquals(0, selected());
    }
}
