package memscope.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import memscope.app.files.FileWorkbench;
import memscope.app.kernel.KernelSession;
import memscope.app.layout.LayoutStore;
import memscope.app.layout.MemoryPreferences;
import memscope.app.layout.WindowPlacement;
import memscope.app.lesson.Teaching;
import memscope.app.text.RefusedInputException;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;

/**
 * The application: loads the scenario the command line names (or the demo), shows the main window, and in
 * {@code --screenshot} mode renders it to a PNG and exits.
 */
public final class MemScopeApp extends Application implements MainWindow.Host {
    private final Messages messages = Messages.forSystemLocale();
    private final FileWorkbench files = new FileWorkbench(messages, new FileWorkbench.Shell() {
        @Override
        public Window owner() {
            return stage;
        }

        @Override
        public MainWindow show(LoadedScenario scenario) {
            return MemScopeApp.this.show(scenario);
        }

        @Override
        public MainWindow window() {
            return window;
        }
    });
    private final Preferences prefs;
    private LayoutStore layout;
    private WindowPlacement placement;
    private Stage stage;
    private Scene scene;
    private MainWindow window;
    private Teaching teaching;

    /** Remembers the layout in the user's preferences (or nowhere, under {@code -Dmemscope.prefs=memory}). */
    public MemScopeApp() {
        this(LayoutStore.userNode());
    }

    /** Remembers the layout in {@code prefs}. */
    public MemScopeApp(Preferences prefs) {
        this.prefs = prefs;
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        this.placement = new WindowPlacement(primary);
        LaunchOptions options;
        try {
            // no Parameters when a test starts the application itself rather than through launch()
            options = LaunchOptions.parse(getParameters() == null ? List.of() : getParameters().getRaw());
        } catch (RefusedInputException e) {
            System.err.println("memscope: " + messages.describe(e));
            exit(2);
            return;
        }
        // a screenshot shows the default layout and leaves the remembered one alone
        layout = new LayoutStore(options.screenshot().isPresent() ? new MemoryPreferences() : prefs);
        Optional<LoadedScenario> scenario = load(options);
        if (scenario.isEmpty()) {
            exit(1);
            return;
        }
        teaching = new Teaching(messages, this::show);
        show(scenario.get());
        stage.setOnCloseRequest(e -> {
            // unsaved file changes: ask first; the window closes once they are saved or given up
            e.consume();
            files.whenDiscardable(this::closeWindow);
        });
        if (options.open().isPresent() && !files.open(options.open().get()) && options.screenshot().isPresent()) {
            // nobody will see the status pane of a screenshot run: say it where the caller looks
            System.err.println("memscope: " + window.statusPane().text());
            exit(1);
            return;
        }
        options.screenshot().ifPresent(this::screenshotAndExit);
    }

    /** Remembers the window and its panels for the next run (the window is closing or the app quitting). */
    @Override
    public void stop() {
        if (window != null && placement != null) {
            layout.save(window.workspace());
            placement.state().ifPresent(layout::saveWindow);
            layout.flush();
            placement.release();
        }
    }

    /** The file and session commands (and the editing tools they add to each window). */
    public FileWorkbench files() {
        return files;
    }

    public MainWindow window() {
        return window;
    }

    @Override
    public void openScenario() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("chooser.scenarios"), "*.json"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            openScenarioFile(file.toPath());
        }
    }

    /** Opens {@code file} in place of the current scenario; a bad file leaves the current one as it was. */
    boolean openScenarioFile(Path file) {
        try {
            LoadedScenario next = ScenarioLoader.load(file);
            // unsaved file changes are asked about first; the scenario replaces the window once they are settled
            files.whenDiscardable(() -> {
                files.closeDocument();
                show(next);
            });
            return true;
        } catch (ScenarioException e) {
            Alert alert = errorDialog(messages.describe(e));
            alert.initOwner(stage);
            alert.show();
            return false;
        }
    }

    @Override
    public void quit() {
        files.whenDiscardable(() -> {
            files.closeDocument();
            Platform.exit();
        });
    }

    private void closeWindow() {
        files.closeDocument();
        stage.close();
    }

    private Optional<LoadedScenario> load(LaunchOptions options) {
        try {
            return Optional.of(options.scenario().isPresent() ? ScenarioLoader.load(options.scenario().get())
                    : ScenarioLoader.loadDefault());
        } catch (ScenarioException e) {
            System.err.println("memscope: " + messages.describe(e));
            if (options.screenshot().isEmpty()) {
                error(messages.describe(e));
            }
            return Optional.empty();
        }
    }

    /** Shows {@code scenario} in a new window: at start, on File > Open, and when a lesson rebuilds its world. */
    private MainWindow show(LoadedScenario scenario) {
        if (window != null) {
            layout.save(window.workspace()); // the next window opens with the panels as they are
            window.dispose();
        }
        window = new MainWindow(new KernelSession(scenario), messages, this);
        teaching.attach(window); // the console and lessons move into every new window
        layout.restore(window.workspace());
        boolean first = scene == null;
        if (first) {
            scene = new Scene(window.root());
            stage.setScene(scene);
        } else {
            scene.setRoot(window.root());
        }
        window.install(scene);
        files.attach(window);
        stage.titleProperty().bind(files.title(scenario));
        if (first) {
            placement.show(layout.window());
        }
        return window;
    }

    /** Lets layout and the first reads settle for a few pulses, then writes the PNG and exits. */
    private void screenshotAndExit(Path file) {
        PauseTransition settle = new PauseTransition(Duration.millis(600));
        settle.setOnFinished(e -> {
            try {
                writePng(scene, file);
                System.out.println("memscope: " + messages.get("cli.wrote", file.toAbsolutePath()));
                exit(0);
            } catch (UncheckedIOException ex) {
                System.err.println("memscope: " + messages.get("cli.cannotWrite", file, messages.describe(ex.getCause())));
                exit(1);
            }
        });
        settle.play();
    }

    static void writePng(Scene scene, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void error(String message) {
        errorDialog(message).showAndWait();
    }

    private Alert errorDialog(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", DialogButtons.ok(messages));
        alert.setTitle(messages.get("error.scenario.title"));
        alert.setHeaderText(messages.get("error.scenario.header"));
        alert.setContentText(message);
        return alert;
    }

    private static void exit(int code) {
        Platform.exit();
        System.exit(code);
    }
}
