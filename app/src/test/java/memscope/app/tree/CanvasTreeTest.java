package memscope.app.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import memscope.app.MainWindow;
import memscope.app.Messages;
import memscope.app.kernel.KernelSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The mapping tree's rows are painted in one piece (issue 14: a page scroll re-indexed some 200 cell nodes): each
 * row paints what its columns hold, in the colour the stylesheet gives its kind; the mouse selects, opens and
 * closes rows as before; and opening a group tells the table once, not once per row it makes.
 */
@ExtendWith(ApplicationExtension.class)
class PaintedTreeTest {
    private MappingTreeView view;
    private TreeTableView<MappingRow> table;

    @Start
    void start(Stage stage) {
        // one VMO mapped 1,200 times: every row is [shared], and the level is grouped
        KernelSession session = ManyMappings.session(1200);
        view = new MappingTreeView(new Messages(Locale.ENGLISH), new MappingTreeBuilder(session));
        table = view.node();
        Scene scene = new Scene(table, 900, 500);
        scene.getStylesheets().add(MainWindow.class.getResource("memscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private TreeItem<MappingRow> level() {
        return table.getRoot().getChildren().get(0).getChildren().get(0);
    }

    private TreeTableRow<?> rowOf(FxRobot robot, TreeItem<MappingRow> item) {
        robot.interact(() -> {
            table.scrollTo(table.getRow(item));
            table.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableRow<?> row = robot.lookup("#mappingTree .tree-table-row-cell")
                .match((TreeTableRow<?> r) -> r.getTreeItem() == item).queryAs(TreeTableRow.class);
        assertNotNull(row, "the row is shown");
        return row;
    }

    @Test
    void aRowIsOneNodeThatPaintsWhatItsColumnsHoldInItsKindsColour(FxRobot robot) {
        TreeItem<MappingRow> group = level().getChildren().get(1);
        robot.interact(() -> group.setExpanded(true));
        TreeItem<MappingRow> mapping = group.getChildren().get(3);
        TreeTableRow<?> row = rowOf(robot, mapping);
        assertTrue(robot.lookup("#mappingTree .tree-table-cell").queryAll().isEmpty(), "no cell per column");
        List<String> columns = new ArrayList<>();
        for (var c : table.getVisibleLeafColumns()) {
            Object text = c.getCellData(mapping);
            if (text != null && !text.toString().isEmpty()) {
                columns.add(text.toString());
            }
        }
        assertEquals(String.join(", ", columns), row.getAccessibleText(), "what is painted is what the columns hold");
        assertTrue(row.getAccessibleText().contains("(" + mapping.getValue().vmoKoid() + ") [shared]"),
                row.getAccessibleText());
        assertTrue(row.getStyleClass().contains("row-shared"));
        assertEquals(Color.web("#00695c"), row.getTextFill(), "memscope.css's colour for shared rows");
        TreeTableRow<?> vmar = rowOf(robot, level());
        assertEquals(Color.web("#555555"), vmar.getTextFill(), "memscope.css's colour for VMARs");
    }

    @Test
    void theMouseSelectsOpensAndClosesRows(FxRobot robot) {
        TreeItem<MappingRow> group = level().getChildren().get(0);
        assertFalse(group.isExpanded());
        TreeTableRow<?> row = rowOf(robot, group);
        // the arrow sits at the group's depth (two levels below the process: 2em), in the range column
        double arrow = 2 * row.getFont().getSize() + PaintedRowSkin.ARROW / 2;
        robot.moveTo(row, Pos.CENTER_LEFT, new Point2D(arrow, 0), Motion.DIRECT).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(group.isExpanded(), "a click on the arrow opens the group");
        robot.moveTo(row, Pos.CENTER_LEFT, new Point2D(arrow, 0), Motion.DIRECT).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(group.isExpanded(), "and closes it");

        robot.moveTo(row, Pos.CENTER_LEFT, new Point2D(arrow + 60, 0), Motion.DIRECT).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(group, table.getSelectionModel().getSelectedItem(), "a click beside it selects the row");
        assertFalse(group.isExpanded());
        robot.moveTo(row, Pos.CENTER_LEFT, new Point2D(arrow + 60, 0), Motion.DIRECT)
                .doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(group.isExpanded(), "a double click opens it");
    }

    @Test
    void openingAGroupAboveTheFocusedRowTellsTheTableOnceAndKeepsTheFocus(FxRobot robot) {
        TreeItem<MappingRow> first = level().getChildren().get(0);
        TreeItem<MappingRow> last = level().getChildren().get(level().getChildren().size() - 1);
        List<TreeItem<?>> changed = new ArrayList<>();
        robot.interact(() -> {
            table.getSelectionModel().select(last);
            table.getFocusModel().focus(table.getRow(last));
            table.getRoot().addEventHandler(TreeItem.<MappingRow>childrenModificationEvent(),
                    e -> changed.add(e.getTreeItem()));
        });
        int[] before = new int[1];
        robot.interact(() -> before[0] = table.getExpandedItemCount());
        int rows = ((GroupItem) first).label().count();
        robot.interact(() -> first.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        // each of the group's rows made while it opens was looked up by the focus model, one walk of every open
        // row each; the expansion alone says how many rows appeared
        assertTrue(changed.isEmpty(), "the rows made for the group are not announced one change each: " + changed);
        assertEquals(before[0] + rows, table.getExpandedItemCount());
        assertSame(last, table.getFocusModel().getFocusedItem(), "the focus stays on its row");
        assertSame(last, table.getSelectionModel().getSelectedItem());
        assertEquals(rows, first.getChildren().size());
    }
}
