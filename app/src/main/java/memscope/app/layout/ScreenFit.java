package memscope.app.layout;

import java.util.List;
import javafx.geometry.Rectangle2D;

/** Where a window goes on the screens there are now: pure arithmetic on rectangles. */
public final class ScreenFit {
    static final double DEFAULT_WIDTH = 1600;
    static final double DEFAULT_HEIGHT = 880;
    /** How much of a remembered window must still be on some screen for it to go back there (a title bar to grab). */
    private static final double VISIBLE_WIDTH = 120;
    private static final double VISIBLE_HEIGHT = 40;

    private ScreenFit() {
    }

    /** The window when nothing is remembered: the default size, never larger than {@code screen}, centred on it. */
    public static Rectangle2D defaultBounds(Rectangle2D screen) {
        double w = Math.min(DEFAULT_WIDTH, screen.getWidth());
        double h = Math.min(DEFAULT_HEIGHT, screen.getHeight());
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }

    /**
     * {@code wanted} moved and shrunk as little as needed to lie on the screen it overlaps most; the default bounds
     * on {@code primary} when it is not a usable rectangle or too little of it is on any screen (a monitor that
     * has gone away).
     */
    public static Rectangle2D place(Rectangle2D wanted, List<Rectangle2D> screens, Rectangle2D primary) {
        if (wanted == null || !usable(wanted)) {
            return defaultBounds(primary);
        }
        Rectangle2D best = null;
        double bestArea = 0;
        for (Rectangle2D s : screens) {
            double w = Math.min(wanted.getMaxX(), s.getMaxX()) - Math.max(wanted.getMinX(), s.getMinX());
            double h = Math.min(wanted.getMaxY(), s.getMaxY()) - Math.max(wanted.getMinY(), s.getMinY());
            if (w >= Math.min(VISIBLE_WIDTH, wanted.getWidth()) && h >= Math.min(VISIBLE_HEIGHT, wanted.getHeight())
                    && w * h > bestArea) {
                best = s;
                bestArea = w * h;
            }
        }
        if (best == null) {
            return defaultBounds(primary);
        }
        double w = Math.min(wanted.getWidth(), best.getWidth());
        double h = Math.min(wanted.getHeight(), best.getHeight());
        double x = Math.max(best.getMinX(), Math.min(wanted.getMinX(), best.getMaxX() - w));
        double y = Math.max(best.getMinY(), Math.min(wanted.getMinY(), best.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    private static boolean usable(Rectangle2D r) {
        return Double.isFinite(r.getMinX()) && Double.isFinite(r.getMinY()) && Double.isFinite(r.getWidth())
                && Double.isFinite(r.getHeight()) && r.getWidth() > 0 && r.getHeight() > 0;
    }
}
