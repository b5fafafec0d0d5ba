package memscope.app.controls;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import memscope.app.Messages;
import memscope.app.kernel.KernelSession;
import memscope.app.kernel.Personality;
import memscope.model.linux.LinuxWritePath;

/**
 * The switch that picks the kernel personality edits go through (Zircon, Mach or Linux, and Linux's path into
 * another process: {@code process_vm_writev} or {@code /proc/PID/mem}), and the "compare" row: the bytes to write and
 * the button that writes them under both personalities at the caret (or over the selection).
 */
public final class PersonalityControls {
    /** The bytes the comparison writes when the user has typed nothing else: int3, at home on a code page. */
    static final String DEFAULT_COMPARE_BYTES = "cc";

    private final VBox box = new VBox(6);
    private final ChoiceBox<Personality> choice = new ChoiceBox<>();
    private final ChoiceBox<LinuxWritePath> linuxPath = new ChoiceBox<>();
    private final TextField compareBytes = new TextField(DEFAULT_COMPARE_BYTES);

    public PersonalityControls(KernelSession session, Messages messages, Runnable compare) {
        choice.setId("personality");
        choice.getItems().setAll(Personality.values());
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setConverter(converter(messages));
        // a new converter makes the choice box re-render its items in the new language
        messages.localeProperty().addListener((o, was, now) -> choice.setConverter(converter(messages)));
        choice.setValue(session.personalityProperty().get());
        choice.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                session.personalityProperty().set(now);
            }
        });
        // the menu's shortcut flips the session's choice: show it here too
        session.personalityProperty().addListener((o, was, now) -> choice.setValue(now));

        linuxPath.setId("linuxPath");
        linuxPath.getItems().setAll(LinuxWritePath.values());
        linuxPath.setMaxWidth(Double.MAX_VALUE);
        linuxPath.setConverter(pathConverter(messages));
        messages.localeProperty().addListener((o, was, now) -> linuxPath.setConverter(pathConverter(messages)));
        linuxPath.valueProperty().bindBidirectional(session.linuxPathProperty());

        compareBytes.setId("compareValue");
        compareBytes.setPrefColumnCount(6);
        compareBytes.promptTextProperty().bind(messages.text("panel.compareBytes"));
        compareBytes.setOnAction(e -> compare.run());
        Button button = new Button();
        button.setId("compareWrite");
        button.textProperty().bind(messages.text("panel.compare"));
        button.setOnAction(e -> compare.run());
        HBox compareRow = new HBox(4, compareBytes, button);
        HBox.setHgrow(compareBytes, Priority.ALWAYS);
        Label hint = label(messages, "panel.compareHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("rights");
        box.getChildren().addAll(label(messages, "panel.personality"), choice, label(messages, "panel.linuxPath"),
                linuxPath, compareRow, hint);
    }

    public Node node() {
        return box;
    }

    /** The hex bytes typed for the comparison, as typed. */
    public String compareBytes() {
        return compareBytes.getText();
    }

    private static StringConverter<Personality> converter(Messages messages) {
        return new StringConverter<>() {
            @Override
            public String toString(Personality p) {
                return p == null ? "" : messages.get(p.messageKey());
            }

            @Override
            public Personality fromString(String text) {
                throw new UnsupportedOperationException("the personality is chosen, not typed");
            }
        };
    }

    private static StringConverter<LinuxWritePath> pathConverter(Messages messages) {
        return new StringConverter<>() {
            @Override
            public String toString(LinuxWritePath p) {
                return p == null ? "" : messages.get("live.path." + p.name());
            }

            @Override
            public LinuxWritePath fromString(String text) {
                throw new UnsupportedOperationException("the path is chosen, not typed");
            }
        };
    }

    private static Label label(Messages messages, String key) {
        Label l = new Label();
        l.textProperty().bind(messages.text(key));
        return l;
    }
}
