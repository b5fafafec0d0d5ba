package memscope.app.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The window's place and size, the panels shown and their sizes come back in the next run. */
class LayoutMemoryTest {
    @Test
    void theNextRunOpensAsThisOneClosed() throws Exception {
        MemoryPreferences prefs = new MemoryPreferences();
        AppWindow first = AppWindow.launch(prefs);
        double treeWidth;
        try {
            first.robot.interact(() -> {
                first.stage.setX(40);
                first.stage.setY(30);
                first.stage.setWidth(1300);
                first.stage.setHeight(760);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Region tree = first.node("#mappingTree");
            double before = tree.getWidth();
            dragDividerRightOf(first, tree, -80);
            treeWidth = tree.getWidth();
            assertEquals(before - 80, treeWidth, 3, "the drag narrowed the tree");
            first.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
            first.workspace().setSize(Panel.BOTTOM, 180);
        } finally {
            first.close();
        }

        AppWindow second = AppWindow.launch(prefs);
        try {
            assertEquals(40, second.stage.getX(), 0.5);
            assertEquals(30, second.stage.getY(), 0.5);
            assertEquals(1300, second.stage.getWidth(), 0.5);
            assertEquals(760, second.stage.getHeight(), 0.5);
            assertEquals(treeWidth, second.node("#mappingTree").getWidth(), 2, "the tree at its dragged width");
            assertFalse(second.onScreen(second.node("#sideTabs")), "the side panel still hidden");
            assertFalse(second.workspace().shownProperty(Panel.SIDE).get());
            assertEquals(180, second.workspace().size(Panel.BOTTOM), 0.5);
            // the log shares its column with the timeline under it
            assertEquals(180, second.node("#logColumn").getHeight(), 6, "the console and log at their height");
        } finally {
            second.close();
        }
    }

    /** Drags the split divider just right of {@code left} by {@code dx} pixels, as a person would. */
    private static void dragDividerRightOf(AppWindow w, Node left, double dx) {
        Bounds b = left.localToScreen(left.getLayoutBounds());
        w.robot.drag(b.getMaxX() + 3, b.getMinY() + b.getHeight() / 2).dropBy(dx, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
