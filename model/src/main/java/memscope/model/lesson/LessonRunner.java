package memscope.model.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import memscope.model.History;
import memscope.model.history.Caller;
import memscope.model.Subscription;
import memscope.model.scenario.LoadedScenario;
import memscope.model.script.Command;
import memscope.model.script.CommandResult;
import memscope.model.script.ConsoleSession;
import memscope.model.script.ParsedScript;
import memscope.model.script.ScriptError;
import memscope.model.script.ScriptParser;

/**
 * Walks a lesson on a live kernel. The current step is shown; {@link #perform()} runs its action on the kernel
 * and checks the answer; {@link #next()} moves on (performing the step first if the person skipped it, so the
 * kernel's state is always what the steps before the current one made). Going back rebuilds the world from the
 * scenario and replays the earlier steps, so the state is exact, not undone by guesswork. Each rebuild makes a
 * NEW kernel: listeners hear {@link Listener#worldChanged} and must re-attach their views to it.
 *
 * <p>Every action is parsed when the runner starts (against the scenario's names and the names earlier steps
 * bind), so a broken lesson fails at once with the step and column, not half-way through. Not thread-safe: call
 * it from one thread (the FX thread; the steps are single syscalls).
 */
public final class LessonRunner {
    /** What a UI follows. Called on the thread that drove the runner. */
    public interface Listener {
        /** A fresh kernel replaced the old one (at start, on {@link #previous()}, {@link #goTo}, {@link #restart()}). */
        default void worldChanged(LoadedScenario world) {
        }

        /** The current step changed; {@code index == stepCount()} means the lesson is finished. */
        default void stepChanged(int index) {
        }

        default void stepPerformed(StepOutcome outcome) {
        }
    }

    private final Lesson lesson;
    private final WorldFactory worlds;
    private final List<Command> actions;
    private final StepOutcome[] outcomes;
    /** The status a student predicted for each step before it ran (null: no prediction). */
    private final String[] predictions;
    /** The 50-minute class path: next and previous pass over extra and homework steps. */
    private boolean coreOnly;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private LoadedScenario world;
    private ConsoleSession session;
    private int current;

    /** Builds the scenario's world and checks that every step's action parses; nothing runs yet. */
    public LessonRunner(Lesson lesson, WorldFactory worlds) throws LessonException {
        this.lesson = Objects.requireNonNull(lesson, "lesson");
        this.worlds = Objects.requireNonNull(worlds, "worlds");
        this.outcomes = new StepOutcome[lesson.steps().size()];
        this.predictions = new String[lesson.steps().size()];
        rebuild();
        this.actions = parseActions();
    }

    public Lesson lesson() {
        return lesson;
    }

    public int stepCount() {
        return lesson.steps().size();
    }

    /** The 0-based index of the step shown now; {@link #stepCount()} once the lesson is finished. */
    public int currentIndex() {
        return current;
    }

    public Optional<LessonStep> currentStep() {
        return finished() ? Optional.empty() : Optional.of(lesson.steps().get(current));
    }

    public boolean finished() {
        return current >= stepCount();
    }

    /** The live world: the scenario built in its own kernel, with its handle names. Replaced on every rewind. */
    public LoadedScenario world() {
        return world;
    }

    /** The console on the live kernel, holding the names steps have bound; the UI's console may share it. */
    public ConsoleSession session() {
        return session;
    }

    /** The outcome of step {@code index}, if it has been performed in the current world. */
    public Optional<StepOutcome> outcome(int index) {
        return Optional.ofNullable(outcomes[index]);
    }

    /**
     * Records the student's prediction for the current step, before it runs: one of the step's choices. Refused
     * (false, nothing changes) once the step has run, or for a status the step does not offer.
     */
    public boolean predict(String status) {
        if (finished() || outcomes[current] != null
                || !lesson.steps().get(current).choices().contains(status)) {
            return false;
        }
        predictions[current] = status;
        listeners.forEach(l -> l.stepChanged(current));
        return true;
    }

    /** The prediction made for step {@code index}, if any. */
    public Optional<String> prediction(int index) {
        return Optional.ofNullable(predictions[index]);
    }

    /**
     * Whether the prediction for step {@code index} named the status the kernel answered; empty until both a
     * prediction and the step's outcome exist.
     */
    public Optional<Boolean> predictionRight(int index) {
        if (predictions[index] == null || outcomes[index] == null || outcomes[index].result() == null) {
            return Optional.empty();
        }
        return Optional.of(predictions[index].equals(outcomes[index].observedStatus()));
    }

