package memscope.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import memscope.app.testkit.Made;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.history.Caller;
import memscope.model.history.Step;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's own reads (the maps it asks for to paint a process, the tree's) are the window's in the history,
 * not the editor's, and leave no mark on the timeline, as the syscall log does not list them; a refusal the
 * person's edit causes is still the editor's, marked red.
 */
class WindowReadsTest {
    private static final Color REFUSED = Color.web("#d0021b");
    private TimelineApp w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    /** The timeline's red marks, once it caught up with the calls. */
    private long refusalMarks() {
        WaitForAsyncUtils.waitForFxEvents();
        Pane marks = w.robot.from(w.window().root()).lookup("#timelineMarks").queryAs(Pane.class);
        return marks.getChildren().stream().filter(n -> n instanceof Rectangle r && REFUSED.equals(r.getFill()))
                .count();
    }

    private String log() {
        return Made.node(w.robot, w.window().root(), "#syscallLog", StyleClassedTextArea.class).getText();
    }

    /** Chooses the handle edits go through (and so the process shown) in the Simulation panel, as a person does. */
    @SuppressWarnings("unchecked")
    private void chooseEditor(String handleName) {
        ComboBox<HandleInfo> combo = w.robot.from(w.window().root()).lookup("#editorHandle").queryAs(ComboBox.class);
        int handle = w.window().session().handleNamed(handleName).orElseThrow();
        w.robot.interact(() -> {
            combo.show();
            combo.getSelectionModel().select(combo.getItems().stream().filter(h -> h.handle() == handle)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + handleName + " to choose")));
            combo.hide();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theWindowsOwnRefusedReadsAreTheWindowsAndLeaveNoMark() throws Exception {
        w = TimelineApp.launch();
        long worker = w.koidOf("worker");
        long before = w.kernel().history().now();
        assertEquals(0, refusalMarks());

        // showing the dead worker: painting it asks for its maps, which the kernel refuses (ZX_ERR_BAD_STATE)
        chooseEditor("worker");
        w.waitUntil("the worker is shown", () -> w.window().session().viewedProcessProperty().get() == worker);
        w.robot.interact(() -> w.hex().refresh());
        WaitForAsyncUtils.waitForFxEvents();
        List<Step> refused = w.kernel().history().steps(before + 1, Long.MAX_VALUE).stream()
                .filter(Step::refused).toList();
        assertFalse(refused.isEmpty(), "the window's read of the dead worker's maps was refused");
        assertTrue(refused.stream().allMatch(s -> s.caller() == Caller.WINDOW), refused.toString());
        assertEquals(0, refusalMarks(), "the window's own reads leave no mark");
        assertFalse(log().contains("zx_object_get_info"), "nor are they in the syscall log: " + log());

        // a refusal the person's typing causes is the editor's, in the log and marked
        chooseEditor("app");
        long vdso = w.window().session().viewedMaps().stream()
                .filter(e -> e.isMapping() && e.vmoKoid() == w.kernel().inspector().vdsoKoid()).findFirst()
                .orElseThrow().base();
        long typed = w.kernel().history().now();
        w.typeAt(vdso, "4");
        List<Step> edits = w.kernel().history().steps(typed + 1, Long.MAX_VALUE).stream()
                .filter(s -> s.caller() != Caller.WINDOW).toList();
        assertEquals(1, edits.size(), edits.toString());
        assertTrue(edits.get(0).refused() && edits.get(0).caller() == Caller.EDITOR, edits.toString());
        assertEquals(1, refusalMarks());
        assertTrue(log().contains("zx_process_write_memory"), log());
    }
}
