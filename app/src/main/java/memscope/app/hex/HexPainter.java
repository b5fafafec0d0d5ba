package memscope.app.hex;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Paints the visible rows of a {@link HexView} onto its canvas from one block of bytes read for them. Cells are
 * drawn in runs (one rectangle or one text call per stretch of equal colour) so a repaint costs a few hundred
 * canvas calls whatever the source's size.
 */
final class HexPainter {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    private static final int ROW = HexGeometry.BYTES_PER_ROW;

    /** Everything one repaint needs; the view fills it in before calling {@link #paint}. */
    static final class Frame {
        HexGeometry geometry;
        HexTheme theme;
        String addressHeading = "";
        double width;
        double height;
        long topAddress;
        int rows;
        long sourceStart;
        long sourceEnd;
        /** Bytes and kinds for {@code [blockStart, blockStart + blockLength)}. */
        byte[] data;
        CellKind[] kinds;
        long blockStart;
        int blockLength;
        long caret;
        AddressRange selection;
        HexColumn activeColumn;
        boolean focused;
        boolean lowNibblePending;
        ChangedRanges changed;
        AddressRange flashRange;
        double flashAlpha;
        java.util.List<Highlight> highlights = java.util.List.of();
    }

    private final char[] hexText = new char[HexGeometry.hexChars()];
    private final char[] asciiText = new char[ROW];
    private final Color[] background = new Color[ROW];
    private final Color[] textColor = new Color[ROW];
    private final boolean[] bold = new boolean[ROW];
    /** Each cell's non-colour mark (read-only, executable, vDSO), so tint is not the only sign. */
    private final CellMarks[] marks = new CellMarks[ROW];

    HexPainter() {
        // the separators between hex pairs are never rewritten, only the pairs themselves
        java.util.Arrays.fill(hexText, ' ');
    }

    void paint(GraphicsContext gc, Frame f) {
        HexGeometry g = f.geometry;
        HexTheme t = f.theme;
        gc.setTextBaseline(VPos.BASELINE);
        gc.setFill(t.background);
        gc.fillRect(0, 0, f.width, f.height);
        gc.setFill(t.gutter);
        gc.fillRect(0, 0, g.hexSeparatorX(), f.height);
        gc.fillRect(0, 0, f.width, g.rowHeight);
        paintHeader(gc, f);
        for (int r = 0; r < f.rows; r++) {
            paintRow(gc, f, r, f.topAddress + (long) r * ROW, g.rowHeight * (r + 1));
        }
        gc.setStroke(t.gridLine);
        gc.setLineWidth(1);
        double sepHex = Math.floor(g.hexSeparatorX()) + 0.5;
        double sepAscii = Math.floor(g.asciiSeparatorX()) + 0.5;
        gc.strokeLine(sepHex, 0, sepHex, f.height);
        gc.strokeLine(sepAscii, 0, sepAscii, f.height);
        gc.strokeLine(0, g.rowHeight - 0.5, f.width, g.rowHeight - 0.5);
    }

    private void paintHeader(GraphicsContext gc, Frame f) {
        HexGeometry g = f.geometry;
        gc.setFont(g.font);
        gc.setFill(f.theme.header);
        gc.fillText(f.addressHeading, g.addressX, g.baseline);
        for (int i = 0; i < ROW; i++) {
            gc.fillText("0" + DIGITS[i], g.hexCellX(i), g.baseline);
        }
        gc.fillText("0123456789abcdef", g.asciiX, g.baseline);
    }

