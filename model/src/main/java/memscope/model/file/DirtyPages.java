package memscope.model.file;

import java.util.BitSet;

/**
 * The pages written since open or the last save. Fed by the kernel's memory-change events, which arrive after
 * each write on the writer's thread, so every method is synchronized.
 */
final class DirtyPages {
    private final BitSet pages = new BitSet();
    /** The pages a save in progress took: not on disk until it ends, so still unsaved (see {@link #isEmpty}). */
    private final BitSet saving = new BitSet();

    synchronized void markBytes(long offset, long length, long limitPages) {
        if (length <= 0) {
            return;
        }
        long first = offset / memscope.model.Kernel.PAGE_SIZE;
        long last = Math.min((offset + length - 1) / memscope.model.Kernel.PAGE_SIZE, limitPages - 1);
        if (first <= last) {
            pages.set((int) first, (int) last + 1);
        }
    }

    /** Whether nothing is unsaved: no page written since the last save, and none that a running save holds. */
    synchronized boolean isEmpty() {
        return pages.isEmpty() && saving.isEmpty();
    }

    synchronized int count() {
        return pages.cardinality();
    }

    synchronized long[] indices() {
        return pages.stream().asLongStream().toArray();
    }

    /**
     * Takes the current set and starts a fresh one: a write that lands while a save runs is then either in the
     * taken set (and saved) or marked afresh (and saved next time); none is lost.
     */
    synchronized BitSet take() {
        BitSet taken = (BitSet) pages.clone();
        pages.clear();
        saving.or(taken);
        return taken;
    }

    /** The pages a save took are on disk now. */
    synchronized void saved(BitSet taken) {
        saving.andNot(taken);
    }

    /** Puts back pages a failed save took. */
    synchronized void restore(BitSet taken) {
        pages.or(taken);
        saving.andNot(taken);
    }
}
