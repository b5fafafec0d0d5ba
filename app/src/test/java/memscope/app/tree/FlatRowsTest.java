package memscope.app.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

/**
 * The flat index of open rows ({@link FlatRows}) stays what one fresh walk of the open items gives, whatever is
 * opened, closed, mapped or unmapped (the tree's own edits, {@link TreeLevel}), and never makes a closed group's rows.
 */
class FlatRowsTest {
    private static final long PAGE = 0x1000;

    /** root -> process -> VMAR -> 1,200 mappings (grouped) and a small VMAR of 3; processes and VMARs open. */
    private static TreeItem<MappingRow> tree() {
        TreeItem<MappingRow> root = new TreeItem<>(MappingRow.process(0, "", false));
        TreeItem<MappingRow> process = new TreeItem<>(MappingRow.process(1, "p", false));
        TreeItem<MappingRow> vmar = new TreeItem<>(vmar(0x100000, 0x10000000, 0));
        TreeItem<MappingRow> small = new TreeItem<>(vmar(0x20000000, 0x10000, 0));
        List<TreeItem<MappingRow>> maps = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            maps.add(new TreeItem<>(mapping(0x100000 + 2 * i * PAGE, 1)));
        }
        vmar.getChildren().setAll(MappingGroups.of(maps));
        for (int i = 0; i < 3; i++) {
            small.getChildren().add(new TreeItem<>(mapping(0x20000000 + i * PAGE, 1)));
        }
        process.getChildren().setAll(List.of(vmar, small));
        root.getChildren().add(process);
        root.getChildren().add(new TreeItem<>(MappingRow.process(2, "dead", true)));
        process.setExpanded(true);
        vmar.setExpanded(true);
        small.setExpanded(true);
        return root;
    }

    private static MappingRow vmar(long base, long size, int depth) {
        return new MappingRow(MappingRow.Kind.VMAR, 1, "v", depth, base, size, 0, 0, "", 0, null, false, false,
                false);
    }

    private static MappingRow mapping(long base, int depth) {
        return new MappingRow(MappingRow.Kind.MAPPING, 1, "m", depth, base, PAGE, 1, 7, "vmo", 0, null, false, false,
                false);
    }

    /** The open rows by a plain walk: the reference. */
    private static void walk(TreeItem<MappingRow> parent, int level, List<TreeItem<MappingRow>> items,
                             List<Integer> levels) {
        for (TreeItem<MappingRow> child : parent.getChildren()) {
            items.add(child);
            levels.add(level);
            if (child.isExpanded() && !child.isLeaf()) {
                walk(child, level + 1, items, levels);
            }
        }
    }

    private static void assertSameAsAWalk(FlatRows flat, TreeItem<MappingRow> root) {
        List<TreeItem<MappingRow>> items = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        walk(root, 0, items, levels);
        assertEquals(items.size(), flat.size(), "as many rows as a walk finds");
        for (int i = 0; i < items.size(); i++) {
            assertSame(items.get(i), flat.item(i), "row " + i);
            assertEquals(levels.get(i), flat.level(i), "level of row " + i);
        }
        assertEquals(null, flat.item(items.size()));
    }

    /** Every item made so far (closed groups' rows are not made, and not walked into). */
    private static void made(TreeItem<MappingRow> parent, List<TreeItem<MappingRow>> out) {
        for (TreeItem<MappingRow> child : parent.getChildren()) {
            out.add(child);
            if (!(child instanceof GroupItem g) || g.made()) {
                made(child, out);
            }
        }
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Integer>>> edits() {
        return Arbitraries.integers().between(0, 3).flatMap(kind -> Arbitraries.integers().between(0, 100_000)
                .map(at -> Tuple.of(kind, at))).list().ofMaxSize(40);
    }

    @Property(tries = 60)
    void staysWhatAFreshWalkGives(@ForAll("edits") List<Tuple2<Integer, Integer>> edits) {
        TreeItem<MappingRow> root = tree();
        int[] relisted = {0};
        FlatRows flat = new FlatRows(structure -> { }, () -> relisted[0]++);
        flat.setRoot(root);
        assertSameAsAWalk(flat, root);
        long next = 0x100000 + PAGE; // between the mappings: a free page
        for (Tuple2<Integer, Integer> edit : edits) {
            List<TreeItem<MappingRow>> items = new ArrayList<>();
            made(root, items);
            TreeItem<MappingRow> some = items.get(edit.get2() % items.size());
            switch (edit.get1()) {
                case 0 -> some.setExpanded(!some.isExpanded()); // open or close, a group's rows made when opened
                case 1 -> {
                    // a map: a new row into the grouped level
                    TreeLevel.insert(root.getChildren().get(0).getChildren().get(0),
                            new TreeItem<>(mapping(next + (edit.get2() % 1200) * 2 * PAGE, 1)));
                }
                case 2 -> {
                    // an unmap: a made mapping row out of its level
                    if (some.getValue().kind() == MappingRow.Kind.MAPPING) {
                        TreeLevel.remove(some);
                    }
                }
                default -> assertSameAsAWalk(flat, root); // several edits, then one read
            }
        }
        assertSameAsAWalk(flat, root);
        int before = relisted[0];
        flat.size();
        assertEquals(before, relisted[0], "unchanged rows are not listed again");
    }

    @Test
    void aClosedGroupIsNotWalkedIntoAndOpeningOneListsItsRows() {
        TreeItem<MappingRow> root = tree();
        FlatRows flat = new FlatRows(structure -> { }, () -> { });
        flat.setRoot(root);
        TreeItem<MappingRow> vmar = root.getChildren().get(0).getChildren().get(0);
        GroupItem group = (GroupItem) vmar.getChildren().get(1);
        int closed = flat.size();
        // process, VMAR, 3 groups, small VMAR + 3, the dead process
        assertEquals(1 + 1 + 3 + 1 + 3 + 1, closed);
        for (TreeItem<MappingRow> g : vmar.getChildren()) {
            assertFalse(((GroupItem) g).made(), "walking did not make a closed group's rows");
        }
        group.setExpanded(true);
        assertEquals(closed + MappingGroups.SIZE, flat.size());
        assertEquals(3, flat.level(flat.indexOf(group, 0) + 1), "a group's rows one level below it");
        assertTrue(group.made());
    }

    @Test
    void aValueChangeIsARepaintNotARelisting() {
        TreeItem<MappingRow> root = tree();
        List<Boolean> heard = new ArrayList<>();
        FlatRows flat = new FlatRows(heard::add, () -> { });
        flat.setRoot(root);
        flat.size();
        TreeItem<MappingRow> process = root.getChildren().get(0);
        process.setValue(MappingRow.process(1, "renamed", false));
        assertEquals(List.of(false), heard);
        assertFalse(flat.stale());
        process.setExpanded(false);
        assertTrue(flat.stale());
        assertEquals(List.of(false, true), heard);
    }

    @Test
    void indexOfLooksOutwardsFromWhereTheItemWas() {
        TreeItem<MappingRow> root = tree();
        FlatRows flat = new FlatRows(structure -> { }, () -> { });
        flat.setRoot(root);
        for (TreeItem<MappingRow> g : root.getChildren().get(0).getChildren().get(0).getChildren()) {
            g.setExpanded(true);
        }
        for (int row : new int[] {0, 7, 600, flat.size() - 1}) {
            TreeItem<MappingRow> item = flat.item(row);
            assertEquals(row, flat.indexOf(item, 0));
            assertEquals(row, flat.indexOf(item, flat.size() - 1));
            assertEquals(row, flat.indexOf(item, row + 3));
        }
        assertEquals(-1, flat.indexOf(new TreeItem<>(mapping(0, 1)), 5));
    }
}
