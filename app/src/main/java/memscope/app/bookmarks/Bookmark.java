package memscope.app.bookmarks;

import javafx.scene.paint.Color;

/** A named, coloured range {@code [start, end)} the user wants to come back to. */
public record Bookmark(String name, long start, long end, Color color) {
    public Bookmark {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a bookmark needs a name");
        }
        if (end <= start) {
            throw new IllegalArgumentException("a bookmark covers at least one byte");
        }
    }

    @Override
    public String toString() {
        long length = end - start;
        return String.format("%s  0x%x%s", name, start, length == 1 ? "" : " (" + length + " bytes)");
    }
}
