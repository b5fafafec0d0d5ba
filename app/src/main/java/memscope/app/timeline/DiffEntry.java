package memscope.app.timeline;

import memscope.model.StructureChange;
import memscope.model.history.Step;

/**
 * One line of the diff list. A byte line: the shown addresses {@code [start, end)} that differ between the two
 * moments, one call that wrote there, and those bytes just before and just after that call (the first
 * {@link DiffRows#SHOWN} bytes, in hex; empty when the memory did not exist then); {@code structure} is null. A
 * structure line: a call between the two moments that changed what exists (a mapping, a VMO, a handle...), named
 * by {@code structure}; it has no bytes, so start and end are -1.
 */
public record DiffEntry(long start, long end, Step step, String before, String after, StructureChange structure) {
    /** A byte line. */
    public DiffEntry(long start, long end, Step step, String before, String after) {
        this(start, end, step, before, after, null);
    }

    /** A structure line. */
    static DiffEntry of(Step step, StructureChange change) {
        return new DiffEntry(-1, -1, step, "", "", change);
    }

    public long sequence() {
        return step.sequence();
    }

    public boolean structural() {
        return structure != null;
    }
}
