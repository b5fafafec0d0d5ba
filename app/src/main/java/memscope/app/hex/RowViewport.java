package memscope.app.hex;

/**
 * Which rows of a source are on screen, in exact long arithmetic: a source may have 2^43 rows or more, far past
 * what int-indexed virtual lists address. Rows are aligned to 16-byte addresses; row 0 holds {@code start}.
 */
final class RowViewport {
    static final int ROW_BYTES = HexGeometry.BYTES_PER_ROW;

    private long base;
    private long rowCount;
    private int visibleRows = 1;
    private long topRow;

    /** Shows the source range {@code [start, end)} from its first row. */
    void reset(long start, long end) {
        base = start & -ROW_BYTES;
        rowCount = end > base ? ((end - 1 - base) >>> 4) + 1 : 0;
        topRow = 0;
    }

    long rowCount() {
        return rowCount;
    }

    /** Rows that fit completely; a page. At least 1. */
    int visibleRows() {
        return visibleRows;
    }

    void setVisibleRows(int rows) {
        visibleRows = Math.max(1, rows);
        setTop(topRow);
    }

    long top() {
        return topRow;
    }

    long maxTop() {
        return Math.max(0, rowCount - visibleRows);
    }

    long topAddress() {
        return rowAddress(topRow);
    }

    long rowOf(long address) {
        return (address - base) >>> 4;
    }

    long rowAddress(long row) {
        return base + row * ROW_BYTES;
    }

    /** Scrolls so {@code row} is the top row, as far as the end allows. */
    void setTop(long row) {
        topRow = Math.max(0, Math.min(row, maxTop()));
    }

    /** Scrolls by {@code rows} (negative = up), clamped to the source. */
    void scrollBy(long rows) {
        long target = topRow + rows;
        // overflow cannot happen for real sources, but a wheel spin must never wrap around
        if (rows > 0 && target < topRow) {
            target = Long.MAX_VALUE;
        }
        setTop(target);
    }

    boolean isVisible(long row) {
        return row >= topRow && row - topRow < visibleRows;
    }

    /** Scrolls the least needed to bring {@code row} fully on screen. */
    void reveal(long row) {
        if (row < topRow) {
            setTop(row);
        } else if (row - topRow >= visibleRows) {
            setTop(row - visibleRows + 1);
        }
    }
}