    private void paintRow(GraphicsContext gc, Frame f, int r, long rowAddress, double y) {
        HexGeometry g = f.geometry;
        HexTheme t = f.theme;
        boolean caretRow = f.caret - rowAddress >= 0 && f.caret - rowAddress < ROW;
        paintAddress(gc, f, rowAddress, caretRow, y);

        int first = ROW;
        int last = -1;
        for (int i = 0; i < ROW; i++) {
            long a = rowAddress + i;
            if (a < f.sourceStart || a >= f.sourceEnd) {
                background[i] = null;
                textColor[i] = null;
                marks[i] = CellMarks.NONE;
                hexText[HexGeometry.hexCharIndex(i)] = ' ';
                hexText[HexGeometry.hexCharIndex(i) + 1] = ' ';
                asciiText[i] = ' ';
                continue;
            }
            first = Math.min(first, i);
            last = i;
            describeCell(f, i, a);
        }
        if (last < 0) {
            return;
        }
        paintBackgrounds(gc, f, y);
        paintMarks(gc, f, y);
        paintFlash(gc, f, rowAddress, first, last, y);
        int caretCell = caretRow ? (int) (f.caret - rowAddress) : -1;
        if (caretCell >= 0 && textColor[caretCell] != null) {
            paintCaret(gc, f, caretCell, y);
        }
        paintText(gc, f, HexColumn.HEX, y, caretCell);
        paintText(gc, f, HexColumn.ASCII, y, caretCell);
    }

    /** The row's address, its leading zeros dimmed; bold on the caret's row. */
    private void paintAddress(GraphicsContext gc, Frame f, long rowAddress, boolean caretRow, double y) {
        HexGeometry g = f.geometry;
        String text = address(rowAddress, g.addressDigits);
        int padding = 0;
        while (padding < text.length() - 1 && text.charAt(padding) == '0') {
            padding++;
        }
        gc.setFont(caretRow ? g.boldFont : g.font);
        gc.setFill(f.theme.addressPadding);
        gc.fillText(text.substring(0, padding), g.addressX, y + g.baseline);
        gc.setFill(caretRow ? f.theme.caretRowAddress : f.theme.address);
        gc.fillText(text.substring(padding), g.addressX + padding * g.charWidth, y + g.baseline);
    }

    /** Fills the per-cell arrays (text, colours) for the byte at {@code a}, shown in cell {@code i}. */
    private void describeCell(Frame f, int i, long a) {
        HexTheme t = f.theme;
        int index = (int) (a - f.blockStart);
        CellKind kind = f.kinds[index];
        int value = f.data[index] & 0xff;
        int h = HexGeometry.hexCharIndex(i);
        boolean changed = f.changed.contains(a);
        bold[i] = changed && kind.hasValue();
        marks[i] = CellMarks.of(kind);
        background[i] = f.selection.contains(a) ? t.selection : highlightOr(f, a, t.background(kind));
        if (kind == CellKind.UNMAPPED) {
            hexText[h] = '.';
            hexText[h + 1] = '.';
            asciiText[i] = ' ';
            textColor[i] = t.text(kind);
        } else if (kind == CellKind.UNREADABLE) {
            hexText[h] = '?';
            hexText[h + 1] = '?';
            asciiText[i] = '?';
            textColor[i] = t.text(kind);
        } else {
            hexText[h] = DIGITS[value >>> 4];
            hexText[h + 1] = DIGITS[value & 0xf];
            asciiText[i] = value >= 0x20 && value < 0x7f ? (char) value : '.';
            textColor[i] = changed ? t.changedText : value == 0 ? t.zeroText : t.text(kind);
        }
    }

    /** The colour of the last highlight holding {@code a} (later ones are drawn on top), else {@code plain}. */
    private static Color highlightOr(Frame f, long a, Color plain) {
        for (int k = f.highlights.size() - 1; k >= 0; k--) {
            Highlight h = f.highlights.get(k);
            if (h.contains(a)) {
                return h.color();
            }
        }
        return plain;
    }

    private void paintBackgrounds(GraphicsContext gc, Frame f, double y) {
        HexGeometry g = f.geometry;
        double cw = g.charWidth;
        int i = 0;
        while (i < ROW) {
            Color c = background[i];
            int j = i;
            while (j + 1 < ROW && c != null && c.equals(background[j + 1])) {
                j++;
            }
            if (c != null && !c.equals(f.theme.background)) {
                gc.setFill(c);
                gc.fillRect(g.hexCellX(i) - cw / 2, y, g.hexCellX(j) - g.hexCellX(i) + 3 * cw, g.rowHeight);
                gc.fillRect(g.asciiCellX(i), y, (j - i + 1) * cw, g.rowHeight);
            }
            i = j + 1;
        }
    }

