package memscope.app.clipboard;

import memscope.app.Messages;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.app.edit.ByteRange;
import memscope.app.edit.CopyFormat;
import memscope.app.edit.EditActions;
import memscope.app.edit.Editor;
import memscope.app.edit.HexParseException;
import memscope.app.edit.HexParser;
import memscope.app.hex.AddressRange;
import memscope.app.hex.HexView;
import memscope.app.status.Outcome;
import memscope.app.status.StatusPane;
import memscope.app.text.HexFormat;

/**
 * Edit > Copy and Paste. Copy reads the selection (or the byte at the caret) from the current document and puts
 * it on the clipboard as hex; paste parses hex from the clipboard and writes it at the caret through the
 * {@link Editor}, so a paste is one undoable edit and its outcome shows like any other write.
 */
public final class ClipboardActions {
    private final Documents documents;
    private final HexView hexView;
    private final Editor editor;
    private final StatusPane status;
    private final Messages messages;

    public ClipboardActions(Documents documents, HexView hexView, Editor editor, StatusPane status, Messages messages) {
        this.documents = documents;
        this.hexView = hexView;
        this.editor = editor;
        this.status = status;
        this.messages = messages;
    }

    public void copy() {
        AddressRange selection = hexView.selectionProperty().get();
        long caret = hexView.caretProperty().get();
        ByteRange range = selection == null || selection.isEmpty() ? new ByteRange(caret, caret + 1)
                : new ByteRange(selection.start(), selection.end());
        Document doc = documents.current().orElse(null);
        if (doc == null) {
            status.show(() -> messages.get("error.noProcess"), Outcome.ERROR);
            return;
        }
        try {
            String text = new EditActions(doc.memory()).copy(range, CopyFormat.HEX);
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            status.info(() -> messages.get("status.copied", range.length(), HexFormat.address(range.start())));
        } catch (IllegalArgumentException e) {
            status.show(() -> messages.get("status.copyFailed", messages.describe(e)), Outcome.ERROR);
        }
    }

    public void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) {
            status.show(() -> messages.get("status.clipboardEmpty"), Outcome.ERROR);
            return;
        }
        try {
            byte[] bytes = HexParser.parse(text);
            // the editor reports the outcome (status pane, flash) and records the undo step
            editor.write(hexView.caretProperty().get(), bytes);
        } catch (HexParseException e) {
            status.show(() -> messages.get("status.pasteBad", messages.describe(e)), Outcome.ERROR);
        }
    }
}
