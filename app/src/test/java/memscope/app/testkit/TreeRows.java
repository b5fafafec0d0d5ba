package memscope.app.testkit;

import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.TreeItem;
import javafx.scene.input.MouseButton;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** The mapping tree as a test finds and clicks its rows. */
public final class TreeRows {
    private TreeRows() {
    }

    /** The mapping tree of the window the robot sees. */
    public static CanvasTree tree(FxRobot robot) {
        return robot.lookup("#mappingTree").queryAs(CanvasTree.class);
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

    /**
     * Clicks the row of {@code item} with the mouse, as a person does: scrolls it to the top, then clicks where its
     * index puts it (the rows are painted, one row height each), in the range column past the disclosure arrow.
     */
    public static void click(FxRobot robot, TreeItem<MappingRow> item) {
        CanvasTree tree = tree(robot);
        int[] row = new int[1];
        robot.interact(() -> {
            row[0] = tree.getRow(item);
            if (row[0] >= 0) {
                tree.scrollTo(row[0]);
                tree.layout();
            }
        });
        if (row[0] < 0) {
            throw new AssertionError("the row is not shown: " + item.getValue());
        }
        WaitForAsyncUtils.waitForFxEvents();
        Point2D at = new Point2D(tree.arrowX(row[0]) + 30, tree.rowY(row[0]) + tree.rowHeight() / 2);
        robot.moveTo(tree, Pos.TOP_LEFT, at, Motion.DIRECT).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
