package memscope.app.tree;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * Splits a VMAR with very many children into groups of consecutive ones ("0x1000–0x9000, 500 rows"). JavaFX
 * finds the tree row at an index by walking the children of each level, so a level of 100,000 items makes every
 * row of every layout cost 100,000 steps (a page scroll took about 300 ms); in groups of {@link #SIZE} a row
 * costs a few hundred. Small levels stay as they are, so ordinary scenarios look the same. A group's rows are made
 * when it is first expanded ({@link GroupItem}).
 */
final class MappingGroups {
    /** Levels with more children than this are grouped. */
    static final int THRESHOLD = 1000;
    static final int SIZE = 500;
    /** A group that grows past this (by maps applied to the tree) is split in two. */
    static final int MAX = 2 * SIZE;

    private MappingGroups() {
    }

    /** What a level's child is, without making its row: enough to label a group. */
    interface Children {
        int count();

        long base(int index);

        long end(int index);

        /** The rows of children {@code [from, to)}, made now. */
        List<TreeItem<MappingRow>> rows(int from, int to);
    }

    /**
     * The rows to show for a level: its children when there are at most {@link #THRESHOLD}, else groups of
     * {@link #SIZE} whose rows are made on demand.
     */
    static List<TreeItem<MappingRow>> of(long processKoid, int depth, Children children) {
        int n = children.count();
        if (n <= THRESHOLD) {
            return children.rows(0, n);
        }
        List<TreeItem<MappingRow>> groups = new ArrayList<>((n + SIZE - 1) / SIZE);
        for (int from = 0; from < n; from += SIZE) {
            int start = from;
            int to = Math.min(n, from + SIZE);
            groups.add(new GroupItem(MappingRow.group(processKoid, depth, children.base(start),
                    children.end(to - 1), to - start), () -> children.rows(start, to)));
        }
        return groups;
    }

    /** Groups rows that exist already (a level that grew past {@link #THRESHOLD} by maps applied to the tree). */
    static List<TreeItem<MappingRow>> of(List<TreeItem<MappingRow>> rows) {
        MappingRow first = rows.get(0).getValue();
        return of(first.processKoid(), first.depth(), new Children() {
            @Override
            public int count() {
                return rows.size();
            }

            @Override
            public long base(int index) {
                return rows.get(index).getValue().base();
            }

            @Override
            public long end(int index) {
                return rows.get(index).getValue().end();
            }

            @Override
            public List<TreeItem<MappingRow>> rows(int from, int to) {
                return new ArrayList<>(rows.subList(from, to));
            }
        });
    }
}
