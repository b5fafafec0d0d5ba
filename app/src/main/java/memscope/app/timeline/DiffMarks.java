package memscope.app.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.paint.Color;
import memscope.app.hex.HexView;
import memscope.app.hex.Highlight;
import memscope.model.History;
import memscope.model.MapEntry;
import memscope.model.Moment;
import memscope.model.history.ByteRange;
import memscope.model.history.Diff;

/**
 * Diff in the hex view: the bytes that differ between two moments, placed through the process's mappings at the
 * later moment and tinted beside the other highlights (bookmarks keep theirs); clearing removes only these.
 */
final class DiffMarks {
    static final Color TINT = Color.web("#7fd1ff", 0.55);

    private final HexView hex;
    private final List<Highlight> mine = new ArrayList<>();

    DiffMarks(HexView hex) {
        this.hex = hex;
    }

    /** Marks what changed between {@code from} and {@code to} in {@code process}; returns the diff, if any. */
    Optional<Diff> show(History history, long process, long from, long to) {
        clear();
        Optional<Diff> diff = history.diff(from, to);
        Optional<Moment> later = history.at(Math.max(from, to));
        if (diff.isEmpty() || later.isEmpty()) {
            return Optional.empty();
        }
        List<MapEntry> maps = later.get().maps(process);
        for (ByteRange r : diff.get().bytes()) {
            for (MapEntry e : maps) {
                if (!e.isMapping() || e.vmoKoid() != r.vmoKoid()) {
                    continue;
                }
                long lo = Math.max(r.offset(), e.vmoOffset());
                long hi = Math.min(r.end(), e.vmoOffset() + e.size());
                if (lo < hi) {
                    mine.add(new Highlight(e.base() + (lo - e.vmoOffset()), e.base() + (hi - e.vmoOffset()), TINT));
                }
            }
        }
        List<Highlight> all = new ArrayList<>(hex.getHighlights());
        all.addAll(mine);
        hex.setHighlights(all);
        return diff;
    }

    /** The addresses marked now. */
    List<Highlight> marked() {
        return List.copyOf(mine);
    }

    void clear() {
        if (!mine.isEmpty()) {
            List<Highlight> rest = new ArrayList<>(hex.getHighlights());
            rest.removeAll(mine);
            mine.clear();
            hex.setHighlights(rest);
        }
    }
}
