package memscope.app.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import memscope.app.MainWindow;
import memscope.app.MemScopeApp;
import memscope.app.hex.CellKind;
import memscope.app.tree.MappingRow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application, and what a live-process test needs to drive and observe it. */
final class LiveWindow {
    final MemScopeApp app;
    final Stage stage;
    final FxRobot robot = new FxRobot();

    private LiveWindow(MemScopeApp app, Stage stage) {
        this.app = app;
        this.stage = stage;
    }

    static LiveWindow launch(String... args) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        MemScopeApp app = (MemScopeApp) FxToolkit.setupApplication(MemScopeApp.class, args);
        await(app.live().latestAttach());
        WaitForAsyncUtils.waitForFxEvents();
        return new LiveWindow(app, stage);
    }

    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        robot.interact(() -> {
            for (javafx.stage.Window w : new ArrayList<>(javafx.stage.Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            if (app.live().process() != null) {
                app.live().process().close();
            }
        });
    }

    static boolean await(CompletableFuture<Boolean> f) throws Exception {
        boolean ok = f.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return ok;
    }

    MainWindow window() {
        return app.window();
    }

    String status() {
        return window().statusPane().text();
    }

    /** The process rows of the mapping tree (the children of its hidden root), and whether each is dead. */
    List<MappingRow> processRows() {
        List<MappingRow> out = new ArrayList<>();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TreeTableView<MappingRow> tree = (TreeTableView<MappingRow>) window().root().lookup("#mappingTree");
            for (TreeItem<MappingRow> item : tree.getRoot().getChildren()) {
                if (item.getValue() != null && item.getValue().kind() == MappingRow.Kind.PROCESS) {
                    out.add(item.getValue());
                }
            }
        });
        return out;
    }

    /** The bytes the hex view shows at {@code address} (null where it shows none: unmapped, unreadable). */
    Byte[] shown(long address, int length) {
        byte[] data = new byte[length];
        CellKind[] kinds = new CellKind[length];
        robot.interact(() -> window().hexView().getSource().read(address, data, kinds, length));
        Byte[] out = new Byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = kinds[i] == CellKind.UNMAPPED || kinds[i] == CellKind.UNREADABLE ? null : data[i];
        }
        return out;
    }

    /** Puts the caret on {@code address}, focuses the hex view and types {@code text}. */
    void typeAt(long address, String text) {
        robot.interact(() -> {
            window().hexView().goTo(address);
            window().hexView().requestFocus();
        });
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + " (status: " + status() + ")");
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