    /** Each run of cells with the same mark gets it once, under the hex and the ASCII columns alike. */
    private void paintMarks(GraphicsContext gc, Frame f, double y) {
        HexGeometry g = f.geometry;
        double cw = g.charWidth;
        int i = 0;
        while (i < ROW) {
            CellMarks m = marks[i];
            int j = i;
            while (j + 1 < ROW && marks[j + 1] == m) {
                j++;
            }
            if (m != CellMarks.NONE) {
                double bottom = y + g.rowHeight;
                m.paint(gc, g.hexCellX(i) - cw / 2, g.hexCellX(j) - g.hexCellX(i) + 3 * cw, bottom, f.theme.header);
                m.paint(gc, g.asciiCellX(i), (j - i + 1) * cw, bottom, f.theme.header);
            }
            i = j + 1;
        }
    }

    private void paintFlash(GraphicsContext gc, Frame f, long rowAddress, int first, int last, double y) {
        if (f.flashRange == null || f.flashAlpha <= 0) {
            return;
        }
        long from = Math.max(f.flashRange.start(), rowAddress + first);
        long to = Math.min(f.flashRange.end(), rowAddress + last + 1);
        if (from >= to) {
            return;
        }
        HexGeometry g = f.geometry;
        int a = (int) (from - rowAddress);
        int b = (int) (to - 1 - rowAddress);
        Color c = f.theme.flash;
        gc.setFill(new Color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * f.flashAlpha));
        double cw = g.charWidth;
        gc.fillRect(g.hexCellX(a) - cw / 2, y, g.hexCellX(b) - g.hexCellX(a) + 3 * cw, g.rowHeight);
        gc.fillRect(g.asciiCellX(a), y, (b - a + 1) * cw, g.rowHeight);
    }

    /** A solid block in the column being edited, an outline in the other; grey outlines without focus. */
    private void paintCaret(GraphicsContext gc, Frame f, int i, double y) {
        HexGeometry g = f.geometry;
        HexTheme t = f.theme;
        for (HexColumn column : HexColumn.values()) {
            double x = g.cellX(column, i) - 1;
            double w = g.cellWidth(column) + 2;
            if (f.focused && column == f.activeColumn) {
                gc.setFill(t.caret);
                gc.fillRect(x, y + 1, w, g.rowHeight - 2);
                if (column == HexColumn.HEX && f.lowNibblePending) {
                    gc.setFill(t.caretText);
                    gc.fillRect(g.hexCellX(i) + g.charWidth, y + g.rowHeight - 4, g.charWidth, 1.5);
                }
            } else {
                gc.setStroke(f.focused ? t.caret : t.caretUnfocused);
                gc.setLineWidth(1.5);
                gc.strokeRect(x, y + 1.5, w, g.rowHeight - 3);
            }
        }
    }

    private void paintText(GraphicsContext gc, Frame f, HexColumn column, double y, int caretCell) {
        HexGeometry g = f.geometry;
        int caretHere = f.focused && column == f.activeColumn ? caretCell : -1;
        int i = 0;
        while (i < ROW) {
            Color c = colourOf(f, i, caretHere);
            if (c == null) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < ROW && bold[j + 1] == bold[i] && c.equals(colourOf(f, j + 1, caretHere))) {
                j++;
            }
            gc.setFont(bold[i] ? g.boldFont : g.font);
            gc.setFill(c);
            if (column == HexColumn.HEX) {
                int from = HexGeometry.hexCharIndex(i);
                int to = HexGeometry.hexCharIndex(j) + 2;
                gc.fillText(new String(hexText, from, to - from), g.hexCellX(i), y + g.baseline);
            } else {
                gc.fillText(new String(asciiText, i, j - i + 1), g.asciiCellX(i), y + g.baseline);
            }
            i = j + 1;
        }
    }

    /** Text on the solid caret block is drawn in the caret's text colour, everywhere else in the cell's own. */
    private Color colourOf(Frame f, int i, int caretCell) {
        return i == caretCell && textColor[i] != null ? f.theme.caretText : textColor[i];
    }

    static String address(long address, int digits) {
        char[] out = new char[digits];
        long a = address;
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = DIGITS[(int) (a & 0xf)];
            a >>>= 4;
        }
        return new String(out);
    }
}
