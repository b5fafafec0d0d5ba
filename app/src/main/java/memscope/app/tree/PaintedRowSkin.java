package memscope.app.tree;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Paints a whole row of the mapping tree on one canvas: the disclosure arrow at the row's depth, then each
 * column's text ({@link MappingColumns#text}) clipped to the column's width. A TreeTableRow's own skin makes a
 * cell with a label per column, and scrolling a page of 30 rows re-indexed, re-styled and laid out those 200 nodes
 * (about 18 ms a page at 20,000 rows); a painted row is one node whose colours and font still come from the
 * stylesheets (the row's {@code -fx-text-fill} and {@code -fx-font}), and whose background is the row's own.
 * Clicks select the row, a double click or a click on the arrow opens or closes it, as the table's rows do.
 */
final class PaintedRowSkin extends SkinBase<TreeTableRow<MappingRow>> {
    /** The disclosure arrow's column, as wide as TreeTableRowSkin's. */
    static final double ARROW = 18;
    private static final double PAD = 3;

    private final Canvas canvas = new Canvas();
    private final MappingColumns columns;
    private final InvalidationListener changed = this::changed;
    private final WeakInvalidationListener weakChanged = new WeakInvalidationListener(changed);
    private final javafx.event.EventHandler<MouseEvent> pressed = this::pressed;
    /** The item whose expansion, label or file name this row follows. */
    private TreeItem<MappingRow> watched;
    private TreeTableView<MappingRow> table;
    private boolean dirty = true;

    PaintedRowSkin(TreeTableRow<MappingRow> row, MappingColumns columns) {
        super(row);
        this.columns = columns;
        canvas.setManaged(false);
        getChildren().add(canvas);
        registerInvalidationListener(row.textFillProperty(), o -> repaint());
        registerInvalidationListener(row.fontProperty(), o -> repaint());
        registerInvalidationListener(row.treeItemProperty(), o -> watch(row.getTreeItem()));
        registerInvalidationListener(row.treeTableViewProperty(), o -> follow(row.getTreeTableView()));
        watch(row.getTreeItem());
        follow(row.getTreeTableView());
        row.addEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) {
            return;
        }
        getSkinnable().removeEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
        watch(null);
        follow(null);
        super.dispose();
    }

    /** Paints the row again at the next layout (its item, state or colours changed). */
    void repaint() {
        dirty = true;
        getSkinnable().requestLayout();
    }

    private void changed(Observable o) {
        repaint();
    }

    private void watch(TreeItem<MappingRow> item) {
        if (watched != null) {
            watched.expandedProperty().removeListener(weakChanged);
            if (watched instanceof GroupItem g) {
                g.labelProperty().removeListener(weakChanged);
            } else if (watched instanceof DocumentItem d) {
                d.document().dirtyProperty().removeListener(weakChanged);
            }
        }
        watched = item;
        if (item != null) {
            item.expandedProperty().addListener(weakChanged);
            if (item instanceof GroupItem g) {
                g.labelProperty().addListener(weakChanged);
            } else if (item instanceof DocumentItem d) {
                d.document().dirtyProperty().addListener(weakChanged);
            }
        }
        repaint();
    }

    /** Follows the table's columns: a width, the order or what is shown changes what is painted where. */
    private void follow(TreeTableView<MappingRow> now) {
        if (table != null) {
            table.getVisibleLeafColumns().removeListener(weakChanged);
            for (TreeTableColumn<MappingRow, ?> c : table.getColumns()) {
                c.widthProperty().removeListener(weakChanged);
            }
        }
        table = now;
        if (table != null) {
            table.getVisibleLeafColumns().addListener(weakChanged);
            for (TreeTableColumn<MappingRow, ?> c : table.getColumns()) {
                c.widthProperty().addListener(weakChanged);
            }
        }
        repaint();
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        double width = 0;
        if (table != null) {
            for (TreeTableColumn<MappingRow, ?> c : table.getVisibleLeafColumns()) {
                width += c.getWidth();
            }
        }
        return left + width + right;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        if (table != null && table.getFixedCellSize() > 0) {
            return table.getFixedCellSize();
        }
        // as a cell of -fx-cell-size: 2em
        return top + Math.ceil(getSkinnable().getFont().getSize() * 2) + bottom;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double width = getSkinnable().getWidth();
        double height = getSkinnable().getHeight();
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            paint(width, height);
        }
    }

    /** The x where the arrow of {@code item} starts: one indent (1em, as -fx-indent) per level below the top. */
    private double arrowX(TreeItem<MappingRow> item) {
        int level = table.getTreeItemLevel(item) - (table.isShowRoot() ? 0 : 1);
        return firstColumnX() + Math.max(0, level) * getSkinnable().getFont().getSize();
    }

    private double firstColumnX() {
        return snappedLeftInset();
    }

    private void paint(double width, double height) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        TreeTableRow<MappingRow> row = getSkinnable();
        TreeItem<MappingRow> item = row.getTreeItem();
        if (row.isEmpty() || item == null || item.getValue() == null || table == null) {
            row.setAccessibleText(null);
            return;
        }
        Font font = row.getFont();
        Paint fill = row.getTextFill();
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        double middle = Math.round(height / 2);
        boolean dead = item.getValue().dead();
        StringBuilder spoken = new StringBuilder();
        double x = firstColumnX();
        List<TreeTableColumn<MappingRow, ?>> shown = table.getVisibleLeafColumns();
        for (int i = 0; i < shown.size(); i++) {
            TreeTableColumn<MappingRow, ?> c = shown.get(i);
            double w = c.getWidth();
            double left = x + PAD;
            if (i == 0) {
                double arrow = arrowX(item);
                if (!item.isLeaf()) {
                    paintArrow(g, fill, arrow, middle, item.isExpanded());
                }
                left = arrow + ARROW;
            }
            String text = c.getUserData() instanceof Integer column ? columns.text(column, item) : "";
            if (!text.isEmpty() && left < x + w - PAD) {
                g.save();
                g.beginPath();
                g.rect(x, 0, w - PAD, height);
                g.clip();
                g.setFill(fill);
                g.fillText(text, left, middle);
                if (dead) {
                    // -fx-strikethrough of the dead process's row
                    double end = Math.min(x + w - PAD, left + textWidth(text, font));
                    g.setStroke(fill);
                    g.setLineWidth(1);
                    g.strokeLine(left, middle + 0.5, end, middle + 0.5);
                }
                g.restore();
                spoken.append(spoken.length() == 0 ? "" : ", ").append(text);
            }
            // a faint rule between columns, as the cells' right borders were
            g.setFill(fill instanceof Color color ? color.deriveColor(0, 1, 1, 0.12) : Color.gray(0.5, 0.12));
            g.fillRect(x + w - 1, 0, 1, height);
            x += w;
        }
        row.setAccessibleText(spoken.toString());
    }

    /** The triangle of modena's tree arrow: right when closed, down when open. */
    private static void paintArrow(GraphicsContext g, Paint fill, double x, double middle, boolean open) {
        double cx = x + ARROW / 2;
        g.setFill(fill);
        if (open) {
            g.fillPolygon(new double[] {cx - 3.5, cx + 3.5, cx}, new double[] {middle - 2, middle - 2, middle + 2},
                    3);
        } else {
            g.fillPolygon(new double[] {cx - 2, cx + 2, cx - 2}, new double[] {middle - 3.5, middle, middle + 3.5},
                    3);
        }
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /**
     * A press on the arrow opens or closes the row; elsewhere it selects the row, and a second click opens or
     * closes it (the TreeTableRow behaviour that came with the default skin).
     */
    private void pressed(MouseEvent e) {
        TreeTableRow<MappingRow> row = getSkinnable();
        TreeItem<MappingRow> item = row.getTreeItem();
        if (e.getButton() != MouseButton.PRIMARY || row.isEmpty() || item == null || table == null) {
            return;
        }
        double arrow = arrowX(item);
        boolean onArrow = !item.isLeaf() && e.getX() >= arrow && e.getX() < arrow + ARROW;
        if (table.isFocusTraversable()) {
            table.requestFocus();
        }
        if (!onArrow) {
            table.getSelectionModel().clearAndSelect(row.getIndex());
            table.getFocusModel().focus(row.getIndex());
        }
        if (onArrow || (e.getClickCount() % 2 == 0 && !item.isLeaf())) {
            item.setExpanded(!item.isExpanded());
        }
        e.consume();
    }
}
