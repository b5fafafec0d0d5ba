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
 * Saves a document on a background thread (a copy-based save reads the whole file) with its progress in the status pane.
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
            status.get().show(() -> messages.get("files.status.saveBusy"), Outcome.PARTIAL);
            return;
        }
        running = true;
        String name = String.valueOf((target == null ? doc.path() : target).getFileName());
        Task<SaveResult> task = new Task<>() {
            @Override
            protected SaveResult call() {
                // the percentage, not a sentence: the status line words it, again after a language switch
                SaveOptions o = base.withProgress((stage, done, total) ->
                        updateProgress(total <= 0 ? 100 : done * 100 / total, 100));
                return target == null ? doc.save(o) : doc.saveAs(target, o);
            }
        };
        task.progressProperty().addListener((o, a, fraction) -> {
            if (fraction.doubleValue() >= 0) {
                long percent = Math.round(fraction.doubleValue() * 100);
                status.get().info(() -> messages.get("files.status.saving", name, percent));
            }
        });
        task.setOnSucceeded(e -> {
            running = false;
            finished(doc, target, task.getValue(), then);
        });
        task.setOnFailed(e -> {
            running = false;
            Throwable problem = task.getException();
            status.get().show(() -> messages.get("files.error.save", name, messages.describe(problem)), Outcome.ERROR);
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
                status.get().show(() -> messages.render(result.text()), Outcome.OK);
                then.run();
            }
            case CHANGED_ON_DISK -> Ask.ask(owner.get(), messages.get("files.ask.changed.header"),
                    messages.render(result.text()), answer -> {
                        if ("overwrite".equals(answer)) {
                            run(doc, target, SaveOptions.DEFAULT.forced(), then);
                        } else {
                            status.get().show(() -> messages.get("files.status.saveCancelled"), Outcome.PARTIAL);
                        }
                    },
                    // Enter keeps their change: overwriting it must be a deliberate click
                    new Ask.Choice("cancelOverwrite", messages.get("files.ask.cancel"), ButtonData.CANCEL_CLOSE),
                    new Ask.Choice("overwrite", messages.get("files.ask.overwrite"), ButtonData.YES));
            case READ_ONLY, FAILED -> status.get().show(() -> messages.render(result.text()), Outcome.ERROR);
        }
    }
}
