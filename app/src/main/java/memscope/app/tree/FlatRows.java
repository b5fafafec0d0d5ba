package memscope.app.tree;

import java.util.Arrays;
import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeItem.TreeModificationEvent;

/**
 * The open rows of the mapping tree in the order they are shown, each with its level (0 for the children of the
 * hidden root): what {@link CanvasTree} paints from and scrolls over. Made by one walk of the open items, so the
 * tree never asks TreeItem for its expanded-descendant count or an item's row, which JavaFX recounts over every
 * open row after each change (issue 14: 20-30 ms per map or unmap at 100,000 open rows). A closed group is not
 * walked into, so its rows are not made. A change under the root (an item opened, closed, added or removed) marks
 * the index stale and it is walked again when next read: several changes in one event cost one walk.
 */
final class FlatRows {
    @SuppressWarnings("unchecked")
    private TreeItem<MappingRow>[] items = new TreeItem[1024];
    private int[] levels = new int[1024];
    private int count;
    private TreeItem<MappingRow> root;
    private boolean stale;
    /** Told of every change: true when rows came, went, opened or closed, false when only a value changed. */
    private final java.util.function.Consumer<Boolean> changed;
    /** Told after the rows were listed again (the view finds its selection and its top row in them). */
    private final Runnable relisted;
    private final EventHandler<TreeModificationEvent<MappingRow>> heard = this::heard;

    FlatRows(java.util.function.Consumer<Boolean> changed, Runnable relisted) {
        this.changed = changed;
        this.relisted = relisted;
    }

    /** Shows the rows under {@code root} (which is not shown itself) from now on; none for null. */
    void setRoot(TreeItem<MappingRow> now) {
        if (root != null) {
            root.removeEventHandler(TreeItem.treeNotificationEvent(), heard);
        }
        root = now;
        if (root != null) {
            root.addEventHandler(TreeItem.treeNotificationEvent(), heard);
        }
        stale = true;
    }

    TreeItem<MappingRow> root() {
        return root;
    }

    private void heard(TreeModificationEvent<MappingRow> e) {
        boolean structure = e.getEventType() != TreeItem.<MappingRow>valueChangedEvent()
                && e.getEventType() != TreeItem.<MappingRow>graphicChangedEvent();
        stale |= structure;
        changed.accept(structure);
    }

    /** True when the rows changed since they were last listed. */
    boolean stale() {
        return stale;
    }

    /** Lists the open rows again if they changed; true when it did. */
    boolean refresh() {
        if (!stale) {
            return false;
        }
        stale = false;
        int before = count;
        count = 0;
        if (root != null) {
            add(root.getChildren(), 0);
        }
        if (count < before) {
            Arrays.fill(items, count, before, null); // removed rows are not kept alive by the index
        }
        relisted.run();
        return true;
    }

    private void add(List<TreeItem<MappingRow>> children, int level) {
        for (int i = 0, n = children.size(); i < n; i++) {
            TreeItem<MappingRow> item = children.get(i);
            if (count == items.length) {
                items = Arrays.copyOf(items, count * 2);
                levels = Arrays.copyOf(levels, count * 2);
            }
            items[count] = item;
            levels[count++] = level;
            if (item.isExpanded() && !item.isLeaf()) {
                add(item.getChildren(), level + 1);
            }
        }
    }

    int size() {
        refresh();
        return count;
    }

    /** The item of row {@code row}; null outside the rows. */
    TreeItem<MappingRow> item(int row) {
        refresh();
        return row >= 0 && row < count ? items[row] : null;
    }

    /** The level of row {@code row} (0 under the hidden root). */
    int level(int row) {
        refresh();
        return levels[row];
    }

    /**
     * The row of {@code item}, or -1 when it is not shown; looked for outwards from {@code near} (where it was),
     * so a change a few rows away costs a few steps, not a scan of every row.
     */
    int indexOf(TreeItem<MappingRow> item, int near) {
        refresh();
        if (item == null || count == 0) {
            return -1;
        }
        int at = Math.max(0, Math.min(count - 1, near));
        for (int d = 0; at - d >= 0 || at + d < count; d++) {
            if (at + d < count && items[at + d] == item) {
                return at + d;
            }
            if (d > 0 && at - d >= 0 && items[at - d] == item) {
                return at - d;
            }
        }
        return -1;
    }

    /**
     * The item at {@code row} as the rows were last listed, without listing them again: what was at the top of the
     * view before a change, so the view can keep it there.
     */
    TreeItem<MappingRow> listed(int row) {
        return row >= 0 && row < count ? items[row] : null;
    }
}
