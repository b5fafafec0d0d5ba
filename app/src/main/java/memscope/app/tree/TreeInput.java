package memscope.app.tree;

import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The keys and the mouse over {@link CanvasTree}, as a TreeTableView's were (with session 7's paging): Up and
 * Down move the selection a row; Page Down selects the last row shown whole and, when that is already selected,
 * shows it at the top and selects the new last (Page Up the same upwards); Home and End the first and the last row;
 * Right opens a row (or goes to its first child when open), Left closes it (or goes to its parent). A click
 * selects, a click on the arrow or a double click opens or closes; the wheel moves the view, not the selection.
 * Keys with a modifier are left alone.
 */
final class TreeInput {
    private final CanvasTree tree;

    private TreeInput(CanvasTree tree) {
        this.tree = tree;
    }

    static void install(CanvasTree tree) {
        TreeInput input = new TreeInput(tree);
        tree.addEventHandler(KeyEvent.KEY_PRESSED, input::key);
        tree.canvas().addEventHandler(MouseEvent.MOUSE_PRESSED, input::pressed);
        tree.addEventHandler(ScrollEvent.SCROLL, input::wheel);
    }

    private void key(KeyEvent e) {
        if (e.isShiftDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return;
        }
        int count = tree.getExpandedItemCount();
        int selected = tree.getSelectionModel().getSelectedIndex();
        if (count == 0) {
            return;
        }
        int target;
        switch (e.getCode()) {
            case UP -> target = selected < 0 ? 0 : Math.max(0, selected - 1);
            case DOWN -> target = selected < 0 ? 0 : Math.min(count - 1, selected + 1);
            case HOME -> target = 0;
            case END -> target = count - 1;
            case PAGE_DOWN -> {
                if (selected < 0) {
                    e.consume(); // with nothing selected the page keys do nothing, as JavaFX's
                    return;
                }
                target = tree.lastWhole();
                if (selected == target) {
                    tree.setTopRow(target + CanvasTree.EDGE);
                    target = tree.lastWhole();
                }
            }
            case PAGE_UP -> {
                if (selected < 0) {
                    e.consume();
                    return;
                }
                target = tree.firstWhole();
                if (selected == target) {
                    tree.setTopRow(target + 1 - tree.pageRows() + CanvasTree.EDGE);
                    target = tree.firstWhole();
                }
            }
            case LEFT, RIGHT -> {
                if (selected >= 0) {
                    sideways(e.getCode() == javafx.scene.input.KeyCode.RIGHT, selected);
                }
                e.consume();
                return;
            }
            default -> {
                return;
            }
        }
        tree.getSelectionModel().clearAndSelect(target);
        tree.reveal(target);
        e.consume();
    }

    /** Right opens the row or steps into it; Left closes it or steps out to its parent. */
    private void sideways(boolean right, int row) {
        TreeItem<MappingRow> item = tree.getTreeItem(row);
        if (right) {
            if (!item.isLeaf() && !item.isExpanded()) {
                item.setExpanded(true);
            } else if (!item.isLeaf() && !item.getChildren().isEmpty()) {
                select(row + 1);
            }
        } else if (!item.isLeaf() && item.isExpanded()) {
            item.setExpanded(false);
        } else if (item.getParent() != null && item.getParent() != tree.getRoot()) {
            select(tree.getRow(item.getParent()));
        }
    }

    private void select(int row) {
        if (row >= 0) {
            tree.getSelectionModel().clearAndSelect(row);
            tree.reveal(row);
        }
    }

    /** A press on the arrow opens or closes the row; elsewhere it selects it, and a second click toggles it. */
    private void pressed(MouseEvent e) {
        if (tree.isFocusTraversable()) {
            tree.requestFocus();
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        javafx.geometry.Point2D at = tree.sceneToLocal(e.getSceneX(), e.getSceneY());
        double x = at.getX();
        double y = at.getY();
        int row = tree.rowAt(y);
        if (row < 0) {
            return;
        }
        TreeItem<MappingRow> item = tree.getTreeItem(row);
        double arrow = tree.arrowX(row);
        boolean onArrow = !item.isLeaf() && x >= arrow && x < arrow + CanvasTree.ARROW;
        if (!onArrow) {
            tree.getSelectionModel().clearAndSelect(row);
        }
        if (onArrow || (e.getClickCount() % 2 == 0 && !item.isLeaf())) {
            item.setExpanded(!item.isExpanded());
        }
        e.consume();
    }

    /**
     * A turn of the wheel moves the view as far as JavaFX would (pixels, lines of one row, or pages); sideways
     * (or with Shift) it moves the columns. At the top or the bottom already, the event goes on to whatever holds
     * the tree.
     */
    private void wheel(ScrollEvent e) {
        double rowHeight = tree.rowHeight();
        if (e.getDeltaX() != 0 || e.isShiftDown()) {
            var bar = tree.horizontalBar();
            double dx = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            double to = Math.max(0, Math.min(bar.getMax(), bar.getValue() - dx));
            if (to != bar.getValue()) {
                bar.setValue(to);
                e.consume();
            }
            return;
        }
        double rows = switch (e.getTextDeltaYUnits()) {
            case PAGES -> e.getTextDeltaY() * tree.pageRows();
            case LINES -> e.getTextDeltaY();
            default -> e.getDeltaY() / rowHeight;
        };
        double from = tree.topRow();
        tree.setTopRow(from - rows);
        if (tree.topRow() != from) {
            e.consume();
        }
    }
}
