package memscope.model.script;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses console text, one command per line, against the names bound so far (the scenario's handle names).
 * Names a line binds ({@code as NAME}, {@code task NAME ...}) are known to the lines after it. Every line is
 * parsed even after an error, so the person sees all problems at once.
 */
public final class ScriptParser {
    private ScriptParser() {
    }

    /** Parses {@code script}; {@code names} are the handle names that exist before its first line. */
    public static ParsedScript parse(String script, Collection<String> names) {
        Set<String> known = new LinkedHashSet<>(names);
        List<Command> commands = new ArrayList<>();
        List<ScriptError> errors = new ArrayList<>();
        List<TokenSpan> spans = new ArrayList<>();
        int lineStart = 0;
        int lineNo = 1;
        String text = script == null ? "" : script;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            String line = text.substring(lineStart, lineEnd);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            LineParser lp = new LineParser(line, lineNo, known);
            lp.parse();
            if (lp.command() != null) {
                commands.add(lp.command());
            }
            if (lp.error() != null) {
                errors.add(lp.error());
            }
            for (TokenSpan s : lp.spans()) {
                spans.add(new TokenSpan(lineStart + s.start(), lineStart + s.end(), s.kind()));
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
            lineNo++;
        }
        return new ParsedScript(commands, errors, spans);
    }

    /** Parses a single command line (a lesson step's action, a line typed at the prompt); no line breaks. */
    public static ParsedScript parseLine(String line, Collection<String> names) {
        int breakAt = line == null ? -1 : firstBreak(line);
        if (breakAt >= 0) {
            return new ParsedScript(List.of(), List.of(new ScriptError(1, breakAt + 1,
                    ConsoleWords.of("line.break"))), List.of());
        }
        return parse(line, names);
    }

    private static int firstBreak(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\n' || line.charAt(i) == '\r') {
                return i;
            }
        }
        return -1;
    }
}
