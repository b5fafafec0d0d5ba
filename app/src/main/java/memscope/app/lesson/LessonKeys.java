package memscope.app.lesson;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The lesson panel's keys: F6 / F7 / F8 step back, run the step and step on from anywhere in the window; inside
 * the panel a presenter's clicker (Page Up / Page Down) steps too. Each button's tooltip names its key.
 */
final class LessonKeys {
    static final KeyCombination PREVIOUS_KEY = new KeyCodeCombination(KeyCode.F6);
    static final KeyCombination PERFORM_KEY = new KeyCodeCombination(KeyCode.F7);
    static final KeyCombination NEXT_KEY = new KeyCodeCombination(KeyCode.F8);

    private LessonKeys() {
    }

    static void install(ScrollPane scroll, Button previous, Button perform, Button next) {
        tip(previous, PREVIOUS_KEY);
        tip(perform, PERFORM_KEY);
        tip(next, NEXT_KEY);
        scroll.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                // one by one: the accelerator map's key set fails on a bulk removeAll while it is iterated
                was.getAccelerators().remove(PREVIOUS_KEY);
                was.getAccelerators().remove(PERFORM_KEY);
                was.getAccelerators().remove(NEXT_KEY);
            }
            if (now != null) {
                now.getAccelerators().put(PREVIOUS_KEY, () -> fire(previous));
                now.getAccelerators().put(PERFORM_KEY, () -> fire(perform));
                now.getAccelerators().put(NEXT_KEY, () -> fire(next));
            }
        });
        scroll.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP) {
                fire(e.getCode() == KeyCode.PAGE_DOWN ? next : previous);
                e.consume();
            }
        });
    }

    /** Presses {@code b} only when a person could click it (visible, enabled). */
    private static void fire(Button b) {
        if (!b.isDisabled() && b.getScene() != null && b.isVisible()) {
            b.fire();
        }
    }

    private static void tip(Button b, KeyCombination key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(Bindings.concat(b.textProperty(), " (", key.getDisplayText(), ")"));
        b.setTooltip(t);
    }
}
