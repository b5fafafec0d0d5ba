package memscope.app.files;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import memscope.app.DialogButtons;
import memscope.app.Messages;
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

/**
 * Edit > Fill selection and Copy as (hex, C array, Base64). Fill writes through the window's {@link Editor}, the
 * same undoable path typing and Paste take, so Ctrl+Z undoes it and a refusal shows like any other.
 */
public final class ByteCommands {
    /** A fill writes the selection in one writeMemory call; larger selections are refused. */
    static final int MAX_FILL = 64 * 1024 * 1024;

    private final Messages messages;
    private final Documents documents;
    private final HexView hexView;
    private final Editor editor;
    private final StatusPane status;
    private final Supplier<Window> owner;

    public ByteCommands(Messages messages, Documents documents, HexView hexView, Editor editor, StatusPane status,
                        Supplier<Window> owner) {
        this.messages = messages;
        this.documents = documents;
        this.hexView = hexView;
        this.editor = editor;
        this.status = status;
        this.owner = owner;
    }

    /** Asks for a hex byte pattern, then fills the selection with it, repeated. */
    public void askToFill() {
        if (selection().isEmpty()) {
            status.show(() -> messages.get("bytes.error.noSelection"), Outcome.ERROR);
            return;
        }
        TextInputDialog dialog = new TextInputDialog("00");
        if (owner.get() != null) {
            dialog.initOwner(owner.get());
        }
        dialog.setTitle(messages.get("bytes.fill.title"));
        dialog.setHeaderText(messages.get("bytes.fill.header", selection().get().length()));
        dialog.getEditor().setId("fillPattern");
        ButtonType ok = DialogButtons.ok(messages);
        dialog.getDialogPane().getButtonTypes().setAll(ok, DialogButtons.cancel(messages));
        dialog.getDialogPane().lookupButton(ok).setId("fillOk");
        dialog.setOnHidden(e -> {
            String text = dialog.getResult();
            if (text != null) {
                fill(text);
            }
        });
        dialog.show();
    }

    /** Fills the selection with {@code patternHex} repeated; false, with the reason in the status pane, if not. */
    public boolean fill(String patternHex) {
        Optional<ByteRange> sel = selection();
        if (sel.isEmpty()) {
            status.show(() -> messages.get("bytes.error.noSelection"), Outcome.ERROR);
            return false;
        }
        byte[] pattern = parse(patternHex, "bytes.error.badFill");
        if (pattern == null) {
            return false;
        }
        if (pattern.length == 0 || sel.get().length() > MAX_FILL) {
            String key = pattern.length == 0 ? "bytes.error.emptyFill" : "bytes.error.fillTooLarge";
            status.show(() -> messages.get(key, MAX_FILL), Outcome.ERROR);
            return false;
        }
        byte[] bytes = new byte[(int) sel.get().length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = pattern[i % pattern.length];
        }
        return editor.write(sel.get().start(), bytes);
    }

    /** Puts the selection on the clipboard in {@code format}; the caret's byte when nothing is selected. */
    public boolean copy(CopyFormat format) {
        ByteRange range = selection().orElseGet(() -> {
            long caret = hexView.caretProperty().get();
            return new ByteRange(caret, caret + 1);
        });
        var doc = documents.current();
        if (doc.isEmpty()) {
            status.show(() -> messages.get("bytes.error.unreadable"), Outcome.ERROR);
            return false;
        }
        EditActions actions = new EditActions(doc.get().memory());
        try {
            String text = actions.copy(range, format);
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            status.info(() -> messages.get("bytes.status.copied", range.length(), format.label()));
            return true;
        } catch (RuntimeException e) {
            status.show(() -> messages.get("bytes.error.copy", messages.describe(e)), Outcome.ERROR);
            return false;
        }
    }

    private byte[] parse(String hex, String errorKey) {
        try {
            return HexParser.parse(hex);
        } catch (HexParseException e) {
            status.show(() -> messages.get(errorKey, messages.describe(e)), Outcome.ERROR);
            return null;
        }
    }

    private Optional<ByteRange> selection() {
        AddressRange sel = hexView.selectionProperty().get();
        return sel.isEmpty() ? Optional.empty() : Optional.of(new ByteRange(sel.start(), sel.end()));
    }
}
