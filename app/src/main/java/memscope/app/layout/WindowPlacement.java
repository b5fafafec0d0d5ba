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
 * </ul>
 */
public final class WindowPlacement {
    private final Stage stage;
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
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen() && beforeDialog == null
                    && stage.isShowing() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        });
    }

    private void guardAcrossDialogs() {
        boolean dialogOpen = Window.getWindows().stream()
                .anyMatch(w -> w != stage && w instanceof Stage s && s.getModality() != Modality.NONE);
        if (dialogOpen && beforeDialog == null) {
            beforeDialog = new WindowState(
                    new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()), stage.isMaximized());
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
