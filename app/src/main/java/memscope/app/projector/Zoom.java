package memscope.app.projector;

import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * The projector's zoom: 100 % to 250 % in steps of 25 %, remembered between runs in the layout preferences
 * ({@code memscope/layout}, key {@code zoom}). A remembered value out of range or off the steps is ignored.
 */
public final class Zoom {
    public static final double MIN = 1.0;
    public static final double MAX = 2.5;
    public static final double STEP = 0.25;
    static final String KEY = "zoom";

    private final Preferences prefs;
    private final ReadOnlyDoubleWrapper level = new ReadOnlyDoubleWrapper(MIN);

    public Zoom(Preferences prefs) {
        this.prefs = prefs;
        double saved = prefs.getDouble(KEY, MIN);
        if (valid(saved)) {
            level.set(saved);
        }
    }

    private static boolean valid(double z) {
        return z >= MIN && z <= MAX && Math.abs(z / STEP - Math.rint(z / STEP)) < 1e-9;
    }

    public ReadOnlyDoubleProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    public double level() {
        return level.get();
    }

    /** One step larger; false (nothing changes) at 250 %. */
    public boolean in() {
        return set(level() + STEP);
    }

    /** One step smaller; false (nothing changes) at 100 %. */
    public boolean out() {
        return set(level() - STEP);
    }

    public void reset() {
        set(MIN);
    }

    private boolean set(double z) {
        if (!valid(z)) {
            return false;
        }
        level.set(z);
        prefs.putDouble(KEY, z);
        return true;
    }

    /** The percentage shown to the user, e.g. 150. */
    public int percent() {
        return (int) Math.round(level() * 100);
    }
}
