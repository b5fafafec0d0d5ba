package memscope.app.hex;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The colours a {@link HexView} paints with; every text colour reads at 4.5:1 or better on what it is painted over
 * (HexThemeContrastTest), dimmed ones included. Every colour is given as a CSS colour string so a theme can be written
 * (or later loaded) the way a style sheet would say it; {@link #LIGHT} is the default.
 */
public final class HexTheme {
    /** Light theme: white page, tinted cells per mapping kind, a blue caret. */
    public static final HexTheme LIGHT = new Builder()
            .background("#ffffff").gutter("#f6f8fa").gridLine("#d8dee4").header("#57606a").address("#57606a")
            .addressPadding("#656d76")
            .caretRowAddress("#1f2328").text("#1f2328").zeroText("#5c6570").changedText("#b03a0a")
            .selection("#cce0ff").caret("#1f6feb").caretText("#ffffff").caretUnfocused("#8c959f")
            .flash("#e5393599")
            .kind(CellKind.UNMAPPED, "#f3f4f6", "#656d76")
            .kind(CellKind.WRITABLE, "#ffffff", "#1f2328")
            .kind(CellKind.READ_ONLY, "#eaf0f8", "#1f2328")
            .kind(CellKind.EXECUTABLE, "#e6f4ea", "#1f2328")
            .kind(CellKind.VDSO, "#f1e8fb", "#1f2328")
            .kind(CellKind.UNREADABLE, "#fdecea", "#b3261e")
            .build();

    /** Dark theme: the same meanings on a dark page, tints kept low so the text stays the brightest thing. */
    public static final HexTheme DARK = new Builder()
            .background("#0d1117").gutter("#161b22").gridLine("#30363d").header("#8b949e").address("#8b949e")
            .addressPadding("#7d8590")
            .caretRowAddress("#e6edf3").text("#e6edf3").zeroText("#8b949e").changedText("#ffa657")
            .selection("#1f3a5f").caret("#1f6feb").caretText("#ffffff").caretUnfocused("#6e7681")
            .flash("#f85149aa")
            .kind(CellKind.UNMAPPED, "#161b22", "#8b949e")
            .kind(CellKind.WRITABLE, "#0d1117", "#e6edf3")
            .kind(CellKind.READ_ONLY, "#131d2b", "#e6edf3")
            .kind(CellKind.EXECUTABLE, "#10231a", "#e6edf3")
            .kind(CellKind.VDSO, "#1f1630", "#e6edf3")
            .kind(CellKind.UNREADABLE, "#2d1517", "#ff7b72")
            .build();

    /**
     * High contrast, for a projector: black on white, every text at 7:1 or better on what it is painted over
     * (nothing lighter than #595959 on white); the kinds keep faint tints and their marks ({@link CellMarks}).
     */
    public static final HexTheme HIGH_CONTRAST = new Builder()
            .background("#ffffff").gutter("#ffffff").gridLine("#000000").header("#000000").address("#000000")
            .addressPadding("#4d4d4d")
            .caretRowAddress("#000000").text("#000000").zeroText("#4d4d4d").changedText("#8b1a00")
            .selection("#b3d1ff").caret("#0033aa").caretText("#ffffff").caretUnfocused("#4d4d4d")
            .flash("#e5393599")
            .kind(CellKind.UNMAPPED, "#ffffff", "#4d4d4d")
            .kind(CellKind.WRITABLE, "#ffffff", "#000000")
            .kind(CellKind.READ_ONLY, "#eef3fb", "#000000")
            .kind(CellKind.EXECUTABLE, "#edf7ef", "#000000")
            .kind(CellKind.VDSO, "#f5effc", "#000000")
            .kind(CellKind.UNREADABLE, "#ffffff", "#8b1a00")
            .build();

    final Color background;
    final Color gutter;
    final Color gridLine;
    final Color header;
    final Color address;
    final Color addressPadding;
    final Color caretRowAddress;
    final Color text;
    final Color zeroText;
    final Color changedText;
    final Color selection;
    final Color caret;
    final Color caretText;
    final Color caretUnfocused;
    final Color flash;
    private final Map<CellKind, Color> kindBackground;
    private final Map<CellKind, Color> kindText;

    private HexTheme(Builder b) {
        background = b.background;
        gutter = b.gutter;
        gridLine = b.gridLine;
        header = b.header;
        address = b.address;
        addressPadding = b.addressPadding;
        caretRowAddress = b.caretRowAddress;
        text = b.text;
        zeroText = b.zeroText;
        changedText = b.changedText;
        selection = b.selection;
        caret = b.caret;
        caretText = b.caretText;
        caretUnfocused = b.caretUnfocused;
        flash = b.flash;
        kindBackground = new EnumMap<>(b.kindBackground);
        kindText = new EnumMap<>(b.kindText);
        for (CellKind kind : CellKind.values()) {
            if (!kindBackground.containsKey(kind)) {
                throw new IllegalStateException("theme gives no colours for cell kind " + kind);
            }
        }
    }

    /** The tint behind a cell of this kind. */
    public Color background(CellKind kind) {
        return kindBackground.get(kind);
    }

    /** The text colour of a cell of this kind. */
    public Color text(CellKind kind) {
        return kindText.get(kind);
    }

    /** Builds a theme from CSS colour strings ({@code "#rrggbb"}, {@code "#rrggbbaa"}, names, {@code rgb()}). */
    public static final class Builder {
        private Color background;
        private Color gutter;
        private Color gridLine;
        private Color header;
        private Color address;
        private Color addressPadding;
        private Color caretRowAddress;
        private Color text;
        private Color zeroText;
        private Color changedText;
        private Color selection;
        private Color caret;
        private Color caretText;
        private Color caretUnfocused;
        private Color flash;
        private final Map<CellKind, Color> kindBackground = new EnumMap<>(CellKind.class);
        private final Map<CellKind, Color> kindText = new EnumMap<>(CellKind.class);

        public Builder background(String css) { background = Color.web(css); return this; }
        public Builder gutter(String css) { gutter = Color.web(css); return this; }
        public Builder gridLine(String css) { gridLine = Color.web(css); return this; }
        public Builder header(String css) { header = Color.web(css); return this; }
        public Builder address(String css) { address = Color.web(css); return this; }
        /** The leading zeros of an address, dimmed so the significant digits stand out. */
        public Builder addressPadding(String css) { addressPadding = Color.web(css); return this; }
        public Builder caretRowAddress(String css) { caretRowAddress = Color.web(css); return this; }
        public Builder text(String css) { text = Color.web(css); return this; }
        public Builder zeroText(String css) { zeroText = Color.web(css); return this; }
        public Builder changedText(String css) { changedText = Color.web(css); return this; }
        public Builder selection(String css) { selection = Color.web(css); return this; }
        public Builder caret(String css) { caret = Color.web(css); return this; }
        public Builder caretText(String css) { caretText = Color.web(css); return this; }
        public Builder caretUnfocused(String css) { caretUnfocused = Color.web(css); return this; }
        public Builder flash(String css) { flash = Color.web(css); return this; }

        public Builder kind(CellKind kind, String backgroundCss, String textCss) {
            kindBackground.put(kind, Color.web(backgroundCss));
            kindText.put(kind, Color.web(textCss));
            return this;
        }

        public HexTheme build() {
            return new HexTheme(this);
        }
    }
}
