package memscope.app.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import memscope.app.MemScopeApp;
import memscope.app.hex.CellKind;
import memscope.app.testkit.RunningApp;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import org.testfx.util.WaitForAsyncUtils;

/** The real application, and what a live-process test needs to drive and observe it. */
final class LiveWindow extends RunningApp {
    private LiveWindow(MemScopeApp app, Stage stage) {
        super(app, stage);
    }

    static LiveWindow launch(String... args) throws Exception {
        return launch(LiveWindow::new, a -> a.live().latestAttach(), args);
    }

    @Override
    protected void released() {
        if (app.live().process() != null) {
            app.live().process().close();
        }
    }

    static boolean await(CompletableFuture<Boolean> f) throws Exception {
        boolean ok = f.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return ok;
    }

    /** The process rows of the mapping tree (the children of its hidden root), and whether each is dead. */
    List<MappingRow> processRows() {
        List<MappingRow> out = new ArrayList<>();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            CanvasTree tree = (CanvasTree) window().root().lookup("#mappingTree");
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
}
