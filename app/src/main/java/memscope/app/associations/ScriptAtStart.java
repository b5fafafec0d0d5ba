package memscope.app.associations;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import memscope.app.MainWindow;
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
     * is true when both worked. Without a script it is {@code opened} itself.
     */
    public static CompletableFuture<Boolean> loadAfter(CompletableFuture<Boolean> opened, Optional<Path> script,
                                                       ConsolePane console, Supplier<MainWindow> window) {
        if (script.isEmpty()) {
            return opened;
        }
        // the document may replace the window (a session does): show the console in the one that is current then
        return opened.thenComposeAsync(ok -> {
            window.get().showConsole();
            return console.load(script.get()).thenApply(loaded -> ok && loaded);
        }, Platform::runLater);
    }
}
