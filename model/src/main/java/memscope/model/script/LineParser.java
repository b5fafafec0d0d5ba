package memscope.model.script;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import memscope.model.KernReturn;
import memscope.model.Status;
import memscope.model.script.CommandSpec.Option;
import memscope.model.script.CommandSpec.Param;
import memscope.model.script.CommandSpec.ParamKind;
import memscope.model.script.Lexer.Token;
import memscope.model.text.Excerpt;
import memscope.model.text.Text;

/**
 * Parses one line against its command's spec, recording a highlight span for every token it understood. The first
 * problem stops the line: it becomes the line's {@link ScriptError} and its token is highlighted as ERROR.
 */
final class LineParser {
    /** Stops the line at its first problem. */
    private static final class Stop extends Exception {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static final int MAX_NAMES_SHOWN = 10;
    /** The word that ends a line with the status its author expects: {@code write p1 0x1000 00 expect ZX_OK}. */
    static final String EXPECT = "expect";

    private final String line;
    private final int lineNo;
    private final Set<String> known;
    private final List<TokenSpan> spans = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private List<Token> tokens;
    private int next;
    private CommandSpec spec;
    private int param;
    private boolean sawData;
    private Command command;
    private ScriptError error;
    private String expected;
    private int textEnd;

    LineParser(String line, int lineNo, Set<String> known) {
        this.line = line;
        this.lineNo = lineNo;
        this.known = known;
    }

    Command command() {
        return command;
    }

    ScriptError error() {
        return error;
    }

    List<TokenSpan> spans() {
        return spans;
    }

    void parse() {
        tokens = new ArrayList<>();
        Token comment = null;
        for (Token t : Lexer.lex(line)) {
            if (t.type() == Lexer.Type.COMMENT) {
                comment = t;
            } else {
                tokens.add(t);
            }
        }
        try {
            if (!tokens.isEmpty()) {
                parseCommand();
            }
        } catch (Stop stop) {
            command = null;
        }
        if (comment != null) {
            span(comment, TokenKind.COMMENT);
        }
    }

    private void parseCommand() throws Stop {
        Token first = tokens.get(0);
        next = 1;
        if (first.type() != Lexer.Type.WORD) {
            fail(first, 0, ConsoleWords.of("line.noCommand", describe(first)));
        }
        spec = CommandCatalog.find(first.text()).orElse(null);
        if (spec == null) {
            fail(first, 0, ConsoleWords.of("command.unknown", Excerpt.of(first.text()), CommandCatalog.all().stream()
                    .map(CommandSpec::name).collect(Collectors.joining(", "))));
        }
        span(first, TokenKind.COMMAND);
        textEnd = tokens.get(tokens.size() - 1).end();
        expectation();
        while (next < tokens.size()) {
            Token t = tokens.get(next++);
            if (t.type() == Lexer.Type.UNTERMINATED_STRING) {
                fail(t, 0, ConsoleWords.of("string.unterminated"));
            }
            if (t.type() == Lexer.Type.WORD && isOption(t)) {
                option(t);
            } else {
                positional(t);
            }
        }
        finish();
    }

    /**
     * A trailing {@code expect STATUS}: the answer the script's author expects, checked when the line runs. Taken
     * off the end before the arguments, so it never reads as a byte or a name; the status must be one the
     * command's kernel answers with.
     */
    private void expectation() throws Stop {
        int n = tokens.size();
        Token keyword = n >= 3 ? tokens.get(n - 2) : null;
        if (keyword == null || keyword.type() != Lexer.Type.WORD || !keyword.text().equals(EXPECT)) {
            return;
        }
        Token status = tokens.get(n - 1);
        span(keyword, TokenKind.OPTION);
        String name = status.type() == Lexer.Type.WORD ? status.text().toUpperCase(Locale.ROOT) : "";
        if (!statusNames(spec.mach()).contains(name)) {
            fail(status, 0, ConsoleWords.of(spec.mach() ? "expect.mach" : "expect.zircon", describe(status),
                    spec.name()));
        }
        span(status, TokenKind.OPTION);
        expected = name;
        tokens = new ArrayList<>(tokens.subList(0, n - 2));
    }

