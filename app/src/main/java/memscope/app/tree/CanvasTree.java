package memscope.app.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SingleSelectionModel;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;

/**
 * The mapping tree ({@code #mappingTree}): a header, the rows painted on one canvas, and two scroll bars, over a
 * flat index of the open rows ({@link FlatRows}). Only the rows in view are painted, and where a row is is its
 * index times the row height, so scrolling, a map or an unmap cost the rows shown plus one walk of the open rows,
 * never JavaFX's VirtualFlow and TreeItem recounts (issue 14). The vertical scroll bar counts rows; the horizontal
 * one pixels (the columns keep their widths and the tree scrolls sideways in a narrow window). Colours and fonts
 * come from the stylesheets through {@link RowStyles}; keys and the mouse are {@link TreeInput}'s.
 */
public final class CanvasTree extends Region {
    /** The disclosure arrow's column, as wide as TreeTableRowSkin's. */
    static final double ARROW = RowPainter.ARROW;
    /** A hair past a row's edge, so a row whose edge is at the view's is counted whole. */
    static final double EDGE = 1e-6;

    private final FlatRows rows = new FlatRows(this::heard, this::relisted);
    private final TreeSelection selection = new TreeSelection(rows);
    private final List<TreeColumn> columns;
    private final TreeHeader header;
    private final Canvas canvas = new Canvas();
    /** Holds the canvas; unmanaged, so a repaint lays out this pane alone, not the window around the tree. */
    private final Viewport viewport = new Viewport(canvas, this::updateView);
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final Group hidden = new Group();
    private final RowStyles styles;
    private final RowPainter painter;
    /** Stands for the selected row to assistive technology (the rows themselves are paint). */
    private final Label spoken = new Label();
    private final Rectangle clip = new Rectangle();

    /** The row at the top of the view, fractional while the wheel is between rows. */
    private double top;
    /** The viewport's height in rows, as last laid out; 0 before. */
    private double pageRows;
    private double rowHeight = 22;
    private boolean dirty = true;
    private boolean laying;
    /** The row that was at the top when rows began to change, kept at the top when they are listed again. */
    private TreeItem<MappingRow> anchor;
    private int anchorRow;

    CanvasTree(List<TreeColumn> columns) {
        this.columns = columns;
        this.header = new TreeHeader(columns);
        this.styles = new RowStyles(hidden, this::restyled);
        this.painter = new RowPainter(rows, columns, styles, this::refresh);
        getStyleClass().add("canvas-tree");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        spoken.setAccessibleRole(AccessibleRole.LIST_ITEM);
        hidden.setManaged(false);
        hidden.setVisible(false);
        hidden.getChildren().add(spoken);
        viewport.setManaged(false);
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setUnitIncrement(1);
        hbar.setUnitIncrement(20);
        getChildren().addAll(viewport, header, vbar, hbar, hidden);
        setClip(clip);
        vbar.valueProperty().addListener(o -> {
            if (!laying) {
                top = vbar.getValue();
                refresh();
            }
        });
        hbar.valueProperty().addListener(o -> {
            if (!laying) {
                refresh();
            }
        });
        for (TreeColumn c : columns) {
            c.widthProperty().addListener(o -> {
                requestLayout(); // the columns' width is the horizontal bar's range
                refresh();
            });
        }
        selection.selectedItemProperty().addListener((o, was, now) -> {
            spoken.setText(now == null ? null : spokenText(now));
            refresh();
            notifyAccessibleAttributeChanged(AccessibleAttribute.FOCUS_ITEM);
        });
        focusedProperty().addListener(o -> refresh());
        TreeInput.install(this);
    }

    // ---- the data: root, rows, selection, columns

    public TreeItem<MappingRow> getRoot() {
        return rows.root();
    }

    /** Shows the rows under {@code root} (which is not shown); the selection is cleared, the view stays. */
    void setRoot(TreeItem<MappingRow> root) {
        selection.clearSelection();
        anchor = null;
        rows.setRoot(root);
        requestLayout();
        refresh();
    }

    public SingleSelectionModel<TreeItem<MappingRow>> getSelectionModel() {
        return selection;
    }

    public List<TreeColumn> getColumns() {
        return columns;
    }

    /** The number of rows shown (open), as the view lists them now. */
    public int getExpandedItemCount() {
        return rows.size();
    }

    /** The row of {@code item}, or -1 when it is not shown (a parent is closed, or it is not in the tree). */
    public int getRow(TreeItem<MappingRow> item) {
        return rows.indexOf(item, (int) top);
    }

    public TreeItem<MappingRow> getTreeItem(int row) {
        return rows.item(row);
    }

    /** The level of row {@code row}: 0 for the processes and documents. */
    int level(int row) {
        return rows.level(row);
    }

