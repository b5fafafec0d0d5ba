package memscope.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import memscope.model.history.ByteRange;
import memscope.model.history.Diff;

/**
 * Computes a {@link Diff}: the ranges the calls between two moments changed are the candidates (a delta that keeps
 * a whole page counts from the first to the last byte it changed, see {@link ChangedExtent}); of those, the bytes
 * that really differ between the moments (a value written back is no change) become ranges, each with the calls
 * that wrote into it. Runs under the kernel's read lock.
 */
final class HistoryDiff {
    private HistoryDiff() {
    }

    /** A written range and the call that wrote it. */
    private record Written(long offset, long end, long sequence, VmObject vmo) {
    }

    static Diff between(History history, Moment from, Moment to, List<HistoryStep> steps) {
        List<Diff.Change> structure = new ArrayList<>();
        Map<Long, List<Written>> byVmo = new TreeMap<>();
        Map<ByteDelta, long[]> extents = ChangedExtent.ofAll(history.byteJournal(), steps);
        for (HistoryStep s : steps) {
            if (s.structure != null) {
                for (StructureChange c : s.structure) {
                    structure.add(new Diff.Change(s.sequence, c));
                }
            }
            for (ByteDelta d : s.deltas()) {
                // a whole page kept as it was may hold bytes the call left equal: only what it changed counts
                long[] changed = extents.getOrDefault(d, new long[] {d.offset, d.end()});
                if (changed != ChangedExtent.NOTHING) {
                    byVmo.computeIfAbsent(d.vmo.koid, x -> new ArrayList<>())
                            .add(new Written(changed[0], changed[1], s.sequence, d.vmo));
                }
            }
        }
        List<ByteRange> ranges = new ArrayList<>();
        for (List<Written> written : byVmo.values()) {
            written.sort(Comparator.comparingLong(Written::offset));
            int i = 0;
            while (i < written.size()) {
                // one run of overlapping or touching writes
                long lo = written.get(i).offset();
                long hi = written.get(i).end();
                int j = i + 1;
                while (j < written.size() && written.get(j).offset() <= hi) {
                    hi = Math.max(hi, written.get(j).end());
                    j++;
                }
                compare(history, from.sequence(), to.sequence(), written.subList(i, j), lo, hi, ranges);
                i = j;
            }
        }
        return new Diff(from.sequence(), to.sequence(), ranges, structure);
    }

    /** Adds the sub-ranges of {@code [lo, hi)} whose bytes differ between the two moments. */
    private static void compare(History history, long a, long b, List<Written> run, long lo, long hi,
                                List<ByteRange> out) {
        VmObject vmo = run.get(0).vmo();
        int step = 64 * Kernel.PAGE_SIZE;
        byte[] x = new byte[(int) Math.min(step, hi - lo)];
        byte[] y = new byte[x.length];
        long start = -1;
        for (long at = lo; at < hi; at += step) {
            int n = (int) Math.min(step, hi - at);
            boolean readable = history.byteJournal().read(vmo, at, x, 0, n, a)
                    && history.byteJournal().read(vmo, at, y, 0, n, b);
            for (int i = 0; i < n; i++) {
                boolean differs = !readable || x[i] != y[i];
                if (differs && start < 0) {
                    start = at + i;
                } else if (!differs && start >= 0) {
                    out.add(range(vmo, run, start, at + i));
                    start = -1;
                }
            }
        }
        if (start >= 0) {
            out.add(range(vmo, run, start, hi));
        }
    }

    private static ByteRange range(VmObject vmo, List<Written> run, long start, long end) {
        List<Long> sequences = new ArrayList<>();
        for (Written w : run) {
            if (w.offset() < end && start < w.end() && !sequences.contains(w.sequence())) {
                sequences.add(w.sequence());
            }
        }
        sequences.sort(null);
        return new ByteRange(vmo.koid, start, end - start, sequences);
    }
}
