package memscope.app;

import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;

/**
 * OK and Cancel in the language the user chose. JavaFX's own {@link ButtonType#OK} and {@link ButtonType#CANCEL}
 * take their words from the JVM's locale at start, so after View › Language they would stay in the old language.
 */
public final class DialogButtons {
    private DialogButtons() {
    }

    public static ButtonType ok(Messages messages) {
        return new ButtonType(messages.get("dialog.ok"), ButtonData.OK_DONE);
    }

    public static ButtonType cancel(Messages messages) {
        return new ButtonType(messages.get("dialog.cancel"), ButtonData.CANCEL_CLOSE);
    }
}
