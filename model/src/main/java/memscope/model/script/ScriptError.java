package memscope.model.script;

import java.util.Objects;
import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * A parse error at a 1-based line and column, with a message that names the problem. The message is kept as
 * {@link Text} so the app can word it in the person's language; {@link #message()} is its English wording, and two
 * errors are equal when their place and English wording are.
 */
public final class ScriptError implements Localized {
    private final int line;
    private final int column;
    private final Text text;

    public ScriptError(int line, int column, Text text) {
        this.line = line;
        this.column = column;
        this.text = Objects.requireNonNull(text, "text");
    }

    /** An error whose words are the same in every language (tests, or callers with only a string). */
    public ScriptError(int line, int column, String message) {
        this(line, column, Text.verbatim(message));
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the place, in the person's language when worded by the app. */
    @Override
    public Text text() {
        return text;
    }

    /** What is wrong, in English. */
    public String message() {
        return text.english();
    }

    /**
     * The 0-based character offset of this error in {@code text} (the script it came from), for placing a caret;
     * clamped to the text's length.
     */
    public int offsetIn(String text) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return text.length();
            }
            offset = newline + 1;
        }
        return Math.min(text.length(), offset + column - 1);
    }

    /** The place and the problem: {@code line 3, column 19: SIZE: bad number 'zz': ...}. */
    public Text located() {
        return ConsoleWords.of("error.at", line, column, text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScriptError e && e.line == line && e.column == column && e.message().equals(message());
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, column, message());
    }

    @Override
    public String toString() {
        return located().english();
    }
}
