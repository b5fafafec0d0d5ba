package memscope.model.script;

/** A parse error at a 1-based line and column, with a message that names the problem. */
public record ScriptError(int line, int column, String message) {

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

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
