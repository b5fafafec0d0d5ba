package memscope.model.script;

import java.util.Locale;
import java.util.Optional;
import memscope.model.text.Excerpt;
import memscope.model.text.Text;

/**
 * The console's exercise lines, which talk to the console rather than to the kernel: {@code exercise SEED} starts
 * an exercise ({@link Exercise}) and {@code predict N STATUS} records a prediction. A line is one of them when its
 * first word is {@code exercise} or {@code predict}; then it either parses or carries the problem in words.
 *
 * @param seed    for {@code exercise}
 * @param number  for {@code predict}: the call, 1 to 5
 * @param status  for {@code predict}: the status predicted, e.g. {@code ZX_ERR_ACCESS_DENIED}
 * @param problem what is wrong with the line, or null when it parsed
 */
public record ExerciseCommand(Kind kind, long seed, int number, String status, Text problem) {
    public enum Kind { EXERCISE, PREDICT }

    /** The line as an exercise command; empty when its first word is neither {@code exercise} nor {@code predict}. */
    public static Optional<ExerciseCommand> parse(String line) {
        String text = line.strip();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash).strip();
        }
        String[] words = text.isEmpty() ? new String[0] : text.split("\\s+");
        if (words.length == 0) {
            return Optional.empty();
        }
        String verb = words[0].toLowerCase(Locale.ROOT);
        if (verb.equals("exercise")) {
            if (words.length != 2) {
                return Optional.of(problem(Kind.EXERCISE, "exercise.usage"));
            }
            try {
                return Optional.of(new ExerciseCommand(Kind.EXERCISE, ConsoleLiterals.number(words[1]), 0, null,
                        null));
            } catch (IllegalArgumentException e) {
                return Optional.of(problem(Kind.EXERCISE, "exercise.badSeed", Excerpt.of(words[1])));
            }
        }
        if (verb.equals("predict")) {
            if (words.length != 3) {
                return Optional.of(problem(Kind.PREDICT, "predict.usage"));
            }
            int n;
            try {
                n = Integer.parseInt(words[1]);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > Exercise.CALLS) {
                return Optional.of(problem(Kind.PREDICT, "predict.badNumber", Excerpt.of(words[1]), Exercise.CALLS));
            }
            String status = words[2].toUpperCase(Locale.ROOT);
            if (!Exercise.knownStatus(status)) {
                return Optional.of(problem(Kind.PREDICT, "predict.badStatus", Excerpt.of(words[2])));
            }
            return Optional.of(new ExerciseCommand(Kind.PREDICT, 0, n, status, null));
        }
        return Optional.empty();
    }

    public boolean ok() {
        return problem == null;
    }

    private static ExerciseCommand problem(Kind kind, String key, Object... args) {
        return new ExerciseCommand(kind, 0, 0, null, ConsoleWords.of(key, args));
    }
}
