package memscope.app.console;

import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import memscope.app.hooks.PanelHooks;
import memscope.app.Messages;
import memscope.app.files.BackgroundTask;
import memscope.app.startup.AfterFirstFrame;
import memscope.app.status.Outcome;
import memscope.model.script.CommandResult;
import memscope.model.script.ConsoleSession;
import memscope.model.script.ExerciseCommand;
import memscope.model.script.RunResult;
import memscope.model.script.ScriptError;
import memscope.model.script.ScriptFiles;
import memscope.model.text.Text;
import org.fxmisc.richtext.CodeArea;

/**
 * The syscall console: a code editor where a person types console commands ({@code write app 0x1100000 de ad})
 * and runs them on the window's kernel with Ctrl+Enter or Run (the whole text, or the lines the selection
 * touches), beside a transcript of what each call answered. The calls reach the syscall log and the views the way
 * every call does, through the kernel's observers. A script with a parse error runs nothing: the error's line and
 * column are shown, the caret goes there and the token is underlined. What the console says is kept as words to
 * render (the model's {@code Text}, results), so a language switch re-words the message line, the transcript and
 * the status line.
 *
 * <p>The editor and the transcript ({@link ConsoleEditor}) are made right after the first frame, which shows two
 * empty panes of their size and colour in their place (issue 14: start-up); anything that needs them sooner (a
 * click there, focus, a run, a script loaded, a transcript line) makes them at once, so nothing is lost.
 */
public final class ConsolePane implements PanelHooks.Tool {
    /** Where a run's outcome is announced besides the console itself (the window's status pane). */
    public interface Reporter {
        /** Shows {@code text}, worded now and again after each language switch. */
        void report(Supplier<String> text, Outcome outcome);

        /** Shows text worded once. */
        default void report(String text, Outcome outcome) {
            report(() -> text, outcome);
        }
    }

