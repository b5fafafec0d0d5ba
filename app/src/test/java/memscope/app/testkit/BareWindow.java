package memscope.app.testkit;

import javafx.scene.Scene;
import memscope.app.MainWindow;
import memscope.app.Messages;
import memscope.app.document.Document;
import memscope.app.kernel.KernelSession;
import memscope.model.scenario.LoadedScenario;

/**
 * A main window built by hand on a scenario, without the application around it (no files, no guard): what the
 * tests of one window's behaviour show in a stage of their own. The application's own windows are
 * {@link RunningApp}'s.
 */
public final class BareWindow {
    /** The size of the scene such a window is shown in. */
    public static final double WIDTH = 1260;
    public static final double HEIGHT = 760;

    private BareWindow() {
    }

    /** A window on {@code world} whose host does nothing (no scenario to open, nothing to quit or close). */
    public static MainWindow on(LoadedScenario world, Messages messages) {
        return new MainWindow(new KernelSession(world), messages, new MainWindow.Host() {
            @Override
            public void openScenario() {
            }

            @Override
            public void quit() {
            }

            @Override
            public void closeFile(Document doc) {
            }
        });
    }

    /** A scene for {@code window} at the usual size, with the window's own shortcuts installed. */
    public static Scene sceneFor(MainWindow window) {
        Scene scene = new Scene(window.root(), WIDTH, HEIGHT);
        window.install(scene);
        return scene;
    }
}
