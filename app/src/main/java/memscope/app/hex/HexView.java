package memscope.app.hex;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;

/**
 * A virtualized hex editor: address column, 16 bytes per row in hex, ASCII column, caret and selection. Only the
 * visible rows are painted, on one canvas, from one {@link ByteSource#read} per repaint; row numbers are longs, so
 * a source spanning the whole 47-bit address space (2^43 rows) scrolls as well as a 4 KiB one. Typed bytes go to
 * the {@link #editHandlerProperty() edit handler}; the view never changes memory itself.
 */
public final class HexView extends Region {
    private static final double FONT_SIZE = 13;
    private static final int PREF_ROWS = 24;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final ObjectProperty<EditHandler> editHandler = new SimpleObjectProperty<>(this, "editHandler");
    private final ReadOnlyLongWrapper caret = new ReadOnlyLongWrapper(this, "caret");
    private final ReadOnlyObjectWrapper<AddressRange> selection =
            new ReadOnlyObjectWrapper<>(this, "selection", AddressRange.empty(0));
    private final ReadOnlyLongWrapper topAddress = new ReadOnlyLongWrapper(this, "topAddress");
    private final StringProperty addressHeading = new SimpleStringProperty(this, "addressHeading", "Address");
    private final RowViewport viewport = new RowViewport();
    private final HexCursor cursor = new HexCursor();
    private final ChangedRanges changes = new ChangedRanges();
    private final HexPainter painter = new HexPainter();
    private final HexPainter.Frame frame = new HexPainter.Frame();
    private final HexTyping typing = new HexTyping(this);
    private final HexFlash flash = new HexFlash(this::requestRepaint);
    private ByteSource source;
    private HexGeometry geometry = new HexGeometry(FONT_SIZE, 8);
    /** The projector's zoom: the font is FONT_SIZE times this (1 to 2.5), painted sharp rather than magnified. */
    private double zoom = 1;
    private HexTheme theme = HexTheme.LIGHT;
    private HexColumn activeColumn = HexColumn.HEX;
    private byte[] data = new byte[0];
    private CellKind[] kinds = new CellKind[0];
    private boolean dirty = true;
    /** Set by refresh(): the bytes on screen may have changed, so the next repaint reads even the same block. */
    private boolean bytesStale = true;
    private boolean syncingScrollBar;
    private java.util.List<Highlight> highlights = java.util.List.of();

    public HexView() {
        getStyleClass().add("hex-view");
        setFocusTraversable(true);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setFocusTraversable(false);
        scrollBar.valueProperty().addListener((obs, old, value) -> scrollBarMoved(value.doubleValue()));
        getChildren().addAll(canvas, scrollBar);
        focusedProperty().addListener((obs, was, is) -> requestRepaint());
        addressHeading.addListener((obs, was, is) -> requestRepaint());
        new HexInput(this, canvas).install();
        syncScrollBar();
    }

    // ---- the agreed API ----

    /** Paints the bytes {@code factor} times larger (the projector's zoom, 1 to 2.5); the caret stays where it is. */
    public void setZoom(double factor) {
        double z = Math.max(1, Math.min(2.5, factor));
        if (z == zoom) {
            return;
        }
        zoom = z;
        geometry = new HexGeometry(FONT_SIZE * zoom, geometry.addressDigits);
        requestLayout();
        requestRepaint();
    }

    public double zoom() {
        return zoom;
    }

    /** Shows {@code s} from its start, caret on its first byte; forgets changes marked for the old source. */
    public void setSource(ByteSource s) {
        long start = s == null ? 0 : s.start();
        long end = s == null ? 0 : s.end();
        if (end < start) {
            throw new IllegalArgumentException(String.format(
                    "byte source ends (0x%x) before it starts (0x%x)", end, start));
        }
        source = s;
        geometry = new HexGeometry(FONT_SIZE * zoom, HexGeometry.digitsFor(Math.max(start, end - 1)));
        viewport.reset(start, end);
        cursor.reset(start, end);
        changes.clear();
        flash.stop();
        typing.reset();
        bytesStale = true;
        requestLayout();
        cursorMoved(false);
    }

    public ByteSource getSource() {
        return source;
    }

    public ObjectProperty<EditHandler> editHandlerProperty() {
        return editHandler;
    }

    public ReadOnlyLongProperty caretProperty() {
        return caret.getReadOnlyProperty();
    }

    /** The selected bytes {@code [start, end)}; an empty range at the caret when nothing is selected. */
    public ReadOnlyObjectProperty<AddressRange> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The heading over the address column; the window binds it to the current language. */
    public StringProperty addressHeadingProperty() {
        return addressHeading;
    }

    /** The address of the first visible row. */
    public ReadOnlyLongProperty topAddressProperty() {
        return topAddress.getReadOnlyProperty();
    }

    /** Whether the row holding {@code address} is on screen now. */
    public boolean isVisible(long address) {
        return viewport.isVisible(viewport.rowOf(cursor.clamp(address)));
    }

