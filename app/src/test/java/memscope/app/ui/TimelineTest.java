package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.hex.CellKind;
import memscope.app.timeline.Timeline;
import memscope.model.MapEntry;
import memscope.model.history.Caller;
import memscope.model.history.Writer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline: typed edits are recorded; Alt+Left shows the past read-only under a banner, Esc returns to now;
 * Ctrl+Shift+H lists who wrote the byte under the caret, and Jump there moves the timeline.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineTest {
    private DemoWindow demo;
    private Timeline timeline;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage);
        timeline = Timeline.attach(demo.window, demo.messages);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null).forEach(w -> ((Stage) w).close()));
    }

    private byte shown(FxRobot robot, long address) {
        byte[] data = new byte[1];
        CellKind[] kinds = new CellKind[1];
        robot.interact(() -> demo.hex(robot).getSource().read(address, data, kinds, 1));
        return data[0];
    }

    private Label banner(FxRobot robot) {
        return robot.from(demo.window.root()).lookup("#timelineBanner").queryAs(Label.class);
    }

    @Test
    void altLeftShowsThePastReadOnlyAndEscReturnsToNow(FxRobot robot) {
        MapEntry data = demo.mappingOf("app", "data");
        byte before = demo.read("app", data.base(), 1)[0];
        demo.typeAt(robot, data.base(), "5a");
        assertEquals(0x5a, demo.read("app", data.base(), 1)[0]);
        assertFalse(banner(robot).isVisible());

        robot.push(KeyCode.ALT, KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(timeline.inThePast());
        assertTrue(banner(robot).isVisible());
        assertTrue(banner(robot).getText().matches("viewing #\\d+ of #\\d+, press Esc to return to now"),
                banner(robot).getText());
        // typing a byte may write it nibble by nibble: the previous change is before the last digit
        assertTrue(shown(robot, data.base()) != 0x5a, "the byte as it was before the last edit");
        robot.interact(() -> timeline.jumpTo(demo.kernel.history().horizon()));
        assertEquals(before, shown(robot, data.base()), "the byte as it was when the window opened");

        // typing in the past changes nothing
        robot.interact(() -> demo.hex(robot).requestFocus());
        robot.write("11");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0x5a, demo.read("app", data.base(), 1)[0]);
        // nor does Edit › Undo from the menu (the keys are not the only way in)
        javafx.scene.control.MenuBar bar = robot.from(demo.window.root()).lookup("#menuBar")
                .queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.input.KeyCombination undoKeys = javafx.scene.input.KeyCombination.keyCombination("Shortcut+Z");
        robot.interact(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> undoKeys.equals(i.getAccelerator())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0x5a, demo.read("app", data.base(), 1)[0], "no undo while the past is shown");
        // nor a comparison, which writes under three personalities
        robot.interact(() -> demo.hex(robot).goTo(data.base()));
        robot.interact(() -> robot.lookup("#compareWrite").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0x5a, demo.read("app", data.base(), 1)[0], "no comparison while the past is shown");
        assertTrue(demo.status(robot).startsWith("The timeline shows the past"), demo.status(robot));

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(timeline.inThePast());
        assertFalse(banner(robot).isVisible());
        assertEquals(0x5a, shown(robot, data.base()));
    }

    @Test
    void whoWroteThisListsTheCallsAndJumpsToTheChosenOne(FxRobot robot) {
        MapEntry data = demo.mappingOf("app", "data");
        demo.typeAt(robot, data.base() + 4, "c3");
        long written = timeline.viewingProperty().get() == 0 ? demo.kernel.history().now() : -1;
        robot.interact(() -> {
            demo.hex(robot).goTo(data.base() + 4);
            demo.hex(robot).requestFocus();
        });
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#whoWroteDialog").queryAs(DialogPane.class);
        @SuppressWarnings("unchecked")
        ListView<Writer> list = robot.from(pane).lookup("#whoWroteList").queryAs(ListView.class);
        assertFalse(list.getItems().isEmpty());
        Writer w = list.getItems().get(list.getItems().size() - 1);
        assertEquals(written, w.sequence());
        assertEquals(Caller.EDITOR, w.step().caller());
        assertEquals(0xc3, w.after());
        assertEquals(w, list.getSelectionModel().getSelectedItem(), "the latest is chosen first");
        assertTrue(pane.getHeaderText().contains(Long.toHexString(data.base() + 4)), pane.getHeaderText());

        Button jump = (Button) pane.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).map(pane::lookupButton)
                .findFirst().orElseThrow();
        robot.interact(jump::fire);
        WaitForAsyncUtils.waitForFxEvents();
        // the write is the latest call, so "just after it" is now; the call before it is the past
        assertFalse(timeline.inThePast());
        robot.interact(() -> timeline.jumpTo(written - 1));
        assertTrue(timeline.inThePast());
        assertEquals(written - 1, timeline.viewingProperty().get());
        assertArrayEquals(new byte[] {(byte) 0xc3}, demo.read("app", data.base() + 4, 1));
    }

    @Test
    void theTreeShowsTheProcessesAsTheyWere(FxRobot robot) {
        long logger = demo.koidOf("logger");
        robot.interact(() -> demo.kernel.taskKill(demo.handle("logger")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(processRow(robot, logger).dead(), "dead now");
        robot.interact(() -> timeline.jumpTo(demo.kernel.history().horizon()));
        assertFalse(processRow(robot, logger).dead(), "alive when the window opened");
        robot.interact(timeline::returnToNow);
        assertTrue(processRow(robot, logger).dead());
    }

    private memscope.app.tree.MappingRow processRow(FxRobot robot, long koid) {
        @SuppressWarnings("unchecked")
        memscope.app.tree.CanvasTree tree = robot.from(demo.window.root())
                .lookup("#mappingTree").queryAs(memscope.app.tree.CanvasTree.class);
        return tree.getRoot().getChildren().stream().map(javafx.scene.control.TreeItem::getValue)
                .filter(r -> r.processKoid() == koid).findFirst().orElseThrow();
    }

    @Test
    void diffMarksTheBytesChangedSinceTheWindowOpened(FxRobot robot) {
        MapEntry data = demo.mappingOf("app", "data");
        demo.typeAt(robot, data.base() + 0x20, "77");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        long at = data.base() + 0x20;
        assertTrue(demo.hex(robot).getHighlights().stream().anyMatch(h -> h.contains(at) && !h.contains(at + 1)
                && !h.contains(at - 1)), demo.hex(robot).getHighlights().toString());
        assertTrue(demo.status(robot).startsWith("1 changed range, by "), demo.status(robot));
        robot.interact(timeline::clearDiff);
        assertTrue(demo.hex(robot).getHighlights().stream().noneMatch(h -> h.contains(at)));
    }
}
