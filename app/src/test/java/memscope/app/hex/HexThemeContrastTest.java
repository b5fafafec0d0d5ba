package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Every text colour the hex view paints reads at 4.5:1 or better on the background it is painted over. */
class HexThemeContrastTest {
    private static final double MINIMUM = 4.5;

    @Test
    void everyTextColourIsReadableInBothThemes() {
        List<String> low = new ArrayList<>();
        for (HexTheme theme : List.of(HexTheme.LIGHT, HexTheme.DARK)) {
            String name = theme == HexTheme.LIGHT ? "light" : "dark";
            for (CellKind kind : CellKind.values()) {
                check(low, name + " " + kind + " text", theme.text(kind), theme.background(kind));
                if (kind.hasValue()) {
                    check(low, name + " " + kind + " zero", theme.zeroText, theme.background(kind));
                    check(low, name + " " + kind + " changed", theme.changedText, theme.background(kind));
                }
            }
            check(low, name + " header", theme.header, theme.gutter);
            check(low, name + " address", theme.address, theme.gutter);
            check(low, name + " address padding", theme.addressPadding, theme.gutter);
            check(low, name + " caret row address", theme.caretRowAddress, theme.gutter);
            check(low, name + " caret text", theme.caretText, theme.caret);
            check(low, name + " selected text", theme.text, theme.selection);
        }
        assertTrue(low.isEmpty(), "hex colours below " + MINIMUM + ":1: " + low);
    }

    private static void check(List<String> low, String what, Color text, Color back) {
        double ratio = memscope.app.Wcag.contrast(text, back);
        if (ratio < MINIMUM) {
            low.add(String.format("%.2f:1 %s (%s on %s)", ratio, what, text, back));
        }
    }
}
