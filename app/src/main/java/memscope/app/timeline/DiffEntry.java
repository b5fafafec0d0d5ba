package memscope.app.timeline;

import memscope.model.history.Step;

/**
 * One line of the diff list: the shown addresses {@code [start, end)} that differ between the two moments, one
 * call that wrote there, and those bytes just before and just after that call (the first {@link DiffRows#SHOWN}
 * bytes, in hex; empty when the memory did not exist then).
 */
public record DiffEntry(long start, long end, Step step, String before, String after) {
    public long sequence() {
        return step.sequence();
    }
}
