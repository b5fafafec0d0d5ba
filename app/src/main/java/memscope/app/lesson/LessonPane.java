package memscope.app.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import memscope.app.hooks.PanelHooks;
import memscope.app.Messages;
import memscope.app.console.ConsoleStyles;
import memscope.app.status.Outcome;
import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonException;
import memscope.model.lesson.LessonRunner;
import memscope.model.lesson.LessonStep;
import memscope.model.lesson.ScenarioWorlds;
import memscope.model.lesson.StepOutcome;
import memscope.model.scenario.LoadedScenario;

/**
 * The lesson runner: pick a bundled lesson, read each step in the UI language, perform its console command on the
 * live kernel (the window shows the effect) and see a check mark when the kernel answered what the step expects.
 * Going back rebuilds the lesson's world in a fresh kernel; the window is re-attached to it through
 * {@code showWorld}, the application's way of showing a scenario.
 */
public final class LessonPane implements PanelHooks.Tool {
    private final Messages messages;
    private final Consumer<Runnable> whenDiscardable;
    private final Consumer<LoadedScenario> showWorld;
    private final VBox box = new VBox(8);
    private final ScrollPane scroll;
    private final ComboBox<Lesson> choice = new ComboBox<>();
    private final Button start = new Button();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label counter = new Label();
    private final Label text = new Label();
    private final StackPane action = new StackPane();
    private final PredictionBox prediction;
    /** The 50-minute class: its lessons in its order, and only their core steps. */
    private final CheckBox classPath = new CheckBox();
    private final List<Lesson> allLessons;
    private final List<Lesson> classLessons;
    private final Label check = new Label();
    private final Label problem = new Label();
    private final Button previous = new Button();
    private final Button perform = new Button();
    private final Button next = new Button();
    /** "rewind": true steps: the timeline shows the kernel as the step found it. */
    private final Button rewind = new Button();
    /** Says the pane shows a step on the timeline (going back there was a jump, not a rebuild). */
    private final Label reviewNote = new Label();
    private final StepReview review = new StepReview(this::refresh);
    private final StepList steps;
    private BiConsumer<Supplier<String>, Outcome> reporter = (t, o) -> { };
    /** The problem line's words, made again in the new language after a switch; empty when all is well. */
    private Supplier<String> problemWords = () -> "";
    private LessonRunner runner;

    /** {@code loadProblems}: the bundled lessons that did not load, shown above the lesson. */
    /**
     * {@code whenDiscardable} runs an action once nothing unsaved would be lost by replacing what the window shows
     * (the application's one guard); starting a lesson replaces it.
     */
    public LessonPane(Messages messages, List<Lesson> lessons, List<LessonException> loadProblems,
                      Consumer<LoadedScenario> showWorld, Consumer<Runnable> whenDiscardable) {
        this(messages, lessons, List.of(), loadProblems, showWorld, whenDiscardable);
    }

    /** {@code classLessons}: the 50-minute class's lessons in its order (empty: no class path offered). */
    public LessonPane(Messages messages, List<Lesson> lessons, List<Lesson> classLessons,
                      List<LessonException> loadProblems, Consumer<LoadedScenario> showWorld,
                      Consumer<Runnable> whenDiscardable) {
        this(new ScrollPane(), messages, lessons, classLessons, loadProblems, showWorld, whenDiscardable);
    }

