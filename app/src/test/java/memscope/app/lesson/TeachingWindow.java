package memscope.app.lesson;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import memscope.app.MainWindow;
import memscope.app.Messages;
import memscope.app.testkit.BareWindow;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;

/**
 * The main window with the console and the lesson panel docked, shown the way MemScopeApp shows a world: every
 * world (the demo at start, each lesson world) gets a new MainWindow that {@link Teaching#attach} docks into.
 */
public final class TeachingWindow {
    public final Messages messages;
    public final Teaching teaching;
    private final Stage stage;
    private Scene scene;
    private MainWindow window;
    private int windowsShown;

    public TeachingWindow(Stage stage, Locale locale) throws ScenarioException {
        this.stage = stage;
        this.messages = new Messages(locale);
        this.teaching = new Teaching(messages, this::show, Runnable::run); // no file: nothing unsaved to ask about
        show(ScenarioLoader.loadDefault());
        stage.show();
    }

    /** What MemScopeApp.show does: a new window on {@code world}, the teaching tools docked into it. */
    public void show(LoadedScenario world) {
        if (window != null) {
            window.dispose();
        }
        window = BareWindow.on(world, messages);
        teaching.attach(window);
        if (scene == null) {
            scene = BareWindow.sceneFor(window);
            stage.setScene(scene);
        } else {
            scene.setRoot(window.root());
            window.install(scene);
        }
        memscope.app.timeline.Timeline.attach(window, messages); // as MemScopeApp does: going back can jump
        windowsShown++;
    }

    public MainWindow window() {
        return window;
    }

    public Scene scene() {
        return scene;
    }

    /** How many windows have been shown: each world change makes one. */
    public int windowsShown() {
        return windowsShown;
    }
}
