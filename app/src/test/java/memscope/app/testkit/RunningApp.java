package memscope.app.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import memscope.app.MainWindow;
import memscope.app.MemScopeApp;
import memscope.app.hex.HexView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application, started as from the command line, and what every test of it drives and observes: the
 * window, the hex view, the status line, keys, menus. The file, ELF and live-process test windows add their own.
 */
public class RunningApp {
    public final MemScopeApp app;
    public final Stage stage;
    public final FxRobot robot = new FxRobot();

    protected RunningApp(MemScopeApp app, Stage stage) {
        this.app = app;
        this.stage = stage;
    }

    /**
     * Starts the application with {@code args} and waits for what it reads off the FX thread at start
     * ({@code started}: a file, an ELF, an attach), then wraps it with {@code make}.
     */
    protected static <W extends RunningApp> W launch(BiFunction<MemScopeApp, Stage, W> make,
                                                     Function<MemScopeApp, CompletableFuture<Boolean>> started,
                                                     String... args) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        MemScopeApp app = (MemScopeApp) FxToolkit.setupApplication(MemScopeApp.class, args);
        started.apply(app).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return make.apply(app, stage);
    }

    /**
     * Starts the application {@code create} makes (a test's own preferences, say), as {@link #launch(BiFunction,
     * Function, String...)} does with arguments.
     */
    protected static <W extends RunningApp> W launch(BiFunction<MemScopeApp, Stage, W> make,
                                                     java.util.function.Supplier<MemScopeApp> create,
                                                     Function<MemScopeApp, CompletableFuture<Boolean>> started)
            throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        MemScopeApp app = (MemScopeApp) FxToolkit.setupApplication(create::get);
        started.apply(app).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return make.apply(app, stage);
    }

    /** Stops the application and closes what a failed test left open (its dialogs would swallow the next keys). */
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            released();
        });
    }

    /** What a kind of test window releases once the application stopped (on the FX thread): nothing by default. */
    protected void released() {
    }

    public MainWindow window() {
        return app.window();
    }

    public HexView hex() {
        return window().hexView();
    }

    public String status() {
        return window().statusPane().text();
    }

    /** Puts the caret on {@code address}, focuses the hex view and types {@code text}. */
    public void typeAt(long address, String text) {
        robot.interact(() -> {
            hex().goTo(address);
            hex().requestFocus();
        });
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void press(KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void focusHex() {
        robot.interact(() -> hex().requestFocus());
    }

    /** The menu item with this id, anywhere in the menu bar. */
    public MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) window().root().lookup("#menuBar");
        MenuItem item = find(bar.getMenus(), id);
        if (item == null) {
            throw new AssertionError("no menu item #" + id);
        }
        return item;
    }

    /** Fires a menu item by its id, as clicking it does. */
    public void fireMenu(String id) {
        robot.interact(() -> {
            MenuItem item = menuItem(id);
            if (item instanceof javafx.scene.control.CheckMenuItem check) {
                check.setSelected(!check.isSelected()); // what the menu's skin does on a click
            }
            item.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Chooses View > Language > {@code name} (as the menu names it), as a click does. */
    public void language(String name) {
        robot.interact(() -> {
            MenuBar bar = (MenuBar) window().root().lookup("#menuBar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> i instanceof Menu).map(i -> (Menu) i)
                    .flatMap(m -> m.getItems().stream())
                    .filter(i -> i instanceof javafx.scene.control.RadioMenuItem && name.equals(i.getText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no language " + name)).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static MenuItem find(List<? extends MenuItem> items, String id) {
        for (MenuItem i : items) {
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof Menu m) {
                MenuItem inner = find(m.getItems(), id);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    public void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + " (status: " + status() + ")");
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
