package memscope.model;

import static memscope.model.ByteJournal.PAGE;

import java.util.Arrays;

/**
 * Which bytes a delta that keeps a whole page really changed. A whole-page write hands the old page to the
 * history without comparing it with what the write brings (reading a page out of the cache cost a quarter of the
 * write), so such a delta may keep bytes it left equal, or change nothing at all; a reader that names the calls
 * that changed some bytes asks this first. Under the kernel's read lock, as every question is.
 */
final class ChangedExtent {
    private ChangedExtent() {
    }

    /** Whether {@code d} keeps a whole page (a page that changed hands, or one saved and loaded from a session). */
    static boolean coversPage(ByteDelta d) {
        return d.length == PAGE && d.offset % PAGE == 0;
    }

    /**
     * {@code [from, to)} of the VMO: from the first to the last byte {@code d} changed, its whole range when {@code
     * d} does not keep a whole page or the page after it cannot be read; null when it changed nothing.
     * {@code scratch} is a page-sized buffer.
     */
    static long[] of(ByteJournal journal, ByteDelta d, byte[] scratch) {
        if (!coversPage(d) || !journal.read(d.vmo, d.offset, scratch, 0, PAGE, d.sequence())) {
            return new long[] {d.offset, d.end()};
        }
        int head = Arrays.mismatch(d.store, d.pos, d.pos + PAGE, scratch, 0, PAGE);
        if (head < 0) {
            return null;
        }
        int last = PAGE - 1;
        while (d.store[d.pos + last] == scratch[last]) {
            last--;
        }
        return new long[] {d.offset + head, d.offset + last + 1};
    }
}