    /** Puts the caret on {@code address} (clamped to the source); a row off screen scrolls to the top. */
    public void goTo(long address) {
        long target = cursor.clamp(address);
        if (!viewport.isVisible(viewport.rowOf(target))) {
            viewport.setTop(viewport.rowOf(target));
        }
        moveCaret(target, false);
    }

    /** Selects {@code [start, end)} with the caret on its last byte, scrolled into view. */
    public void select(long start, long end) {
        typing.reset();
        cursor.select(start, end);
        cursorMoved(true);
    }

    /**
     * Re-reads and repaints the visible rows (call after memory changed). Repaints for the caret, the selection or
     * a flash reuse the bytes already read, so they cost the source (and the kernel's syscall log) nothing.
     */
    public void refresh() {
        bytesStale = true;
        requestRepaint();
    }

    /** Highlights {@code [address, address+length)} as changed until {@link #clearChanges()}. */
    public void markChanged(long address, long length) {
        changes.add(address, length);
        requestRepaint();
    }

    /** Whether {@code address} is marked as changed. */
    public boolean isMarkedChanged(long address) {
        return changes.contains(address);
    }

    /** Takes the changed mark off {@code [address, address+length)} (its bytes are the original ones again). */
    public void unmarkChanged(long address, long length) {
        changes.remove(address, length);
        requestRepaint();
    }

    public void clearChanges() {
        changes.clear();
        requestRepaint();
    }

    /** Briefly highlights a range (a refused write): red fading out over about a second. */
    public void flash(long address, long length) {
        if (length > 0) {
            flash.start(address, length);
            requestRepaint();
        }
    }

    // ---- additions ----

    public HexColumn getActiveColumn() {
        return activeColumn;
    }

    /** Switches the column typing goes to (Tab does this too). */
    public void setActiveColumn(HexColumn column) {
        if (column != null && column != activeColumn) {
            activeColumn = column;
            typing.reset();
            requestRepaint();
        }
    }

    /** Rows that fit fully on screen: what Page Up/Down moves by. */
    public int getVisibleRowCount() {
        return viewport.visibleRows();
    }

    public HexTheme getTheme() {
        return theme;
    }

    public HexTheme theme() {
        return theme;
    }

    public void setTheme(HexTheme theme) {
        this.theme = theme == null ? HexTheme.LIGHT : theme;
        requestRepaint();
    }

    /** Tints these ranges (bookmarks) until the next call; the selection is drawn over them. */
    public void setHighlights(java.util.List<Highlight> ranges) {
        highlights = java.util.List.copyOf(ranges);
        requestRepaint();
    }

    public java.util.List<Highlight> getHighlights() {
        return highlights;
    }

    // ---- for the input handlers and tests in this package ----

    HexGeometry geometry() {
        return geometry;
    }

    RowViewport viewport() {
        return viewport;
    }

    HexCursor cursor() {
        return cursor;
    }

    HexTyping typing() {
        return typing;
    }

    boolean hasBytes() {
        return source != null && source.end() > source.start();
    }

    /** Moves the caret and scrolls the least needed to show it. */
    void moveCaret(long address, boolean extend) {
        typing.reset();
        cursor.moveTo(address, extend);
        cursorMoved(true);
    }

    void moveCaretBy(long delta, boolean extend) {
        typing.reset();
        cursor.moveBy(delta, extend);
        cursorMoved(true);
    }

    /** Page Up/Down: the view and the caret move together by one page. */
    void page(int direction, boolean extend) {
        long rows = (long) viewport.visibleRows() * direction;
        viewport.scrollBy(rows);
        moveCaretBy(rows * RowViewport.ROW_BYTES, extend);
    }

    void scrollRows(long rows) {
        viewport.scrollBy(rows);
        syncScrollBar();
        requestRepaint();
    }

    /** The address under a point of the canvas, or the nearest byte in the nearest row. */
    long addressAt(double x, double y) {
        long row = viewport.top() + (long) Math.floor((y - geometry.rowHeight) / geometry.rowHeight);
        HexColumn column = geometry.columnAt(x);
        int index = column == null ? 0 : geometry.byteAt(column, x);
        row = Math.max(0, Math.min(row, Math.max(0, viewport.rowCount() - 1)));
        return cursor.clamp(viewport.rowAddress(row) + index);
    }

    /** Reads one byte for an edit; {@code kind[0]} says whether it has a value. */
    int readByte(long address, CellKind[] kind) {
        byte[] one = new byte[1];
        source.read(address, one, kind, 1);
        return one[0] & 0xff;
    }

    EditHandler editHandler() {
        return editHandler.get();
    }

    void requestRepaint() {
        dirty = true;
        setNeedsLayout(true);
    }

    private void cursorMoved(boolean reveal) {
        if (reveal) {
            viewport.reveal(viewport.rowOf(cursor.caret()));
        }
        caret.set(cursor.caret());
        selection.set(cursor.selection());
        syncScrollBar();
        requestRepaint();
    }

