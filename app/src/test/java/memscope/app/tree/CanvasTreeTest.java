package memscope.app.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import memscope.app.MainWindow;
import memscope.app.Messages;
import memscope.app.kernel.KernelSession;
import memscope.app.testkit.TreeRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The mapping tree painted from its flat row index ({@link CanvasTree}): each row paints what its columns hold in
 * the colour the stylesheet gives its kind; the mouse and the keys select, open and close rows as TreeTableView's
 * did; the header follows the locale; a reader is told of the selected row.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasTreeTest {
    private MappingTreeView view;
    private CanvasTree table;
    private Messages messages;
    private Holder holder;

    /** What holds the tree, counting its own layouts. */
    private static final class Holder extends javafx.scene.layout.StackPane {
        int layouts;

        Holder(javafx.scene.Node child) {
            super(child);
        }

        @Override
        protected void layoutChildren() {
            layouts++;
            super.layoutChildren();
        }
    }

    @Start
    void start(Stage stage) {
        // one VMO mapped 1,200 times: every row is [shared], and the level is grouped
        KernelSession session = ManyMappings.session(1200);
        messages = new Messages(Locale.ENGLISH);
        view = new MappingTreeView(messages, new MappingTreeBuilder(session));
        table = view.node();
        holder = new Holder(table);
        Scene scene = new Scene(holder, 900, 500);
        scene.getStylesheets().add(MainWindow.class.getResource("memscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private TreeItem<MappingRow> level() {
        return table.getRoot().getChildren().get(0).getChildren().get(0);
    }

    /** Shows {@code item}'s row at the top and answers its index. */
    private int show(FxRobot robot, TreeItem<MappingRow> item) {
        int[] row = new int[1];
        robot.interact(() -> {
            row[0] = table.getRow(item);
            table.scrollTo(row[0]);
            table.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(row[0] >= 0, "the row is shown");
        return row[0];
    }

    private CanvasTree.RowLook look(int row) {
        return table.shownRows().get(row - (int) Math.floor(table.topRow()));
    }

    /** Clicks {@code dx} px right of row {@code row}'s arrow, {@code clicks} times. */
    private void clickAt(FxRobot robot, int row, double dx, int clicks) {
        Point2D at = new Point2D(table.arrowX(row) + dx, table.rowY(row) + table.rowHeight() / 2);
        robot.moveTo(table, Pos.TOP_LEFT, at, Motion.DIRECT);
        if (clicks == 2) {
            robot.doubleClickOn(MouseButton.PRIMARY);
        } else {
            robot.clickOn(MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRowPaintsWhatItsColumnsHoldInItsKindsColour(FxRobot robot) {
        TreeItem<MappingRow> group = level().getChildren().get(1);
        robot.interact(() -> group.setExpanded(true));
        TreeItem<MappingRow> mapping = group.getChildren().get(3);
        int row = show(robot, mapping);
        List<String> columns = new ArrayList<>();
        for (TreeColumn c : table.getColumns()) {
            String text = c.getCellData(mapping);
            if (!text.isEmpty()) {
                columns.add(text);
            }
        }
        CanvasTree.RowLook shown = look(row);
        assertEquals(String.join(", ", columns), shown.text(), "what is painted is what the columns hold");
        assertTrue(shown.text().contains("(" + mapping.getValue().vmoKoid() + ") [shared]"), shown.text());
        assertEquals(Color.web("#00695c"), shown.fill(), "memscope.css's colour for shared rows");
        assertEquals(Color.web("#555555"), look(show(robot, level())).fill(), "memscope.css's colour for VMARs");

        // and it is on the canvas: the row's pixels hold its text colour
        WritableImage image = snapshot(robot);
        int y = (int) (table.rowY(row) - table.viewport().getMinY() + table.rowHeight() / 2);
        boolean inked = false;
        for (int x = 0; x < 200 && !inked; x++) {
            Color c = image.getPixelReader().getColor(x, y);
            inked = c.getGreen() > c.getRed() + 0.15 && c.getBlue() > c.getRed() + 0.15; // the teal of shared
        }
        assertTrue(inked, "the row's text is painted in its colour");
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = table.canvas().snapshot(null, null));
        return out[0];
    }

    @Test
    void scrollingAndSelectingRepaintWithoutLayingOutWhatHoldsTheTree(FxRobot robot) {
        robot.interact(() -> level().getChildren().get(0).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        int before = holder.layouts;
        robot.interact(() -> {
            table.getSelectionModel().select(5);
            table.setTopRow(3);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(table).scroll(2, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, table.topRow(), 1e-9, "the view moved");
        assertEquals(table.spokenText(table.getTreeItem(5)), table.shownRows().get(0).text(), "and was repainted");
        assertEquals(before, holder.layouts, "the window around the tree was not laid out again");
    }

    @Test
    void theMouseSelectsOpensAndClosesRows(FxRobot robot) {
        TreeItem<MappingRow> group = level().getChildren().get(0);
        assertFalse(group.isExpanded());
        int row = show(robot, group);
        clickAt(robot, row, CanvasTree.ARROW / 2, 1);
        assertTrue(group.isExpanded(), "a click on the arrow opens the group");
        clickAt(robot, row, CanvasTree.ARROW / 2, 1);
        assertFalse(group.isExpanded(), "and closes it");
        assertNull(table.getSelectionModel().getSelectedItem(), "a click on the arrow does not select");

        clickAt(robot, row, 60, 1);
        assertSame(group, table.getSelectionModel().getSelectedItem(), "a click beside it selects the row");
        assertTrue(table.isFocused(), "and focuses the tree");
        assertFalse(group.isExpanded());
        clickAt(robot, row, 60, 2);
        assertTrue(group.isExpanded(), "a double click opens it");
    }

    @Test
    void theKeysMoveTheSelectionAndOpenAndCloseRows(FxRobot robot) {
        TreeItem<MappingRow> process = table.getRoot().getChildren().get(0);
        TreeRows.click(robot, process);
        assertEquals(0, table.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.DOWN);
        assertSame(level(), table.getSelectionModel().getSelectedItem(), "Down: the next row");
        robot.type(KeyCode.DOWN);
        TreeItem<MappingRow> group = level().getChildren().get(0);
        assertSame(group, table.getSelectionModel().getSelectedItem());
        robot.type(KeyCode.RIGHT);
        assertTrue(group.isExpanded(), "Right opens the row");
        robot.type(KeyCode.RIGHT);
        assertSame(group.getChildren().get(0), table.getSelectionModel().getSelectedItem(),
                "Right on an open row steps into it");
        robot.type(KeyCode.LEFT);
        assertSame(group, table.getSelectionModel().getSelectedItem(), "Left on a leaf steps out to its parent");
        robot.type(KeyCode.LEFT);
        assertFalse(group.isExpanded(), "Left closes an open row");
        robot.type(KeyCode.UP);
        assertSame(level(), table.getSelectionModel().getSelectedItem(), "Up: the row before");
        robot.type(KeyCode.LEFT);
        assertEquals(2, table.getExpandedItemCount(), "the VMAR closed: the process and the VMAR are left");
        robot.type(KeyCode.UP, KeyCode.UP);
        assertSame(process, table.getSelectionModel().getSelectedItem(), "nothing above the first row");
    }

    @Test
    void closingARowOverTheSelectionSelectsIt(FxRobot robot) {
        TreeItem<MappingRow> group = level().getChildren().get(0);
        robot.interact(() -> group.setExpanded(true));
        TreeRows.click(robot, group.getChildren().get(7));
        robot.interact(() -> group.setExpanded(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(group, table.getSelectionModel().getSelectedItem(), "the closed row stands for its rows");
        robot.interact(() -> table.getSelectionModel().select(group.getChildren().get(9)));
        assertTrue(group.isExpanded(), "selecting a hidden row opens its parents");
        assertEquals(table.getRow(group) + 10, table.getSelectionModel().getSelectedIndex());
    }

    @Test
    void openingAGroupAboveTheSelectedRowKeepsTheSelectionAndCountsItsRowsOnce(FxRobot robot) {
        TreeItem<MappingRow> first = level().getChildren().get(0);
        TreeItem<MappingRow> last = level().getChildren().get(level().getChildren().size() - 1);
        List<TreeItem<?>> changed = new ArrayList<>();
        robot.interact(() -> {
            table.getSelectionModel().select(last);
            table.getRoot().addEventHandler(TreeItem.<MappingRow>childrenModificationEvent(),
                    e -> changed.add(e.getTreeItem()));
        });
        int before = table.getExpandedItemCount();
        int rows = ((GroupItem) first).label().count();
        robot.interact(() -> first.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(changed.isEmpty(), "the rows made for the group are not announced one change each: " + changed);
        assertEquals(before + rows, table.getExpandedItemCount());
        assertSame(last, table.getSelectionModel().getSelectedItem());
        assertEquals(table.getRow(last), table.getSelectionModel().getSelectedIndex(), "the index follows the row");
        assertEquals(rows, first.getChildren().size());
    }

    @Test
    void theHeaderFollowsTheLocaleAndTheTreeScrollsSideways(FxRobot robot) {
        List<String> titles = robot.lookup("#mappingTree .tree-header-cell").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertEquals(table.getColumns().stream().map(TreeColumn::getText).toList(), titles);
        robot.interact(() -> messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        List<String> chinese = robot.lookup("#mappingTree .tree-header-cell").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertNotEquals(titles, chinese, "the titles are the bundle's, in the new language");

        // the tree narrower than its columns (its holder keeps it at 400 px; the stage is shared with later tests)
        robot.interact(() -> table.setMaxWidth(400));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.horizontalBar().isVisible(), "a narrow tree scrolls sideways");
        double arrow = table.arrowX(0);
        robot.interact(() -> table.horizontalBar().setValue(100));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(arrow - 100, table.arrowX(0), 0.01, "the rows move with the bar");
    }

    @Test
    void draggingATitlesEdgeResizesItsColumn(FxRobot robot) {
        TreeColumn range = table.getColumns().get(0);
        double width = range.getWidth();
        Label title = robot.lookup("#mappingTree .tree-header-cell").queryAllAs(Label.class).iterator().next();
        robot.moveTo(title, Pos.CENTER_RIGHT, new Point2D(-1, 0), Motion.DIRECT).drag(MouseButton.PRIMARY)
                .moveBy(40, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width + 40, range.getWidth(), 2, "the range column is wider by the drag");
    }

    @Test
    void aReaderIsToldOfTheSelectedRow(FxRobot robot) {
        assertEquals(AccessibleRole.LIST_VIEW, table.queryAccessibleAttribute(AccessibleAttribute.ROLE));
        assertNull(table.queryAccessibleAttribute(AccessibleAttribute.FOCUS_ITEM));
        TreeRows.click(robot, level());
        Object focus = table.queryAccessibleAttribute(AccessibleAttribute.FOCUS_ITEM);
        assertTrue(focus instanceof Label, "the selected row stands as an item");
        assertEquals(table.spokenText(level()), ((Label) focus).getText());
        assertEquals(table.spokenText(level()), table.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        assertEquals(table.getExpandedItemCount(), table.queryAccessibleAttribute(AccessibleAttribute.ITEM_COUNT));
    }
}
