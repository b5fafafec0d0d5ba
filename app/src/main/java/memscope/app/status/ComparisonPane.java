package memscope.app.status;

import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import memscope.app.Messages;

/**
 * The same write under the three kernel personalities, side by side above the status pane, in the order they were
 * made: Mach's outcome left, Linux's in the middle, Zircon's right, each coloured ok / partial / error. Hidden until the first comparison;
 * its close button hides it again.
 */
public final class ComparisonPane {
    private static final String PREFIX = "compare-";
    private final GridPane grid = new GridPane();
    private final Label title = new Label();
    private final Label zircon = outcomeLabel("compareZircon");
    private final Label mach = outcomeLabel("compareMach");
    private final Label linux = outcomeLabel("compareLinux");

    /** The words of the comparison shown, asked again after a language switch. */
    private Supplier<String> heading = () -> "";
    private Supplier<String> zirconWords = () -> "";
    private Supplier<String> machWords = () -> "";
    private Supplier<String> linuxWords = () -> "";

    public ComparisonPane(Messages messages) {
        messages.localeProperty().addListener((o, was, now) -> reword());
        grid.setId("comparison");
        grid.getStyleClass().add("comparison-pane");
        grid.setPadding(new Insets(4, 8, 4, 8));
        grid.setHgap(16);
        grid.setVgap(2);
        ColumnConstraints third = new ColumnConstraints();
        third.setPercentWidth(100.0 / 3);
        grid.getColumnConstraints().addAll(third, third, third);
        title.setId("compareTitle");
        title.getStyleClass().add("compare-title");
        Button close = new Button("\u00d7");
        close.setId("compareClose");
        close.getStyleClass().add("compare-close");
        close.setFocusTraversable(false);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(messages.text("compare.close"));
        close.setTooltip(tip);
        close.setOnAction(e -> hide());
        HBox top = new HBox(8, title, new Region(), close);
        HBox.setHgrow(top.getChildren().get(1), Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        grid.add(top, 0, 0, 3, 1);
        grid.add(header(messages, "personality.mach"), 0, 1);
        grid.add(header(messages, "compare.linux"), 1, 1);
        grid.add(header(messages, "personality.zircon"), 2, 1);
        grid.add(mach, 0, 2);
        grid.add(linux, 1, 2);
        grid.add(zircon, 2, 2);
        // a long Mach line wraps: keep the outcomes starting on the same line
        GridPane.setValignment(zircon, VPos.TOP);
        GridPane.setValignment(mach, VPos.TOP);
        GridPane.setValignment(linux, VPos.TOP);
        grid.setVisible(false);
        grid.setManaged(false);
    }

    public Node node() {
        return grid;
    }

    public boolean isShowing() {
        return grid.isVisible();
    }

    /** Hides the comparison until the next one. */
    public void hide() {
        grid.setVisible(false);
        grid.setManaged(false);
    }

    public String zirconText() {
        return zircon.getText();
    }

    public String machText() {
        return mach.getText();
    }

    public String linuxText() {
        return linux.getText();
    }

    /**
     * Shows one comparison: a title naming the write, and each personality's outcome in words; the suppliers
     * word them in the current language, now and after each switch.
     */
    public void show(Supplier<String> heading, Supplier<String> zirconOutcome, Outcome zirconStyle,
                     Supplier<String> machOutcome, Outcome machStyle, Supplier<String> linuxOutcome,
                     Outcome linuxStyle) {
        this.heading = heading;
        this.zirconWords = zirconOutcome;
        this.machWords = machOutcome;
        this.linuxWords = linuxOutcome;
        reword();
        style(zircon, zirconStyle);
        style(mach, machStyle);
        style(linux, linuxStyle);
        grid.setVisible(true);
        grid.setManaged(true);
    }

    private void reword() {
        title.setText(heading.get());
        zircon.setText(zirconWords.get());
        mach.setText(machWords.get());
        linux.setText(linuxWords.get());
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
