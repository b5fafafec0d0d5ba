package memscope.app.live;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import memscope.app.DialogButtons;
import memscope.app.Messages;
import memscope.app.text.HexFormat;
import memscope.model.linux.LinuxProcessInfo;

/**
 * File › Attach to process…: this user's processes (PID, name, command line, RSS) in a table; typing filters
 * it (by PID, name or command line), the arrow keys move in it, Enter or Attach attaches to the chosen row.
 */
final class ProcessPicker {
    private final Dialog<LinuxProcessInfo> dialog = new Dialog<>();
    private final TextField filter = new TextField();
    private final TableView<LinuxProcessInfo> table = new TableView<>();

    ProcessPicker(Messages messages, Window owner, List<LinuxProcessInfo> processes) {
        dialog.setTitle(messages.get("live.picker.title"));
        dialog.setHeaderText(messages.get("live.picker.header"));
        if (owner != null && owner.isShowing()) {
            dialog.initOwner(owner);
        }
        dialog.setResizable(true);
        ButtonType attach = new ButtonType(messages.get("live.picker.attach"), ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(attach, DialogButtons.cancel(messages));
        dialog.getDialogPane().setId("processPicker");
        dialog.getDialogPane().lookupButton(attach).setId("attachButton");
        dialog.getDialogPane().lookupButton(attach).disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());

        FilteredList<LinuxProcessInfo> shown = new FilteredList<>(FXCollections.observableArrayList(processes));
        table.setItems(shown);
        table.setId("processTable");
        table.setPlaceholder(new Label(messages.get("live.picker.none")));
        table.getColumns().add(column(messages.get("live.picker.pid"), 70, p -> String.valueOf(p.pid())));
        table.getColumns().add(column(messages.get("live.picker.name"), 130, LinuxProcessInfo::name));
        table.getColumns().add(column(messages.get("live.picker.command"), 360, LinuxProcessInfo::commandLine));
        table.getColumns().add(column(messages.get("live.picker.rss"), 90, p -> HexFormat.humanSize(p.rssBytes())));
        table.setPrefSize(680, 380);
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(attach)).fire();
            }
        });

        filter.setId("processFilter");
        filter.setPromptText(messages.get("live.picker.filter"));
        filter.textProperty().addListener((o, was, now) -> {
            shown.setPredicate(matching(now));
            // a PID typed whole picks that process, even where its digits also occur in other rows (another
            // PID, a command line's numbers) listed before it
            int exact = exactPid(shown, now);
            if (exact >= 0) {
                table.getSelectionModel().select(exact);
                table.scrollTo(exact);
            } else {
                table.getSelectionModel().selectFirst();
            }
        });
        // the filter keeps the keyboard: Up and Down move in the table, Enter attaches (the default button)
        filter.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int i = table.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                if (i >= 0 && i < shown.size()) {
                    table.getSelectionModel().select(i);
                    table.scrollTo(i);
                }
                e.consume();
            }
        });
        VBox box = new VBox(6, filter, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        dialog.getDialogPane().setContent(box);
        dialog.setResultConverter(b -> b == attach ? table.getSelectionModel().getSelectedItem() : null);
        table.getSelectionModel().selectFirst();
        Platform.runLater(filter::requestFocus);
    }

    /** Shows the picker; {@code chosen} runs with the row chosen (not on Cancel) once it closes. */
    void show(Consumer<LinuxProcessInfo> chosen) {
        dialog.setOnHidden(e -> {
            LinuxProcessInfo p = dialog.getResult();
            if (p != null) {
                chosen.accept(p);
            }
        });
        dialog.show();
    }

    /** The index in {@code rows} of the process whose PID is {@code text}, or -1. */
    static int exactPid(List<LinuxProcessInfo> rows, String text) {
        String t = text == null ? "" : text.strip();
        for (int i = 0; i < rows.size(); i++) {
            if (String.valueOf(rows.get(i).pid()).equals(t)) {
                return i;
            }
        }
        return -1;
    }

    /** Rows whose PID, name or command line contain {@code text} (ignoring case); all rows for blank text. */
    static Predicate<LinuxProcessInfo> matching(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return p -> true;
        }
        return p -> String.valueOf(p.pid()).contains(t) || p.name().toLowerCase(Locale.ROOT).contains(t)
                || p.commandLine().toLowerCase(Locale.ROOT).contains(t);
    }

    private static TableColumn<LinuxProcessInfo, String> column(String title, double width,
                                                                java.util.function.Function<LinuxProcessInfo, String> value) {
        TableColumn<LinuxProcessInfo, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
