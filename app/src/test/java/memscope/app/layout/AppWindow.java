package memscope.app.layout;

import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import memscope.app.MemScopeApp;
import memscope.app.testkit.RunningApp;
import org.testfx.util.WaitForAsyncUtils;

/** The real application on the demo scenario (console and lessons docked), with its layout remembered in {@code prefs}. */
final class AppWindow extends RunningApp {
    private AppWindow(MemScopeApp app, Stage stage) {
        super(app, stage);
    }

    static AppWindow launch(Preferences prefs) throws Exception {
        return launch(AppWindow::new, () -> new MemScopeApp(prefs), a -> CompletableFuture.completedFuture(true));
    }

    /** Closing its window saved the layout; the stage goes too, as it does when the window closes. */
    @Override
    protected void released() {
        stage.hide();
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

    /** Presses {@code keys} with the hex view focused (the View menu's keys work from there). */
    @Override
    public void press(KeyCode... keys) {
        focusHex();
        super.press(keys);
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
