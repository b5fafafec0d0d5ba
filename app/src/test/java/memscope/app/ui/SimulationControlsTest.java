package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import memscope.app.status.SyscallLog;
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
        return robot.lookup("#statusPane").queryAs(StatusBar.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<MappingRow> tree(FxRobot robot) {
        return robot.lookup("#mappingTree").queryAs(TreeTableView.class);
    }

    private void choose(FxRobot robot, String comboId, String itemPrefix) {
        robot.clickOn("#" + comboId);
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith(itemPrefix)).queryAs(ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MappingRow processRow(FxRobot robot, String handleName) {
        long koid = demo.koidOf(handleName);
        return tree(robot).getRoot().getChildren().stream().map(TreeItem::getValue)
                .filter(r -> r.processKoid() == koid).findFirst().orElseThrow();
    }

    @Test
    void killingAProcessShowsItDeadInTheTree(FxRobot robot) {
        choose(robot, "killProcess", "logger (");
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
        choose(robot, "vmoChoice", "growable (");
        robot.clickOn("#vmoSize").write("16K");
        robot.clickOn("#resizeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("zx_vmo_set_size: ZX_OK", status(robot));
        assertEquals(16384, demo.kernel.inspector().vmo(demo.koidOf("growable")).orElseThrow().size());
        assertTrue(robot.lookup("#vmoInfo").queryAs(Label.class).getText().contains("16 KiB"));
    }

    @Test
    void aBadSizeSaysWhyAndChangesNothing(FxRobot robot) {
        long before = demo.kernel.inspector().vmo(demo.koidOf("growable")).orElseThrow().size();
        choose(robot, "vmoChoice", "growable (");
        robot.clickOn("#vmoSize").write("lots");
        robot.clickOn("#resizeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("\"lots\" is not a size (try 4096, 0x1000 or 16K)", status(robot));
        assertEquals(before, demo.kernel.inspector().vmo(demo.koidOf("growable")).orElseThrow().size());
    }

    @Test
    void changingTheCachePolicyShowsInTheTree(FxRobot robot) {
        choose(robot, "vmoChoice", "data (");
        robot.interact(() -> robot.lookup("#cachePolicy").queryAs(ComboBox.class)
                .getSelectionModel().select(CachePolicy.UNCACHED));
        robot.clickOn("#cacheButton");
        WaitForAsyncUtils.waitForFxEvents();
        MapEntry data = demo.mappingOf("app", "data");
        TreeItem<MappingRow> row = MainWindowNavigationTest.find(tree(robot).getRoot(),
                r -> r.kind() == MappingRow.Kind.MAPPING && r.base() == data.base());
        assertEquals("zx_vmo_set_cache_policy: ZX_OK", status(robot));
        assertEquals(CachePolicy.UNCACHED, row.getValue().cachePolicy());
        // and the next edit there meets the cache rule
        robot.interact(() -> demo.window.editor().write(data.base(), new byte[] {1}));
        assertEquals("ZX_ERR_BAD_STATE: the VMO is not cacheable (UNCACHED)", status(robot));
    }

    @Test
    void theEditorHandleShowsItsRights(FxRobot robot) {
        choose(robot, "editorHandle", "app.ro (");
        assertEquals("Rights: READ|INSPECT", robot.lookup("#editorRights").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#statusPane").queryAs(StatusBar.class).getRightItems().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().endsWith("app.ro")));
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
        StyleClassedTextArea log = robot.lookup("#syscallLog").queryAs(StyleClassedTextArea.class);
        assertTrue(log.getParagraphs().size() <= SyscallLog.MAX_LINES, "log lines: " + log.getParagraphs().size());
        assertTrue(log.getText().endsWith("-> ZX_OK [1/1]"), "the newest call is last");
        // the window still answers: a go-to right after the burst works at once
        robot.interact(() -> demo.window.goTo("ring+8"));
        assertEquals(demo.mappingOf("app", "ring").base() + 8,
                robot.lookup("#hexView").queryAs(memscope.app.hex.HexView.class).caretProperty().get());
    }

    @Test
    void theLanguageMenuSwitchesTheWindowToChinese(FxRobot robot) {
        robot.interact(() -> demo.messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals("调整大小", robot.lookup("#resizeButton").queryAs(Button.class).getText());
        long vdso = demo.vdso("app").base();
        robot.interact(() -> demo.window.editor().write(vdso, new byte[] {0}));
        assertEquals("ZX_ERR_ACCESS_DENIED：0x" + Long.toHexString(vdso) + "：要写入的地址范围属于 vDSO 之类的受保护区域",
                status(robot));
    }
}
