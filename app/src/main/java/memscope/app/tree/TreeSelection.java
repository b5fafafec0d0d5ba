package memscope.app.tree;

import javafx.scene.control.SingleSelectionModel;
import javafx.scene.control.TreeItem;

/**
 * The tree's single selection, by row of the flat index ({@link FlatRows}). The selected item is what counts: when
 * rows come or go its index follows it; when it is hidden under a closed row that row is selected (as JavaFX's
 * trees do); when it is gone the selection is cleared. Selecting an item that is not shown opens its parents.
 */
final class TreeSelection extends SingleSelectionModel<TreeItem<MappingRow>> {
    private final FlatRows rows;

    TreeSelection(FlatRows rows) {
        this.rows = rows;
    }

    @Override
    protected TreeItem<MappingRow> getModelItem(int index) {
        return rows.item(index);
    }

    @Override
    protected int getItemCount() {
        return rows.size();
    }

    @Override
    public void select(int index) {
        TreeItem<MappingRow> item = rows.item(index);
        if (item == null) {
            return;
        }
        // index before item: a listener of the item reads the index that goes with it
        setSelectedIndex(index);
        setSelectedItem(item);
    }

    @Override
    public void clearAndSelect(int index) {
        select(index);
    }

    @Override
    public void select(TreeItem<MappingRow> item) {
        if (item == null) {
            clearSelection();
            return;
        }
        for (TreeItem<MappingRow> p = item.getParent(); p != null && p != rows.root(); p = p.getParent()) {
            if (!p.isExpanded()) {
                p.setExpanded(true);
            }
        }
        int at = rows.indexOf(item, Math.max(0, getSelectedIndex()));
        if (at >= 0) {
            select(at);
        }
    }

    /** Finds the selected item again after the rows were listed again. */
    void follow() {
        TreeItem<MappingRow> item = getSelectedItem();
        if (item == null) {
            return;
        }
        int at = rows.indexOf(item, Math.max(0, getSelectedIndex()));
        if (at < 0) {
            TreeItem<MappingRow> shown = shownAncestor(item);
            at = shown == null ? -1 : rows.indexOf(shown, Math.max(0, getSelectedIndex()));
        }
        if (at < 0) {
            clearSelection();
        } else if (rows.item(at) != item) {
            select(at);
        } else if (at != getSelectedIndex()) {
            setSelectedIndex(at);
        }
    }

    /** The outermost closed parent of {@code item}, which is the row shown in its place; null if it left the tree. */
    private TreeItem<MappingRow> shownAncestor(TreeItem<MappingRow> item) {
        TreeItem<MappingRow> shown = null;
        TreeItem<MappingRow> p = item.getParent();
        for (; p != null && p != rows.root(); p = p.getParent()) {
            if (!p.isExpanded()) {
                shown = p;
            }
        }
        return p == rows.root() ? shown : null;
    }
}
