package memscope.app.find;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import memscope.app.Messages;
import memscope.app.edit.ByteRange;
import memscope.app.find.Finder;
import memscope.app.edit.HexParseException;
import memscope.app.find.SearchPattern;
import memscope.app.edit.TextEncoding;
import memscope.app.hex.AddressRange;
import memscope.app.hex.ByteSource;
import memscope.app.hex.HexView;

/**
 * The find bar (Ctrl+F): hex bytes ({@code DE AD ?? EF}) or text in a chosen encoding, searched in what the hex
 * view shows. Enter / F3 finds the next match after the current one, Shift+Enter / Shift+F3 the previous; the
 * match is selected and scrolled into view, wrapping round at the ends. Problems show in the bar itself. A search
 * runs off the FX thread (the window stays responsive) and shows its progress with a Cancel (or Esc).
 */
public final class FindBar {
    /** Hex or text. */
    public enum Mode { HEX, TEXT }

    private final Messages messages;
    private final HexView hexView;
    private final Supplier<Optional<Finder>> finder;
    private final HBox bar = new HBox(6);
    private final ChoiceBox<Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(Mode.values()));
    private final ChoiceBox<TextEncoding> encoding =
            new ChoiceBox<>(FXCollections.observableArrayList(TextEncoding.values()));
    private final TextField field = new TextField();
    private final Label message = new Label();
    /** How far the running search got, with its Cancel: shown only while a search runs. */
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button();
    private Task<?> running;
    private final javafx.beans.property.ReadOnlyBooleanWrapper searching = new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** Counts searches, so only the latest one's answer is shown. */
    private long searches;

    /** {@code finder} reads the viewed process (empty when nothing readable is shown). */
    public FindBar(Messages messages, HexView hexView, Supplier<Optional<Finder>> finder) {
        this.messages = messages;
        this.hexView = hexView;
        this.finder = finder;
        build();
        hide();
    }

    public Node node() {
        return bar;
    }

    /** Shows the bar with the search text selected, ready for typing. */
    public void show() {
        bar.setVisible(true);
        bar.setManaged(true);
        field.requestFocus();
        field.selectAll();
    }

    public void hide() {
        cancel(); // nobody would see its progress or answer
        bar.setVisible(false);
        bar.setManaged(false);
    }

    public boolean isShowing() {
        return bar.isVisible();
    }

    public String message() {
        return message.getText();
    }

    /** Stops the running search, if any; what was selected stays selected. */
    public void cancel() {
        if (running != null) {
            // no interrupt: one that lands inside a file read closes the file's channel under the document
            running.cancel(false);
        }
    }

    /** Starts finding the next match; false (and a message saying why) when the input is bad. */
    public boolean findNext() {
        return find(true);
    }

    public boolean findPrevious() {
        return find(false);
    }

    /**
     * Starts a search on a background thread (a large file takes a while to scan) and selects the hit when it
     * comes back; a newer search makes an older one's answer irrelevant. False if it could not even start.
     */
    private boolean find(boolean forward) {
        if (field.getText().isEmpty()) {
            show();
            return false;
        }
        Optional<SearchPattern> pattern = pattern();
        Optional<Finder> f = finder.get();
        ByteSource source = hexView.getSource();
        if (pattern.isEmpty()) {
            return false;
        }
        if (f.isEmpty() || source == null || source.end() <= source.start()) {
            say("find.nothingShown", true);
            return false;
        }
        ByteRange within = new ByteRange(source.start(), source.end());
        AddressRange sel = hexView.selectionProperty().get();
        long caret = hexView.caretProperty().get();
        // from the caret itself when nothing is selected; else after (or before) the current match's start
        long from = forward ? (sel.isEmpty() ? caret - 1 : sel.start()) : (sel.isEmpty() ? caret : sel.start());
        String query = field.getText();
        long generation = ++searches;
        cancel(); // a newer search replaces the one running
        Task<Optional<Finder.Hit>> task = new Task<>() {
            @Override
            protected Optional<Finder.Hit> call() {
                Finder.Watch watch = (scanned, total) -> {
                    if (isCancelled()) {
                        throw new CancellationException();
                    }
                    updateProgress(scanned, total);
                };
                return forward ? f.get().findNextWrapping(pattern.get(), from, within, watch)
                        : f.get().findPreviousWrapping(pattern.get(), from, within, watch);
            }
        };
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            if (generation == searches) {
                searching.set(false);
                show(task.getValue(), query);
            }
        });
        task.setOnFailed(e -> {
            if (generation == searches) {
                searching.set(false);
                if (task.getException() instanceof UnreadableMemoryException u) {
                    say("find.unreadable", true, query, String.format("0x%x", u.address()));
                } else {
                    sayProblem("find.badText", task.getException());
                }
            }
        });
        task.setOnCancelled(e -> {
            if (generation == searches) {
                searching.set(false);
                say("find.cancelled", false, query);
            }
        });
        task.stateProperty().addListener((o, was, now) -> {
            if (task.isDone() && running == task) {
                running = null;
            }
        });
        searching.set(true);
        bar.setVisible(true); // F3 with the bar hidden: its progress and Cancel must be seen
        bar.setManaged(true);
        say("find.searching", false, query);
        Thread worker = new Thread(task, "memscope-find");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    /** True while a search runs. */
    public javafx.beans.property.ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    private void show(Optional<Finder.Hit> hit, String query) {
        if (hit.isEmpty()) {
            say("find.notFound", true, query);
            return;
        }
        ByteRange r = hit.get().range();
        hexView.select(r.start(), r.end());
        say(hit.get().wrapped() ? "find.foundWrapped" : "find.found", false, String.format("0x%x", r.start()));
    }

    private Optional<SearchPattern> pattern() {
        String text = field.getText();
        try {
            return Optional.of(mode.getValue() == Mode.HEX ? SearchPattern.hex(text)
                    : SearchPattern.text(text, encoding.getValue()));
        } catch (HexParseException e) {
            sayProblem("find.badHex", e);
        } catch (IllegalArgumentException e) {
            sayProblem("find.badText", e);
        }
        return Optional.empty();
    }

    private void say(String key, boolean problem, Object... args) {
        say(() -> messages.get(key, args), problem);
    }

    /** {@code key}'s sentence around the problem, both worded in the current language. */
    private void sayProblem(String key, Throwable e) {
        say(() -> messages.get(key, messages.describe(e)), true);
    }

    /** Shows {@code words}, worded again when the language changes. */
    private void say(Supplier<String> words, boolean problem) {
        message.textProperty().bind(Bindings.createStringBinding(words::get, messages.localeProperty()));
        message.getStyleClass().setAll("label", problem ? "find-problem" : "find-ok");
    }

    private void build() {
        bar.setId("findBar");
        bar.getStyleClass().add("find-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        mode.setId("findMode");
        mode.setValue(Mode.HEX);
        mode.setConverter(labels(m -> messages.get(m == Mode.HEX ? "find.mode.hex" : "find.mode.text")));
        encoding.setId("findEncoding");
        encoding.setValue(TextEncoding.UTF_8);
        encoding.setConverter(labels(TextEncoding::label));
        encoding.disableProperty().bind(mode.valueProperty().isEqualTo(Mode.HEX));
        field.setId("findField");
        field.setPrefColumnCount(28);
        field.promptTextProperty().bind(messages.text("find.prompt"));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                find(!e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && searching.get()) {
                cancel(); // the first Esc stops a search, the next one closes the bar
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                hexView.requestFocus();
                e.consume();
            }
        });
        Button next = button("findNext", "find.next", () -> find(true));
        Button previous = button("findPrevious", "find.previous", () -> find(false));
        Button close = new Button("\u2715");
        close.setId("findClose");
        close.setOnAction(e -> {
            hide();
            hexView.requestFocus();
        });
        progress.setId("findProgress");
        progress.setPrefWidth(120);
        cancel.setId("findCancel");
        cancel.textProperty().bind(messages.text("find.cancel"));
        cancel.setOnAction(e -> cancel());
        for (Node n : new Node[] {progress, cancel}) {
            n.visibleProperty().bind(searching);
            n.managedProperty().bind(searching);
        }
        message.setId("findMessage");
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Label label = new Label();
        label.textProperty().bind(messages.text("find.label"));
        bar.getChildren().addAll(label, mode, encoding, field, previous, next, progress, cancel, message, close);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(messages.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static <T> StringConverter<T> labels(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choices are not typed in");
            }
        };
    }
}
