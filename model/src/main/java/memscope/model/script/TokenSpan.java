package memscope.model.script;

/** A highlighted piece of console text: characters {@code [start, end)} of the whole text. */
public record TokenSpan(int start, int end, TokenKind kind) {
    public TokenSpan {
        if (start < 0 || end < start || kind == null) {
            throw new IllegalArgumentException("bad span " + start + ".." + end + " " + kind);
        }
    }

    public int length() {
        return end - start;
    }
}