    static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN);

    private final Messages messages;
    private final Label message = new Label();
    private final BorderPane box = new BorderPane();
    /** Where the editor and the transcript go; until then they hold placeholders of the same look. */
    private final StackPane editorSlot = slot("consoleEditorSlot");
    private final StackPane transcriptSlot = slot("consoleTranscriptSlot");
    private final ExerciseConsole exercises;
    /** The text parts, made after the first frame or when first needed. */
    private ConsoleEditor editor;
    private ConsoleSession session;
    private Reporter reporter = (text, outcome) -> { };
    /** The message line's words, rendered again when the language changes. */
    private Supplier<String> said;

    public ConsolePane(Messages messages) {
        this.messages = messages;
        this.exercises = new ExerciseConsole(messages);
        this.said = () -> messages.get("console.hint");
        build();
        AfterFirstFrame.run(box, this::editor);
    }

    /** The editor and the transcript, made now if they were not yet. */
    private ConsoleEditor editor() {
        if (editor == null) {
            editor = new ConsoleEditor(messages, () -> session == null ? List.of() : session.names().keySet(),
                    this::run, this::restyle);
            editorSlot.getChildren().setAll(editor.editorView);
            transcriptSlot.getChildren().setAll(editor.transcriptView);
            restyle();
        }
        return editor;
    }

    /** Whether the editor and the transcript have been made (they wait for the first frame). */
    boolean editorMade() {
        return editor != null;
    }

    /** Points the console at a kernel and its handle names; earlier text stays so it can be run again there. */
    public void attach(ConsoleSession session, Reporter reporter) {
        boolean fresh = this.session != null && this.session != session;
        this.session = Objects.requireNonNull(session, "session");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        if (fresh) {
            editor().transcript.note(() -> messages.get("console.attached"));
        }
        restyle();
    }

    public ConsoleSession session() {
        return session;
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public ObservableStringValue title() {
        return messages.text("console.title");
    }

    @Override
    public void focus() {
        editor().area.requestFocus();
    }

    public CodeArea area() {
        return editor().area;
    }

    /** The last thing the console said: a run's summary, a parse error with its line and column, a file problem. */
    public String message() {
        return message.getText();
    }

    public String transcriptText() {
        return editor().transcript.text();
    }

    /**
     * Runs the selected lines, or all the text when nothing is selected. Returns true when it parsed and ran (each
     * call's own status is in the transcript); false when a parse error stopped it before anything ran.
     */
    public boolean run() {
        if (session == null) {
            return false;
        }
        CodeArea area = area();
        ScriptSelection chunk = ScriptSelection.of(area.getText(), area.getSelection().getStart(),
                area.getSelection().getEnd());
        // exercise and predict lines talk to the console's exercise, not to the kernel
        Optional<List<ExerciseCommand>> exercise = ExerciseConsole.lines(chunk.text());
        if (exercise.isPresent()) {
            exercises.run(exercise.get(), editor().transcript::line);
            say(() -> messages.get("exercise.ran"), Outcome.OK);
            return true;
        }
        RunResult result = session.run(chunk.text());
        restyle();
        if (!result.ran()) {
            showErrors(chunk, result.errors());
            return false;
        }
        editor().transcript.append(result.results());
        List<CommandResult> done = result.results();
        if (done.isEmpty()) {
            say(() -> messages.get("console.nothingToRun"), Outcome.OK);
        } else {
            CommandResult last = done.get(done.size() - 1);
            Outcome outcome = !last.ok() ? Outcome.ERROR : last.actual() < last.requested() ? Outcome.PARTIAL
                    : Outcome.OK;
            int count = done.size();
            Text summary = last.summaryText(); // the words only: the results' read bytes are not kept alive
            say(() -> messages.get("console.ran", count, messages.render(summary)), outcome);
        }
        return true;
    }

    /**
     * Reads a script file off the FX thread (with Cancel, see {@link BackgroundTask}) and puts its text in the
     * editor; the text already there stays if the file cannot be read or the read is cancelled.
     */
    public CompletableFuture<Boolean> load(Path file) {
        return load(file, () -> { });
    }

    /** Loads a script and runs all of it (or, if any line is wrong, none of it); the outcome is the run's. */
    public CompletableFuture<Boolean> replay(Path file) {
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        load(file, () -> {
            area().deselect();
            ran.complete(run());
        }).thenAccept(loaded -> ran.complete(loaded && ran.getNow(false)));
        return ran;
    }

    private CompletableFuture<Boolean> load(Path file, Runnable then) {
        Window owner = box.getScene() == null ? null : box.getScene().getWindow();
        return BackgroundTask.start(messages, owner, () -> messages.get("console.reading", file.getFileName()),
                () -> ScriptFiles.load(file), new BackgroundTask.Callbacks<String>() {
                    @Override
                    public void succeeded(String script) {
                        area().replaceText(script);
                        area().moveTo(0);
                        say(() -> messages.get("console.loaded", file.getFileName()), Outcome.OK);
                        then.run();
                    }

                    @Override
                    public void failed(Throwable e) {
                        if (e instanceof CharacterCodingException) {
                            say(() -> messages.get("console.notText", file), Outcome.ERROR);
                        } else {
                            say(() -> messages.get("console.cannotRead", file, messages.describe(e)), Outcome.ERROR);
                        }
                    }

                    @Override
                    public void cancelled() {
                        say(() -> messages.get("console.readCancelled", file.getFileName()), Outcome.PARTIAL);
                    }
                }).outcome();
    }

    public boolean save(Path file) {
        try {
            ScriptFiles.save(file, area().getText());
            say(() -> messages.get("console.saved", file.getFileName()), Outcome.OK);
            return true;
        } catch (IOException e) {
            say(() -> messages.get("console.cannotWrite", file, messages.describe(e)), Outcome.ERROR);
            return false;
        }
    }

    private void build() {
        SplitPane split = new SplitPane(editorSlot, transcriptSlot);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);

        Button run = button("consoleRun", "console.run", this::run);
        run.setTooltip(new Tooltip());
        run.getTooltip().textProperty().bind(messages.text("console.run.tip"));
        Button load = button("consoleLoad", "console.load", () -> choose(false).ifPresent(this::load));
        Button replay = button("consoleReplay", "console.replay", () -> choose(false).ifPresent(this::replay));
        Button save = button("consoleSave", "console.save", () -> choose(true).ifPresent(this::save));
        Label title = new Label();
        title.textProperty().bind(messages.text("console.title"));
        title.getStyleClass().add("panel-title");
        ToolBar bar = new ToolBar(title, run, load, replay, save);
        message.setId("consoleMessage");
        message.getStyleClass().add("console-message");
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);
        message.setText(said.get());
        messages.localeProperty().addListener((o, was, now) -> message.setText(said.get()));
        box.setTop(bar);
        box.setCenter(split);
        box.setBottom(message);
        box.setId("consolePane");
        box.getStyleClass().add("console-pane");
        box.getStylesheets().add(ConsoleStyles.STYLESHEET);
    }

    /** A slot with an empty pane of the text area's colour; a click there makes the editor and focuses it. */
    private StackPane slot(String id) {
        Region placeholder = new Region();
        placeholder.getStyleClass().add("console-placeholder");
        StackPane slot = new StackPane(placeholder);
        slot.setId(id);
        placeholder.setOnMousePressed(e -> focus());
        return slot;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(messages.text(key));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private Optional<Path> choose(boolean saving) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("console.files"),
                "*" + ScriptFiles.EXTENSION));
        File file = saving ? chooser.showSaveDialog(box.getScene().getWindow())
                : chooser.showOpenDialog(box.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }

    private void showErrors(ScriptSelection chunk, List<ScriptError> errors) {
        ScriptError first = errors.get(0);
        say(() -> errorsText(chunk, errors), Outcome.ERROR);
        CodeArea area = area();
        area.deselect();
        area.moveTo(chunk.offset() + first.offsetIn(chunk.text()));
        area.requestFollowCaret();
        area.requestFocus();
    }

    /** Each error with its line in the whole text and its column, in the current language. */
    private String errorsText(ScriptSelection chunk, List<ScriptError> errors) {
        StringBuilder text = new StringBuilder();
        for (ScriptError e : errors) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(messages.get("console.error", chunk.lineInWhole(e.line()), e.column(),
                    messages.render(e.text())));
        }
        return errors.size() == 1 ? text.toString() : messages.get("console.errors", errors.size(), text.toString());
    }

    /** Shows {@code words} on the message line and the status line, worded again after each language switch. */
    private void say(Supplier<String> words, Outcome outcome) {
        said = words;
        message.setText(words.get());
        message.getStyleClass().removeIf(c -> c.startsWith("console-message-"));
        message.getStyleClass().add("console-message-" + outcome.styleClass());
        reporter.report(() -> messages.get("console.status", words.get().lines().findFirst().orElse("")), outcome);
    }

    private void restyle() {
        if (session != null && editor != null) {
            CodeArea area = editor.area;
            area.setStyleSpans(0, ConsoleStyles.spans(area.getText(), session.names().keySet()));
        }
    }
}
