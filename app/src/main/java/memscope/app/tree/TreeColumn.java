package memscope.app.tree;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.TreeItem;

/**
 * One column of the mapping tree ({@link CanvasTree}): its title (from the bundle), its width (the user may drag
 * it), and what it says about a row ({@link MappingColumns#text}).
 */
public final class TreeColumn {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();
    private final DoubleProperty width;
    private final double minWidth;
    private final int index;
    private final MappingColumns columns;

    TreeColumn(MappingColumns columns, int index, ObservableStringValue title, double width) {
        this.columns = columns;
        this.index = index;
        this.text.bind(title);
        this.width = new SimpleDoubleProperty(width);
        this.minWidth = Math.min(width, 44);
    }

    public String getText() {
        return text.get();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public double getWidth() {
        return width.get();
    }

    /** Sets the width, never below the column's least (a dragged header edge). */
    public void setWidth(double w) {
        width.set(Math.max(minWidth, w));
    }

    DoubleProperty widthProperty() {
        return width;
    }

    /** What this column shows for {@code item}, as painted. */
    public String getCellData(TreeItem<MappingRow> item) {
        return item == null ? "" : columns.text(index, item);
    }
}
