package memscope.app.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class LayoutStoreTest {
    private final Preferences prefs = new MemoryPreferences();
    private final LayoutStore store = new LayoutStore(prefs);

    @Test
    void theWindowComesBackAsItWasSaved() {
        WindowState s = new WindowState(new Rectangle2D(40, 30, 1300, 760), true);
        store.saveWindow(s);
        assertEquals(Optional.of(s), new LayoutStore(prefs).window());
    }

    @Test
    void nothingSavedMeansTheDefaults() {
        assertTrue(store.window().isEmpty());
    }

    @Test
    void damagedValuesAreIgnoredRatherThanUsed() {
        store.saveWindow(new WindowState(new Rectangle2D(40, 30, 1300, 760), false));
        prefs.put("window.width", "wide");
        assertTrue(store.window().isEmpty(), "a width that is not a number");
        prefs.putDouble("window.width", -5);
        assertTrue(store.window().isEmpty(), "a negative width");
        prefs.putDouble("window.width", Double.POSITIVE_INFINITY);
        assertTrue(store.window().isEmpty(), "an infinite width");
    }

    @Test
    void theUsersPreferencesAreNotTouchedWhenTheTestsAskForMemory() {
        // surefire sets -Dmemscope.prefs=memory, so every MemScopeApp the tests start remembers nothing on disk
        assertEquals("memory", System.getProperty(LayoutStore.PROPERTY));
        assertTrue(LayoutStore.userNode() instanceof MemoryPreferences);
    }
}
