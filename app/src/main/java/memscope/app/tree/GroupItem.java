package memscope.app.tree;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A group row (see {@link MappingGroups}) whose rows are made the first time anyone asks for them, which the tree
 * does when the group is expanded: building a tree of 100,000 mappings makes 200 of these, not 100,000 rows.
 * What the group holds now ({@link #label()}: its range and count) is a property of its own rather than the item's
 * value: the group keeps its key, and the painted rows follow the label while they show it ({@link RowPainter}).
 */
final class GroupItem extends TreeItem<MappingRow> {
    private Supplier<List<TreeItem<MappingRow>>> pending;
    private final ReadOnlyObjectWrapper<MappingRow> label;
    /** True while the rows are being made (see {@link #getChildren()}). */
    private boolean making;

    GroupItem(MappingRow row, Supplier<List<TreeItem<MappingRow>>> rows) {
        super(row);
        this.pending = rows;
        this.label = new ReadOnlyObjectWrapper<>(row);
        // rows made on demand are made for whoever is counting or expanding this group, which then tells the
        // table; announced on their own, while the group opens, the table's focus model looked up the row of each
        // of the 500 (a walk over every open row each: expanding all 200 groups of 100,000 mappings took minutes)
        addEventHandler(TreeItem.<MappingRow>childrenModificationEvent(), e -> {
            if (making) {
                e.consume();
            }
        });
    }

    /** The group as it is now (its value is the group as it was made, which keeps its key). */
    MappingRow label() {
        return label.get();
    }

    ReadOnlyObjectProperty<MappingRow> labelProperty() {
        return label.getReadOnlyProperty();
    }

    /** True once the rows exist; walks over the tree skip groups that are not, so they stay cheap. */
    boolean made() {
        return pending == null;
    }

    @Override
    public ObservableList<TreeItem<MappingRow>> getChildren() {
        if (pending != null) {
            Supplier<List<TreeItem<MappingRow>>> rows = pending;
            pending = null;
            making = true;
            try {
                super.getChildren().setAll(rows.get());
            } finally {
                making = false;
            }
        }
        return super.getChildren();
    }

    @Override
    public boolean isLeaf() {
        // a group is never empty: asking must not make the rows
        return false;
    }

    /** Sets the label from the rows (after rows were added or removed); false when the group is now empty. */
    boolean relabel() {
        List<TreeItem<MappingRow>> rows = getChildren();
        if (rows.isEmpty()) {
            return false;
        }
        MappingRow first = rows.get(0).getValue();
        MappingRow last = rows.get(rows.size() - 1).getValue();
        MappingRow now = MappingRow.group(first.processKoid(), first.depth(), first.base(), last.end(), rows.size());
        if (!now.equals(label.get())) {
            label.set(now);
        }
        return true;
    }
}
