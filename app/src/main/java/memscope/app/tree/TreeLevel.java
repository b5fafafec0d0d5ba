package memscope.app.tree;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * The rows of one VMAR's level, whether shown plainly or in groups ({@link MappingGroups}): finding the rows in a
 * range, removing one and adding one in address order, keeping the groups' labels right. Each costs a binary
 * search and the size of one group, never the size of the level.
 */
final class TreeLevel {
    private TreeLevel() {
    }

    private static boolean grouped(List<TreeItem<MappingRow>> children) {
        return !children.isEmpty() && children.get(0) instanceof GroupItem;
    }

    /** The rows (not groups) under {@code parent} that overlap {@code [from, to)}, in address order. */
    static List<TreeItem<MappingRow>> overlapping(TreeItem<MappingRow> parent, long from, long to) {
        List<TreeItem<MappingRow>> out = new ArrayList<>();
        List<TreeItem<MappingRow>> children = parent.getChildren();
        if (!grouped(children)) {
            collect(children, from, to, out);
            return out;
        }
        List<TreeItem<MappingRow>> groups = new ArrayList<>();
        collectGroups(children, from, to, groups);
        for (TreeItem<MappingRow> g : groups) {
            collect(g.getChildren(), from, to, out);
        }
        return out;
    }

    /** Adds the items of {@code list} (in address order, not overlapping) that overlap {@code [from, to)}. */
    private static void collect(List<TreeItem<MappingRow>> list, long from, long to, List<TreeItem<MappingRow>> out) {
        int i = lowerBound(list, from);
        if (i > 0 && list.get(i - 1).getValue().end() > from) {
            i--;
        }
        for (; i < list.size() && list.get(i).getValue().base() < to; i++) {
            if (list.get(i).getValue().end() > from) {
                out.add(list.get(i));
            }
        }
    }

    /** As {@link #collect} over groups, by what each holds now. */
    private static void collectGroups(List<TreeItem<MappingRow>> groups, long from, long to,
                                      List<TreeItem<MappingRow>> out) {
        int i = lowerBound(groups, from);
        if (i > 0 && now(groups.get(i - 1)).end() > from) {
            i--;
        }
        for (; i < groups.size() && now(groups.get(i)).base() < to; i++) {
            if (now(groups.get(i)).end() > from) {
                out.add(groups.get(i));
            }
        }
    }

    /** A row as it is now: a group's label, another's value. */
    private static MappingRow now(TreeItem<MappingRow> item) {
        return item instanceof GroupItem g ? g.label() : item.getValue();
    }

    /** The first index whose row starts at or above {@code base}. */
    private static int lowerBound(List<TreeItem<MappingRow>> list, long base) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (now(list.get(mid)).base() < base) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Takes a row out of its level; a group left empty goes too, another gets its new label. */
    static void remove(TreeItem<MappingRow> item) {
        TreeItem<MappingRow> parent = item.getParent();
        parent.getChildren().remove(item);
        if (parent instanceof GroupItem group && !group.relabel()) {
            group.getParent().getChildren().remove(group);
        }
    }

    /** Puts a new row into {@code parent}'s level at its address. */
    static void insert(TreeItem<MappingRow> parent, TreeItem<MappingRow> item) {
        ObservableList<TreeItem<MappingRow>> children = parent.getChildren();
        long base = item.getValue().base();
        if (!grouped(children)) {
            children.add(lowerBound(children, base), item);
            if (children.size() > MappingGroups.THRESHOLD) {
                // grown past what a plain level may hold (see MappingGroups): group it as a build would
                List<TreeItem<MappingRow>> rows = new ArrayList<>(children);
                children.setAll(MappingGroups.of(rows));
            }
            return;
        }
        // into the group that starts at or below the address (the first one when it is lower than all)
        int g = Math.max(0, lowerBound(children, base + 1) - 1);
        GroupItem group = (GroupItem) children.get(g);
        ObservableList<TreeItem<MappingRow>> rows = group.getChildren();
        rows.add(lowerBound(rows, base), item);
        if (rows.size() > MappingGroups.MAX) {
            List<TreeItem<MappingRow>> upper = new ArrayList<>(rows.subList(rows.size() / 2, rows.size()));
            rows.remove(rows.size() / 2, rows.size());
            MappingRow low = upper.get(0).getValue();
            MappingRow high = upper.get(upper.size() - 1).getValue();
            GroupItem split = new GroupItem(MappingRow.group(low.processKoid(), low.depth(), low.base(), high.end(),
                    upper.size()), () -> upper);
            split.setExpanded(group.isExpanded());
            children.add(g + 1, split);
        }
        group.relabel();
    }
}
