package memscope.app.edit;

import memscope.app.Messages;
import memscope.app.text.InputException;

/**
 * Pasted or typed hex that cannot be read; says where (1-based line and column) and what is wrong. The UI words
 * it with {@code messages.describe(e)}; {@link #getMessage()} is the English wording.
 */
public final class HexParseException extends InputException {
    /** What can be wrong with hex input; each has a key {@code hex.error.NAME} and {@code hex.error.NAME.onLine}. */
    enum Problem { NOT_DIGIT, PREFIX, ODD, EMPTY }

    private final int line;
    private final int column;
    private final String english;

    /** {@code character} and {@code token} are shown in the message where the problem's wording has them. */
    HexParseException(int line, int column, Problem problem, String character, String token) {
        super(key(line, problem), String.valueOf(line), String.valueOf(column), character, token);
        this.line = line;
        this.column = column;
        this.english = Messages.inEnglish(key(), args());
    }

    private static String key(int line, Problem problem) {
        String name = switch (problem) {
            case NOT_DIGIT -> "notDigit";
            case PREFIX -> "prefix";
            case ODD -> "odd";
            case EMPTY -> "empty";
        };
        return "hex.error." + name + (line > 1 ? ".onLine" : "");
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, in English, without where: the message after its "column N: " or "line L, column N: ". */
    public String problem() {
        return english.substring(english.indexOf(": ") + 2);
    }

    @Override
    public String getMessage() {
        return english;
    }
}
