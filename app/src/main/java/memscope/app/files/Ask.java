package memscope.app.files;

import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * A question with named answers, shown without blocking: the answer arrives through a callback once the dialog
 * closes (so tests and the FX thread are never stuck inside a nested event loop). Each button gets the id of its
 * answer, for tests and accessibility.
 */
final class Ask {
    /** One button: {@code id} is what the callback receives. */
    record Choice(String id, String text, ButtonData data) {
    }

    private Ask() {
    }

    /**
     * Closing the dialog any other way (Escape, the window's close box) answers with the cancel-type choice. The
     * first choice is the default button (Enter): put the safe one first where the other would lose work.
     */
    static Alert ask(Window owner, String header, String content, Consumer<String> answer, Choice... choices) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("MemScope");
        alert.setHeaderText(header);
        alert.setContentText(content);
        alert.getButtonTypes().clear();
        String cancel = null;
        for (Choice c : choices) {
            ButtonType type = new ButtonType(c.text(), c.data());
            alert.getButtonTypes().add(type);
            alert.getDialogPane().lookupButton(type).setId(c.id());
            if (c.data() == ButtonData.CANCEL_CLOSE) {
                cancel = c.id();
            }
        }
        // after every button exists: each change to the list re-picks the default by ButtonData
        for (ButtonType type : alert.getButtonTypes()) {
            javafx.scene.control.Button b = (javafx.scene.control.Button) alert.getDialogPane().lookupButton(type);
            b.setDefaultButton(type.getText().equals(choices[0].text()));
        }
        String fallback = cancel;
        alert.setOnHidden(e -> {
            ButtonType chosen = alert.getResult();
            String id = fallback;
            for (Choice c : choices) {
                if (chosen != null && chosen.getText().equals(c.text())) {
                    id = c.id();
                }
            }
            answer.accept(id);
        });
        alert.show();
        return alert;
    }
}
