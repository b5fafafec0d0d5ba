package memscope.app.bookmarks;

import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;
import memscope.app.DialogButtons;
import memscope.app.Messages;
import memscope.app.hex.AddressRange;
import memscope.app.hex.HexView;
import memscope.app.hex.Highlight;

/**
 * Bookmarks: Ctrl+B names the selection (or the caret's byte) and gives it a colour; the list jumps to a bookmark
 * on double-click or Enter; every bookmarked range is tinted in the hex view.
 */
public final class BookmarksPanel {
    private static final double TINT_OPACITY = 0.45;
    private static final Color[] PALETTE = {Color.GOLD, Color.LIGHTGREEN, Color.LIGHTSKYBLUE, Color.PINK,
        Color.ORANGE, Color.PLUM};

    private final Messages messages;
    private final HexView hexView;
    private final ObservableList<Bookmark> bookmarks = FXCollections.observableArrayList();
    private final ListView<Bookmark> list = new ListView<>(bookmarks);
    private final VBox box = new VBox(6);

    public BookmarksPanel(Messages messages, HexView hexView) {
        this.messages = messages;
        this.hexView = hexView;
        Label title = new Label();
        title.textProperty().bind(messages.text("bookmarks.title"));
        title.getStyleClass().add("panel-title");
        list.setId("bookmarkList");
        list.setPrefHeight(120);
        list.setCellFactory(v -> new SwatchCell());
        messages.localeProperty().addListener((o, before, now) -> list.refresh()); // rows say "bytes"
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                jumpToSelected();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                jumpToSelected();
            } else if (e.getCode() == KeyCode.DELETE) {
                removeSelected();
            }
        });
        Button remove = new Button();
        remove.setId("removeBookmark");
        remove.textProperty().bind(messages.text("bookmarks.remove"));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeSelected());
        box.setId("bookmarks");
        box.getStyleClass().addAll("bookmarks-panel", "simulation-panel");
        box.getChildren().addAll(title, list, remove);
        bookmarks.addListener((ListChangeListener<Bookmark>) c -> tint());
    }

    public Node node() {
        return box;
    }

    public ObservableList<Bookmark> bookmarks() {
        return bookmarks;
    }

    /** Adds a bookmark and tints its range. */
    public void add(Bookmark b) {
        bookmarks.add(b);
    }

    /** Puts the caret on a bookmark, its whole range selected and in view. */
    public void jumpTo(Bookmark b) {
        hexView.select(b.start(), b.end());
        hexView.requestFocus();
    }

    /** Asks for a name and colour for the selection (or the caret's byte), then adds the bookmark. */
    public void askToAdd(Window owner) {
        AddressRange sel = hexView.selectionProperty().get();
        long start = sel.isEmpty() ? hexView.caretProperty().get() : sel.start();
        long end = sel.isEmpty() ? start + 1 : sel.end();
        Dialog<Bookmark> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("bookmarks.add.title"));
        dialog.setHeaderText(messages.get("bookmarks.add.header", String.format("0x%x", start), end - start));
        TextField name = new TextField(String.format("0x%x", start));
        name.setId("bookmarkName");
        ColorPicker colour = new ColorPicker(PALETTE[bookmarks.size() % PALETTE.length]);
        colour.setId("bookmarkColour");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setPadding(new Insets(10));
        form.addRow(0, new Label(messages.get("bookmarks.add.name")), name);
        form.addRow(1, new Label(messages.get("bookmarks.add.colour")), colour);
        dialog.getDialogPane().setContent(form);
        ButtonType ok = new ButtonType(messages.get("bookmarks.add.ok"), ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, DialogButtons.cancel(messages));
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("bookmarkOk");
        // a blank name would be refused by Bookmark: keep OK off rather than fail in the converter
        okButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> name.getText().isBlank(), name.textProperty()));
        dialog.setResultConverter(b -> b == ok ? new Bookmark(name.getText().trim(), start, end, colour.getValue())
                : null);
        dialog.setOnShown(e -> name.requestFocus());
        dialog.setOnHidden(e -> {
            Bookmark b = dialog.getResult();
            if (b != null) {
                add(b);
            }
        });
        dialog.show();
    }

    private void jumpToSelected() {
        Bookmark b = list.getSelectionModel().getSelectedItem();
        if (b != null) {
            jumpTo(b);
        }
    }

    private void removeSelected() {
        Bookmark b = list.getSelectionModel().getSelectedItem();
        if (b != null) {
            bookmarks.remove(b);
        }
    }

    private void tint() {
        hexView.setHighlights(bookmarks.stream().map(b -> new Highlight(b.start(), b.end(),
                b.color().deriveColor(0, 1, 1, TINT_OPACITY))).toList());
    }

    /** A list row: the bookmark's colour as a swatch, then its name and address. */
    private final class SwatchCell extends ListCell<Bookmark> {
        @Override
        protected void updateItem(Bookmark b, boolean empty) {
            super.updateItem(b, empty);
            if (empty || b == null) {
                setText(null);
                setGraphic(null);
            } else {
                long length = b.end() - b.start();
                String at = String.format("0x%x", b.start());
                setText(length == 1 ? messages.get("bookmarks.row", b.name(), at)
                        : messages.get("bookmarks.row.range", b.name(), at, String.valueOf(length)));
                setGraphic(new HBox(new Rectangle(12, 12, b.color())));
            }
        }
    }
}
