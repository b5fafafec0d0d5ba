package memscope.model.script;

/** A parse error at a 1-based line and column, with a message that names the problem. */
public record ScriptError(int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
