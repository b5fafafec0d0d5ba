package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import memscope.app.status.SyscallLog;
import memscope.app.testkit.Made;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import memscope.model.CachePolicy;
import memscope.model.MapEntry;
import org.controlsfx.control.StatusBar;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live controls change the simulation, and the tree, controls and status follow through the kernel's
 * structure events; a script hammering the kernel from another thread does not swamp the window.
 */
@ExtendWith(ApplicationExtension.class)
class SimulationControlsTest {
    private DemoWindow demo;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage);
    }

    private String status(FxRobot robot) {
        return robot.from(demo.window.root()).lookup("#statusPane").queryAs(StatusBar.class).getText();
    }

    @SuppressWarnings("unchecked")
    private CanvasTree tree(FxRobot robot) {
        return robot.from(demo.window.root()).lookup("#mappingTree").queryAs(CanvasTree.class);
    }

    /**
     * Opens the combo's list, picks the handle with this scenario name, closes it, as a click would (clicking
     * cells of a popup list is timing-sensitive under headless Monocle).
     */
    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, String comboId, String handleName) {
        ComboBox<memscope.model.KernelInspector.HandleInfo> combo = robot.from(demo.window.root())
                .lookup("#" + comboId).queryAs(ComboBox.class);
        int handle = demo.handle(handleName);
        robot.interact(() -> {
            combo.show();
            combo.getSelectionModel().select(combo.getItems().stream().filter(h -> h.handle() == handle)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + handleName + " in #" + comboId)));
            combo.hide();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MappingRow processRow(FxRobot robot, String handleName) {
        long koid = demo.koidOf(handleName);
        return tree(robot).getRoot().getChildren().stream().map(TreeItem::getValue)
                .filter(r -> r.processKoid() == koid).findFirst().orElseThrow();
    }

    @Test
    void theKillControlStartsOnTheStrongestHandleNotAReducedOne(FxRobot robot) {
        // app and app.ro name the same process; a kill through app.ro (no DESTROY) would only be refused
        @SuppressWarnings("unchecked")
        ComboBox<memscope.model.KernelInspector.HandleInfo> kill =
                robot.lookup("#killProcess").queryAs(ComboBox.class);
        assertEquals(demo.handle("app"), kill.getValue().handle());
    }

    @Test
    void killingAProcessShowsItDeadInTheTree(FxRobot robot) {
        choose(robot, "killProcess", "logger");
        robot.clickOn("#killButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("zx_task_kill: ZX_OK", status(robot));
        assertTrue(processRow(robot, "logger").dead());
        assertTrue(tree(robot).getRoot().getChildren().stream()
                .filter(i -> i.getValue().processKoid() == demo.koidOf("logger"))
                .allMatch(i -> i.getChildren().isEmpty()), "a dead process has no address space to show");
    }

    @Test
    void resizingAVmoShowsTheNewSize(FxRobot robot) {
        choose(robot, "vmoChoice", "growable");
        robot.clickOn("#vmoSize").write("16K");
        robot.clickOn("#resizeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("zx_vmo_set_size: ZX_OK", status(robot));
        assertEquals(16384, demo.kernel.inspector().vmo(demo.koidOf("growable")).orElseThrow().size());
        assertTrue(robot.from(demo.window.root()).lookup("#vmoInfo").queryAs(Label.class).getText().contains("16 KiB"));
    }

    @Test
    void aBadSizeSaysWhyAndChangesNothing(FxRobot robot) {
        long before = demo.kernel.inspector().vmo(demo.koidOf("growable")).orElseThrow().size();
        choose(robot, "vmoChoice", "growable");
        robot.clickOn("#vmoSize").write("lots");
        robot.clickOn("#resizeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("\"lots\" is not a size (try 4096, 0x1000 or 16K)", status(robot));
        assertEquals(before, demo.kernel.inspector().vmo(demo.koidOf("growable")).orElseThrow().size());
    }

    @Test
    void changingTheCachePolicyShowsInTheTree(FxRobot robot) {
        choose(robot, "vmoChoice", "data");
        robot.interact(() -> robot.from(demo.window.root()).lookup("#cachePolicy").queryAs(ComboBox.class)
                .getSelectionModel().select(CachePolicy.UNCACHED));
        robot.clickOn("#cacheButton");
        WaitForAsyncUtils.waitForFxEvents();
        MapEntry data = demo.mappingOf("app", "data");
        TreeItem<MappingRow> row = MainWindowNavigationTest.find(tree(robot).getRoot(),
                r -> r.kind() == MappingRow.Kind.MAPPING && r.base() == data.base());
        // the default allows a mapped VMO to change; the status line says that kernels refuse it
        assertTrue(status(robot).startsWith("zx_vmo_set_cache_policy: ZX_OK \u2014 the simulator's default: ZX_OK;"
                + " the documentation and today's kernels: ZX_ERR_BAD_STATE"), status(robot));
        assertEquals(CachePolicy.UNCACHED, row.getValue().cachePolicy());
        // and the next edit there meets the cache rule
        robot.interact(() -> demo.window.editor().write(data.base(), new byte[] {1}));
        assertEquals("ZX_ERR_BAD_STATE: the VMO is not cacheable (UNCACHED)", status(robot));
    }

    @Test
    void theEditorHandleShowsItsRights(FxRobot robot) {
        choose(robot, "editorHandle", "app.ro");
        assertEquals("Rights: READ|INSPECT", robot.from(demo.window.root()).lookup("#editorRights").queryAs(Label.class).getText());
        assertTrue(robot.from(demo.window.root()).lookup("#statusPane").queryAs(StatusBar.class).getRightItems().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().endsWith("app.ro (process editor-app)")));
    }

    @Test
    void aBurstOfTenThousandScriptWritesKeepsTheLogBoundedAndTheWindowLive(FxRobot robot) throws Exception {
        MapEntry ring = demo.mappingOf("logger", "ring");
        int logger = demo.handle("logger");
        Thread script = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
                demo.kernel.writeMemory(logger, ring.base() + (i % 64), new byte[] {(byte) i}, 1);
            }
        });
        script.start();
        script.join();
        WaitForAsyncUtils.waitForFxEvents();
        StyleClassedTextArea log = Made.node(robot, demo.window.root(), "#syscallLog", StyleClassedTextArea.class);
        assertTrue(log.getParagraphs().size() <= SyscallLog.MAX_LINES, "log lines: " + log.getParagraphs().size());
        assertTrue(log.getText().endsWith("-> ZX_OK [1/1]"), "the newest call is last");
        // the window still answers: a go-to right after the burst works at once
        robot.interact(() -> demo.window.goTo("ring+8"));
        assertEquals(demo.mappingOf("app", "ring").base() + 8,
                robot.from(demo.window.root()).lookup("#hexView").queryAs(memscope.app.hex.HexView.class).caretProperty().get());
    }

    @Test
    void theLanguageMenuSwitchesTheWindowToChinese(FxRobot robot) {
        robot.interact(() -> demo.messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals("调整大小", robot.from(demo.window.root()).lookup("#resizeButton").queryAs(Button.class).getText());
        assertEquals("地址", demo.hex(robot).addressHeadingProperty().get(), "the hex view's column heading too");
        long vdso = demo.vdso("app").base();
        robot.interact(() -> demo.window.editor().write(vdso, new byte[] {0}));
        assertEquals("ZX_ERR_ACCESS_DENIED：0x" + Long.toHexString(vdso) + "：要写入的地址范围属于 vDSO 之类的受保护区域",
                status(robot));
    }

    @Test
    void aLiveStructureChangeKeepsSelectionAndExpansion(FxRobot robot) throws InterruptedException {
        MapEntry heap = demo.mappingOf("app", "heap");
        TreeItem<MappingRow> heapRow = MainWindowNavigationTest.find(tree(robot).getRoot(),
                r -> r.kind() == MappingRow.Kind.MAPPING && r.base() == heap.base());
        TreeItem<MappingRow> arenaVmar = MainWindowNavigationTest.find(tree(robot).getRoot(),
                r -> r.kind() == MappingRow.Kind.VMAR && r.depth() == 2);
        robot.interact(() -> {
            tree(robot).getSelectionModel().select(heapRow);
            arenaVmar.setExpanded(false);
        });
        // a script on another thread kills the logger: the tree rebuilds through the adapter
        Thread script = new Thread(() -> demo.kernel.taskKill(demo.handle("logger")));
        script.start();
        // until the kill happened: a starved script thread may not have run yet when the FX queue is drained
        script.join();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(processRow(robot, "logger").dead(), "the rebuild happened");
        assertEquals(heapRow.getValue().key(), tree(robot).getSelectionModel().getSelectedItem().getValue().key());
        TreeItem<MappingRow> arenaAfter = MainWindowNavigationTest.find(tree(robot).getRoot(),
                r -> r.kind() == MappingRow.Kind.VMAR && r.depth() == 2);
        assertTrue(arenaAfter != arenaVmar && !arenaAfter.isExpanded(), "collapsed stays collapsed");
        assertEquals(heap.base(), robot.from(demo.window.root()).lookup("#hexView").queryAs(memscope.app.hex.HexView.class)
                .caretProperty().get(), "restoring the selection does not move the view");
    }

    @Test
    void aClosedEditorHandleIsShownAsClosedNotSilentlyReplaced(FxRobot robot) {
        int ro = demo.handle("app.ro");
        choose(robot, "editorHandle", "app.ro");
        assertEquals(memscope.model.Status.OK, demo.kernel.handleClose(ro));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Handle 0x" + Integer.toHexString(ro) + " is closed: choose another",
                robot.from(demo.window.root()).lookup("#editorRights").queryAs(Label.class).getText());
        assertEquals(ro, demo.window.session().editorHandleProperty().get());
    }

    @Test
    void ctrlDFlipsTheBootOptionAndTheCheckBoxFollows(FxRobot robot) {
        javafx.scene.control.CheckBox box = robot.from(demo.window.root()).lookup("#debuggingToggle")
                .queryAs(javafx.scene.control.CheckBox.class);
        assertTrue(box.isSelected());
        robot.interact(() -> robot.from(demo.window.root()).lookup("#hexView").query().requestFocus());
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!demo.kernel.options().debuggingSyscalls());
        assertTrue(!box.isSelected(), "the check box follows the kernel's structure event");
    }

    @Test
    void theFidelityChoiceSetsTheBootOptionAndFollowsTheKernel(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<memscope.model.Fidelity> choice = robot.from(demo.window.root()).lookup("#fidelityChoice")
                .queryAs(ComboBox.class);
        assertEquals(memscope.model.Fidelity.DOCUMENTED, choice.getValue());
        robot.interact(() -> choice.getSelectionModel().select(memscope.model.Fidelity.TODAY));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(memscope.model.Fidelity.TODAY, demo.kernel.options().fidelity());
        assertTrue(demo.kernel.options().debuggingSyscalls(), "the other boot options stay");
        robot.interact(() -> demo.kernel.setOptions(demo.kernel.options()
                .withFidelity(memscope.model.Fidelity.DOCUMENTED)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(memscope.model.Fidelity.DOCUMENTED, choice.getValue(), "the choice follows the kernel");
    }

    @Test
    void theViewLanguageMenuSwitchesLanguage(FxRobot robot) {
        // the menu's own item, fired as a click would (popup menus are unreliable to click in headless Monocle)
        javafx.scene.control.MenuBar bar = robot.from(demo.window.root()).lookup("#menuBar")
                .queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu view = bar.getMenus().stream().filter(m -> m.getText().equals("_View"))
                .findFirst().orElseThrow();
        javafx.scene.control.Menu language = (javafx.scene.control.Menu) view.getItems().stream()
                .filter(i -> "_Language".equals(i.getText())).findFirst().orElseThrow();
        javafx.scene.control.MenuItem chinese = language.getItems().stream()
                .filter(i -> "\u7b80\u4f53\u4e2d\u6587".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(chinese::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Locale.SIMPLIFIED_CHINESE, demo.messages.getLocale());
        assertEquals("\u7ec8\u6b62\u8fdb\u7a0b", robot.from(demo.window.root()).lookup("#killButton")
                .queryAs(Button.class).getText());
    }
}
