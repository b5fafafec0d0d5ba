package memscope.app.edit;

/** Pasted or typed hex that cannot be read; says where (1-based line and column) and what is wrong. */
public final class HexParseException extends Exception {
    private final int line;
    private final int column;
    private final String problem;

    public HexParseException(int line, int column, String problem) {
        super((line > 1 ? "line " + line + ", " : "") + "column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
