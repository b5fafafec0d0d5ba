package memscope.app.edit;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Reads hex bytes as people paste them: {@code "DE AD BE EF"}, {@code "deadbeef"}, {@code "0xde, 0xad"},
 * across lines. Tokens are separated by spaces, tabs, newlines or commas; a token is either {@code 0x} and one or
 * two hex digits (one byte), or an even number of hex digits (one byte per pair).
 */
public final class HexParser {
    /** Parsed bytes and, for search patterns, which positions were {@code ??}. */
    public record Parsed(byte[] bytes, boolean[] wildcards) {
    }

    private HexParser() {
    }

    public static byte[] parse(String input) throws HexParseException {
        return parse(input, false).bytes();
    }

    public static Parsed parseWithWildcards(String input) throws HexParseException {
        return parse(input, true);
    }

    private static Parsed parse(String input, boolean allowWildcards) throws HexParseException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] wild = new boolean[16];
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int tokenEnd = i;
            while (tokenEnd < n && !Character.isWhitespace(input.charAt(tokenEnd)) && input.charAt(tokenEnd) != ',') {
                tokenEnd++;
            }
            String token = input.substring(i, tokenEnd);
            int column = i - lineStart + 1;
            if (allowWildcards && token.equals("??")) {
                wild = mark(wild, bytes.size());
                bytes.write(0);
            } else {
                readToken(token, line, column, bytes);
            }
            i = tokenEnd;
        }
        if (bytes.size() == 0) {
            throw new HexParseException(line, input.length() - lineStart + 1, HexParseException.Problem.EMPTY, "", "");
        }
        return new Parsed(bytes.toByteArray(), Arrays.copyOf(wild, bytes.size()));
    }

    private static void readToken(String token, int line, int column, ByteArrayOutputStream out)
            throws HexParseException {
        boolean prefixed = token.length() >= 2 && token.charAt(0) == '0'
                && (token.charAt(1) == 'x' || token.charAt(1) == 'X');
        int digitsFrom = prefixed ? 2 : 0;
        for (int j = digitsFrom; j < token.length(); j++) {
            if (Character.digit(token.charAt(j), 16) < 0) {
                throw new HexParseException(line, column + j, HexParseException.Problem.NOT_DIGIT,
                        String.valueOf(token.charAt(j)), token);
            }
        }
        int digits = token.length() - digitsFrom;
        if (prefixed) {
            if (digits < 1 || digits > 2) {
                throw new HexParseException(line, column, HexParseException.Problem.PREFIX, "", token);
            }
            out.write(Integer.parseInt(token.substring(2), 16));
            return;
        }
        if (digits % 2 != 0) {
            throw new HexParseException(line, column, HexParseException.Problem.ODD, "", token);
        }
        for (int j = 0; j < digits; j += 2) {
            out.write(Integer.parseInt(token.substring(j, j + 2), 16));
        }
    }

    private static boolean[] mark(boolean[] wild, int index) {
        boolean[] w = index < wild.length ? wild : Arrays.copyOf(wild, Math.max(wild.length * 2, index + 1));
        w[index] = true;
        return w;
    }
}
