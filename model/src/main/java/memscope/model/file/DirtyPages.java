package memscope.model.file;

import java.util.BitSet;

/**
 * The pages written since open or the last save. Fed by the kernel's memory-change events, which arrive after
 * each write on the writer's thread, so every method is synchronized.
 */
final class DirtyPages {
    private final BitSet pages = new BitSet();

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

    synchronized boolean isEmpty() {
        return pages.isEmpty();
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
        return taken;
    }

    /** Puts back pages a failed save took. */
    synchronized void restore(BitSet taken) {
        pages.or(taken);
    }
}
