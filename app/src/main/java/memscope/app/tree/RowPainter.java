package memscope.app.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Paints the rows of {@link CanvasTree} in view: each row's background (its style's fills, with their insets), the
 * disclosure arrow at the row's level, then each column's text ({@link TreeColumn#getCellData}) clipped to the
 * column, struck through for a dead process, with a faint rule between columns, as the painted rows of session 6
 * did. What a shown row's text follows besides its item (a group's label, a file's unsaved mark) is watched while
 * it is shown, and repaints.
 */
final class RowPainter {
    /** The disclosure arrow's column, as wide as TreeTableRowSkin's. */
    static final double ARROW = 18;
    private static final double PAD = 3;

    private final FlatRows rows;
    private final List<TreeColumn> columns;
    private final RowStyles styles;
    private final InvalidationListener repaint;
    private Function<TreeItem<MappingRow>, Observable> follows = item -> null;
    private final Set<Observable> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private double rowHeight;
    private double indent;

    RowPainter(FlatRows rows, List<TreeColumn> columns, RowStyles styles, Runnable refresh) {
        this.rows = rows;
        this.columns = columns;
        this.styles = styles;
        this.repaint = o -> refresh.run();
    }

    void follow(Function<TreeItem<MappingRow>, Observable> what) {
        this.follows = what;
    }

    /**
     * Paints the rows in view on {@code canvas}: {@code top} is the (fractional) row at its top edge, {@code hx} how
     * far the columns are scrolled sideways, {@code indent} one level's indent.
     */
    void paint(Canvas canvas, double top, double rowHeight, int selected, double hx, double indent) {
        this.rowHeight = rowHeight;
        this.indent = indent;
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        g.setTextBaseline(VPos.CENTER);
        Set<Observable> now = Collections.newSetFromMap(new IdentityHashMap<>());
        int first = (int) Math.floor(top);
        for (int row = first; row < rows.size(); row++) {
            double y = (row - top) * rowHeight;
            if (y >= height) {
                break;
            }
            TreeItem<MappingRow> item = rows.item(row);
            paintRow(g, row, item, row == selected, y, width, hx);
            Observable o = follows.apply(item);
            if (o != null) {
                now.add(o);
            }
        }
        // a group's label or a file's unsaved mark repaints the rows while they are shown
        for (Observable o : new ArrayList<>(watched)) {
            if (!now.contains(o)) {
                o.removeListener(repaint);
                watched.remove(o);
            }
        }
        for (Observable o : now) {
            if (watched.add(o)) {
                o.addListener(repaint);
            }
        }
    }

    private void paintRow(GraphicsContext g, int row, TreeItem<MappingRow> item, boolean selected, double y,
                          double width, double hx) {
        Label style = styles.of(item, selected, row % 2 == 1);
        if (style.getBackground() != null) {
            for (BackgroundFill f : style.getBackground().getFills()) {
                var in = f.getInsets();
                g.setFill(f.getFill());
                g.fillRect(in.getLeft(), y + in.getTop(), width - in.getLeft() - in.getRight(),
                        rowHeight - in.getTop() - in.getBottom());
            }
        }
        if (item.getValue() == null) {
            return;
        }
        Font font = RowStyles.font(style);
        Paint fill = RowStyles.fill(style);
        g.setFont(font);
        double middle = y + Math.round(rowHeight / 2);
        boolean dead = item.getValue().dead();
        double x = -hx;
        for (int i = 0; i < columns.size(); i++) {
            double w = columns.get(i).getWidth();
            if (x < width && x + w > 0) {
                double left = x + PAD;
                if (i == 0) {
                    double arrow = x + rows.level(row) * indent;
                    if (!item.isLeaf()) {
                        paintArrow(g, fill, arrow, middle, item.isExpanded());
                    }
                    left = arrow + ARROW;
                }
                String text = columns.get(i).getCellData(item);
                if (!text.isEmpty() && left < x + w - PAD) {
                    g.save();
                    g.beginPath();
                    g.rect(x, y, w - PAD, rowHeight);
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
                }
                // a faint rule between columns, as the cells' right borders were
                g.setFill(fill instanceof Color color ? color.deriveColor(0, 1, 1, 0.12) : Color.gray(0.5, 0.12));
                g.fillRect(x + w - 1, y, 1, rowHeight);
            }
            x += w;
        }
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

}
