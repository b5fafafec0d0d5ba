package memscope.app.timeline;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import memscope.app.Messages;
import memscope.model.history.Writer;

/**
 * Who wrote this? The calls that changed one byte (number, personality, call, caller, before → after); choosing
 * one and Jump there moves the timeline just after it.
 */
final class WhoWroteDialog {
    private WhoWroteDialog() {
    }

    static Dialog<Writer> show(Timeline timeline, Messages messages, long address, List<Writer> writers, Node owner) {
        Dialog<Writer> dialog = new Dialog<>();
        dialog.setTitle(messages.get("timeline.whoWrote.title"));
        dialog.getDialogPane().setId("whoWroteDialog");
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        String where = Long.toHexString(address);
        ButtonType jump = new ButtonType(messages.get("timeline.whoWrote.jump"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(jump, ButtonType.CLOSE);
        if (writers.isEmpty()) {
            dialog.getDialogPane().setHeaderText(messages.get("timeline.whoWrote.none", where));
            dialog.getDialogPane().lookupButton(jump).setDisable(true);
        } else {
            dialog.getDialogPane().setHeaderText(messages.get("timeline.whoWrote.header", where));
        }
        ListView<Writer> list = new ListView<>();
        list.setId("whoWroteList");
        list.getItems().setAll(writers);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Writer w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null ? null : row(messages, w));
            }
        });
        if (!writers.isEmpty()) {
            list.getSelectionModel().selectLast();
        }
        list.setPrefHeight(Math.min(320, 28 + 24 * Math.max(1, writers.size())));
        dialog.getDialogPane().setContent(list);
        dialog.setResultConverter(b -> b == jump ? list.getSelectionModel().getSelectedItem() : null);
        dialog.setOnHidden(e -> {
            Writer chosen = dialog.getResult();
            if (chosen != null) {
                timeline.jumpTo(chosen.sequence());
            }
        });
        dialog.show();
        return dialog;
    }

    static String row(Messages messages, Writer w) {
        String personality = w.step().personality().isEmpty() ? "" : w.step().personality();
        return messages.get("timeline.whoWrote.row", w.sequence(), personality, w.step().name(),
                messages.render(w.step().caller().words()), String.format("%02x", w.before()),
                String.format("%02x", w.after()));
    }
}
