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
        List<String> low = below(List.of(HexTheme.LIGHT, HexTheme.DARK), MINIMUM);
        assertTrue(low.isEmpty(), "hex colours below " + MINIMUM + ":1: " + low);
    }

    /** The projector's high-contrast theme: 7:1 everywhere (nothing lighter than #595959 on white). */
    @Test
    void everyTextColourOfTheHighContrastThemeReadsAtSevenToOne() {
        assertTrue(memscope.app.Wcag.contrast(Color.web("#595959"), Color.WHITE) >= 7.0);
        List<String> low = below(List.of(HexTheme.HIGH_CONTRAST), 7.0);
        assertTrue(low.isEmpty(), "high-contrast hex colours below 7:1: " + low);
    }

    private static List<String> below(List<HexTheme> themes, double minimum) {
        List<String> low = new ArrayList<>();
        for (HexTheme theme : themes) {
            String name = theme == HexTheme.LIGHT ? "light" : theme == HexTheme.DARK ? "dark" : "high contrast";
            for (CellKind kind : CellKind.values()) {
                check(low, name + " " + kind + " text", theme.text(kind), theme.background(kind), minimum);
                if (kind.hasValue()) {
                    check(low, name + " " + kind + " zero", theme.zeroText, theme.background(kind), minimum);
                    check(low, name + " " + kind + " changed", theme.changedText, theme.background(kind), minimum);
                }
            }
            check(low, name + " header", theme.header, theme.gutter, minimum);
            check(low, name + " address", theme.address, theme.gutter, minimum);
            check(low, name + " address padding", theme.addressPadding, theme.gutter, minimum);
            check(low, name + " caret row address", theme.caretRowAddress, theme.gutter, minimum);
            check(low, name + " caret text", theme.caretText, theme.caret, minimum);
            check(low, name + " selected text", theme.text, theme.selection, minimum);
        }
        return low;
    }

    private static void check(List<String> low, String what, Color text, Color back, double minimum) {
        double ratio = memscope.app.Wcag.contrast(text, back);
        if (ratio < minimum) {
            low.add(String.format("%.2f:1 %s (%s on %s)", ratio, what, text, back));
        }
    }
}