    /**
     * Walks only the core steps (the 50-minute class path): {@link #next()} and {@link #previous()} pass over the
     * others, performing those ahead so the kernel holds what every earlier step made. Turned on at a step that
     * is not core, it moves on to the next core step.
     */
    public void setCoreOnly(boolean on) {
        coreOnly = on;
        if (on && !finished() && !lesson.steps().get(current).isCore()) {
            next();
        }
    }

    public boolean coreOnly() {
        return coreOnly;
    }

    /** True when the current step has been performed. */
    public boolean performed() {
        return !finished() && outcomes[current] != null;
    }

    /**
     * Performs the current step's action on the live kernel and checks it. Performing a step twice is refused:
     * its action already changed the kernel, so a second run would not be the lesson's.
     */
    public StepOutcome perform() {
        if (finished()) {
            throw new IllegalStateException("the lesson is finished");
        }
        if (outcomes[current] != null) {
            throw new IllegalStateException("step " + (current + 1) + " has already been performed");
        }
        LessonStep step = lesson.steps().get(current);
        Command action = actions.get(current);
        CommandResult result;
        try (History.Scope s = session.kernel().history().as(Caller.LESSON)) {
            result = action == null ? null : session.execute(action);
        }
        StepOutcome outcome = StepChecker.check(step, result, session);
        outcomes[current] = outcome;
        listeners.forEach(l -> l.stepPerformed(outcome));
        return outcome;
    }

    /** Moves to the next step, performing the current one first if it has not been. */
    public void next() {
        if (finished()) {
            return;
        }
        do {
            if (outcomes[current] == null) {
                perform();
            }
            current++;
        } while (coreOnly && !finished() && !lesson.steps().get(current).isCore());
        listeners.forEach(l -> l.stepChanged(current));
    }

    /** Back one step (one core step on the class path): a fresh kernel with the steps before it replayed. */
    public void previous() throws LessonException {
        int back = current - 1;
        while (coreOnly && back > 0 && !lesson.steps().get(back).isCore()) {
            back--;
        }
        if (back >= 0) {
            goTo(back);
        }
    }

    public void restart() throws LessonException {
        goTo(0);
    }

    /** Shows step {@code index} (not yet performed) on a fresh kernel where steps {@code 0..index-1} have run. */
    public void goTo(int index) throws LessonException {
        if (index < 0 || index > stepCount()) {
            throw new IndexOutOfBoundsException("step " + index + " of " + stepCount());
        }
        rebuild();
        Arrays.fill(outcomes, null);
        for (int i = index; i < predictions.length; i++) {
            predictions[i] = null; // those steps run again: a new guess for them
        }
        current = 0;
        while (current < index) {
            perform();
            current++;
        }
        listeners.forEach(l -> l.stepChanged(current));
    }

    /** Performs every remaining step; the outcomes of the whole lesson, in order. */
    public List<StepOutcome> runToEnd() {
        while (!finished()) {
            next();
        }
        return Arrays.asList(outcomes.clone());
    }

    public Subscription addListener(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void rebuild() throws LessonException {
        world = worlds.create(lesson);
        session = new ConsoleSession(world.kernel(), world.handles());
        listeners.forEach(l -> l.worldChanged(world));
    }

    /** One command per step (null where a step only explains), parsed as one script so names flow between steps. */
    private List<Command> parseActions() throws LessonException {
        List<LessonStep> steps = lesson.steps();
        String script = steps.stream().map(s -> s.hasAction() ? s.action() : "").collect(Collectors.joining("\n"));
        for (LessonStep s : steps) {
            if (s.hasAction() && (s.action().contains("\n") || s.action().contains("\r"))) {
                throw LessonWords.at(lesson.source(), "steps[" + s.index() + "].action", "action.lineBreak");
            }
        }
        ParsedScript parsed = ScriptParser.parse(script, world.handles().keySet());
        if (!parsed.ok()) {
            ScriptError e = parsed.errors().get(0);
            throw LessonWords.at(lesson.source(), "steps[" + (e.line() - 1) + "].action", "action.badCommand",
                    e.column(), LessonWords.fromElsewhere(e, e.message()));
        }
        List<Command> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(null);
        }
        for (Command c : parsed.commands()) {
            out.set(c.line() - 1, c);
        }
        for (LessonStep s : steps) {
            if (s.hasAction() && out.get(s.index()) == null) {
                throw LessonWords.at(lesson.source(), "steps[" + s.index() + "].action", "action.empty");
            }
        }
        return out;
    }
}
