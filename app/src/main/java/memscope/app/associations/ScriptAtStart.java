package memscope.app.associations;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import memscope.app.console.ConsolePane;

/**
 * A console script named at start ({@code memscope FILE.msc}, as the desktop opens one): once the window's
 * document is open, the console shows and holds the script, ready to run but not run; running it is the user's
 * choice (Run or Ctrl+Enter), as a script from File › Load is.
 */
public final class ScriptAtStart {
    private ScriptAtStart() {
    }

    /**
     * Loads {@code script} into {@code console} after {@code opened} (the start's document) completes; the outcome
     * is true when both worked. Without a script it is {@code opened} itself. {@code showConsole} brings the
     * console forward in the window that is current then (a feature knows no window class).
     */
    public static CompletableFuture<Boolean> loadAfter(CompletableFuture<Boolean> opened, Optional<Path> script,
                                                       ConsolePane console, Runnable showConsole) {
        if (script.isEmpty()) {
            return opened;
        }
        // the document may replace the window (a session does): show the console in the one that is current then
        return opened.thenComposeAsync(ok -> {
            showConsole.run();
            return console.load(script.get()).thenApply(loaded -> ok && loaded);
        }, Platform::runLater);
    }
}
