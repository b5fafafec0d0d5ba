package memscope.app.files;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ProgressBar;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.Duration;
import memscope.app.DialogButtons;
import memscope.app.Messages;

/**
 * Slow work (reading a file a person chose, which may sit on a slow disk) on a daemon thread, so the FX thread
 * stays free. If it takes longer than a moment, a small window shows a progress bar and Cancel. Exactly one
 * callback runs, on the FX thread: {@code succeeded}, {@code failed} or (after Cancel) {@code cancelled}; a result
 * that arrives after Cancel goes to {@code discard}, to be closed, and is never shown.
 *
 * @param <T> what the work makes (an open file, a loaded scenario)
 */
public final class BackgroundTask<T> {
    /** The work itself; it runs off the FX thread and must not touch the scene. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    /** What happens next, on the FX thread. */
    public interface Callbacks<T> {
        void succeeded(T result);

        void failed(Throwable problem);

        /** Cancel was chosen: what was open before is still open. */
        default void cancelled() {
        }

        /** A result that came after Cancel: close it. */
        default void discard(T late) {
        }
    }

    /** How long the work may take before the progress window shows (so quick opens do not flash one). */
    static final Duration DIALOG_DELAY = Duration.millis(300);

    private final Callbacks<T> callbacks;
    private final CompletableFuture<Boolean> outcome = new CompletableFuture<>();
    private final PauseTransition delay = new PauseTransition(DIALOG_DELAY);
    private Alert dialog;
    private Thread worker;
    private boolean over; // FX thread only: a callback ran or Cancel was chosen

    private BackgroundTask(Callbacks<T> callbacks) {
        this.callbacks = callbacks;
    }

    /** Starts {@code work}; call on the FX thread. {@code what} says what is being done ("Opening a.bin…"). */
    public static <T> BackgroundTask<T> start(Messages messages, Window owner, Supplier<String> what, Work<T> work,
                                              Callbacks<T> callbacks) {
        BackgroundTask<T> task = new BackgroundTask<>(callbacks);
        task.delay.setOnFinished(e -> task.showDialog(messages, owner, what));
        task.delay.play();
        task.worker = new Thread(() -> task.run(work), "memscope-open");
        task.worker.setDaemon(true); // a read stuck in the file system must not keep the application alive
        task.worker.start();
        return task;
    }

    /** Completes with true once {@code succeeded} ran, false after a failure or Cancel. */
    public CompletableFuture<Boolean> outcome() {
        return outcome;
    }

    public boolean isRunning() {
        return !over;
    }

    /** Stops waiting for the work (it is interrupted; if it cannot stop, its result is discarded). FX thread. */
    public void cancel() {
        if (over) {
            return;
        }
        over = true;
        worker.interrupt();
        closeDialog();
        callbacks.cancelled();
        outcome.complete(false);
    }

    private void run(Work<T> work) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) { // whatever happens, the person hears of it and the dialog goes
            Platform.runLater(() -> finish(() -> callbacks.failed(e), false));
            return;
        }
        Platform.runLater(() -> {
            if (over) {
                callbacks.discard(result);
            } else {
                finish(() -> callbacks.succeeded(result), true);
            }
        });
    }

    private void finish(Runnable callback, boolean succeeded) {
        if (over) {
            return; // cancelled meanwhile: the failure (often the interruption itself) is nobody's news
        }
        over = true;
        closeDialog();
        try {
            callback.run();
        } finally {
            outcome.complete(succeeded);
        }
    }

    private void showDialog(Messages messages, Window owner, Supplier<String> what) {
        if (over) {
            return;
        }
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(320);
        ButtonType cancel = DialogButtons.cancel(messages);
        dialog = new Alert(Alert.AlertType.NONE, "", cancel);
        if (owner != null && owner.isShowing()) {
            dialog.initOwner(owner);
        }
        // the FX thread stays free (the window repaints), but nothing in the window can change meanwhile
        dialog.initModality(owner != null && owner.isShowing() ? Modality.WINDOW_MODAL : Modality.NONE);
        dialog.setTitle("MemScope");
        dialog.setHeaderText(what.get());
        dialog.getDialogPane().setContent(bar);
        dialog.getDialogPane().setId("backgroundTask");
        dialog.getDialogPane().lookupButton(cancel).setId("cancelTask");
        dialog.setOnHidden(e -> cancel()); // Cancel, Escape or the close box; a no-op once the work is over
        dialog.show();
    }

    private void closeDialog() {
        delay.stop();
        if (dialog != null) {
            dialog.close();
            dialog = null;
        }
    }
}
