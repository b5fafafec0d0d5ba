package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.stage.Stage;
import memscope.app.layout.Panel;
import memscope.app.timeline.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline is placed under the syscall log even when the bottom panel was hidden as the document opened (the
 * log was then outside the scene graph, and a lookup for it found nothing): showing the panel shows the timeline.
 */
@ExtendWith(ApplicationExtension.class)
class TimelinePlacementTest {
    private DemoWindow demo;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage);
    }

    @Test
    void theTimelineIsUnderTheLogAfterTheHiddenBottomPanelIsShown(FxRobot robot) {
        robot.interact(() -> demo.window.panelShown(Panel.BOTTOM).set(false));
        robot.interact(() -> Timeline.attach(demo.window, demo.messages));
        robot.interact(() -> demo.window.panelShown(Panel.BOTTOM).set(true));
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = demo.window.root().lookup("#timeline");
        assertNotNull(bar, "the timeline is in the window once the bottom panel shows");
        assertTrue(bar.isVisible() && bar.getParent() == demo.window.root().lookup("#logColumn"),
                "under the syscall log");
        assertNotNull(demo.window.root().lookup("#timelineSlider"));
    }
}
