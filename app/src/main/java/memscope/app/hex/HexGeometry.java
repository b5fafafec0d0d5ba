package memscope.app.hex;

import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Where things sit in a {@link HexView}: the font and its cell size, the x of every hex and ASCII cell, the row
 * height, and the reverse (which cell a mouse position hits). Pure arithmetic once the font is measured.
 * Layout of one row, in characters: {@code address | xx xx xx xx xx xx xx xx  xx xx ... xx | aaaaaaaaaaaaaaaa}.
 */
final class HexGeometry {
    static final int BYTES_PER_ROW = 16;
    /** Monospace families tried in order; "Monospaced" is JavaFX's logical fallback, always present. */
    private static final List<String> MONO_FAMILIES =
            List.of("JetBrains Mono", "Cascadia Mono", "Consolas", "Menlo", "DejaVu Sans Mono", "Monospaced");
    private static final double PAD = 8;
    private static final int COLUMN_GAP_CHARS = 2;
    /** Asking the font system for its families is slow; the answer does not change while running. */
    private static volatile String chosenFamily;

    final Font font;
    final Font boldFont;
    final double charWidth;
    final double rowHeight;
    final double baseline;
    final int addressDigits;
    final double addressX;
    final double hexX;
    final double asciiX;
    final double width;

    HexGeometry(double fontSize, int addressDigits) {
        String family = pickFamily();
        this.font = Font.font(family, FontWeight.NORMAL, fontSize);
        this.boldFont = Font.font(family, FontWeight.BOLD, fontSize);
        Text probe = new Text("0123456789abcdef0123456789ABCDEF");
        probe.setFont(font);
        this.charWidth = probe.getLayoutBounds().getWidth() / 32;
        double lineHeight = probe.getLayoutBounds().getHeight();
        this.rowHeight = Math.ceil(lineHeight * 1.3);
        this.baseline = Math.round((rowHeight - lineHeight) / 2 + (-probe.getLayoutBounds().getMinY()));
        this.addressDigits = addressDigits;
        this.addressX = PAD;
        this.hexX = addressX + (addressDigits + COLUMN_GAP_CHARS) * charWidth;
        this.asciiX = hexX + (hexChars() + COLUMN_GAP_CHARS) * charWidth;
        this.width = asciiX + BYTES_PER_ROW * charWidth + PAD;
    }

    /** Hex digits needed to print every address up to {@code lastAddress}; at least 8. */
    static int digitsFor(long lastAddress) {
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(lastAddress, 1));
        return Math.max(8, (bits + 3) / 4);
    }

    /** Characters of one row's hex column: 16 pairs, a space between, one more between the two halves. */
    static int hexChars() {
        return BYTES_PER_ROW * 3;
    }

    /** Character index of byte {@code i}'s first hex digit within the hex column. */
    static int hexCharIndex(int i) {
        return i * 3 + (i >= BYTES_PER_ROW / 2 ? 1 : 0);
    }

    double hexCellX(int i) {
        return hexX + hexCharIndex(i) * charWidth;
    }

    double asciiCellX(int i) {
        return asciiX + i * charWidth;
    }

    double cellX(HexColumn column, int i) {
        return column == HexColumn.HEX ? hexCellX(i) : asciiCellX(i);
    }

    double cellWidth(HexColumn column) {
        return column == HexColumn.HEX ? 2 * charWidth : charWidth;
    }

    /** The x where the hex column's separator line sits (between the address and hex columns). */
    double hexSeparatorX() {
        return hexX - charWidth;
    }

    double asciiSeparatorX() {
        return asciiX - charWidth;
    }

    /** Which column an x falls in, or null for the address column and the margins. */
    HexColumn columnAt(double x) {
        if (x >= hexSeparatorX() && x < asciiSeparatorX()) {
            return HexColumn.HEX;
        }
        if (x >= asciiSeparatorX()) {
            return HexColumn.ASCII;
        }
        return null;
    }

    /** The byte index in a row (0..15) nearest to {@code x} within {@code column}; clamps outside the column. */
    int byteAt(HexColumn column, double x) {
        if (column == HexColumn.ASCII) {
            return clamp((int) Math.floor((x - asciiX) / charWidth));
        }
        // each hex cell owns its two digits plus half the gap on either side
        double chars = (x - hexX) / charWidth;
        int best = 0;
        for (int i = 1; i < BYTES_PER_ROW; i++) {
            if (chars >= hexCharIndex(i) - 0.5) {
                best = i;
            }
        }
        return best;
    }

    private static int clamp(int i) {
        return Math.max(0, Math.min(BYTES_PER_ROW - 1, i));
    }

    private static String pickFamily() {
        String known = chosenFamily;
        if (known != null) {
            return known;
        }
        chosenFamily = firstInstalledFamily();
        return chosenFamily;
    }

    private static String firstInstalledFamily() {
        List<String> installed = Font.getFamilies();
        for (String family : MONO_FAMILIES) {
            if (installed.contains(family)) {
                return family;
            }
        }
        return "Monospaced";
    }
}
