package memscope.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import memscope.app.text.RefusedInputException;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;

/**
 * Loads the launch's scenario while JavaFX starts (issue 14: start-up): reading, parsing and building the demo's
 * kernel took the FX thread 100-200 ms of CPU after the toolkit was up, while the main thread only waited for the
 * toolkit. The window takes the result when it gets there, or loads on its own thread as before when the command
 * line asked for something else (or did not parse: the window says why).
 */
final class EarlyScenario {
    /** What the launch asked for and its scenario, loading; taken once. */
    private record Pending(LaunchOptions options, CompletableFuture<LoadedScenario> scenario) {
    }

    /** How a scenario is read: {@link ScenarioLoader} by the launch's options (a test may fail it on purpose). */
    interface Reader {
        LoadedScenario read(LaunchOptions options) throws ScenarioException;
    }

    private static Pending pending;

    private EarlyScenario() {
    }

    /** Starts loading the scenario that {@code args} name (the demo without one) on a thread of its own. */
    static void start(List<String> args) {
        start(args, EarlyScenario::read);
    }

    static void start(List<String> args, Reader reader) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (RefusedInputException e) {
            return; // the window parses again and says what is wrong
        }
        CompletableFuture<LoadedScenario> scenario = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                scenario.complete(reader.read(options));
            } catch (ScenarioException | RuntimeException | Error e) {
                scenario.completeExceptionally(e); // whatever it is, the window's join must not wait forever
            }
        }, "memscope-scenario");
        loader.setDaemon(true);
        synchronized (EarlyScenario.class) {
            pending = new Pending(options, scenario);
        }
        loader.start();
    }

    /** The scenario loading since the launch, not yet taken. */
    static synchronized java.util.Optional<CompletableFuture<LoadedScenario>> started() {
        return java.util.Optional.ofNullable(pending).map(Pending::scenario);
    }

    /** The scenario {@code options} name: the one loading since the launch if it was for them, else loaded now. */
    static LoadedScenario load(LaunchOptions options) throws ScenarioException {
        Pending early;
        synchronized (EarlyScenario.class) {
            early = pending;
            pending = null; // once: a later call (the last file closed) loads a fresh world
        }
        if (early != null && early.options().equals(options)) {
            try {
                return early.scenario().join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof ScenarioException problem) {
                    throw problem;
                } else if (e.getCause() instanceof Error error) {
                    throw error; // as if it had happened on this thread
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return read(options);
    }

    private static LoadedScenario read(LaunchOptions options) throws ScenarioException {
        return options.scenario().isPresent() ? ScenarioLoader.load(options.scenario().get())
                : ScenarioLoader.loadDefault();
    }
}
