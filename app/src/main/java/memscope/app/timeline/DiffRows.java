package memscope.app.timeline;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import memscope.model.History;
import memscope.model.MapEntry;
import memscope.model.Moment;
import memscope.model.history.ByteRange;
import memscope.model.history.Diff;
import memscope.model.history.Step;

/**
 * Turns a {@link Diff} (VMO offsets) into what the window shows: where its byte ranges lie in one process's
 * shown addresses, and one {@link DiffEntry} per call that wrote each range. Reads only the public History API.
 */
final class DiffRows {
    /** Bytes shown before → after in a row: enough to recognise a value, short enough for one line. */
    static final int SHOWN = 8;

    /** A changed range placed in the process: shown addresses {@code [start, end)}, VMO offset of start. */
    record Place(long start, long end, long vmoKoid, long vmoOffset, List<Long> sequences) {
    }

    private DiffRows() {
    }

    /**
     * The diff's ranges as the process maps them at {@code later} (a range mapped twice shows twice), shifted by
     * {@code shift} (kernel address minus shown address), in the diff's order.
     */
    static List<Place> places(Diff diff, Moment later, long process, long shift) {
        List<MapEntry> maps = later.maps(process);
        List<Place> out = new ArrayList<>();
        for (ByteRange r : diff.bytes()) {
            for (MapEntry e : maps) {
                if (!e.isMapping() || e.vmoKoid() != r.vmoKoid()) {
                    continue;
                }
                long lo = Math.max(r.offset(), e.vmoOffset());
                long hi = Math.min(r.end(), e.vmoOffset() + e.size());
                if (lo < hi) {
                    long start = e.base() + (lo - e.vmoOffset()) - shift;
                    out.add(new Place(start, start + (hi - lo), r.vmoKoid(), lo, r.sequences()));
                }
            }
        }
        return out;
    }

    /**
     * One entry per (place, call that wrote it), in place order then call order; at most {@code limit} entries.
     * Before is the moment just before the call, after the moment just after it.
     */
    static List<DiffEntry> entries(History history, List<Place> places, int limit) {
        List<DiffEntry> out = new ArrayList<>();
        for (Place p : places) {
            for (long sequence : p.sequences()) {
                if (out.size() >= limit) {
                    return out;
                }
                List<Step> step = history.steps(sequence, sequence);
                if (step.isEmpty()) {
                    continue; // dropped past the horizon since the diff was made
                }
                out.add(new DiffEntry(p.start(), p.end(), step.get(0), bytes(history.at(sequence - 1), p),
                        bytes(history.at(sequence), p)));
            }
        }
        return out;
    }

    /**
     * One entry per structural change of {@code diff} (every process's: what exists is the kernel's), in call
     * order, at most {@code limit}; a change whose call fell past the horizon since the diff was made is left out.
     */
    static List<DiffEntry> structure(History history, Diff diff, int limit) {
        List<DiffEntry> out = new ArrayList<>();
        for (Diff.Change c : diff.structure()) {
            if (out.size() >= limit) {
                break;
            }
            List<Step> step = history.steps(c.sequence(), c.sequence());
            if (!step.isEmpty()) {
                out.add(DiffEntry.of(step.get(0), c.change()));
            }
        }
        return out;
    }

    /** The number of entries {@link #entries} would give without a limit. */
    static long count(List<Place> places) {
        return places.stream().mapToLong(p -> p.sequences().size()).sum();
    }

    private static String bytes(Optional<Moment> moment, Place p) {
        byte[] into = new byte[(int) Math.min(SHOWN, p.end() - p.start())];
        if (moment.isEmpty() || !moment.get().readVmo(p.vmoKoid(), p.vmoOffset(), into)) {
            return "";
        }
        String hex = HexFormat.ofDelimiter(" ").formatHex(into);
        return p.end() - p.start() > SHOWN ? hex + " \u2026" : hex;
    }
}
