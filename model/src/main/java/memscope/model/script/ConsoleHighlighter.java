package memscope.model.script;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Syntax highlighting for console text: the spans the parser recognised, each with a {@link TokenKind} whose
 * {@link TokenKind#cssClass()} a code area can style. Spans are sorted, never overlap, and cover only tokens;
 * blanks between them are plain. The token where a line's error lies is an ERROR span.
 */
public final class ConsoleHighlighter {
    private ConsoleHighlighter() {
    }

    /** Spans over {@code text}, with {@code names} the handle names in scope before its first line. */
    public static List<TokenSpan> spans(String text, Collection<String> names) {
        return ScriptParser.parse(text, names).spans();
    }

    /**
     * The same spans with the gaps filled by {@code null}-kind runs, so the result covers {@code [0, length)}
     * exactly: the shape RichTextFX's {@code StyleSpansBuilder} wants. Each element is {@code (kind, length)}.
     */
    public static List<Run> runs(String text, Collection<String> names) {
        List<Run> out = new ArrayList<>();
        int at = 0;
        for (TokenSpan s : spans(text, names)) {
            if (s.start() > at) {
                out.add(new Run(null, s.start() - at));
            }
            out.add(new Run(s.kind(), s.length()));
            at = s.end();
        }
        int length = text == null ? 0 : text.length();
        if (length > at) {
            out.add(new Run(null, length - at));
        }
        return out;
    }

    /** A run of {@code length} characters of one kind; {@code kind} null means plain text. */
    public record Run(TokenKind kind, int length) {
        /** The CSS classes for the run: one class, or none for plain text. */
        public List<String> styleClasses() {
            return kind == null ? List.of() : List.of(kind.cssClass());
        }
    }
}
