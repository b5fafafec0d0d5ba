package memscope.model.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import memscope.model.History;
import memscope.model.history.Caller;
import memscope.model.history.Step;
import memscope.model.Subscription;
import memscope.model.linux.LessonChild;
import memscope.model.linux.LinuxException;
import memscope.model.scenario.LoadedScenario;
import memscope.model.script.Command;
import memscope.model.script.CommandResult;
import memscope.model.script.ConsoleSession;
import memscope.model.script.ParsedScript;
import memscope.model.script.ScriptError;
import memscope.model.text.Text;

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
public final class LessonRunner implements AutoCloseable {
    /** The handle name of a lesson's live child process. */
    public static final String CHILD_HANDLE = "child";

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
    /** The history's latest call number when each step became current in this world; -1: not reached here. */
    private final long[] startedAt;
    /** The 50-minute class path: next and previous pass over extra and homework steps. */
    private boolean coreOnly;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private LoadedScenario world;
    private ConsoleSession session;
    private LessonChild child;
    private int current;

    /** Builds the scenario's world and checks that every step's action parses; nothing runs yet. */
    public LessonRunner(Lesson lesson, WorldFactory worlds) throws LessonException {
        this.lesson = Objects.requireNonNull(lesson, "lesson");
        this.worlds = Objects.requireNonNull(worlds, "worlds");
        this.outcomes = new StepOutcome[lesson.steps().size()];
        this.predictions = new String[lesson.steps().size()];
        this.startedAt = new long[lesson.steps().size() + 1];
        rebuild();
        arrived();
        try {
            this.actions = parseActions();
        } catch (LessonException | RuntimeException e) {
            close(); // a broken lesson leaves no child behind
            throw e;
        }
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
            arrived();
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
        arrived();
        while (current < index) {
            perform();
            current++;
            arrived();
        }
        listeners.forEach(l -> l.stepChanged(current));
    }

    /**
     * The call number after which step {@code index} began in the current world (its kernel's history shows the
     * kernel as the step found it there), or empty when the step has not been reached in this world or the history
     * no longer reaches back to it. {@code index == stepCount()}: when the lesson finished.
     */
    public OptionalLong stepStart(int index) {
        if (index < 0 || index >= startedAt.length || startedAt[index] < 0) {
            return OptionalLong.empty();
        }
        History history = world.kernel().history();
        long at = startedAt[index];
        return history.recording() && at >= history.horizon() ? OptionalLong.of(at) : OptionalLong.empty();
    }

    /**
     * {@link #stepStart} when the history there is exactly what replaying the steps before {@code index} on a fresh
     * world makes: every call that changed memory or structure since the world was built was the lesson's. Then
     * going back to that step can be a look at the timeline instead of a rebuild; otherwise (the person typed,
     * edited, killed a process in between, or a live child changed itself) it is empty.
     */
    public OptionalLong replayMoment(int index) {
        OptionalLong at = stepStart(index);
        if (at.isEmpty()) {
            return at;
        }
        History history = world.kernel().history();
        for (Step s : history.steps(history.horizon(), at.getAsLong())) {
            if ((s.wroteBytes() || s.changedStructure()) && s.caller() != Caller.LESSON) {
                return OptionalLong.empty();
            }
        }
        return at;
    }

    /** The current step begins now: remembers the history's latest call for {@link #stepStart}. */
    private void arrived() {
        History history = world.kernel().history();
        if (current < startedAt.length) {
            startedAt[current] = history.recording() ? history.now() : -1;
        }
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

    /** The live child process the current world started, for a lesson that starts one. */
    public Optional<LessonChild> child() {
        return Optional.ofNullable(child);
    }

    /** Kills the lesson's child process, if it started one; the world stays as it is. Twice does nothing. */
    @Override
    public void close() {
        if (child != null) {
            child.close();
            child = null;
        }
    }

    private void rebuild() throws LessonException {
        LoadedScenario fresh = worlds.create(lesson);
        close(); // a rewind starts a new child: the old one carries the earlier steps' writes
        ConsoleSession console;
        if (lesson.startsChild()) {
            fresh = withChild(fresh);
            console = new ConsoleSession(fresh.kernel(), fresh.handles());
            console.attach(child.process());
        } else {
            console = new ConsoleSession(fresh.kernel(), fresh.handles());
        }
        // recorded from the world as built: every step's start can be shown on the timeline
        fresh.kernel().history().start();
        Arrays.fill(startedAt, -1);
        world = fresh;
        session = console;
        listeners.forEach(l -> l.worldChanged(world));
    }

    /** Starts the lesson's child in {@code scenario}'s kernel: its handle is {@link #CHILD_HANDLE}, shown first. */
    private LoadedScenario withChild(LoadedScenario scenario) throws LessonException {
        try {
            child = LessonChild.start(scenario.kernel());
        } catch (LinuxException e) {
            throw new LessonException(lesson.source(), Text.verbatim("child"), e.text(), e);
        }
        Map<String, Integer> handles = new LinkedHashMap<>(scenario.handles());
        handles.put(CHILD_HANDLE, child.process().processHandle());
        handles.put(CHILD_HANDLE + ".root", child.process().rootVmarHandle());
        long start = child.codeAddress().orElse(scenario.startAddress());
        return new LoadedScenario(scenario.title(), scenario.description(), scenario.kernel(), handles,
                CHILD_HANDLE, CHILD_HANDLE, start, scenario.titleZh(), scenario.descriptionZh());
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
        ParsedScript parsed = session.parse(script); // the world's names and symbols ($code)
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
