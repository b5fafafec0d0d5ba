package memscope.app.timeline;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import memscope.app.hex.HexView;
import memscope.app.hex.Highlight;

/**
 * Diff in the hex view: the bytes that differ between two moments ({@link DiffRows.Place}s, in shown addresses),
 * tinted beside the other highlights (bookmarks keep theirs); clearing removes only these.
 */
final class DiffMarks {
    static final Color TINT = Color.web("#7fd1ff", 0.55);

    private final HexView hex;
    private final List<Highlight> mine = new ArrayList<>();

    DiffMarks(HexView hex) {
        this.hex = hex;
    }

    /** Marks {@code places}, replacing the marks of the diff shown before. */
    void show(List<DiffRows.Place> places) {
        clear();
        for (DiffRows.Place p : places) {
            mine.add(new Highlight(p.start(), p.end(), TINT));
        }
        List<Highlight> all = new ArrayList<>(hex.getHighlights());
        all.addAll(mine);
        hex.setHighlights(all);
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
