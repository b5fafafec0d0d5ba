package memscope.app.status;

import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/**
 * The line at the very bottom: the outcome of the last thing the user did, styled ok / partial / error so a
 * refusal is seen at a glance. The right side shows which handle and which kernel personality edits go through.
 */
public final class StatusPane {
    private static final String PREFIX = "status-";
    private final StatusBar bar = new StatusBar();
    private final Label editor = new Label();
    private final Label personality = new Label();
    private Supplier<String> words = () -> "";

    public StatusPane() {
        bar.setId("statusPane");
        bar.getStyleClass().add("status-pane");
        editor.getStyleClass().add("status-editor");
        editor.setId("editorLabel");
        personality.setId("personalityLabel");
        personality.getStyleClass().add("status-editor");
        bar.getRightItems().addAll(editor, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                personality);
        // a long line ends in an ellipsis before the notes on the right, which keep their width; hover shows it all
        editor.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        personality.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(bar.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(800);
        bar.setTooltip(whole);
        bar.skinProperty().addListener((o, was, skin) -> {
            if (bar.lookup(".status-label") instanceof Label text) {
                text.setMinWidth(0);
                text.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            }
        });
    }

    public StatusBar node() {
        return bar;
    }

    public String text() {
        return bar.getText();
    }

    /**
     * Re-words the line whenever {@code language} changes, so a message shown before a language switch does not
     * stay in the old language.
     */
    public void followLanguage(ObservableValue<?> language) {
        language.addListener((o, was, now) -> bar.setText(words.get()));
    }

    /** Shows {@code text}, worded now and again after each language switch (so it must read current state). */
    public void show(Supplier<String> text, Outcome outcome) {
        words = text;
        bar.setText(text.get());
        bar.getStyleClass().removeIf(c -> c.startsWith(PREFIX) && !c.equals("status-pane"));
        bar.getStyleClass().add(PREFIX + outcome.styleClass());
    }

    /** Shows text that is the same in every language, or was worded once on purpose. */
    public void show(String text, Outcome outcome) {
        show(() -> text, outcome);
    }

    /** A neutral message (moved, ready). */
    public void info(Supplier<String> text) {
        show(text, Outcome.OK);
    }

    /** The right-hand note: which handle edits go through. */
    public Label editorLabel() {
        return editor;
    }

    /** Right of it: which kernel personality edits go through. */
    public Label personalityLabel() {
        return personality;
    }
}
