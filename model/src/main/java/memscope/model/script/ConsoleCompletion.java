package memscope.model.script;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import memscope.model.CachePolicy;
import memscope.model.TaskFlavor;
import memscope.model.script.CommandSpec.Option;
import memscope.model.script.CommandSpec.OptionKind;
import memscope.model.script.CommandSpec.Param;
import memscope.model.script.CommandSpec.ParamKind;
import memscope.model.script.Lexer.Token;

/**
 * What the person may type at the caret: command names at the start of a line, handle names where a handle goes,
 * keywords where a policy, flavour or permission goes, and the command's options not yet given. The UI replaces
 * {@code [replaceStart, replaceEnd)} of the line with the chosen candidate.
 */
public final class ConsoleCompletion {
    /** Candidates for the word at the caret, which spans {@code [replaceStart, replaceEnd)} of the line. */
    public record Completion(int replaceStart, int replaceEnd, List<String> candidates) {
        public Completion {
            candidates = List.copyOf(candidates);
        }
    }

    private static final List<String> PERMS = List.of("r--", "rw-", "r-x", "rwx", "---");

    private ConsoleCompletion() {
    }

    /** Completions at {@code caret} (0-based) in one console {@code line}, given the handle names in scope. */
    public static Completion at(String line, int caret, Collection<String> names) {
        int end = Math.max(0, Math.min(caret, line.length()));
        List<Token> before = Lexer.lex(line.substring(0, end));
        Token last = before.isEmpty() ? null : before.get(before.size() - 1);
        boolean inWord = last != null && last.end() == end && !Character.isWhitespace(line.charAt(end - 1));
        int start = inWord ? last.start() : end;
        if (inWord && last.type() != Lexer.Type.WORD) {
            return new Completion(start, end, List.of()); // inside a string or a comment
        }
        List<Token> done = inWord ? before.subList(0, before.size() - 1) : before;
        String prefix = line.substring(start, end);
        int wordEnd = end;
        while (wordEnd < line.length() && !Character.isWhitespace(line.charAt(wordEnd))) {
            wordEnd++; // the rest of the word under the caret is replaced too
        }
        return new Completion(start, wordEnd, filter(candidates(done, names), prefix));
    }

    private static List<String> candidates(List<Token> done, Collection<String> names) {
        if (done.isEmpty()) {
            return CommandCatalog.all().stream().map(CommandSpec::name).toList();
        }
        CommandSpec spec = CommandCatalog.find(done.get(0).text()).orElse(null);
        if (spec == null || done.get(done.size() - 1).type() == Lexer.Type.COMMENT) {
            return List.of();
        }
        int param = 0;
        Set<String> given = new HashSet<>();
        for (int i = 1; i < done.size(); i++) {
            String w = done.get(i).text();
            int eq = w.indexOf('=');
            if (eq >= 0 || spec.option(w).isPresent()) {
                given.add(eq >= 0 ? w.substring(0, eq) : w);
                if (w.equals("as")) {
                    if (i == done.size() - 1) {
                        return List.of(); // a fresh name follows
                    }
                    i++;
                }
            } else if (param < spec.params().size() && spec.params().get(param).kind() != ParamKind.BYTES) {
                param++;
            }
        }
        List<String> out = new ArrayList<>();
        if (param < spec.params().size()) {
            out.addAll(values(spec.params().get(param), names));
        }
        for (Option o : spec.options()) {
            if (!given.contains(o.key())) {
                out.add(o.kind() == OptionKind.BIND_AS || o.kind() == OptionKind.FLAG ? o.key() : o.key() + "=");
            }
        }
        return out;
    }

    private static List<String> values(Param p, Collection<String> names) {
        switch (p.kind()) {
            case HANDLE: return List.copyOf(names);
            case PERMS: return PERMS;
            case POLICY: return java.util.Arrays.stream(CachePolicy.values()).map(Enum::name).toList();
            case FLAVOR: return java.util.Arrays.stream(TaskFlavor.values()).map(Enum::name).toList();
            default: return List.of();
        }
    }

    private static List<String> filter(List<String> all, String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return all.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(p)).toList();
    }
}
