package memscope.app.tree;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * Splits a VMAR with very many children into groups of consecutive ones ("0x1000–0x9000, 500 rows"). JavaFX
 * finds the tree row at an index by walking the children of each level, so a level of 100,000 items makes every
 * row of every layout cost 100,000 steps (a page scroll took about 300 ms); in groups of {@link #SIZE} a row
 * costs a few hundred. Small levels stay as they are, so ordinary scenarios look the same.
 */
final class MappingGroups {
    /** Levels with more children than this are grouped. */
    static final int THRESHOLD = 1000;
    static final int SIZE = 500;

    private MappingGroups() {
    }

    /**
     * The rows to show for {@code children} (the items of one level, in order): themselves when there are at
     * most {@link #THRESHOLD}, else groups of {@link #SIZE}. Done before the items join the tree, so that no
     * TreeItem ever holds 100,000 children (handing them over is slow too).
     */
    static List<TreeItem<MappingRow>> of(List<TreeItem<MappingRow>> children) {
        if (children.size() <= THRESHOLD) {
            return children;
        }
        List<TreeItem<MappingRow>> groups = new ArrayList<>((children.size() + SIZE - 1) / SIZE);
        for (int from = 0; from < children.size(); from += SIZE) {
            List<TreeItem<MappingRow>> part = children.subList(from, Math.min(children.size(), from + SIZE));
            MappingRow first = part.get(0).getValue();
            MappingRow last = part.get(part.size() - 1).getValue();
            TreeItem<MappingRow> group = new TreeItem<>(MappingRow.group(first.processKoid(), first.depth(),
                    first.base(), last.end(), part.size()));
            group.getChildren().setAll(part);
            groups.add(group);
        }
        return groups;
    }
}
