package memscope.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
import memscope.app.elf.ElfWorkbench;
import memscope.app.files.BackgroundTask;
import memscope.app.files.FileWorkbench;
import memscope.app.kernel.KernelSession;
import memscope.app.layout.LayoutStore;
import memscope.app.layout.MemoryPreferences;
import memscope.app.layout.WindowPlacement;
import memscope.app.lesson.Teaching;
import memscope.app.live.LiveWorkbench;
import memscope.app.startup.StartupTrace;
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
    /** What the file, live-process and ELF commands may ask of the application: one shell for all three. */
    private final FileWorkbench.Shell shell = new FileWorkbench.Shell() {
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

        @Override
        public void replacingDocument(Runnable replace) {
            MemScopeApp.this.replacingDocument(replace);
        }
    };
    private final FileWorkbench files = new FileWorkbench(messages, shell);
    private final LiveWorkbench live = new LiveWorkbench(messages, shell);
    private final ElfWorkbench elves = new ElfWorkbench(messages, files, shell);
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
        StartupTrace.mark("toolkit started; MemScopeApp's fields (messages, file, live and ELF workbenches)");
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
        StartupTrace.mark("launch options, preferences");
        Optional<LoadedScenario> scenario = load(options);
        StartupTrace.mark("scenario loaded");
        if (scenario.isEmpty()) {
            exit(1);
            return;
        }
        teaching = new Teaching(messages, this::show, this::replacingDocument);
        StartupTrace.mark("console and projector (Teaching)");
        show(scenario.get());
        stage.setOnCloseRequest(e -> {
            // unsaved file changes: ask first; the window closes once they are saved or given up
            e.consume();
            replacingDocument(stage::close);
        });
        // the file is read off the FX thread; a screenshot waits for it
        CompletableFuture<Boolean> opened = options.open().map(files::open)
                .or(() -> options.session().map(files::openSession))
                .or(() -> options.loadElf().map(elves::loadExecutable))
                .or(() -> options.core().map(elves::openCore))
                .orElseGet(() -> options.attach().isPresent() ? live.attach(options.attach().getAsInt())
                        : CompletableFuture.completedFuture(true));
        CompletableFuture<Boolean> ready = memscope.app.associations.ScriptAtStart.loadAfter(opened, options.script(),
                teaching.console(), () -> window.showConsole()); // FILE.msc: into the console, not run
        options.screenshot().ifPresent(png -> ready.thenAccept(ok -> {
            if (ok) {
                screenshotAndExit(png);
            } else {
                // nobody will see the status pane of a screenshot run: say it where the caller looks
                System.err.println("memscope: " + window.statusPane().text());
                exit(1);
            }
        }));
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

    /** Live Linux processes: attach, reload, write through. */
    public LiveWorkbench live() {
        return live;
    }

    /** The ELF and core dump commands and the Structure panel. */
    public ElfWorkbench elves() {
        return elves;
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

    /**
     * Reads {@code file} off the FX thread and shows it in place of the current scenario; a bad file (or Cancel)
     * leaves the current one as it was. The outcome is true once the file was read.
     */
    public CompletableFuture<Boolean> openScenarioFile(Path file) {
        return files.inBackground(file, () -> ScenarioLoader.load(file), new BackgroundTask.Callbacks<>() {
            @Override
            public void succeeded(LoadedScenario next) {
                replacingDocument(() -> show(next));
            }

            @Override
            public void failed(Throwable e) {
                Alert alert = errorDialog(messages.describe(e));
                alert.initOwner(stage);
                alert.show();
            }
        });
    }

    @Override
    public void quit() {
        replacingDocument(Platform::exit);
    }

    @Override
    public void closeFile(memscope.app.document.Document doc) {
        files.closeFile(doc, () -> load(LaunchOptions.parse(List.of())).ifPresent(this::show));
    }

    /**
     * The one guard before anything replaces or drops what the window shows (a scenario, a lesson, quitting):
     * unsaved file changes are asked about first (Save / Don't save / Cancel); once they are settled the open
     * file is closed, so no hidden edit can be saved later, and {@code replace} runs. Cancel runs nothing.
     */
    private void replacingDocument(Runnable replace) {
        files.whenDiscardable(() -> {
            files.closeDocument();
            replace.run();
        });
    }

    private Optional<LoadedScenario> load(LaunchOptions options) {
        try {
            return Optional.of(EarlyScenario.load(options)); // loading since the launch, as a rule
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
        StartupTrace.mark("console and lesson tab docked");
        layout.restore(window.workspace());
        boolean first = scene == null;
        if (first) {
            scene = new Scene(window.root());
            stage.setScene(scene);
        } else {
            scene.setRoot(window.root());
        }
        window.install(scene);
        StartupTrace.mark("layout restored, scene");
        files.attach(window);
        StartupTrace.mark("file tools (find, save, bookmarks...)");
        live.install(window);
        elves.attach(window);
        StartupTrace.mark("live-process and ELF tools");
        memscope.app.timeline.Timeline.attach(window, messages); // time travel: the timeline under the log
        StartupTrace.mark("timeline");
        stage.titleProperty().bind(files.title(scenario));
        if (first) {
            StartupTrace.cssBeforeShow(scene);
            placement.show(layout.window());
            memscope.app.startup.FirstFrame.watch(scene); // -Dmemscope.startupTrace: start-up time (issue 14)
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
