package memscope.app.layout;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;

/**
 * Remembers the layout between runs in a {@link Preferences} node: which panels are shown and their sizes, and the
 * window's bounds. What it reads is only a wish: bad or missing values leave the defaults, and bounds are fitted to
 * the screens of the day by {@link ScreenFit}. Nothing here throws; a layout that cannot be stored is simply not
 * remembered.
 */
public final class LayoutStore {
    /** {@code -Dmemscope.prefs=memory}: remember nothing beyond this run (the tests use this). */
    public static final String PROPERTY = "memscope.prefs";
    private static final String NODE = "memscope/layout";

    private final Preferences node;

    public LayoutStore(Preferences node) {
        this.node = node;
    }

    /** The user's layout, or a throw-away one when {@link #PROPERTY} is {@code memory}. */
    public static Preferences userNode() {
        if ("memory".equals(System.getProperty(PROPERTY))) {
            return new MemoryPreferences();
        }
        try {
            return Preferences.userRoot().node(NODE);
        } catch (RuntimeException e) {
            return new MemoryPreferences(); // no usable preferences store: start from the defaults
        }
    }

    public void save(Workspace workspace) {
        for (Panel p : Panel.values()) {
            node.putBoolean(key(p, "shown"), workspace.shownProperty(p).get());
            node.putDouble(key(p, "size"), workspace.size(p));
        }
    }

    public void restore(Workspace workspace) {
        for (Panel p : Panel.values()) {
            workspace.setSize(p, node.getDouble(key(p, "size"), Double.NaN)); // NaN: keep the default
            workspace.shownProperty(p).set(node.getBoolean(key(p, "shown"), true));
        }
    }

    public void saveWindow(WindowState state) {
        Rectangle2D b = state.bounds();
        node.putDouble("window.x", b.getMinX());
        node.putDouble("window.y", b.getMinY());
        node.putDouble("window.width", b.getWidth());
        node.putDouble("window.height", b.getHeight());
        node.putBoolean("window.maximized", state.maximized());
    }

    /** The window's remembered state, if all of it was remembered and its size is positive. */
    public Optional<WindowState> window() {
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        double w = node.getDouble("window.width", Double.NaN);
        double h = node.getDouble("window.height", Double.NaN);
        if (!(Double.isFinite(x) && Double.isFinite(y) && w > 0 && h > 0 && Double.isFinite(w) && Double.isFinite(h))) {
            return Optional.empty();
        }
        return Optional.of(new WindowState(new Rectangle2D(x, y, w, h), node.getBoolean("window.maximized", false)));
    }

    /** Writes what was saved to the backing store now rather than at some later time. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // the layout is a convenience: the next run starts from the defaults
        }
    }

    private static String key(Panel p, String what) {
        return "panel." + p.name().toLowerCase(Locale.ROOT) + "." + what;
    }
}
