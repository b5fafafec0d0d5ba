package memscope.app.testkit;

import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;
import memscope.app.tree.MappingRow;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** The mapping tree as a test finds and clicks its rows. */
public final class TreeRows {
    private TreeRows() {
    }

    /** The first item at or under {@code item} (depth first) whose row matches {@code p}; null if there is none. */
    public static TreeItem<MappingRow> find(TreeItem<MappingRow> item, Predicate<MappingRow> p) {
        if (item.getValue() != null && p.test(item.getValue())) {
            return item;
        }
        for (TreeItem<MappingRow> child : item.getChildren()) {
            TreeItem<MappingRow> found = find(child, p);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Clicks the row of {@code item} with the mouse, as a person does, scrolling it into view first. */
    @SuppressWarnings("unchecked")
    public static void click(FxRobot robot, TreeItem<MappingRow> item) {
        TreeTableView<MappingRow> tree = robot.lookup("#mappingTree").queryAs(TreeTableView.class);
        robot.interact(() -> tree.scrollTo(tree.getRow(item)));
        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup("#mappingTree .tree-table-row-cell")
                .match((TreeTableRow<?> r) -> r.getTreeItem() == item).queryAs(Node.class);
        if (row == null) {
            throw new AssertionError("the row is not shown: " + item.getValue());
        }
        // into the range column, past the arrow: the row is painted in one piece (PaintedRowSkin), with no cells
        robot.moveTo(row, Pos.CENTER_LEFT, new Point2D(60, 0), Motion.DIRECT).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
