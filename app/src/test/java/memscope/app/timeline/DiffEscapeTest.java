package memscope.app.timeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Esc in the Diff window does what the past's banner says: while a chosen row shows the past, the first Esc returns
 * the main window to now and leaves the Diff window open with its rows; at now, Esc closes the Diff window.
 */
class DiffEscapeTest {
    private TimelineApp w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    @Test
    void escapeInTheDiffWindowReturnsToNowBeforeItCloses() throws Exception {
        w = TimelineApp.launch();
        long data = w.mapping("app", "data").base() + 0x10;
        w.typeAt(data, "ab");
        w.openDiff();
        int rows = w.table().getItems().size();
        assertTrue(rows > 0, "the typed bytes are listed");

        // a click on the first row shows the moment of its call
        Node firstRow = w.robot.from(w.table()).lookup(".table-row-cell").nth(0).query();
        w.robot.clickOn(firstRow);
        WaitForAsyncUtils.waitForFxEvents();
        Timeline timeline = Timeline.of(w.window()).orElseThrow();
        assertTrue(timeline.inThePast(), "the row's moment is shown");

        w.robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(timeline.inThePast(), "Esc returned the main window to now");
        assertNotNull(w.diffWindow(), "and the Diff window stays open");
        assertTrue(w.table().getItems().size() == rows, "with its rows");

        w.robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(w.diffWindow(), "at now, Esc closes the Diff window");
        assertFalse(timeline.inThePast());
    }
}
