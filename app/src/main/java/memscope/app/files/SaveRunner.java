package memscope.app.files;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.stage.Window;
import memscope.app.Messages;
import memscope.app.status.Outcome;
import memscope.app.status.StatusPane;
import memscope.model.file.FileDocument;
import memscope.model.file.SaveOptions;
import memscope.model.file.SaveResult;

/**
 * Saves a document on a background thread (a save copies the whole file) with its progress in the status pane.
 * When the file changed on disk since it was opened, it asks Overwrite / Cancel instead of overwriting.
 */
final class SaveRunner {
    private final Messages messages;
    private final Supplier<Window> owner;
    private final Supplier<StatusPane> status;
    private final Runnable afterSave;
    private boolean running;

    SaveRunner(Messages messages, Supplier<Window> owner, Supplier<StatusPane> status, Runnable afterSave) {
        this.messages = messages;
        this.owner = owner;
        this.status = status;
        this.afterSave = afterSave;
    }

    /** Saves {@code doc} into its own file ({@code target} null) or into {@code target}; {@code then} on success. */
    void save(FileDocument doc, Path target, Runnable then) {
        run(doc, target, SaveOptions.DEFAULT, then);
    }

    private void run(FileDocument doc, Path target, SaveOptions base, Runnable then) {
        if (running) {
            status.get().show(messages.get("files.status.saveBusy"), Outcome.PARTIAL);
            return;
        }
        running = true;
        String name = String.valueOf((target == null ? doc.path() : target).getFileName());
        Task<SaveResult> task = new Task<>() {
            @Override
            protected SaveResult call() {
                SaveOptions o = base.withProgress((stage, done, total) -> {
                    long percent = total <= 0 ? 100 : done * 100 / total;
                    updateMessage(messages.get("files.status.saving", name, percent));
                });
                return target == null ? doc.save(o) : doc.saveAs(target, o);
            }
        };
        task.messageProperty().addListener((o, a, text) -> {
            if (text != null && !text.isEmpty()) {
                status.get().info(() -> text);
            }
        });
        task.setOnSucceeded(e -> {
            running = false;
            finished(doc, target, task.getValue(), then);
        });
        task.setOnFailed(e -> {
            running = false;
            status.get().show(messages.get("files.error.save", name, task.getException()), Outcome.ERROR);
        });
        status.get().info(() -> messages.get("files.status.saving", name, 0));
        Thread worker = new Thread(task, "memscope-save");
        worker.setDaemon(true);
        worker.start();
    }

    private void finished(FileDocument doc, Path target, SaveResult result, Runnable then) {
        afterSave.run();
        switch (result.outcome()) {
            case SAVED -> {
                status.get().show(result.message(), Outcome.OK);
                then.run();
            }
            case CHANGED_ON_DISK -> Ask.ask(owner.get(), messages.get("files.ask.changed.header"),
                    result.message(), answer -> {
                        if ("overwrite".equals(answer)) {
                            run(doc, target, SaveOptions.DEFAULT.forced(), then);
                        } else {
                            status.get().show(messages.get("files.status.saveCancelled"), Outcome.PARTIAL);
                        }
                    },
                    new Ask.Choice("overwrite", messages.get("files.ask.overwrite"), ButtonData.YES),
                    new Ask.Choice("cancelOverwrite", messages.get("files.ask.cancel"), ButtonData.CANCEL_CLOSE));
            case READ_ONLY, FAILED -> status.get().show(result.message(), Outcome.ERROR);
        }
    }
}
