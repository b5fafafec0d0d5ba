package memscope.app.console;

/**
 * The part of the console text a run takes: the whole text, or every line the selection touches (whole lines, so
 * a half-selected command still runs entirely). {@code firstLine} (0-based) and {@code offset} place the chunk in
 * the whole text, to report an error's line and put the caret on it.
 */
public record ScriptSelection(String text, int firstLine, int offset) {

    /** The lines touched by {@code [selectionStart, selectionEnd)}, or the whole text when nothing is selected. */
    public static ScriptSelection of(String all, int selectionStart, int selectionEnd) {
        if (selectionStart == selectionEnd) {
            return new ScriptSelection(all, 0, 0);
        }
        int from = Math.max(0, Math.min(selectionStart, selectionEnd));
        int to = Math.min(all.length(), Math.max(selectionStart, selectionEnd));
        if (to > from && all.charAt(to - 1) == '\n') {
            to--; // a selection ending at the start of a line does not take that line
        }
        int start = all.lastIndexOf('\n', from - 1) + 1;
        int newline = all.indexOf('\n', to);
        int end = newline < 0 ? all.length() : newline;
        int line = (int) all.substring(0, start).chars().filter(c -> c == '\n').count();
        return new ScriptSelection(all.substring(start, end), line, start);
    }

    /** The 1-based line in the whole text of the chunk's 1-based line {@code line}. */
    public int lineInWhole(int line) {
        return firstLine + line;
    }
}
