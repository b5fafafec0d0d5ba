package memscope.app.status;

import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/**
 * The line at the very bottom: the outcome of the last thing the user did, styled ok / partial / error so a
 * refusal is seen at a glance. The right side shows which handle edits go through.
 */
public final class StatusPane {
    private static final String PREFIX = "status-";
    private final StatusBar bar = new StatusBar();
    private final Label editor = new Label();

    public StatusPane() {
        bar.setId("statusPane");
        bar.getStyleClass().add("status-pane");
        editor.getStyleClass().add("status-editor");
        bar.getRightItems().add(editor);
    }

    public StatusBar node() {
        return bar;
    }

    public String text() {
        return bar.getText();
    }

    public void show(String text, Outcome outcome) {
        bar.setText(text);
        bar.getStyleClass().removeIf(c -> c.startsWith(PREFIX) && !c.equals("status-pane"));
        bar.getStyleClass().add(PREFIX + outcome.styleClass());
    }

    /** A neutral message (moved, ready). */
    public void info(String text) {
        show(text, Outcome.OK);
    }

    /** The right-hand note: which handle edits go through. */
    public Label editorLabel() {
        return editor;
    }
}
