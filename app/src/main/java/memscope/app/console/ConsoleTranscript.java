package memscope.app.console;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import memscope.app.Messages;
import memscope.model.script.CommandResult;
import memscope.model.text.Text;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * What the console's commands answered, one line each ({@code write app 0x1100000 de ad -> ZX_OK actual=2}),
 * green when the call succeeded in full, amber when partial, red when refused. Bounded like the syscall log.
 * Each line is kept as words to render rather than as text, so a language switch re-words the whole transcript.
 */
final class ConsoleTranscript {
    static final int MAX_LINES = 2000;

    /** One transcript line: how to word it now, and its style class. */
    private record Entry(Supplier<String> words, String style) {
    }

    private final Messages messages;
    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private final Deque<Entry> entries = new ArrayDeque<>();

    ConsoleTranscript(Messages messages) {
        this.messages = messages;
        area.setId("consoleTranscript");
        area.getStyleClass().add("console-transcript");
        area.setEditable(false);
        area.setWrapText(false);
        messages.localeProperty().addListener((o, was, now) -> reword());
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
            Text summary = r.summaryText(); // kept instead of the result, whose read bytes may be large
            line(new Entry(() -> messages.render(summary), style));
        }
    }

    /** A line worded by {@code words} (again after a language switch), styled {@code style}. */
    void line(Supplier<String> words, String style) {
        line(new Entry(words, style));
    }

    /** A grey note, e.g. that the console now talks to a fresh kernel; worded again after a language switch. */
    void note(Supplier<String> words) {
        line(new Entry(words, "transcript-note"));
    }

    private void line(Entry entry) {
        String piece = (entries.isEmpty() ? "" : "\n") + entry.words().get();
        entries.addLast(entry);
        int start = area.getLength();
        area.appendText(piece);
        area.setStyleSpans(start, single(entry.style(), piece.length()));
        if (entries.size() > MAX_LINES) {
            entries.removeFirst();
            area.deleteText(0, area.getAbsolutePosition(1, 0));
        }
        followEnd();
    }

    /** Writes every kept line again in the current language, styles and order unchanged. */
    private void reword() {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        StyleSpansBuilder<Collection<String>> styles = new StyleSpansBuilder<>();
        boolean first = true;
        for (Entry e : entries) {
            String piece = (first ? "" : "\n") + e.words().get();
            first = false;
            text.append(piece);
            styles.add(List.of(e.style()), piece.length());
        }
        area.replaceText(text.toString());
        area.setStyleSpans(0, styles.create());
        followEnd();
    }

    private static StyleSpans<Collection<String>> single(String style, int length) {
        StyleSpansBuilder<Collection<String>> styles = new StyleSpansBuilder<>();
        styles.add(List.of(style), length);
        return styles.create();
    }

    /** Caret at the start of the last line: scrolled down, but not sideways to the end of a long line. */
    private void followEnd() {
        area.moveTo(area.getParagraphs().size() - 1, 0);
        area.requestFollowCaret();
    }
}
