package memscope.model.script;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed command line, ready to run: its spec, where it came from, and its typed argument values keyed by
 * parameter or option key. Handle arguments hold the NAME (resolved when the command runs, so a name rebound by an
 * earlier line means the new handle).
 */
public final class Command {
    private final CommandSpec spec;
    private final int line;
    private final String text;
    private final Map<String, Object> values;
    private final String expected;

    Command(CommandSpec spec, int line, String text, Map<String, Object> values) {
        this(spec, line, text, values, null);
    }

    Command(CommandSpec spec, int line, String text, Map<String, Object> values, String expected) {
        this.spec = spec;
        this.line = line;
        this.text = text;
        this.values = Map.copyOf(values);
        this.expected = expected;
    }

    /** The status the line's {@code expect STATUS} asks for ({@code ZX_OK}, {@code KERN_SUCCESS}...), if any. */
    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    public CommandSpec spec() {
        return spec;
    }

    /** The 1-based line of the script it came from. */
    public int line() {
        return line;
    }

    /** The command's source text, without comment or surrounding blanks. */
    public String text() {
        return text;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    String name(String key) {
        return (String) require(key);
    }

    long number(String key) {
        return (Long) require(key);
    }

    /** A symbolic address ({@code $code}) a parsed line holds until it runs. */
    record Symbol(String name) {
    }

    /** This command with its symbolic addresses replaced by their values now; unknown ones are left as they are. */
    Command resolved(Map<String, Long> symbols) {
        if (values.values().stream().noneMatch(v -> v instanceof Symbol)) {
            return this;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>(values);
        out.replaceAll((k, v) -> v instanceof Symbol s && symbols.containsKey(s.name()) ? symbols.get(s.name()) : v);
        return new Command(spec, line, text, out);
    }

    /** The first symbolic address left unresolved, if any. */
    java.util.Optional<String> unresolved() {
        return values.values().stream().filter(v -> v instanceof Symbol).map(v -> ((Symbol) v).name()).findFirst();
    }

    int bits(String key) {
        return (Integer) require(key);
    }

    byte[] bytes(String key) {
        return ((byte[]) require(key)).clone();
    }

    @SuppressWarnings("unchecked")
    <T> T value(String key) {
        return (T) require(key);
    }

    private Object require(String key) {
        return Objects.requireNonNull(values.get(key), () -> spec.name() + " has no value for " + key);
    }

    @Override
    public String toString() {
        return text;
    }
}
