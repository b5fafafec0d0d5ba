package memscope.app.status;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import memscope.app.Messages;
import memscope.app.startup.AfterFirstFrame;
import memscope.model.SyscallRecord;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Every syscall, newest last, one line each, coloured by outcome. A burst arrives as one batch and is appended
 * in one edit; the area keeps at most {@link #MAX_LINES} lines, so it never grows without bound. The calls are
 * kept as records, not text, so a language switch re-words every line.
 *
 * <p>The text area (RichTextFX, whose first classes cost about 0.25 s of the FX thread at start) is made after the
 * first frame, which shows an empty pane of its colour in its place (issue 14: start-up); calls logged before then
 * are kept as records and written into it when it is made, or when something asks for it first.
 */
public final class SyscallLog {
    public static final int MAX_LINES = 5000;

    /** Made after the first frame or when first asked for; null until then. */
    private StyleClassedTextArea area;
    /** Where the area goes; until then it holds an empty pane of the log's look. */
    private final StackPane slot = new StackPane();
    private final Messages messages;
    private final OutcomeDescriber describer;
    /** What each shown line says: a {@link SyscallRecord}, or a {@link Long} count of calls left out. */
    private final ArrayDeque<Object> shown = new ArrayDeque<>();

    public SyscallLog(Messages messages, OutcomeDescriber describer) {
        this.messages = messages;
        this.describer = describer;
        messages.localeProperty().addListener((o, was, now) -> reword());
        Region placeholder = new Region();
        // the area's background: the plain theme's by its own class, the dark theme's through the log's
        placeholder.getStyleClass().addAll("syscall-log-placeholder", "syscall-log");
        slot.getChildren().add(placeholder);
        AfterFirstFrame.run(slot, this::area);
    }

    /** The log with its scroll bars, for a layout. */
    public Region node() {
        return slot;
    }

    /** The text area itself, made now (with the lines logged so far) if it was not yet. */
    public StyleClassedTextArea area() {
        if (area == null) {
            area = new StyleClassedTextArea();
            area.setId("syscallLog");
            area.getStyleClass().add("syscall-log");
            area.setEditable(false);
            area.setWrapText(false);
            // long lines are not wrapped (one call, one line): the pane scrolls both ways instead
            slot.getChildren().setAll(new org.fxmisc.flowless.VirtualizedScrollPane<>(area));
            reword();
        }
        return area;
    }

    /** Whether the text area has been made (it waits for the first frame). */
    boolean areaMade() {
        return area != null;
    }

    public int lineCount() {
        return shown.size();
    }

    public void clear() {
        if (area != null) {
            area.clear();
        }
        shown.clear();
    }

    /** Appends a batch, oldest first; {@code dropped} older calls of the burst were not kept. */
    public void append(List<SyscallRecord> records, long dropped) {
        // only the newest MAX_LINES can survive the cap: format no more than that
        List<SyscallRecord> kept = records.size() > MAX_LINES
                ? records.subList(records.size() - MAX_LINES, records.size()) : records;
        long skipped = dropped + (records.size() - kept.size());
        List<Object> batch = new ArrayList<>(kept.size() + 1);
        if (skipped > 0) {
            batch.add(skipped);
        }
        batch.addAll(kept);
        if (area == null) {
            shown.addAll(batch); // written when the area is made
            while (shown.size() > MAX_LINES) {
                shown.removeFirst();
            }
            return;
        }
        int start = area.getLength();
        Lines added = lines(batch, start == 0);
        area.appendText(added.text.toString());
        area.setStyleSpans(start, added.styles.create());
        shown.addAll(batch);
        trim();
        showNewest();
    }

    /** Writes every kept line again in the current language. */
    private void reword() {
        if (shown.isEmpty() || area == null) {
            return;
        }
        Lines all = lines(shown, true);
        area.replaceText(all.text.toString());
        area.setStyleSpans(0, all.styles.create());
        showNewest();
    }

    private void showNewest() {
        area.moveTo(area.getLength());
        area.showParagraphAtBottom(area.getParagraphs().size() - 1);
    }

    private record Lines(StringBuilder text, StyleSpansBuilder<Collection<String>> styles) {
    }

    private Lines lines(Collection<Object> entries, boolean first) {
        Lines out = new Lines(new StringBuilder(), new StyleSpansBuilder<>());
        for (Object entry : entries) {
            // every line but the very first starts with its newline, so the area never ends with an empty line
            String piece = (first && out.text.length() == 0 ? "" : "\n") + words(entry);
            out.text.append(piece);
            out.styles.add(List.of(style(entry)), piece.length());
        }
        return out;
    }

    private String words(Object entry) {
        return entry instanceof SyscallRecord r ? format(r) : messages.get("log.dropped", entry);
    }

    private static String style(Object entry) {
        return entry instanceof SyscallRecord r ? "log-" + Outcome.of(r).styleClass() : "log-note";
    }

    /**
     * {@code #12 zx_process_write_memory(handle=0x... vaddr=0x... buffer_size=8) -> ZX_OK [8/8]}; a refused Mach
     * call adds mach_error_string's words after its name.
     */
    String format(SyscallRecord r) {
        StringBuilder s = new StringBuilder();
        s.append('#').append(r.sequence()).append(' ').append(r.name()).append('(').append(r.arguments())
                .append(") -> ").append(r.resultName());
        if (r.kernReturn() != null && !r.ok()) {
            s.append(' ').append(messages.render(r.kernReturn().words()));
        }
        if (r.requested() > 0) {
            s.append(" [").append(r.actual()).append('/').append(r.requested()).append(']');
        }
        String rule = describer.rule(r);
        if (!rule.isEmpty()) {
            s.append(": ").append(rule);
        }
        return s.toString();
    }

    private void trim() {
        int excess = shown.size() - MAX_LINES;
        if (excess > 0) {
            int end = area.getAbsolutePosition(excess, 0);
            area.deleteText(0, end);
            for (int i = 0; i < excess; i++) {
                shown.removeFirst();
            }
        }
    }
}