    /** Repaints the shown rows at the next layout (a value, a label or a style changed). */
    public void refresh() {
        dirty = true;
        if (!laying) {
            viewport.requestLayout();
        }
    }

    /** What a row's text follows besides the item's value; the rows shown repaint when it changes. */
    void follow(Function<TreeItem<MappingRow>, Observable> what) {
        painter.follow(what);
    }

    /** The row's column texts, as painted, joined for a reader (what a screen reader says for the selection). */
    public String spokenText(TreeItem<MappingRow> item) {
        StringBuilder out = new StringBuilder();
        for (TreeColumn c : columns) {
            String text = c.getCellData(item);
            if (!text.isEmpty()) {
                out.append(out.length() == 0 ? "" : ", ").append(text);
            }
        }
        return out.toString();
    }

    private void heard(boolean structure) {
        if (structure && anchor == null) {
            anchorRow = (int) Math.floor(top);
            anchor = rows.listed(anchorRow);
        }
        refresh();
    }

    /** After the rows were listed again: the selection follows its item, the top row stays at the top. */
    private void relisted() {
        selection.follow();
        if (anchor != null) {
            int at = rows.indexOf(anchor, anchorRow);
            if (at >= 0 && at != anchorRow) {
                top += at - anchorRow;
            }
            anchor = null;
        }
        top = clampTop(top);
        refresh();
    }

    private void restyled() {
        requestLayout();
        refresh();
    }

    // ---- the view: rows to pixels and back

    public double rowHeight() {
        return rowHeight;
    }

    /** The viewport's height in rows (fractional), as last laid out. */
    public double pageRows() {
        return pageRows;
    }

    double topRow() {
        return top;
    }

    /** Moves the view so row {@code row} (fractional) is at the top, as far as the rows allow. */
    void setTopRow(double row) {
        double now = clampTop(row);
        if (now != top) {
            top = now;
            refresh();
        }
    }

    /** Shows row {@code row} at the top (as far as the rows allow), as TreeTableView's scrollTo does. */
    public void scrollTo(int row) {
        setTopRow(row + EDGE);
    }

    private double clampTop(double row) {
        double room = Math.max(0, rows.size() - pageRows);
        return Math.max(0, Math.min(room, row));
    }

    /** The first row shown whole. */
    int firstWhole() {
        return Math.max(0, Math.min(rows.size() - 1, (int) Math.ceil(top - EDGE)));
    }

    /** The last row shown whole (the first, if the view holds less than one). */
    int lastWhole() {
        int last = (int) Math.floor(top + pageRows + EDGE) - 1;
        return Math.max(firstWhole(), Math.min(rows.size() - 1, last));
    }

    /** Scrolls as little as shows row {@code row} whole. */
    void reveal(int row) {
        if (row < firstWhole() || top > row) {
            setTopRow(row);
        } else if (row > lastWhole()) {
            setTopRow(row + 1 - pageRows + EDGE);
        }
    }

    /** The y (in the tree's own coordinates) of row {@code row}'s top edge. */
    public double rowY(int row) {
        return snappedTopInset() + header.getHeight() + (row - top) * rowHeight;
    }

    /** The row at y (the tree's coordinates), or -1 above or below the rows. */
    int rowAt(double y) {
        double inRows = y - snappedTopInset() - header.getHeight();
        if (inRows < 0 || inRows >= viewport.getHeight()) {
            return -1;
        }
        int row = (int) Math.floor(top + inRows / rowHeight);
        return row < rows.size() ? row : -1;
    }

    /** The x (the tree's coordinates) where row {@code row}'s disclosure arrow starts: one indent (1em) a level. */
    public double arrowX(int row) {
        return snappedLeftInset() - hbar.getValue() + rows.level(row) * indent();
    }

    private double indent() {
        return RowStyles.font(styles.plain()).getSize();
    }

