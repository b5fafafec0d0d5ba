package memscope.model.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into words, quoted strings and a trailing comment. Meaning (is {@code 90} a byte or a number?)
 * depends on the command, so the parser decides it; the lexer only finds where each piece starts and ends.
 */
final class Lexer {
    enum Type { WORD, STRING, UNTERMINATED_STRING, COMMENT }

    /** A piece of a line; {@code start}/{@code end} are offsets within the line, {@code text} the raw characters. */
    record Token(Type type, int start, int end, String text) {
        int column() {
            return start + 1;
        }
    }

    private Lexer() {
    }

    static List<Token> lex(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                out.add(new Token(Type.COMMENT, i, n, line.substring(i)));
                i = n;
            } else if (c == '"') {
                int end = closingQuote(line, i + 1);
                Type type = end < 0 ? Type.UNTERMINATED_STRING : Type.STRING;
                int stop = end < 0 ? n : end + 1;
                out.add(new Token(type, i, stop, line.substring(i, stop)));
                i = stop;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '#'
                        && line.charAt(i) != '"') {
                    i++;
                }
                out.add(new Token(Type.WORD, start, i, line.substring(start, i)));
            }
        }
        return out;
    }

    /** The index of the quote closing a string opened before {@code from}, skipping backslash escapes; -1 if none. */
    private static int closingQuote(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }
}
