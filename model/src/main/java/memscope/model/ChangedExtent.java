package memscope.model;

import static memscope.model.ByteJournal.PAGE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which bytes a delta that keeps a whole page really changed. A whole-page write hands the old page to the
 * history without comparing it with what the write brings (reading a page out of the cache cost a quarter of the
 * write), so such a delta may keep bytes it left equal, or change nothing at all; a reader that names the calls
 * that changed some bytes asks this first. Under the kernel's read lock, as every question is.
 */
final class ChangedExtent {
    /** What {@link #ofAll} maps a delta that changed nothing to. */
    static final long[] NOTHING = new long[0];

    private ChangedExtent() {
    }

    /** Whether {@code d} keeps a whole page (a page that changed hands, or one saved and loaded from a session). */
    static boolean coversPage(ByteDelta d) {
        return d.length == PAGE && d.offset % PAGE == 0;
    }

    /** A page of a VMO. */
    private record Page(long koid, long index) {
    }

    /**
     * For every delta of {@code steps} that keeps a whole page: {@code [from, to)} of the VMO, from the first to the
     * last byte it changed; {@link #NOTHING} when it changed nothing; its whole page when the page cannot be read.
     * Each page is rebuilt once, as it was after the newest of those deltas, and walked back to the oldest, so the
     * cost is that of the writes in between, not a rebuild per delta.
     */
    static Map<ByteDelta, long[]> ofAll(ByteJournal journal, List<HistoryStep> steps) {
        Map<Page, List<ByteDelta>> byPage = new LinkedHashMap<>();
        for (HistoryStep s : steps) {
            for (int i = 0, n = s.deltaCount(); i < n; i++) {
                ByteDelta d = s.delta(i);
                if (coversPage(d)) {
                    byPage.computeIfAbsent(new Page(d.vmo.koid, d.offset / PAGE), x -> new ArrayList<>()).add(d);
                }
            }
        }
        Map<ByteDelta, long[]> out = new IdentityHashMap<>();
        byte[] image = new byte[PAGE];
        byPage.forEach((page, deltas) -> walk(journal, page, deltas, image, out));
        return out;
    }

    /** The extents of {@code deltas}, all of page {@code page} and oldest first. */
    private static void walk(ByteJournal journal, Page page, List<ByteDelta> deltas, byte[] image,
                             Map<ByteDelta, long[]> out) {
        ByteDelta newest = deltas.get(deltas.size() - 1);
        PageLog log = journal.logOf(page.koid(), page.index());
        long pageStart = page.index() * PAGE;
        if (log == null || !journal.read(newest.vmo, pageStart, image, 0, PAGE, newest.sequence())) {
            for (ByteDelta d : deltas) {
                out.put(d, new long[] {d.offset, d.end()});
            }
            return;
        }
        Map<ByteDelta, Boolean> wanted = new IdentityHashMap<>();
        deltas.forEach(d -> wanted.put(d, Boolean.TRUE));
        // newest first: the image is the page after log delta i until i is undone
        for (int i = log.countUpTo(newest.sequence()) - 1; i >= 0 && !wanted.isEmpty(); i--) {
            ByteDelta d = log.get(i);
            if (wanted.remove(d) != null) {
                out.put(d, changed(d, image));
            }
            long lo = Math.max(d.offset, pageStart);
            long hi = Math.min(d.end(), pageStart + PAGE);
            System.arraycopy(d.store, d.pos + (int) (lo - d.offset), image, (int) (lo - pageStart), (int) (hi - lo));
        }
        wanted.keySet().forEach(d -> out.put(d, new long[] {d.offset, d.end()}));
    }

    /** The bytes whole-page delta {@code d} changed, given the page just after it. */
    private static long[] changed(ByteDelta d, byte[] after) {
        int head = Arrays.mismatch(d.store, d.pos, d.pos + PAGE, after, 0, PAGE);
        if (head < 0) {
            return NOTHING;
        }
        int last = PAGE - 1;
        while (d.store[d.pos + last] == after[last]) {
            last--;
        }
        return new long[] {d.offset + head, d.offset + last + 1};
    }
}
