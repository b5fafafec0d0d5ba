package memscope.app.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import memscope.app.hex.HexView;
import memscope.app.testkit.Made;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hex view comes first at every window size, and the View menu's shortcuts hide and show the panels around
 * it. Real application, headless; the window manager's part is {@code DesktopSmoke}'s.
 */
class WindowLayoutTest {
    private AppWindow w;

    @BeforeEach
    void start() throws Exception {
        w = AppWindow.launch(new MemoryPreferences());
    }

    @AfterEach
    void stop() throws Exception {
        w.close();
    }

    /** All 16 hex columns and the ASCII column are inside the window: the hex view has its full width on screen. */
    private void assertHexWhole(String size) {
        HexView hex = w.hex();
        Bounds b = w.inScene(hex);
        double need = hex.prefWidth(-1);
        assertTrue(hex.getWidth() >= need - 0.5, size + ": the hex view is " + hex.getWidth() + " px wide, needs " + need);
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= w.stage.getScene().getWidth() + 0.5,
                size + ": the hex view lies inside the window: " + b);
    }

    @Test
    void at1024x700AllSixteenColumnsAndTheAsciiColumnShowBesideBothPanels() {
        w.resize(1024, 700);
        assertHexWhole("1024x700");
        Region tree = w.node("#mappingTree");
        Region side = w.node("#sideTabs");
        assertTrue(w.onScreen(tree) && tree.getWidth() >= 100, "the tree keeps a usable width: " + tree.getWidth());
        assertTrue(w.onScreen(side) && side.getWidth() >= 100, "the side panel keeps a usable width: " + side.getWidth());
        assertTrue(w.inScene(side).getMaxX() <= w.stage.getScene().getWidth() + 0.5, "the side panel is not cut off");
    }

    @Test
    void at1366x768NothingIsCutOff() {
        w.resize(1366, 768);
        assertHexWhole("1366x768");
        Region side = w.node("#sideTabs");
        assertTrue(w.inScene(side).getMaxX() <= w.stage.getScene().getWidth() + 0.5, "the side panel is not cut off");
    }

    @Test
    void aLargerWindowGoesToTheHexViewNotThePanels() {
        w.resize(1366, 768);
        Region tree = w.node("#mappingTree");
        Region side = w.node("#sideTabs");
        double treeWidth = tree.getWidth();
        double sideWidth = side.getWidth();
        double hexWidth = w.hex().getWidth();
        double hexHeight = w.hex().getHeight();
        w.resize(2560, 1400);
        assertHexWhole("2560x1400");
        assertTrue(w.hex().getWidth() > hexWidth + 1000, "the hex view widens: " + hexWidth + " -> " + w.hex().getWidth());
        assertTrue(w.hex().getHeight() > hexHeight + 400, "the hex view grows taller: " + hexHeight + " -> " + w.hex().getHeight());
        assertTrue(tree.getWidth() >= treeWidth - 1 && side.getWidth() >= sideWidth - 1,
                "the panels keep at least their widths");
    }

    @Test
    void panelsSqueezedByASmallWindowGetTheirWidthsBackInALargeOneEvenAfterClicks() {
        w.resize(1600, 900);
        Region side = w.node("#sideTabs");
        double wide = side.getWidth();
        w.resize(1024, 700);
        assertTrue(side.getWidth() < wide - 20, "squeezed for the hex view");
        w.robot.clickOn(w.hex()); // a click is not a drag of a divider: nobody chose the squeezed width
        w.resize(1600, 900);
        assertEquals(wide, side.getWidth(), 1);
    }

    @Test
    void viewMenuShortcutsHideAndShowEachPanel() {
        w.resize(1024, 700);
        Region tree = w.node("#mappingTree");
        Region side = w.node("#sideTabs");
        double treeWidth = tree.getWidth();
        double othersWidth = w.hex().getWidth() + side.getWidth();

        w.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        assertFalse(w.onScreen(tree), "Ctrl+Shift+T hides the mapping tree");
        assertTrue(w.hex().getWidth() + side.getWidth() >= othersWidth + treeWidth,
                "its room goes to the hex view and the side panel (which had been narrowed for it)");
        w.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        assertTrue(w.onScreen(tree), "Ctrl+Shift+T shows it again");
        assertEquals(treeWidth, tree.getWidth(), 2, "at the width it had");

        w.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        assertFalse(w.onScreen(side), "Ctrl+Shift+P hides the side panel");
        w.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        assertTrue(w.onScreen(side), "choosing Lessons brings the side panel back");

        Region log = Made.node(w.robot, w.stage.getScene().getRoot(), "#syscallLog",
                Region.class);
        assertTrue(w.onScreen(log));
        w.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B);
        assertFalse(w.onScreen(log), "Ctrl+Shift+B hides the console and the syscall log");
        w.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
        assertTrue(w.onScreen(log), "choosing the console brings them back");
        assertHexWhole("1024x700 after the toggles");
    }
}
