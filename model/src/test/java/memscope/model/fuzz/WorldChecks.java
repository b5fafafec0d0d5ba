package memscope.model.fuzz;

import java.util.ArrayList;
import java.util.List;

import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.KernelInvariants;
import memscope.model.MapEntry;
import memscope.model.MapsResult;
import memscope.model.ObjectType;
import memscope.model.Status;

/** Invariants every kernel must keep, whichever reader or syscall built it. */
final class WorldChecks {
    private WorldChecks() {
    }

    /** Fails on the first broken invariant: overlapping or escaping maps, or unsound internals. */
    static void sound(Kernel kernel) {
        List<String> problems = new ArrayList<>(KernelInvariants.violations(kernel));
        for (KernelInspector.HandleInfo h : kernel.inspector().handles()) {
            if (h.type() == ObjectType.PROCESS) {
                MapsResult maps = kernel.processMaps(h.handle());
                if (maps == null || maps.status() == null) {
                    problems.add("processMaps returned no status");
                } else if (maps.status() == Status.OK) {
                    problems.addAll(mapsViolations(maps.entries()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    /**
     * The problems in one {@code processMaps} answer: one root at depth 0; every other entry one level below an
     * earlier VMAR, inside it; entries at one depth within one parent in address order and disjoint.
     */
    static List<String> mapsViolations(List<MapEntry> entries) {
        List<String> out = new ArrayList<>();
        List<MapEntry> parents = new ArrayList<>(); // parents.get(d): the open entry at depth d
        List<Long> lastEnd = new ArrayList<>();     // lastEnd.get(d): where the previous sibling at depth d ended
        for (MapEntry e : entries) {
            int d = e.depth();
            long end = e.base() + e.size();
            if (e.size() <= 0 || Long.compareUnsigned(end, e.base()) < 0) {
                out.add("entry with a bad extent: " + e);
            }
            if (d < 0 || d > parents.size() || (d == 0 && !parents.isEmpty())) {
                out.add("entry at depth " + d + " without a parent one level up: " + e);
                continue;
            }
            if (d > 0) {
                MapEntry parent = parents.get(d - 1);
                if (parent.isMapping()) {
                    out.add("entry inside a mapping: " + e + " in " + parent);
                }
                if (Long.compareUnsigned(e.base(), parent.base()) < 0
                        || Long.compareUnsigned(end, parent.base() + parent.size()) > 0) {
                    out.add("entry outside its parent: " + e + " in " + parent);
                }
            }
            while (parents.size() > d) {
                parents.remove(parents.size() - 1);
            }
            while (lastEnd.size() > d + 1) {
                lastEnd.remove(lastEnd.size() - 1);
            }
            if (lastEnd.size() == d + 1 && Long.compareUnsigned(e.base(), lastEnd.get(d)) < 0) {
                out.add("entry overlaps or precedes its previous sibling (which ended at 0x"
                        + Long.toHexString(lastEnd.get(d)) + "): " + e);
            }
            if (lastEnd.size() == d + 1) {
                lastEnd.set(d, end);
            } else {
                lastEnd.add(end);
            }
            parents.add(e);
        }
        return out;
    }
}
