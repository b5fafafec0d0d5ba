package memscope.app.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import memscope.app.MainWindow;
import memscope.app.Messages;
import memscope.app.kernel.KernelSession;
import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.StructureChange;
import memscope.model.VmOptions;
import memscope.model.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Changes applied one after another before the tree is laid out again keep the row the user sees at the top: the
 * top is the item its row shows, not whatever item has that row's index once rows above went.
 */
@ExtendWith(ApplicationExtension.class)
class TreeTopRowTest {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private Kernel k;
    private ProcessResult p;
    private MappingTreeView view;
    private final List<StructureChange> heard = new ArrayList<>();

    @Start
    void start(Stage stage) {
        k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        p = k.processCreate("many");
        HandleResult vmo = k.vmoCreate(PAGE, 0);
        for (int i = 0; i < 1500; i++) {
            k.vmarMap(p.rootVmar(), VmOptions.PERM_READ, 0, vmo.handle(), 0, PAGE);
        }
        KernelSession session = new KernelSession(new LoadedScenario("t", "", k, Map.of("many", p.process()),
                "many", "many", 0, null, null));
        view = new MappingTreeView(new Messages(Locale.ENGLISH), new MappingTreeBuilder(session));
        k.subscribe(new KernelListener() {
            @Override
            public void structureChanged(StructureChange change) {
                heard.add(change);
            }
        });
        stage.setScene(new Scene(view.node(), 900, 500));
        stage.show();
    }

    private static TreeItem<?> top(CanvasTree table) {
        // the row shown at the top of the rows
        return table.getTreeItem((int) Math.floor(table.topRow() + CanvasTree.EDGE));
    }

    @Test
    void twoUnmapsAboveTheTopBeforeALayoutKeepTheTopRow(FxRobot robot) {
        keepsTheTopRow(robot);
    }

    /** With the window's stylesheet (its font, so its row height) too. */
    @Test
    void withFixedRowsTooKeepTheTopRow(FxRobot robot) {
        CanvasTree table = view.node();
        robot.interact(() -> {
            table.getScene().getStylesheets().add(MainWindow.class.getResource("memscope.css").toExternalForm());
            table.applyCss();
            table.layout();
        });
        assertTrue(table.rowHeight() > 0, "memscope.css sets the rows' font, and so their height");
        keepsTheTopRow(robot);
    }

    private void keepsTheTopRow(FxRobot robot) {
        CanvasTree table = view.node();
        TreeItem<MappingRow> group = table.getRoot().getChildren().get(0).getChildren().get(0).getChildren().get(1);
        List<TreeItem<MappingRow>> marks = new ArrayList<>();
        robot.interact(() -> {
            group.setExpanded(true);
            marks.add(group.getChildren().get(100));
            table.scrollTo(table.getRow(marks.get(0)));
            table.layout();
        });
        assertSame(marks.get(0), top(table));
        long first = group.getChildren().get(10).getValue().base();
        long second = group.getChildren().get(20).getValue().base();
        robot.interact(() -> {
            // each change is shown as it comes, with no layout between them
            heard.clear();
            assertEquals(Status.OK, k.vmarUnmap(p.rootVmar(), first, PAGE));
            view.apply(List.copyOf(heard));
            heard.clear();
            assertEquals(Status.OK, k.vmarUnmap(p.rootVmar(), second, PAGE));
            view.apply(List.copyOf(heard));
            table.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(marks.get(0), top(table), "the row at the top stays there");
    }
}
