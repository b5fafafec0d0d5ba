package memscope.app.files;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.stage.Window;
import memscope.app.Messages;
import memscope.model.file.FileDocument;

/**
 * Save / Don't save / Cancel before unsaved files would be lost: one question per file with unsaved changes, in
 * the order they were opened, each naming its file and how many more will be asked about. Cancel (or a save
 * that does not go through) stops there, with every file still open as it was.
 */
final class UnsavedGuard {
    private final Messages messages;
    private final Supplier<Window> owner;
    private final SaveRunner saver;

    UnsavedGuard(Messages messages, Supplier<Window> owner, SaveRunner saver) {
        this.messages = messages;
        this.owner = owner;
        this.saver = saver;
    }

    /** Runs {@code then} once none of {@code files} holds unsaved changes the person did not give up. */
    void whenDiscardable(List<FileDocument> files, Runnable then) {
        List<FileDocument> unsaved = files.stream().filter(FileDocument::isDirty).toList();
        if (unsaved.isEmpty()) {
            then.run();
            return;
        }
        FileDocument doc = unsaved.get(0);
        List<FileDocument> rest = unsaved.subList(1, unsaved.size());
        String content = rest.isEmpty() ? messages.get("files.ask.unsaved.content")
                : messages.get("files.ask.unsaved.more", rest.size());
        Ask.ask(owner.get(), messages.get("files.ask.unsaved.header", doc.path().getFileName()), content,
                answer -> {
                    if ("saveChanges".equals(answer)) {
                        saver.save(doc, null, () -> whenDiscardable(rest, then));
                    } else if ("discardChanges".equals(answer)) {
                        whenDiscardable(rest, then);
                    }
                },
                new Ask.Choice("saveChanges", messages.get("files.ask.save"), ButtonData.YES),
                new Ask.Choice("discardChanges", messages.get("files.ask.dontSave"), ButtonData.NO),
                new Ask.Choice("cancelChanges", messages.get("files.ask.cancel"), ButtonData.CANCEL_CLOSE));
    }
}