    /** As above, built into {@code shell}, which may already sit in a window (docked before the panel existed). */
    LessonPane(ScrollPane shell, Messages messages, List<Lesson> lessons, List<Lesson> classLessons,
               List<LessonException> loadProblems, Consumer<LoadedScenario> showWorld,
               Consumer<Runnable> whenDiscardable) {
        this.scroll = shell;
        scroll.setContent(box);
        this.messages = messages;
        this.allLessons = List.copyOf(lessons);
        this.classLessons = List.copyOf(classLessons);
        this.prediction = new PredictionBox(messages);
        this.showWorld = showWorld;
        this.whenDiscardable = whenDiscardable;
        this.steps = new StepList(messages, this::goTo);
        choice.getItems().setAll(lessons);
        build();
        if (!loadProblems.isEmpty()) {
            List<LessonException> problems = List.copyOf(loadProblems);
            showProblem(() -> problems.stream().map(messages::describe).collect(Collectors.joining("\n")));
        }
        if (!lessons.isEmpty()) {
            choice.getSelectionModel().selectFirst();
        }
        messages.localeProperty().addListener((o, was, now) -> relabel());
        classPath.selectedProperty().addListener((o, was, now) -> classPathChanged(now));
        choice.valueProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    /** Where the window's timeline is found (the window changes with every world): going back can jump there. */
    void setTimeline(Supplier<Optional<memscope.app.timeline.Timeline>> timeline) {
        review.setTimeline(timeline);
    }

    /** Where a performed step is reported: the status line, which re-words a supplier after a language switch. */
    void setReporter(BiConsumer<Supplier<String>, Outcome> reporter) {
        this.reporter = reporter;
    }

    @Override
    public Node node() {
        return scroll;
    }

    @Override
    public ObservableStringValue title() {
        return messages.text("lesson.tab");
    }

    @Override
    public void focus() {
        (runner == null ? start : next.isDisabled() ? previous : next).requestFocus();
    }

    public Optional<LessonRunner> runner() {
        return Optional.ofNullable(runner);
    }

    /** True when {@code world} is the running lesson's live world. */
    public boolean isShowing(LoadedScenario world) {
        return runner != null && runner.world() == world;
    }

    /** Starts {@code lesson} from its first step, in a fresh world the window is switched to. */
    public boolean start(Lesson lesson) {
        try {
            LessonRunner fresh = new LessonRunner(lesson, ScenarioWorlds.bundled());
            if (runner != null) {
                runner.close(); // the lesson it replaces kills its child process, if it started one
            }
            runner = fresh;
            fresh.setCoreOnly(classPath.isSelected());
            fresh.addListener(new LessonRunner.Listener() {
                @Override
                public void worldChanged(LoadedScenario world) {
                    review.forget();
                    showWorld.accept(world);
                }

                @Override
                public void stepChanged(int index) {
                    refresh();
                }

                @Override
                public void stepPerformed(StepOutcome outcome) {
                    refresh();
                }
            });
            showProblem(() -> "");
            showWorld.accept(fresh.world());
            refresh();
            return true;
        } catch (LessonException e) {
            cannotRun(e);
            return false;
        }
    }

    /** Leaves the lesson (the window now shows something else); the chosen lesson can be started again. */
    public void stop() {
        if (runner != null) {
            runner.close(); // a lesson's child process ends with the lesson
            runner = null;
            refresh();
        }
    }

    private void build() {
        choice.setId("lessonChoice");
        choice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(choice, Priority.ALWAYS);
        relabel();
        setUp(start, "lessonStart", "lesson.start", () -> {
            Lesson chosen = choice.getValue();
            if (chosen != null) {
                whenDiscardable.accept(() -> start(chosen));
            }
        });
        setUp(previous, "lessonPrevious", "lesson.previous", this::previous);
        setUp(perform, "lessonPerform", "lesson.perform", this::perform);
        setUp(next, "lessonNext", "lesson.next", this::next);
        setUp(rewind, "lessonRewind", "lesson.rewind", () -> {
            if (runner != null) {
                review.rewind(runner);
            }
        });
        rewind.managedProperty().bind(rewind.visibleProperty());
        wrap(reviewNote, "lessonReviewNote", "lesson-summary");
        reviewNote.managedProperty().bind(reviewNote.visibleProperty());
        perform.getStyleClass().add("lesson-perform");
        wrap(title, "lessonTitle", "lesson-title");
        wrap(summary, "lessonSummary", "lesson-summary");
        wrap(counter, "lessonCounter", "lesson-counter");
        wrap(text, "lessonText", "lesson-text");
        wrap(check, "lessonCheck", "lesson-check");
        wrap(problem, "lessonProblem", "lesson-problem");
        start.setMinWidth(Region.USE_PREF_SIZE);
        // the problem line takes no room until there is a problem; an empty action box likewise
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        action.managedProperty().bind(Bindings.isNotEmpty(action.getChildren()));
        action.visibleProperty().bind(action.managedProperty());
        action.setId("lessonAction");
        action.getStyleClass().add("lesson-action");
        action.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(6, previous, perform, next);
        buttons.setId("lessonButtons");
        // the buttons sit above the step's text, so they stay put however long a step is
        classPath.setId("lessonClassPath");
        classPath.textProperty().bind(messages.text("lesson.classPath"));
        classPath.setWrapText(true);
        classPath.setVisible(!classLessons.isEmpty());
        classPath.setManaged(!classLessons.isEmpty());
        box.getChildren().addAll(new HBox(6, choice, start), classPath, problem, title, summary, new Separator(),
                counter, buttons, reviewNote, text, action, rewind, prediction.node(), check, steps.node());
        installKeys();
        box.getStyleClass().add("lesson-pane");
        scroll.setId("lessonPane");
        scroll.setFitToWidth(true);
        // a scroll bar that came and went with a step's length (its choices, its reveal) would change the width,
        // re-wrap the summary and move the buttons: keep its room always
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        scroll.getStyleClass().add("side-panel");
        scroll.getStylesheets().add(ConsoleStyles.STYLESHEET);
    }

    static final KeyCombination PREVIOUS_KEY = LessonKeys.PREVIOUS_KEY;
    static final KeyCombination PERFORM_KEY = LessonKeys.PERFORM_KEY;
    static final KeyCombination NEXT_KEY = LessonKeys.NEXT_KEY;

    private void installKeys() {
        LessonKeys.install(scroll, previous, perform, next);
    }

    private void setUp(Button b, String id, String key, Runnable onAction) {
        b.setId(id);
        b.textProperty().bind(messages.text(key));
        b.setOnAction(e -> onAction.run());
    }

    private static void wrap(Label l, String id, String style) {
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
    }

    private void perform() {
        if (runner != null && review.active()) {
            // run again from the step looked at: only a live kernel at that state can run it, so rebuild
            int from = review.reviewing();
            review.end();
            rebuildAt(from);
            return;
        }
        if (runner != null && !runner.finished() && !runner.performed()) {
            StepOutcome outcome = runner.perform();
            int step = runner.currentIndex() + 1;
            reporter.accept(() -> messages.get("lesson.status", step,
                    CheckMark.describe(outcome, messages).lines().findFirst().orElse("")),
                    outcome.passed() ? Outcome.OK : Outcome.ERROR);
        }
    }

    private void next() {
        if (runner == null) {
            return;
        }
        if (!review.active()) {
            runner.next();
            return;
        }
        int on = review.reviewing() + 1;
        while (runner.coreOnly() && on < runner.currentIndex() && !runner.lesson().steps().get(on).isCore()) {
            on++;
        }
        if (on >= runner.currentIndex() || !review.review(runner, on)) {
            review.end(); // back at the live step
        }
        refresh();
    }

    /** The step shown: the one looked at on the timeline, or the live one. */
    private int shownIndex() {
        return review.active() ? review.reviewing() : runner.currentIndex();
    }

    /** Back one step (one core step on the class path): a timeline jump where faithful, else a rebuild. */
    private void previous() {
        if (runner == null) {
            return;
        }
        int back = shownIndex() - 1;
        while (runner.coreOnly() && back > 0 && !runner.lesson().steps().get(back).isCore()) {
            back--;
        }
        if (back >= 0) {
            goTo(back);
        }
    }

    private void goTo(int index) {
        if (runner == null) {
            return;
        }
        if (review.review(runner, index)) {
            refresh(); // the kernel as that step began, from the history: nothing rebuilt
            return;
        }
        if (index == runner.currentIndex() && review.active()) {
            review.end();
            refresh();
            return;
        }
        review.end();
        rebuildAt(index);
    }

    /** Step {@code index} on a fresh world with the steps before it replayed: it can be run again. */
    private void rebuildAt(int index) {
        try {
            runner.goTo(index);
        } catch (LessonException e) {
            cannotRun(e);
        }
    }

    private void cannotRun(LessonException e) {
        showProblem(() -> messages.get("lesson.cannotStart", messages.describe(e)));
    }

    private void showProblem(Supplier<String> words) {
        problemWords = words;
        problem.setText(words.get());
    }

    /**
     * The class path on: the list holds the class's lessons in its order and a running lesson walks only its core
     * steps; off: every lesson, every step. A running lesson keeps running.
     */
    private void classPathChanged(boolean on) {
        Lesson chosen = choice.getValue();
        List<Lesson> shown = on ? classLessons : allLessons;
        choice.getItems().setAll(shown);
        if (runner != null && shown.contains(runner.lesson())) {
            choice.setValue(runner.lesson());
        } else if (chosen != null && shown.contains(chosen) && !on) {
            choice.setValue(chosen);
        } else if (!shown.isEmpty()) {
            choice.getSelectionModel().selectFirst();
        }
        if (runner != null) {
            runner.setCoreOnly(on);
        }
        refresh();
    }

    /** Lesson titles in the combo box, the problem line and the check follow the UI language. */
    private void relabel() {
        choice.setCellFactory(v -> new LessonCell());
        choice.setButtonCell(new LessonCell());
        problem.setText(problemWords.get());
        refresh();
    }

    private final class LessonCell extends ListCell<Lesson> {
        @Override
        protected void updateItem(Lesson item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : classPath.isSelected()
                    ? messages.get("lesson.classPath.item", item.title(messages.getLocale()), item.coreStepCount())
                    : item.title(messages.getLocale()));
        }
    }