    private void scrollBarMoved(double value) {
        if (syncingScrollBar) {
            return;
        }
        // row numbers below 2^53 are exact doubles; 2^47 bytes is only 2^43 rows
        viewport.setTop(Math.round(value));
        topAddress.set(viewport.topAddress());
        requestRepaint();
    }

    private void syncScrollBar() {
        syncingScrollBar = true;
        try {
            int page = viewport.visibleRows();
            scrollBar.setMin(0);
            scrollBar.setMax(viewport.maxTop());
            scrollBar.setVisibleAmount(page);
            scrollBar.setBlockIncrement(page);
            scrollBar.setUnitIncrement(1);
            scrollBar.setValue(viewport.top());
            scrollBar.setDisable(viewport.maxTop() == 0);
        } finally {
            syncingScrollBar = false;
        }
        topAddress.set(viewport.topAddress());
    }

    // ---- layout and painting ----

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + geometry.width + scrollBar.prefWidth(-1) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + geometry.rowHeight * (PREF_ROWS + 1) + in.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        double barWidth = scrollBar.prefWidth(-1);
        scrollBar.resizeRelocate(in.getLeft() + w - barWidth, in.getTop(), barWidth, h);
        double canvasWidth = Math.max(0, w - barWidth);
        canvas.relocate(in.getLeft(), in.getTop());
        if (canvas.getWidth() != canvasWidth || canvas.getHeight() != h) {
            canvas.setWidth(canvasWidth);
            canvas.setHeight(h);
            dirty = true;
        }
        int fullRows = (int) Math.floor((h - geometry.rowHeight) / geometry.rowHeight);
        if (fullRows != viewport.visibleRows()) {
            viewport.setVisibleRows(fullRows);
            viewport.reveal(viewport.rowOf(cursor.caret()));
            syncScrollBar();
            dirty = true;
        }
        if (dirty) {
            paint();
        }
    }

    /** One read of the visible block, then one pass over the canvas. */
    private void paint() {
        dirty = false;
        HexPainter.Frame f = frame;
        f.geometry = geometry;
        f.theme = theme;
        f.addressHeading = addressHeading.get();
        f.width = canvas.getWidth();
        f.height = canvas.getHeight();
        f.topAddress = viewport.topAddress();
        long rowsOnCanvas = (long) Math.ceil(Math.max(0, f.height - geometry.rowHeight) / geometry.rowHeight);
        f.rows = (int) Math.max(0, Math.min(rowsOnCanvas, viewport.rowCount() - viewport.top()));
        f.sourceStart = source == null ? 0 : source.start();
        f.sourceEnd = source == null ? 0 : source.end();
        long blockStart = Math.max(f.topAddress, f.sourceStart);
        long blockEnd = Math.min(f.topAddress + (long) f.rows * RowViewport.ROW_BYTES, f.sourceEnd);
        int blockLength = (int) Math.max(0, blockEnd - blockStart);
        if (bytesStale || blockStart != f.blockStart || blockLength != f.blockLength) {
            readBlock(blockStart, blockLength);
        }
        f.data = data;
        f.kinds = kinds;
        f.caret = cursor.caret();
        f.selection = cursor.selection();
        f.activeColumn = activeColumn;
        f.focused = isFocused();
        f.lowNibblePending = typing.lowNibblePending();
        f.changed = changes;
        f.highlights = highlights;
        f.flashRange = flash.range();
        f.flashAlpha = flash.strength();
        painter.paint(canvas.getGraphicsContext2D(), f);
    }

    /** The one source read of a repaint: every visible byte at once. */
    private void readBlock(long blockStart, int blockLength) {
        bytesStale = false;
        frame.blockStart = blockStart;
        frame.blockLength = blockLength;
        if (blockLength > data.length) {
            data = new byte[blockLength];
            kinds = new CellKind[blockLength];
        }
        if (blockLength > 0) {
            source.read(blockStart, data, kinds, blockLength);
        }
    }

    /** Whether a flash is still fading. */
    boolean isFlashing() {
        return flash.range() != null;
    }

    /** What the last repaint showed for {@code address} in the hex column ("41", "..", "??"), or null. */
    String shownHex(long address) {
        HexPainter.Frame f = frame;
        long index = address - f.blockStart;
        if (f.data == null || index < 0 || index >= f.blockLength) {
            return null;
        }
        CellKind kind = f.kinds[(int) index];
        if (kind == CellKind.UNMAPPED) {
            return "..";
        }
        if (kind == CellKind.UNREADABLE) {
            return "??";
        }
        return String.format("%02x", f.data[(int) index] & 0xff);
    }

    /** The address range the last repaint read and showed. */
    AddressRange shownRange() {
        return new AddressRange(frame.blockStart, frame.blockStart + frame.blockLength);
    }
}
