package memscope.app.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.MainWindow;
import memscope.app.MemScopeApp;
import memscope.app.hex.HexView;
import memscope.model.file.FileDocument;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application, started as from the command line, and what a test needs to drive and observe it. */
final class FileWindow {
    final MemScopeApp app;
    final Stage stage;
    final FxRobot robot = new FxRobot();

    private FileWindow(MemScopeApp app, Stage stage) {
        this.app = app;
        this.stage = stage;
    }

    static FileWindow launch(String... args) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        MemScopeApp app = (MemScopeApp) FxToolkit.setupApplication(MemScopeApp.class, args);
        Reads.await(app.files().latestRead()); // a file named on the command line is read off the FX thread
        WaitForAsyncUtils.waitForFxEvents();
        return new FileWindow(app, stage);
    }

    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        robot.interact(() -> {
            // dialogs a failed test left open would swallow the next test's keys
            for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            app.files().closeDocument();
        });
    }

    MainWindow window() {
        return app.window();
    }

    HexView hex() {
        return window().hexView();
    }

    FileDocument doc() {
        return app.files().document();
    }

    EditorTools tools() {
        return app.files().tools();
    }

    String status() {
        return window().statusPane().text();
    }

    String title() {
        return stage.getTitle();
    }

    /** Puts the caret on {@code address}, focuses the hex view and types {@code text}. */
    void typeAt(long address, String text) {
        robot.interact(() -> {
            hex().goTo(address);
            hex().requestFocus();
        });
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void press(KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void focusHex() {
        robot.interact(() -> hex().requestFocus());
    }

    /** Fires a menu item by its id, as clicking it does. */
    void fireMenu(String id) {
        robot.interact(() -> {
            MenuBar bar = (MenuBar) window().root().lookup("#menuBar");
            MenuItem item = find(bar.getMenus(), id);
            if (item == null) {
                throw new AssertionError("no menu item #" + id);
            }
            if (item instanceof javafx.scene.control.CheckMenuItem check) {
                check.setSelected(!check.isSelected()); // what the menu's skin does on a click
            }
            item.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static MenuItem find(java.util.List<? extends MenuItem> items, String id) {
        for (MenuItem i : items) {
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof javafx.scene.control.Menu m) {
                MenuItem inner = find(m.getItems(), id);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + " (status: " + status() + ")");
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes the whole window to {@code file} as a PNG. */
    void snapshot(Path file) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        java.nio.file.Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