    // ---- layout and painting

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (TreeColumn c : columns) {
            w += c.getWidth();
        }
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + header.prefHeight(-1) + 10 * rowHeight + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        boolean was = laying;
        laying = true;
        try {
            layoutParts();
        } finally {
            laying = was;
        }
        updateView();
    }

    /** Places the header, the viewport and the scroll bars: what the tree's size, the columns and the rows need. */
    private void layoutParts() {
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
        rowHeight = Math.ceil(indent() * 2); // as -fx-fixed-cell-size: 2em
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double w = Math.max(0, getWidth() - x0 - snappedRightInset());
        double h = Math.max(0, getHeight() - y0 - snappedBottomInset());
        double headerH = snapSizeY(header.prefHeight(-1));
        int count = rows.size();
        double content = computePrefWidth(-1) - x0 - snappedRightInset();
        double vbarW = snapSizeX(vbar.prefWidth(-1));
        double hbarH = snapSizeY(hbar.prefHeight(-1));
        boolean needH = content > w;
        double viewH = Math.max(0, h - headerH - (needH ? hbarH : 0));
        boolean needV = count * rowHeight > viewH;
        if (needV && !needH && content > w - vbarW) {
            needH = true;
            viewH = Math.max(0, h - headerH - hbarH);
        }
        double viewW = Math.max(0, w - (needV ? vbarW : 0));
        header.resizeRelocate(x0, y0, viewW, headerH);
        viewport.resizeRelocate(x0, y0 + headerH, viewW, viewH);
        vbar.setVisible(needV);
        vbar.resizeRelocate(x0 + viewW, y0 + headerH, vbarW, viewH);
        hbar.setVisible(needH);
        hbar.resizeRelocate(x0, y0 + headerH + viewH, viewW, hbarH);
        hbar.setMax(Math.max(0, content - viewW));
        hbar.setVisibleAmount(viewW);
        hbar.setBlockIncrement(viewW);
    }

    /**
     * Fits the view to the rows (the vertical bar's range, the top row) and paints them if they changed: what a
     * scroll, a selection or a map needs, done in the viewport's own layout.
     */
    private void updateView() {
        boolean was = laying;
        laying = true;
        try {
            double viewW = viewport.getWidth();
            double viewH = viewport.getHeight();
            int count = rows.size();
            if ((count * rowHeight > viewH) != vbar.isVisible()) {
                requestLayout(); // the vertical bar comes or goes: the tree's own layout places it
            }
            pageRows = viewH / rowHeight;
            top = clampTop(top);
            if (canvas.getWidth() != viewW || canvas.getHeight() != viewH) {
                canvas.setWidth(viewW);
                canvas.setHeight(viewH);
                dirty = true;
            }
            setIfChanged(vbar.maxProperty(), Math.max(0, count - pageRows));
            setIfChanged(vbar.visibleAmountProperty(), pageRows);
            setIfChanged(vbar.blockIncrementProperty(), Math.max(1, pageRows - 1));
            setIfChanged(vbar.valueProperty(), top);
            setIfChanged(hbar.valueProperty(), Math.min(hbar.getValue(), hbar.getMax()));
            header.setOffset(hbar.getValue());
            if (dirty) {
                dirty = false;
                painter.paint(canvas, top, rowHeight, selection.getSelectedIndex(), hbar.getValue(), indent());
            }
        } finally {
            laying = was;
        }
    }

    private static void setIfChanged(javafx.beans.property.DoubleProperty p, double value) {
        if (p.get() != value) {
            p.set(value);
        }
    }

    /** Where the rows are painted, in the tree's coordinates. */
    public javafx.geometry.Bounds viewport() {
        return viewport.getBoundsInParent();
    }

    /** The canvas's pane: lays itself out (and so repaints) without asking the tree's parents to. */
    private static final class Viewport extends Region {
        private final Runnable layout;

        Viewport(Canvas canvas, Runnable layout) {
            this.layout = layout;
            getChildren().add(canvas);
        }

        @Override
        protected void layoutChildren() {
            layout.run();
        }
    }

    /** How a shown row looks: its text, text fill and the background under it (the contrast checks read these). */
    public record RowLook(String text, Paint fill, Paint background, boolean selected) {
    }

    /** The rows in view as painted. */
    public List<RowLook> shownRows() {
        List<RowLook> out = new ArrayList<>();
        for (int row = (int) Math.floor(top); row < rows.size() && row < top + pageRows; row++) {
            TreeItem<MappingRow> item = rows.item(row);
            boolean on = row == selection.getSelectedIndex();
            Label style = styles.of(item, on, row % 2 == 1);
            out.add(new RowLook(spokenText(item), RowStyles.fill(style), RowStyles.background(style), on));
        }
        return out;
    }

    // ---- accessibility: a list whose one item a reader is told of is the selected row

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        int selected = selection.getSelectedIndex();
        return switch (attribute) {
            case ITEM_COUNT -> rows.size();
            case ITEM_AT_INDEX -> parameters.length > 0 && parameters[0] instanceof Integer i && i == selected
                    ? spoken : null;
            case FOCUS_ITEM -> selected >= 0 ? spoken : null;
            case SELECTED_ITEMS -> selected >= 0 ? FXCollections.observableArrayList(spoken)
                    : FXCollections.observableArrayList();
            case MULTIPLE_SELECTION -> false;
            case TEXT -> selected >= 0 ? spoken.getText() : getAccessibleText();
            default -> super.queryAccessibleAttribute(attribute, parameters);
        };
    }

    ScrollBar verticalBar() {
        return vbar;
    }

    ScrollBar horizontalBar() {
        return hbar;
    }

    Canvas canvas() {
        return canvas;
    }
}
