package memscope.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The timeline follows the calls made after the bottom panel, which holds it, was hidden and shown again. */
class TimelineFollowsNowTest {
    private TimelineApp w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    @Test
    void hidingAndShowingTheBottomPanelKeepsTheTimelineFollowingNow() throws Exception {
        w = TimelineApp.launch();
        Label position = (Label) w.window().root().lookup("#timelinePosition");
        Node bar = w.window().root().lookup("#timeline");
        w.fireMenu("panel-bottom");
        assertNull(bar.getScene(), "the hidden panel takes the timeline out of the window");
        w.fireMenu("panel-bottom");

        w.typeAt(w.mapping("app", "data").base() + 0x10, "ab");
        long horizon = w.kernel().history().horizon();
        long now = w.kernel().history().now();
        w.waitUntil("the timeline reaches the last call", () -> position.getText().equals("history #" + horizon
                + " to #" + now));
        assertEquals("history #" + horizon + " to #" + now, position.getText());
    }
}