    /** Every status a Zircon call, or a Mach call, can answer, by its C name. */
    static Set<String> statusNames(boolean mach) {
        return mach ? Arrays.stream(KernReturn.values()).map(KernReturn::machName).collect(Collectors.toSet())
                : Arrays.stream(Status.values()).map(Status::zxName).collect(Collectors.toSet());
    }

    private boolean isOption(Token t) {
        String w = t.text();
        return w.indexOf('=') >= 0 || (w.equals("as") && spec.option("as").isPresent())
                || spec.options().stream().anyMatch(o -> o.kind() == CommandSpec.OptionKind.FLAG
                && o.key().equals(w));
    }

    private void option(Token t) throws Stop {
        String w = t.text();
        int eq = w.indexOf('=');
        String key = eq < 0 ? w : w.substring(0, eq);
        Option o = spec.option(key).orElse(null);
        if (o == null) {
            fail(t, 0, spec.options().isEmpty() ? ConsoleWords.of("option.none", spec.name(), Excerpt.of(w))
                    : ConsoleWords.of("option.unknown", Excerpt.of(key), spec.name(), spec.usage()));
        }
        if (values.containsKey(key)) {
            fail(t, 0, ConsoleWords.of("option.twice", o.usage()));
        }
        boolean takesValue = o.kind() != CommandSpec.OptionKind.FLAG && o.kind() != CommandSpec.OptionKind.BIND_AS;
        if (takesValue != (eq >= 0)) {
            fail(t, 0, ConsoleWords.of("option.form", o.usage()));
        }
        span(t, TokenKind.OPTION);
        String value = eq < 0 ? "" : w.substring(eq + 1);
        int valueOffset = eq + 1;
        try {
            switch (o.kind()) {
                case NUMBER:
                    values.put(key, Literals.number(value));
                    break;
                case RIGHTS:
                    values.put(key, Literals.rights(value));
                    break;
                case ON_OFF:
                    values.put(key, Literals.onOff(value));
                    break;
                case FIDELITY:
                    values.put(key, Literals.fidelity(value));
                    break;
                case FLAG:
                    values.put(key, Boolean.TRUE);
                    break;
                case BIND_AS:
                    values.put(key, newName(tokenAfter(t, ConsoleWords.of("option.asNeedsName"))));
                    break;
                default:
                    throw new IllegalStateException(o.kind().toString());
            }
        } catch (Literals.Bad bad) {
            fail(t, valueOffset + bad.offset, bad.text);
        }
    }

    private void positional(Token t) throws Stop {
        if (param >= spec.params().size()) {
            fail(t, 0, ConsoleWords.of("argument.unexpected", describe(t), spec.name(), spec.usage()));
        }
        Param p = spec.params().get(param);
        if (p.kind() == ParamKind.BYTES) {
            data(t);
            return;
        }
        if (t.type() != Lexer.Type.WORD) {
            fail(t, 0, ConsoleWords.of("argument.expected", p.label(), describe(t)));
        }
        try {
            switch (p.kind()) {
                case HANDLE:
                    values.put(p.key(), existingName(t, p));
                    break;
                case NEW_NAME:
                    values.put(p.key(), newName(t));
                    break;
                case NUMBER:
                    values.put(p.key(), t.text().startsWith("$") ? symbol(t, p) : Literals.number(t.text()));
                    span(t, TokenKind.NUMBER);
                    break;
                case PERMS:
                    values.put(p.key(), Literals.perms(t.text()));
                    span(t, TokenKind.OPTION);
                    break;
                case POLICY:
                    values.put(p.key(), Literals.cachePolicy(t.text()));
                    span(t, TokenKind.OPTION);
                    break;
                case FLAVOR:
                    values.put(p.key(), Literals.flavor(t.text()));
                    span(t, TokenKind.OPTION);
                    break;
                default:
                    throw new IllegalStateException(p.kind().toString());
            }
        } catch (Literals.Bad bad) {
            fail(t, bad.offset, ConsoleWords.of("argument.bad", p.label(), bad.text));
        }
        param++;
    }

