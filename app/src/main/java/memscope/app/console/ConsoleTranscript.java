package memscope.app.console;

import java.util.Collection;
import java.util.List;
import memscope.model.script.CommandResult;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * What the console's commands answered, one line each ({@code write app 0x1100000 de ad -> ZX_OK actual=2}),
 * green when the call succeeded in full, amber when partial, red when refused. Bounded like the syscall log.
 */
final class ConsoleTranscript {
    static final int MAX_LINES = 2000;

    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private int lines;

    ConsoleTranscript() {
        area.setId("consoleTranscript");
        area.getStyleClass().add("console-transcript");
        area.setEditable(false);
        area.setWrapText(false);
    }

    StyleClassedTextArea node() {
        return area;
    }

    String text() {
        return area.getText();
    }

    void append(List<CommandResult> results) {
        for (CommandResult r : results) {
            String style = !r.ok() ? "transcript-error" : r.actual() < r.requested() ? "transcript-partial"
                    : "transcript-ok";
            line(r.summary(), style);
        }
    }

    /** A grey note, e.g. that the console now talks to a fresh kernel. */
    void note(String text) {
        line(text, "transcript-note");
    }

    private void line(String text, String style) {
        String piece = (area.getLength() == 0 ? "" : "\n") + text;
        int start = area.getLength();
        area.appendText(piece);
        StyleSpansBuilder<Collection<String>> styles = new StyleSpansBuilder<>();
        styles.add(List.of(style), piece.length());
        area.setStyleSpans(start, styles.create());
        if (++lines > MAX_LINES) {
            area.deleteText(0, area.getAbsolutePosition(1, 0));
            lines--;
        }
        // caret at the start of the last line: scrolled down, but not sideways to the end of a long line
        area.moveTo(area.getParagraphs().size() - 1, 0);
        area.requestFollowCaret();
    }
}
