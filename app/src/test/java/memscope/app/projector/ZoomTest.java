package memscope.app.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import memscope.app.layout.MemoryPreferences;
import org.junit.jupiter.api.Test;

/** The zoom's steps and limits, and that a run starts at the zoom the last one left. */
class ZoomTest {
    @Test
    void stepsOfAQuarterFromOneHundredToTwoHundredFiftyPercent() {
        Zoom z = new Zoom(new MemoryPreferences());
        assertEquals(100, z.percent());
        assertFalse(z.out(), "not below 100 %");
        for (int i = 0; i < 6; i++) {
            assertTrue(z.in());
        }
        assertEquals(250, z.percent());
        assertFalse(z.in(), "not above 250 %");
        assertTrue(z.out());
        assertEquals(225, z.percent());
        z.reset();
        assertEquals(100, z.percent());
    }

    @Test
    void theZoomIsRememberedAndABadRememberedValueIgnored() {
        MemoryPreferences prefs = new MemoryPreferences();
        Zoom first = new Zoom(prefs);
        first.in();
        first.in();
        assertEquals(150, new Zoom(prefs).percent(), "the next run starts where this one left off");
        prefs.putDouble(Zoom.KEY, 7.0);
        assertEquals(100, new Zoom(prefs).percent());
        prefs.putDouble(Zoom.KEY, 1.3);
        assertEquals(100, new Zoom(prefs).percent(), "off the steps");
    }
}
