package memscope.app.timeline;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import memscope.app.Messages;
import memscope.model.history.Diff;

/**
 * Diff between two moments: "from" and "to" call numbers (or since the scenario loaded, since the last save, the
 * moment shown); Compare marks the changed bytes in the hex view and lists them with their calls (range, call,
 * personality, caller, before → after). Choosing a row, by mouse or arrow keys, jumps the timeline there. Not
 * modal, so the hex view can be read beside it. It compares the window's current document: when another becomes
 * current (a tab, a tree row, the shown one closed) the same two moments are compared again for it; when the
 * window goes (another scenario, session or lesson world), it closes. Esc returns to now while the past is shown,
 * and closes the window at now.
 */
final class DiffDialog {
    /** More rows than a person reads; the summary says how many were left out. */
    static final int MAX_ROWS = 500;

    private final Timeline timeline;
    private final Messages messages;
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final Label summary = new Label();
    /** The summary's words, asked again when the language changes (its numbers stay). */
    private java.util.function.Supplier<String> summaryWords = () -> "";
    private final javafx.beans.InvalidationListener reword = o -> {
        this.summary.setText(summaryWords.get());
        this.table.refresh(); // the rows' words too
    };
    private final Label document = new Label();
    private final javafx.beans.property.StringProperty documentName = new javafx.beans.property.SimpleStringProperty();
    private final TableView<DiffEntry> table = new TableView<>();
    private final Dialog<Void> dialog = new Dialog<>();
    private final Button save = new Button();
    /** The document the rows were listed for: a row jumps only there. */
    private memscope.app.document.Document rowsFor;

    private DiffDialog(Timeline timeline, Messages messages) {
        this.timeline = timeline;
        this.messages = messages;
    }

    static DiffDialog show(Timeline timeline, Messages messages, Node owner) {
        DiffDialog d = new DiffDialog(timeline, messages);
        d.open(owner);
        return d;
    }

