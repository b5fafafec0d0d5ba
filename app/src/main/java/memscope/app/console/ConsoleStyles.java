package memscope.app.console;

import java.util.Collection;
import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import memscope.model.script.ConsoleHighlighter;
import memscope.model.script.ConsoleHighlighter.Run;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Console syntax colours: the model's highlighter runs turned into RichTextFX style spans for the editor, or into
 * a text flow for showing one command elsewhere (a lesson step). Both use the {@code console-*} CSS classes, so
 * one stylesheet colours them alike.
 */
public final class ConsoleStyles {
    /** The class every highlighted piece of console text carries, so the stylesheet can scope its colours. */
    public static final String CONSOLE_TEXT = "console-text";
    /** The console's and the lesson panel's stylesheet. */
    public static final String STYLESHEET = ConsoleStyles.class.getResource("/memscope/app/teaching.css")
            .toExternalForm();

    private ConsoleStyles() {
    }

    /** Style spans covering {@code text} exactly, with {@code names} the handle names in scope. */
    public static StyleSpans<Collection<String>> spans(String text, Collection<String> names) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        List<Run> runs = ConsoleHighlighter.runs(text, names);
        if (runs.isEmpty()) {
            builder.add(List.of(), 0); // the builder refuses to create nothing
        }
        for (Run r : runs) {
            builder.add(r.styleClasses(), r.length());
        }
        return builder.create();
    }

    /** One command as coloured text, e.g. a lesson step's action. */
    public static TextFlow flow(String command, Collection<String> names) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(CONSOLE_TEXT);
        int at = 0;
        for (Run r : ConsoleHighlighter.runs(command, names)) {
            Text piece = new Text(command.substring(at, at + r.length()));
            piece.getStyleClass().addAll(r.styleClasses());
            flow.getChildren().add(piece);
            at += r.length();
        }
        return flow;
    }
}
