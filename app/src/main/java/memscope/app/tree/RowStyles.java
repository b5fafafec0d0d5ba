package memscope.app.tree;

import java.util.HashMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * What the stylesheets say a painted row looks like. One hidden label per kind of row and state (style classes
 * {@code tree-row} plus {@code row-process}, {@code row-vmar}, {@code row-shared}, {@code row-vdso},
 * {@code row-dead}, {@code row-document}; pseudo-classes {@code :selected} and {@code :odd}) sits inside the tree,
 * so every rule that styled the rows (memscope.css, the dark and high-contrast themes, the projector's font size)
 * still applies, and its text fill, font and background are what {@link CanvasTree} paints with. A change of any of
 * them (a theme switched, the tree focused) repaints.
 */
final class RowStyles {
    private static final String[] CLASSES = {"row-document", "row-vdso", "row-shared", "row-dead", "row-process",
        "row-vmar"};
    private static final int SELECTED = 1 << CLASSES.length;
    private static final int ODD = SELECTED << 1;
    private static final PseudoClass SELECTED_STATE = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ODD_STATE = PseudoClass.getPseudoClass("odd");

    private final Group holder;
    private final Runnable restyled;
    private final Map<Integer, Label> probes = new HashMap<>();

    RowStyles(Group holder, Runnable restyled) {
        this.holder = holder;
        this.restyled = restyled;
    }

    /** The style of {@code item}'s row, selected or not, at an odd or even row. */
    Label of(TreeItem<MappingRow> item, boolean selected, boolean odd) {
        return probe(kind(item) | (selected ? SELECTED : 0) | (odd ? ODD : 0));
    }

    /** A plain row's style: its font sets the rows' height and indent. */
    Label plain() {
        return probe(0);
    }

    private static int kind(TreeItem<MappingRow> item) {
        MappingRow row = item.getValue();
        if (row == null) {
            return 0;
        }
        int k = item instanceof DocumentItem ? 1 : 0;
        k |= row.vdso() ? 1 << 1 : 0;
        k |= row.shared() ? 1 << 2 : 0;
        k |= row.dead() ? 1 << 3 : 0;
        k |= row.kind() == MappingRow.Kind.PROCESS ? 1 << 4 : 0;
        k |= row.kind() == MappingRow.Kind.VMAR ? 1 << 5 : 0;
        return k;
    }

    private Label probe(int key) {
        Label probe = probes.get(key);
        if (probe != null) {
            return probe;
        }
        probe = new Label();
        probe.getStyleClass().setAll("tree-row");
        for (int i = 0; i < CLASSES.length; i++) {
            if ((key & (1 << i)) != 0) {
                probe.getStyleClass().add(CLASSES[i]);
            }
        }
        probe.pseudoClassStateChanged(SELECTED_STATE, (key & SELECTED) != 0);
        probe.pseudoClassStateChanged(ODD_STATE, (key & ODD) != 0);
        probe.setManaged(false);
        holder.getChildren().add(probe);
        probe.applyCss();
        probe.textFillProperty().addListener(o -> restyled.run());
        probe.fontProperty().addListener(o -> restyled.run());
        probe.backgroundProperty().addListener(o -> restyled.run());
        probes.put(key, probe);
        return probe;
    }

    static Paint fill(Label style) {
        return style.getTextFill();
    }

    static Font font(Label style) {
        return style.getFont();
    }

    /** The colour a row's text sits on (its topmost background fill), for the contrast checks. */
    static Paint background(Label style) {
        Background b = style.getBackground();
        return b == null || b.getFills().isEmpty() ? Color.TRANSPARENT
                : b.getFills().get(b.getFills().size() - 1).getFill();
    }
}
