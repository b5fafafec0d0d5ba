package memscope.app.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import memscope.app.Messages;
import memscope.app.status.OutcomeDescriber;
import memscope.model.script.Exercise;
import memscope.model.script.ExerciseCommand;
import memscope.model.scenario.ScenarioException;
import memscope.model.text.Text;

/**
 * The console's exercise: {@code exercise SEED} lists five calls on the demo world without their answers,
 * {@code predict N STATUS} records a prediction, and once all five are in, each call is marked right or wrong with
 * the status the kernel answered and the rule that decided it. The exercise runs on its own demo kernels, never on
 * the window's, so it changes nothing the window shows.
 */
final class ExerciseConsole {
    /** Where a line goes: its words (made again after a language switch) and its transcript style. */
    interface Output extends BiConsumer<Supplier<String>, String> {
    }

    private static final String PASS = "\u2714";
    private static final String FAIL = "\u2718";

    private final Messages messages;
    private Exercise exercise;

    ExerciseConsole(Messages messages) {
        this.messages = messages;
    }

    /** The exercise lines of {@code text}, or empty when any non-blank line is something else (a kernel call). */
    static Optional<List<ExerciseCommand>> lines(String text) {
        List<ExerciseCommand> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String bare = line.replaceFirst("#.*", "").strip();
            if (bare.isEmpty()) {
                continue;
            }
            Optional<ExerciseCommand> c = ExerciseCommand.parse(line);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            out.add(c.get());
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** Carries out exercise lines in order, each answer written through {@code out}. */
    void run(List<ExerciseCommand> commands, Output out) {
        for (ExerciseCommand c : commands) {
            if (!c.ok()) {
                Text problem = c.problem();
                out.accept(() -> messages.render(problem), "transcript-error");
            } else if (c.kind() == ExerciseCommand.Kind.EXERCISE) {
                start(c.seed(), out);
            } else {
                predict(c.number(), c.status(), out);
            }
        }
    }

    Optional<Exercise> exercise() {
        return Optional.ofNullable(exercise);
    }

    private void start(long seed, Output out) {
        try {
            exercise = Exercise.generate(seed);
        } catch (ScenarioException e) {
            out.accept(() -> messages.describe(e), "transcript-error");
            return;
        }
        out.accept(() -> messages.get("exercise.started", Long.toString(seed), Exercise.CALLS), "transcript-note");
        for (Exercise.Call call : exercise.calls()) {
            out.accept(() -> messages.get("exercise.call", call.number(), call.shown()), "transcript-note");
        }
    }

    private void predict(int number, String status, Output out) {
        Exercise e = exercise;
        if (e == null) {
            out.accept(() -> messages.get("exercise.none"), "transcript-error");
            return;
        }
        if (!e.predict(number, status)) {
            out.accept(() -> messages.get("exercise.closed", Long.toString(e.seed())), "transcript-error");
            return;
        }
        int missing = e.missing();
        out.accept(() -> messages.get("exercise.predicted", number, status, missing), "transcript-note");
        e.answers().ifPresent(answers -> answers.forEach(a -> mark(a, out)));
    }

    private void mark(Exercise.Answer a, Output out) {
        OutcomeDescriber describer = new OutcomeDescriber(messages, koid -> String.valueOf(a.cachePolicy()));
        out.accept(() -> {
            String rule = describer.rule(a.record());
            String why = rule.isEmpty() ? messages.get("exercise.rule.complete") : rule;
            return (a.right() ? PASS : FAIL) + " " + messages.get(a.right() ? "exercise.right"
                    : "exercise.wrong", a.call().number(), a.call().command(), a.status(), a.predicted(), why);
        }, a.right() ? "transcript-ok" : "transcript-error");
    }
}