    private void open(Node owner) {
        dialog.initModality(Modality.NONE);
        dialog.titleProperty().bind(messages.text("timeline.diff.title"));
        dialog.getDialogPane().setId("diffDialog");
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        from.setId("diffFrom");
        to.setId("diffTo");
        from.setPrefColumnCount(8);
        to.setPrefColumnCount(8);
        from.setText(Long.toString(timeline.history().horizon()));
        to.setText(Long.toString(timeline.shown()));
        from.setOnAction(e -> compare());
        to.setOnAction(e -> compare());
        Button start = button("diffFromStart", "timeline.diff.sinceLoad");
        start.setOnAction(e -> preset(from, timeline.history().horizon()));
        save.setId("diffFromSave");
        save.textProperty().bind(messages.text("timeline.diff.sinceSave"));
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(messages.text("timeline.diff.sinceSave.tip"));
        save.setTooltip(tip);
        save.setOnAction(e -> timeline.lastSave().ifPresent(at -> preset(from, at)));
        Button shown = button("diffToShown", "timeline.diff.toShown");
        shown.setOnAction(e -> preset(to, timeline.shown()));
        Button compare = button("diffCompare", "timeline.diff.compare");
        compare.setOnAction(e -> compare());
        compare.setDefaultButton(true);

        GridPane moments = new GridPane();
        moments.setHgap(6);
        moments.setVgap(6);
        Label fromLabel = label("timeline.diff.from", from);
        Label toLabel = label("timeline.diff.to", to);
        moments.addRow(0, fromLabel, from, start, save);
        moments.addRow(1, toLabel, to, shown, compare);

        document.setId("diffDocument");
        document.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.get("timeline.diff.document", documentName.get()), documentName,
                messages.localeProperty()));
        messages.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(reword));
        summary.setId("diffSummary");
        summary.setWrapText(true);
        table.setId("diffTable");
        table.setPlaceholder(new Label());
        table.getColumns().setAll(List.of(
                column("timeline.diff.column.range", e -> e.structural() ? "\u2014"
                        : messages.get("timeline.diff.range", Long.toHexString(e.start()), e.end() - e.start())),
                column("timeline.diff.column.call", e -> "#" + e.sequence()),
                column("timeline.diff.column.personality", e -> e.step().personality()),
                column("timeline.diff.column.caller", e -> messages.render(e.step().caller().words())),
                column("timeline.diff.column.change", e -> e.structural()
                        ? messages.get("timeline.diff.structure." + e.structure().kind().name(), e.structure().koid())
                        : messages.get("timeline.diff.change", e.before().isEmpty() ? "\u2014" : e.before(),
                                e.after().isEmpty() ? "\u2014" : e.after()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(720, 300);
        // choosing a row, by click or arrow keys, shows the moment just after its call at its bytes
        table.getSelectionModel().selectedItemProperty().addListener((o, a, chosen) -> {
            if (chosen != null && rowsFor == timeline.document()) {
                timeline.jumpTo(chosen);
            }
        });
        VBox content = new VBox(8, document, moments, summary, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        content.setPadding(new Insets(4));
        dialog.getDialogPane().setContent(content);
        dialog.setResizable(true);
        dialog.setOnHidden(e -> timeline.diffClosed(this));
        // the past's banner says Esc returns to now: here too, before Esc closes the window
        dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && timeline.inThePast()) {
                timeline.returnToNow();
                e.consume();
            }
        });
        follow();
        dialog.show();
        from.requestFocus();
    }

    /** Compares the same two moments again, for the window's current document (it may have changed). */
    void follow() {
        var doc = timeline.document();
        documentName.set(doc == null ? "\u2014" : doc.name());
        save.setDisable(timeline.lastSave().isEmpty()); // a file is saved, a process with the session
        compare();
        if (rowsFor != doc) {
            // the moments typed are not ones to compare: the rows and marks of the document left go
            table.getItems().clear();
            timeline.clearDiff();
        }
    }

    void toFront() {
        ((Stage) dialog.getDialogPane().getScene().getWindow()).toFront();
        from.requestFocus();
    }

    boolean isShowing() {
        return dialog.getDialogPane().getScene().getWindow().isShowing();
    }

    /** Closes the window (its main window went away). */
    void close() {
        dialog.close();
    }

    /** Puts {@code at} into {@code field} and compares at once: a preset is a choice, not a draft. */
    private void preset(TextField field, long at) {
        field.setText(Long.toString(at));
        compare();
    }

    /** Reads both moments, marks the diff and fills the list; bad input is named and changes nothing. */
    void compare() {
        long horizon = timeline.history().horizon();
        long now = timeline.history().now();
        Optional<Long> a = moment(from.getText(), horizon, now);
        Optional<Long> b = a.isPresent() ? moment(to.getText(), horizon, now) : Optional.empty();
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        long lo = Math.min(a.get(), b.get());
        long hi = Math.max(a.get(), b.get());
        Optional<List<DiffRows.Place>> places = timeline.diff(lo, hi);
        if (places.isEmpty()) {
            say("timeline.diff.error.outside", lo, horizon, now);
            return;
        }
        List<DiffEntry> rows = new java.util.ArrayList<>(DiffRows.entries(timeline.history(), places.get(), MAX_ROWS));
        // then what changed besides bytes (maps, VMOs, handles...), in call order, within the same limit
        List<Diff.Change> structure = timeline.history().diff(lo, hi).map(Diff::structure).orElse(List.of());
        rowsFor = timeline.document();
        rows.addAll(DiffRows.structure(timeline.history(), new Diff(lo, hi, List.of(), structure),
                MAX_ROWS - rows.size()));
        table.getSelectionModel().clearSelection();
        table.getItems().setAll(rows);
        long calls = places.get().stream().flatMap(p -> p.sequences().stream()).distinct().count();
        long all = DiffRows.count(places.get()) + structure.size();
        int ranges = places.get().size();
        int changes = structure.size();
        int shown = rows.size();
        setSummary(() -> {
            String words;
            if (ranges == 0 && changes == 0) {
                words = messages.get("timeline.diff.nothing", lo, hi);
            } else if (ranges == 0) {
                words = messages.get("timeline.diff.structureOnly", changes, lo, hi);
            } else {
                words = messages.get("timeline.diff.status", ranges, calls, lo, hi);
                if (changes > 0) {
                    words += " " + messages.get("timeline.diff.structureToo", changes);
                }
            }
            return all > shown ? words + " " + messages.get("timeline.diff.more", shown, all) : words;
        });
    }

    private void setSummary(java.util.function.Supplier<String> words) {
        summaryWords = words;
        summary.setText(words.get());
    }

    /** A call number typed as {@code 12} or {@code #12} within the history, or empty with the problem said. */
    private Optional<Long> moment(String text, long horizon, long now) {
        String t = text.strip();
        if (t.startsWith("#")) {
            t = t.substring(1).strip();
        }
        long n;
        try {
            n = Long.parseLong(t);
        } catch (NumberFormatException e) {
            say("timeline.diff.error.notNumber", text.strip());
            return Optional.empty();
        }
        if (n < horizon || n > now) {
            say("timeline.diff.error.outside", n, horizon, now);
            return Optional.empty();
        }
        return Optional.of(n);
    }

    private void say(String key, Object... args) {
        setSummary(() -> messages.get(key, args));
    }

    private Button button(String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(messages.text(key));
        return b;
    }

    private Label label(String key, Node field) {
        Label l = new Label();
        l.textProperty().bind(messages.text(key));
        l.setLabelFor(field);
        l.setMnemonicParsing(true);
        return l;
    }

    private TableColumn<DiffEntry, String> column(String key, java.util.function.Function<DiffEntry, String> text) {
        TableColumn<DiffEntry, String> c = new TableColumn<>();
        c.textProperty().bind(messages.text(key));
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }
}
