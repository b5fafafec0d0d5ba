package memscope.app.tree;

import java.util.List;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The column titles over the painted rows, moved sideways with them. Dragging a title's right edge makes the
 * column wider or narrower, as a table's header does.
 */
final class TreeHeader extends Region {
    /** How near a title's right edge (px) a press takes hold of it. */
    private static final double GRIP = 4;

    private final List<TreeColumn> columns;
    private final Rectangle clip = new Rectangle();
    private double offset;
    private TreeColumn dragging;
    private double dragFrom;
    private double widthFrom;

    TreeHeader(List<TreeColumn> columns) {
        this.columns = columns;
        getStyleClass().add("tree-header");
        for (TreeColumn c : columns) {
            Label title = new Label();
            title.textProperty().bind(c.textProperty());
            title.getStyleClass().add("tree-header-cell");
            title.setMinWidth(0);
            getChildren().add(title);
            c.widthProperty().addListener(o -> requestLayout());
        }
        setClip(clip);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCursor(edge(e.getX()) == null ? Cursor.DEFAULT
                : Cursor.H_RESIZE));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> setCursor(Cursor.DEFAULT));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragging = edge(e.getX());
            dragFrom = e.getX();
            widthFrom = dragging == null ? 0 : dragging.getWidth();
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragging != null) {
                dragging.setWidth(widthFrom + e.getX() - dragFrom);
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragging = null);
    }

    /** Scrolls the titles {@code x} pixels to the left, with the rows. */
    void setOffset(double x) {
        if (x != offset) {
            offset = x;
            requestLayout();
        }
    }

    /** The column whose right edge is under {@code x}, or null. */
    private TreeColumn edge(double x) {
        double right = snappedLeftInset() - offset;
        for (TreeColumn c : columns) {
            right += c.getWidth();
            if (Math.abs(x - right) <= GRIP) {
                return c;
            }
        }
        return null;
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = 0;
        for (var n : getChildren()) {
            h = Math.max(h, n.prefHeight(-1));
        }
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset() - offset;
        double top = snappedTopInset();
        double h = getHeight() - top - snappedBottomInset();
        for (int i = 0; i < columns.size(); i++) {
            double w = columns.get(i).getWidth();
            getChildren().get(i).resizeRelocate(x, top, w, h);
            x += w;
        }
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
    }
}
