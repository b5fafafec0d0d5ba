package memscope.app.layout;

import javafx.geometry.Rectangle2D;

/** Where the main window is: its bounds when neither maximized nor minimized, and whether it is maximized. */
public record WindowState(Rectangle2D bounds, boolean maximized) {
}