    private void refresh() {
        Locale locale = messages.getLocale();
        boolean running = runner != null;
        boolean reviewing = running && review.active();
        start.textProperty().bind(messages.text(running ? "lesson.restart" : "lesson.start"));
        perform.textProperty().bind(messages.text(reviewing ? "lesson.runAgain" : "lesson.perform"));
        previous.setDisable(!running || shownIndex() == 0);
        next.setDisable(!running || runner.finished() && !reviewing);
        perform.setDisable(!running || (reviewing
                ? !runner.lesson().steps().get(review.reviewing()).hasAction()
                : runner.finished() || runner.performed()
                || !runner.currentStep().map(LessonStep::hasAction).orElse(false)));
        reviewNote.setVisible(reviewing);
        reviewNote.setText(reviewing ? messages.get("lesson.reviewNote", review.reviewing() + 1,
                runner.finished() ? runner.stepCount() : runner.currentIndex() + 1) : "");
        rewind.setVisible(running && !reviewing && runner.currentStep().map(LessonStep::rewind).orElse(false));
        rewind.setDisable(!running || !review.canRewind(runner));
        action.getChildren().clear();
        check.getStyleClass().removeAll("lesson-pass", "lesson-fail");
        steps.show(runner, running ? shownIndex() : 0);
        if (!running) {
            Lesson chosen = choice.getValue();
            title.setText(chosen == null ? "" : chosen.title(locale));
            summary.setText(chosen == null ? "" : chosen.summary(locale));
            counter.setText("");
            text.setText(messages.get("lesson.pick"));
            prediction.clear();
            check.setText("");
            return;
        }
        Lesson lesson = runner.lesson();
        title.setText(lesson.title(locale));
        summary.setText(lesson.summary(locale));
        if (runner.finished() && !reviewing) {
            showFinished();
            return;
        }
        LessonStep step = runner.lesson().steps().get(shownIndex());
        counter.setText(messages.get("lesson.counter", step.index() + 1, runner.stepCount()));
        text.setText(step.text(locale));
        if (step.hasAction()) {
            action.getChildren().add(ConsoleStyles.flow(step.action(), runner.session().names().keySet()));
        }
        // the answer stays hidden until the step has run: no "expected" line up front
        prediction.show(runner, step);
        Optional<StepOutcome> outcome = runner.outcome(step.index());
        check.setText(outcome.map(o -> CheckMark.describe(o, messages)).orElse(""));
        outcome.ifPresent(o -> check.getStyleClass().add(o.passed() ? "lesson-pass" : "lesson-fail"));
    }

    private void showFinished() {
        int passed = 0;
        int checked = 0;
        for (int i = 0; i < runner.stepCount(); i++) {
            Optional<StepOutcome> o = runner.outcome(i);
            if (o.isPresent() && o.get().step().hasAction()) {
                checked++;
                passed += o.get().passed() ? 1 : 0;
            }
        }
        counter.setText(messages.get("lesson.finished"));
        text.setText(messages.get("lesson.score", passed, checked));
        prediction.clear();
        boolean all = passed == checked;
        check.setText((all ? CheckMark.PASS : CheckMark.FAIL) + " " + messages.get("lesson.score", passed, checked));
        check.getStyleClass().add(all ? "lesson-pass" : "lesson-fail");
    }
}
