package memscope.app.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.TreeItem;
import memscope.model.KernelInspector;
import memscope.model.KernelInspector.VmoMapping;
import memscope.model.MapEntry;
import memscope.model.StructureChange;

/**
 * Applies the kernel's structure changes to a built tree in place. A change that names its region (a map, unmap,
 * protect or VMAR allocation) re-reads just that range ({@link KernelInspector#mapsIn}) and replaces, adds or
 * relabels only the rows in it; every other TreeItem stays, so expansion, selection and the rows around stay too.
 * Changes it cannot apply so (a process came or went, a change without a region) make {@link #apply} answer
 * false, and the caller rebuilds: a rebuild is always right, this is the fast way to the same rows.
 */
final class TreeSync {
    /** A VMO change (name, cache policy) re-reads every mapping of the VMO; past this many, rebuilding is cheaper. */
    static final int MAX_PLACEMENTS = 64;

    private final MappingTreeBuilder builder;

    TreeSync(MappingTreeBuilder builder) {
        this.builder = builder;
    }

    /** Applies {@code changes} to the tree under {@code root}; false when the tree must be rebuilt instead. */
    boolean apply(TreeItem<MappingRow> root, List<StructureChange> changes) {
        if (builder.showingPast()) {
            return false;
        }
        KernelInspector inspector = builder.inspector();
        Set<Long> shown = new HashSet<>();
        for (TreeItem<MappingRow> p : root.getChildren()) {
            shown.add(p.getValue().processKoid());
        }
        for (StructureChange c : changes) {
            if (!applicable(c, shown, inspector)) {
                return false;
            }
        }
        // per VMO: mapping rows added minus rows removed, which is how its count of mappings changed
        Map<Long, Integer> touched = new HashMap<>();
        Set<Long> renamed = new HashSet<>();
        for (StructureChange c : changes) {
            if (c.region() != null) {
                StructureChange.Region r = c.region();
                sync(root, r.processKoid(), r.base(), r.end(), touched, inspector);
            } else if (c.kind() == StructureChange.Kind.VMO) {
                renamed.add(c.koid());
            }
        }
        // a row says [shared] when its VMO is mapped more than once: when the count crossed from 1 to more (or
        // back), rows outside the ranges changed too, and are re-read where the VMO is mapped
        for (Map.Entry<Long, Integer> t : touched.entrySet()) {
            long vmo = t.getKey();
            // the count first: listing where a VMO mapped 100,000 times is mapped would cost more than the update
            int count = inspector.vmo(vmo).map(KernelInspector.VmoInfo::mappingCount).orElse(0);
            int before = count - t.getValue();
            if ((before > 1) != (count > 1) || renamed.contains(vmo)) {
                if (!resync(root, vmo, count, inspector)) {
                    return false;
                }
            }
            renamed.remove(vmo);
        }
        for (long vmo : renamed) {
            int count = inspector.vmo(vmo).map(KernelInspector.VmoInfo::mappingCount).orElse(0);
            if (!resync(root, vmo, count, inspector)) {
                return false;
            }
        }
        return true;
    }

    private static boolean applicable(StructureChange c, Set<Long> shown, KernelInspector inspector) {
        if (c.region() != null) {
            return true;
        }
        return switch (c.kind()) {
            case BOOT_OPTIONS, VMO -> true;
            // a handle matters to the tree only when it is a process's: the tree lists the processes with one
            case HANDLE -> !shown.contains(c.koid()) && inspector.process(c.koid()).isEmpty();
            default -> false;
        };
    }

    /** Re-reads every mapping of {@code vmo} (which has {@code count}); false when that is too many. */
    private boolean resync(TreeItem<MappingRow> root, long vmo, int count, KernelInspector inspector) {
        if (count > MAX_PLACEMENTS) {
            return false;
        }
        for (VmoMapping m : inspector.mappingsOf(vmo)) {
            sync(root, m.processKoid(), m.base(), m.base() + m.size(), null, inspector);
        }
        return true;
    }

    /** Makes the rows of process {@code koid} within {@code [from, to)} what the kernel has there now. */
    private void sync(TreeItem<MappingRow> root, long koid, long from, long to, Map<Long, Integer> touched,
                      KernelInspector inspector) {
        for (TreeItem<MappingRow> process : root.getChildren()) {
            // a process shown without its maps (dead, or no handle that may read it) has none to update
            if (process.getValue().processKoid() == koid && !process.getChildren().isEmpty()) {
                List<MapEntry> now = inspector.mapsIn(koid, from, to);
                merge(process, koid, 0, now, 0, now.size(), from, to, touched);
            }
        }
    }

    /**
     * Merges the kernel's children at {@code depth} within the range ({@code now[first, last)}, each followed by
     * its subtree) into {@code parent}'s rows that overlap the range. Both are in address order.
     */
    private void merge(TreeItem<MappingRow> parent, long koid, int depth, List<MapEntry> now, int first, int last,
                       long from, long to, Map<Long, Integer> touched) {
        List<TreeItem<MappingRow>> old = TreeLevel.overlapping(parent, from, to);
        List<Integer> starts = new ArrayList<>();
        for (int i = first; i < last; i++) {
            if (now.get(i).depth() == depth) {
                starts.add(i);
            }
        }
        int i = 0;
        int j = 0;
        while (i < old.size() || j < starts.size()) {
            MapEntry e = j < starts.size() ? now.get(starts.get(j)) : null;
            int stop = j + 1 < starts.size() ? starts.get(j + 1) : last;
            TreeItem<MappingRow> item = i < old.size() ? old.get(i) : null;
            if (item != null && e != null && same(item.getValue(), e)) {
                MappingRow row = builder.rowNow(koid, e);
                if (!row.equals(item.getValue())) {
                    item.setValue(row);
                }
                if (!e.isMapping()) {
                    merge(item, koid, depth + 1, now, starts.get(j) + 1, stop, from, to, touched);
                }
                i++;
                j++;
            } else if (item != null && (e == null || item.getValue().base() <= e.base())) {
                noteVmos(item, touched);
                TreeLevel.remove(item);
                i++;
            } else {
                List<MapEntry> subtree = now.subList(starts.get(j), stop);
                for (TreeItem<MappingRow> added : builder.rowsNow(koid, subtree, depth)) {
                    TreeLevel.insert(parent, added);
                }
                if (touched != null) {
                    subtree.stream().filter(MapEntry::isMapping).forEach(m -> touched.merge(m.vmoKoid(), 1,
                            Integer::sum));
                }
                j++;
            }
        }
    }

    /** The row stands for this entry (the same VMAR, or a mapping of the same VMO at the same place). */
    private static boolean same(MappingRow row, MapEntry e) {
        if (row.base() != e.base() || row.kind() != (e.isMapping() ? MappingRow.Kind.MAPPING : MappingRow.Kind.VMAR)) {
            return false;
        }
        return e.isMapping() ? row.vmoKoid() == e.vmoKoid() : row.size() == e.size() && row.name().equals(e.name());
    }

    private static void noteVmos(TreeItem<MappingRow> item, Map<Long, Integer> touched) {
        if (touched == null) {
            return;
        }
        if (item.getValue().kind() == MappingRow.Kind.MAPPING) {
            touched.merge(item.getValue().vmoKoid(), -1, Integer::sum);
        }
        for (TreeItem<MappingRow> child : item.getChildren()) {
            noteVmos(child, touched);
        }
    }
}
