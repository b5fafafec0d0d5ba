package memscope.app.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import memscope.app.Messages;
import memscope.app.kernel.FxKernelAdapter;
import memscope.app.kernel.KernelEventSink;
import memscope.app.kernel.KernelSession;
import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.MemoryChange;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.StructureChange;
import memscope.model.SyscallRecord;
import memscope.model.VmOptions;
import memscope.model.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A map or unmap reaches the shown tree through the kernel's events and is applied in place: the same root and
 * rows, the open group still open, the selected row still selected, the row at the top still at the top.
 */
@ExtendWith(ApplicationExtension.class)
class TreeInPlaceTest {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private Kernel k;
    private ProcessResult p;
    private HandleResult vmo;
    private MappingTreeView view;

    @Start
    void start(Stage stage) {
        k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        p = k.processCreate("many");
        vmo = k.vmoCreate(PAGE, 0);
        for (int i = 0; i < 3000; i++) {
            k.vmarMap(p.rootVmar(), VmOptions.PERM_READ, 0, vmo.handle(), 0, PAGE);
        }
        KernelSession session = new KernelSession(new LoadedScenario("t", "", k, Map.of("many", p.process()),
                "many", "many", 0, null, null));
        view = new MappingTreeView(new Messages(Locale.ENGLISH), new MappingTreeBuilder(session));
        k.subscribe(new FxKernelAdapter(new KernelEventSink() {
            @Override
            public void structureChanged() {
                view.rebuild();
            }

            @Override
            public void structureChanged(List<StructureChange> changes, boolean overflowed) {
                view.apply(changes);
            }

            @Override
            public void memoryChanged(List<MemoryChange> changes, boolean overflowed) {
            }

            @Override
            public void syscallsCompleted(List<SyscallRecord> records, long dropped) {
            }
        }, r -> true));
        stage.setScene(new Scene(view.node(), 900, 500));
        stage.show();
    }

    private TreeItem<MappingRow> top(CanvasTree table) {
        // the row shown at the top of the rows
        return table.getTreeItem((int) Math.floor(table.topRow() + CanvasTree.EDGE));
    }

    @Test
    void aMapAndAnUnmapAboveKeepTheOpenGroupTheSelectionAndTheTopRow(FxRobot robot) {
        CanvasTree table = view.node();
        TreeItem<MappingRow> root = table.getRoot();
        TreeItem<MappingRow> level = root.getChildren().get(0).getChildren().get(0);
        TreeItem<MappingRow> group = level.getChildren().get(2);
        TreeItem<MappingRow>[] marks = new TreeItem[2];
        robot.interact(() -> {
            group.setExpanded(true);
            marks[0] = group.getChildren().get(100);
            marks[1] = group.getChildren().get(105);
            table.scrollTo(table.getRow(marks[0]));
            table.getSelectionModel().select(marks[1]);
            table.layout();
        });
        assertSame(marks[0], top(table));
        // the lowest mapping is in the first group, above the rows shown
        MapEntry lowest = k.processMaps(p.process()).entries().stream().filter(MapEntry::isMapping).findFirst()
                .orElseThrow();
        int rowsBefore = table.getExpandedItemCount();
        robot.interact(() -> assertEquals(Status.OK, k.vmarUnmap(p.rootVmar(), lowest.base(), PAGE)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(rowsBefore, table.getExpandedItemCount(), "a closed group lost a row: no shown row went");
        assertSame(root, table.getRoot(), "no rebuild");
        assertTrue(group.isExpanded());
        assertSame(marks[1], table.getSelectionModel().getSelectedItem());
        assertSame(marks[0], top(table));

        // a shown row above the top row goes, then comes back: one row less, then one more; the top row stays
        MappingRow above = group.getChildren().get(10).getValue();
        long rootBase = k.processMaps(p.process()).entries().get(0).base();
        robot.interact(() -> assertEquals(Status.OK, k.vmarUnmap(p.rootVmar(), above.base(), PAGE)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(rowsBefore - 1, table.getExpandedItemCount());
        assertSame(marks[0], top(table), "the row at the top stays there");
        robot.interact(() -> assertEquals(Status.OK, k.vmarMap(p.rootVmar(), VmOptions.PERM_READ
                | VmOptions.SPECIFIC, above.base() - rootBase, vmo.handle(), 0, PAGE).status()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(rowsBefore, table.getExpandedItemCount());
        assertEquals(above, group.getChildren().get(10).getValue(), "the new row in its place");
        assertSame(root, table.getRoot(), "no rebuild");
        assertSame(marks[1], table.getSelectionModel().getSelectedItem());
        assertSame(marks[0], top(table));
        assertTrue(group.isExpanded());
    }
}