    private void data(Token t) throws Stop {
        try {
            if (t.type() == Lexer.Type.STRING) {
                data.writeBytes(Literals.string(t.text()));
                span(t, TokenKind.STRING);
            } else {
                data.write(Literals.hexByte(t.text()));
                span(t, TokenKind.BYTES);
            }
        } catch (Literals.Bad bad) {
            fail(t, bad.offset, bad.text);
        }
        sawData = true;
    }

    /** A symbolic address the session knows ({@code $code}), resolved when the line runs. */
    private Command.Symbol symbol(Token t, Param p) throws Stop {
        if (!known.contains(t.text())) {
            List<String> symbols = known.stream().filter(n -> n.startsWith("$")).collect(Collectors.toList());
            fail(t, 0, symbols.isEmpty() ? ConsoleWords.of("symbol.none", p.label(), Excerpt.of(t.text()))
                    : ConsoleWords.of("symbol.unknown", p.label(), Excerpt.of(t.text()), String.join(", ", symbols)));
        }
        return new Command.Symbol(t.text());
    }

    private String existingName(Token t, Param p) throws Stop {
        if (!Literals.isName(t.text())) {
            fail(t, 0, ConsoleWords.of("name.notHandle", p.label(), Excerpt.of(t.text())));
        }
        if (!known.contains(t.text())) {
            fail(t, 0, known.isEmpty() ? ConsoleWords.of("name.unknown", Excerpt.of(t.text()))
                    : ConsoleWords.of("name.unknownKnown", Excerpt.of(t.text()), someNames()));
        }
        span(t, TokenKind.NAME);
        return t.text();
    }

    private String newName(Token t) throws Stop {
        if (t.type() != Lexer.Type.WORD || !Literals.isName(t.text()) || t.text().equals("as")) {
            fail(t, 0, ConsoleWords.of("name.bad", describe(t)));
        }
        span(t, TokenKind.NAME);
        known.add(t.text()); // later lines may use it even if this line fails further on
        return t.text();
    }

    private Token tokenAfter(Token t, Text missing) throws Stop {
        if (next >= tokens.size()) {
            failAt(t.end() + 1, missing);
        }
        return tokens.get(next++);
    }

    private void finish() throws Stop {
        List<Param> params = spec.params();
        if (param < params.size() && params.get(param).kind() == ParamKind.BYTES && sawData) {
            values.put(params.get(param).key(), data.toByteArray());
            param++;
        }
        int end = tokens.get(tokens.size() - 1).end() + 1;
        if (param < params.size()) {
            Param p = params.get(param);
            failAt(end, ConsoleWords.of("argument.missing", p.label(), spec.usage()));
        }
        if (spec.name().equals("boot") && values.isEmpty()) {
            failAt(end, ConsoleWords.of("boot.needsOption", spec.usage()));
        }
        Token first = tokens.get(0);
        command = new Command(spec, lineNo, line.substring(first.start(), textEnd), values, expected);
    }

    /** The known names for a message: a scenario may declare thousands, so only the first few, each cut. */
    private String someNames() {
        List<String> shown = known.stream().filter(n -> !n.startsWith("$")).limit(MAX_NAMES_SHOWN).map(Excerpt::of).collect(Collectors.toList());
        if (known.size() > MAX_NAMES_SHOWN) {
            shown.add(Excerpt.ELLIPSIS);
        }
        return String.join(", ", shown);
    }

    private static Text describe(Token t) {
        switch (t.type()) {
            case STRING: return ConsoleWords.of("token.string", Excerpt.of(t.text()));
            case UNTERMINATED_STRING: return ConsoleWords.of("token.unterminated");
            default: return ConsoleWords.of("token.word", Excerpt.of(t.text()));
        }
    }

    private void span(Token t, TokenKind kind) {
        spans.add(new TokenSpan(t.start(), t.end(), kind));
    }

    private void fail(Token t, int offsetInToken, Text message) throws Stop {
        spans.removeIf(s -> s.start() == t.start());
        span(t, TokenKind.ERROR);
        failAt(t.column() + Math.max(0, offsetInToken), message);
    }

    private void failAt(int column, Text message) throws Stop {
        error = new ScriptError(lineNo, column, message);
        throw new Stop();
    }
}
