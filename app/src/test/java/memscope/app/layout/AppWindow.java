package memscope.app.layout;

import java.util.ArrayList;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import memscope.app.MemScopeApp;
import memscope.app.hex.HexView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application on the demo scenario (console and lessons docked), with its layout remembered in {@code prefs}. */
final class AppWindow {
    final MemScopeApp app;
    final Stage stage;
    final FxRobot robot = new FxRobot();

    private AppWindow(MemScopeApp app, Stage stage) {
        this.app = app;
        this.stage = stage;
    }

    static AppWindow launch(Preferences prefs) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        MemScopeApp app = (MemScopeApp) FxToolkit.setupApplication(() -> new MemScopeApp(prefs));
        WaitForAsyncUtils.waitForFxEvents();
        return new AppWindow(app, stage);
    }

    /** Stops the application as closing its window does (which saves the layout). */
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            stage.hide();
        });
    }

    void resize(double width, double height) {
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setX(0); // on the screen: Monocle cannot draw a window that sticks out of it
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    void press(KeyCode... keys) {
        robot.interact(() -> hex().requestFocus());
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    HexView hex() {
        return app.window().hexView();
    }

    Workspace workspace() {
        return app.window().workspace();
    }

    Region node(String selector) {
        return (Region) stage.getScene().lookup(selector);
    }

    /** Whether {@code node} is part of the window now (a hidden panel is taken out of the scene; null: not found). */
    boolean onScreen(Node node) {
        return node != null && node.getScene() == stage.getScene() && node.isVisible() && node.getLayoutBounds().getWidth() > 0;
    }

    /** {@code node}'s bounds in the window's content. */
    Bounds inScene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
