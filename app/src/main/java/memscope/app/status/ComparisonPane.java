package memscope.app.status;

import java.util.function.Supplier;

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

    /** The words of the comparison shown, asked again after a language switch. */
    private Supplier<String> heading = () -> "";
    private Supplier<String> zirconWords = () -> "";
    private Supplier<String> machWords = () -> "";

    public ComparisonPane(Messages messages) {
        messages.localeProperty().addListener((o, was, now) -> reword());
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

    /**
     * Shows one comparison: a title naming the write, and each personality's outcome in words; the suppliers
     * word them in the current language, now and after each switch.
     */
    public void show(Supplier<String> heading, Supplier<String> zirconOutcome, Outcome zirconStyle,
                     Supplier<String> machOutcome, Outcome machStyle) {
        this.heading = heading;
        this.zirconWords = zirconOutcome;
        this.machWords = machOutcome;
        reword();
        style(zircon, zirconStyle);
        style(mach, machStyle);
        grid.setVisible(true);
        grid.setManaged(true);
    }

    private void reword() {
        title.setText(heading.get());
        zircon.setText(zirconWords.get());
        mach.setText(machWords.get());
    }

    private static void style(Label label, Outcome outcome) {
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
