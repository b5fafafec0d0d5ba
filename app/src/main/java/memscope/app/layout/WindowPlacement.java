package memscope.app.layout;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Puts the main window where it was last time and keeps it there against two GTK glass bugs of JavaFX 21 under a
 * real window manager (openbox, mutter):
 * <ul>
 * <li>JDK-8316423 (fixed in JavaFX 22): the stage is realized before its size is known, so the window manager maps
 * it at GTK's default 200x200 whatever size was asked before {@code show()}. Asking again once the window is
 * mapped is honoured, so {@link #show} sets the bounds after showing.</li>
 * <li>While a modal dialog is up, glass freezes the owner's size hints (JDK-8332222 is the KDE face of it), and a
 * window manager may then un-maximize the owner or shrink it to the size glass last knew. The user cannot resize
 * a window a modal dialog blocks, so any change in that time is the bug's: it is undone when the dialog closes.</li>
 * <li>Even after it honoured the size asked, glass reports GTK's default size again for a moment when the scene
 * changes under it (traced under openbox: 1024x700, then 200x700, 200x200, 1024x200, 1024x700, several times in
 * the first seconds of {@code --load-elf}). Recorded as the user's size, or snapshotted by a modal progress dialog
 * opening just then and "restored" when it closed, that moment left the window at 200x200. So a report of the
 * default size nobody asked for is the bug's: it is never the user's, a dialog keeps the last real bounds, and the
 * real bounds are asked again (a bounded number of times, so a window manager that insists is not fought).</li>
 * </ul>
 */
public final class WindowPlacement {
    /** GTK's size for a window whose size it does not know yet (JDK-8316423). */
    static final double GTK_DEFAULT = 200;
    /** The most a window manager's frame adds to a size. */
    private static final double FRAME = 30;
    /** How many times the real bounds are asked again over a transient default size. */
    static final int MAX_REASKS = 20;
    private final Stage stage;
    /** Reports queue up a note each; once asked again, the stage holds the real size and later notes see it. */
    private int reasks;
    private Rectangle2D normal;
    /** The window as it was when a modal dialog opened; null while none is open. */
    private WindowState beforeDialog;
    private final InvalidationListener moved = o -> noteNormal();
    private final ListChangeListener<Window> dialogs = c -> guardAcrossDialogs();

    public WindowPlacement(Stage stage) {
        this.stage = stage;
    }

    /**
     * Shows the stage at {@code wanted} (fitted to the screens there are now; the default place when empty),
     * maximized if it was.
     */
    public void show(Optional<WindowState> wanted) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        normal = ScreenFit.place(wanted.map(WindowState::bounds).orElse(null), screens, primary);
        stage.setMaximized(false); // a stage shown again (tests reuse theirs) starts from its remembered state too
        setBounds(normal); // where the platform honours it before showing (Windows, macOS, headless)
        stage.show();
        setBounds(normal); // JDK-8316423: under a window manager only a size asked after mapping is kept
        if (wanted.map(WindowState::maximized).orElse(false)) {
            stage.setMaximized(true);
        }
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        Window.getWindows().addListener(dialogs);
    }

    /** Stops following the stage (the application is stopping; a test may show the same stage again). */
    public void release() {
        stage.xProperty().removeListener(moved);
        stage.yProperty().removeListener(moved);
        stage.widthProperty().removeListener(moved);
        stage.heightProperty().removeListener(moved);
        Window.getWindows().removeListener(dialogs);
    }

    /** Where the window is now, what to remember for the next run; empty if it was never shown. */
    public Optional<WindowState> state() {
        return Optional.ofNullable(normal).map(b -> new WindowState(b, stage.isMaximized()));
    }

    private void setBounds(Rectangle2D b) {
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
    }

    /**
     * Follows the bounds the user gives the window while it is neither maximized nor minimized. Late, because the
     * new size of a maximized window can arrive before its maximized state does.
     */
    private void noteNormal() {
        Platform.runLater(() -> {
            if (stage.isMaximized() || stage.isIconified() || stage.isFullScreen() || !stage.isShowing()
                    || stage.getWidth() <= 0 || stage.getHeight() <= 0) {
                return;
            }
            if (isTransientDefault()) {
                reaskNormal();
            } else if (beforeDialog == null) {
                normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        });
    }

    /**
     * Whether the window shows GTK's default size in either direction (the window manager reports the two
     * separately on the way) while the size last asked or chosen was another.
     */
    private boolean isTransientDefault() {
        return normal != null && (isDefault(stage.getWidth(), normal.getWidth())
                || isDefault(stage.getHeight(), normal.getHeight()));
    }

    /**
     * GTK's default, perhaps with the frame around it (a second window of the same run is reported at 202x221
     * under openbox), when the size wanted is not itself about that small.
     */
    private static boolean isDefault(double size, double wanted) {
        return size >= GTK_DEFAULT && size <= GTK_DEFAULT + FRAME && Math.abs(wanted - size) > FRAME;
    }

    private void reaskNormal() {
        if (reasks < MAX_REASKS) {
            reasks++;
            setBounds(normal);
        }
    }

    private void guardAcrossDialogs() {
        boolean dialogOpen = Window.getWindows().stream()
                .anyMatch(w -> w != stage && w instanceof Stage s && s.getModality() != Modality.NONE);
        if (dialogOpen && beforeDialog == null) {
            // a dialog opening during the bug's moment at the default size keeps the real bounds, not that moment
            Rectangle2D now = isTransientDefault() ? normal
                    : new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            beforeDialog = new WindowState(now, stage.isMaximized());
        } else if (!dialogOpen && beforeDialog != null) {
            WindowState was = beforeDialog;
            beforeDialog = null;
            Platform.runLater(() -> restore(was)); // once glass has lifted the size freeze
        }
    }

    private void restore(WindowState was) {
        if (!stage.isShowing() || stage.isIconified() || stage.isFullScreen()) {
            return;
        }
        if (was.maximized()) {
            stage.setMaximized(true);
        } else if (!stage.isMaximized() && !new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight()).equals(was.bounds())) {
            setBounds(was.bounds());
        }
    }
}
