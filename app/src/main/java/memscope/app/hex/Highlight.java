package memscope.app.hex;

import javafx.scene.paint.Color;

/** A range the view tints with {@code color} (a bookmark): {@code [start, end)}, drawn under the selection. */
public record Highlight(long start, long end, Color color) {
    public Highlight {
        if (end < start || color == null) {
            throw new IllegalArgumentException("a highlight needs start <= end and a colour");
        }
    }

    public boolean contains(long address) {
        return address >= start && address < end;
    }
}
