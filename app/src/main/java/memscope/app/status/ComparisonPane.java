package memscope.app.status;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import memscope.app.Messages;

/**
 * The same write under both kernel personalities, side by side above the status pane: Zircon's outcome left,
 * Mach's right, each coloured ok / partial / error. Hidden until the first comparison.
 */
public final class ComparisonPane {
    private static final String PREFIX = "compare-";
    private final GridPane grid = new GridPane();
    private final Label title = new Label();
    private final Label zircon = outcomeLabel("compareZircon");
    private final Label mach = outcomeLabel("compareMach");

    public ComparisonPane(Messages messages) {
        grid.setId("comparison");
        grid.getStyleClass().add("comparison-pane");
        grid.setPadding(new Insets(4, 8, 4, 8));
        grid.setHgap(16);
        grid.setVgap(2);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        title.setId("compareTitle");
        title.getStyleClass().add("compare-title");
        grid.add(title, 0, 0, 2, 1);
        grid.add(header(messages, "personality.zircon"), 0, 1);
        grid.add(header(messages, "personality.mach"), 1, 1);
        grid.add(zircon, 0, 2);
        grid.add(mach, 1, 2);
        // a long Mach line wraps: keep both outcomes starting on the same line
        GridPane.setValignment(zircon, VPos.TOP);
        GridPane.setValignment(mach, VPos.TOP);
        grid.setVisible(false);
        grid.setManaged(false);
    }

    public Node node() {
        return grid;
    }

    public boolean isShowing() {
        return grid.isVisible();
    }

    public String zirconText() {
        return zircon.getText();
    }

    public String machText() {
        return mach.getText();
    }

    /** Shows one comparison: a title naming the write, and each personality's outcome in words. */
    public void show(String heading, String zirconOutcome, Outcome zirconStyle, String machOutcome,
                     Outcome machStyle) {
        title.setText(heading);
        set(zircon, zirconOutcome, zirconStyle);
        set(mach, machOutcome, machStyle);
        grid.setVisible(true);
        grid.setManaged(true);
    }

    private static void set(Label label, String text, Outcome outcome) {
        label.setText(text);
        label.getStyleClass().removeIf(c -> c.startsWith(PREFIX) && !c.equals("compare-outcome"));
        label.getStyleClass().add(PREFIX + outcome.styleClass());
    }

    private static Label header(Messages messages, String key) {
        Label l = new Label();
        l.textProperty().bind(messages.text(key));
        l.getStyleClass().add("compare-header");
        return l;
    }

    private static Label outcomeLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("compare-outcome");
        return l;
    }
}
