package memscope.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import memscope.app.kernel.KernelSession;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;

/**
 * The application: loads the scenario the command line names (or the demo), shows the main window, and in
 * {@code --screenshot} mode renders it to a PNG and exits.
 */
public final class MemScopeApp extends Application implements MainWindow.Host {
    private static final double WIDTH = 1600;
    private static final double HEIGHT = 880;

    private final Messages messages = Messages.forSystemLocale();
    private Stage stage;
    private Scene scene;
    private MainWindow window;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println("memscope: " + e.getMessage());
            exit(2);
            return;
        }
        Optional<LoadedScenario> scenario = load(options);
        if (scenario.isEmpty()) {
            exit(1);
            return;
        }
        show(scenario.get());
        options.screenshot().ifPresent(this::screenshotAndExit);
    }

    @Override
    public void openScenario() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File file = chooser.showOpenDialog(stage);
        if (file == null) {
            return;
        }
        try {
            LoadedScenario next = ScenarioLoader.load(file.toPath());
            show(next);
        } catch (ScenarioException e) {
            // the scenario already open stays as it was
            error(e.getMessage());
        }
    }

    @Override
    public void quit() {
        Platform.exit();
    }

    private Optional<LoadedScenario> load(LaunchOptions options) {
        try {
            return Optional.of(options.scenario().isPresent() ? ScenarioLoader.load(options.scenario().get())
                    : ScenarioLoader.loadDefault());
        } catch (ScenarioException e) {
            System.err.println("memscope: " + e.getMessage());
            if (options.screenshot().isEmpty()) {
                error(e.getMessage());
            }
            return Optional.empty();
        }
    }

    private void show(LoadedScenario scenario) {
        if (window != null) {
            window.dispose();
        }
        window = new MainWindow(new KernelSession(scenario), messages, this);
        if (scene == null) {
            scene = new Scene(window.root(), WIDTH, HEIGHT);
            stage.setScene(scene);
        } else {
            scene.setRoot(window.root());
        }
        window.install(scene);
        stage.titleProperty().bind(messages.text("app.title", scenario.title()));
        stage.show();
    }

    /** Lets layout and the first reads settle for a few pulses, then writes the PNG and exits. */
    private void screenshotAndExit(Path file) {
        PauseTransition settle = new PauseTransition(Duration.millis(600));
        settle.setOnFinished(e -> {
            try {
                writePng(scene, file);
                System.out.println("memscope: wrote " + file.toAbsolutePath());
                exit(0);
            } catch (UncheckedIOException ex) {
                System.err.println("memscope: cannot write " + file + ": " + ex.getCause().getMessage());
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
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(messages.get("error.scenario.title"));
        alert.setHeaderText(messages.get("error.scenario.header"));
        alert.setContentText(message);
        alert.showAndWait();
    }

    private static void exit(int code) {
        Platform.exit();
        System.exit(code);
    }
}
