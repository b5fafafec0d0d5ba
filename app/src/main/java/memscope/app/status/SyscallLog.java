package memscope.app.status;

import java.util.Collection;
import java.util.List;
import memscope.app.Messages;
import memscope.model.SyscallRecord;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Every syscall, newest last, one line each, coloured by outcome. A burst arrives as one batch and is appended
 * in one edit; the area keeps at most {@link #MAX_LINES} lines, so it never grows without bound.
 */
public final class SyscallLog {
    public static final int MAX_LINES = 5000;

    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private final Messages messages;
    private final OutcomeDescriber describer;
    private int lines;

    public SyscallLog(Messages messages, OutcomeDescriber describer) {
        this.messages = messages;
        this.describer = describer;
        area.setId("syscallLog");
        area.getStyleClass().add("syscall-log");
        area.setEditable(false);
        area.setWrapText(false);
    }

    public StyleClassedTextArea node() {
        return area;
    }

    public int lineCount() {
        return lines;
    }

    public void clear() {
        area.clear();
        lines = 0;
    }

    /** Appends a batch, oldest first; {@code dropped} older calls of the burst were not kept. */
    public void append(List<SyscallRecord> records, long dropped) {
        // only the newest MAX_LINES can survive the cap: format no more than that
        List<SyscallRecord> kept = records.size() > MAX_LINES
                ? records.subList(records.size() - MAX_LINES, records.size()) : records;
        long skipped = dropped + (records.size() - kept.size());
        StringBuilder text = new StringBuilder();
        StyleSpansBuilder<Collection<String>> styles = new StyleSpansBuilder<>();
        int added = 0;
        if (skipped > 0) {
            added += line(text, styles, messages.get("log.dropped", skipped), "log-note");
        }
        for (SyscallRecord r : kept) {
            added += line(text, styles, format(r), "log-" + Outcome.of(r).styleClass());
        }
        int start = area.getLength();
        area.appendText(text.toString());
        area.setStyleSpans(start, styles.create());
        lines += added;
        trim();
        area.moveTo(area.getLength());
        area.requestFollowCaret();
    }

    /** {@code #12 zx_process_write_memory(handle=0x... vaddr=0x... buffer_size=8) -> ZX_OK [8/8]}. */
    String format(SyscallRecord r) {
        StringBuilder s = new StringBuilder();
        s.append('#').append(r.sequence()).append(' ').append(r.name()).append('(').append(r.arguments())
                .append(") -> ").append(r.resultName());
        if (r.requested() > 0) {
            s.append(" [").append(r.actual()).append('/').append(r.requested()).append(']');
        }
        String rule = describer.rule(r);
        if (!rule.isEmpty()) {
            s.append(": ").append(rule);
        }
        return s.toString();
    }

    private int line(StringBuilder text, StyleSpansBuilder<Collection<String>> styles, String line, String style) {
        // every line but the very first starts with its newline, so the area never ends with an empty line
        String piece = (area.getLength() == 0 && text.length() == 0 ? "" : "\n") + line;
        text.append(piece);
        styles.add(List.of(style), piece.length());
        return 1;
    }

    private void trim() {
        int excess = lines - MAX_LINES;
        if (excess > 0) {
            int end = area.getAbsolutePosition(excess, 0);
            area.deleteText(0, end);
            lines -= excess;
        }
    }
}
