package memscope.app.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.robot.Robot;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import memscope.app.MemScopeApp;
import memscope.app.hex.HexView;

/**
 * The real window on a real desktop (GTK glass, an X server and a window manager; {@code .ci/run} starts Xvfb
 * with openbox; {@code DESKTOP_WM=metacity} another manager): the window opens at the size it asked for, keeps it across a dialog and through a start that
 * loads an ELF in the background (a modal progress dialog), and the hex view's 16
 * columns and its ASCII column lie inside it. Prints each check, saves screenshots, exits 1 when a check fails.
 * The headless suite cannot see these: Monocle has no window manager.
 */
public final class DesktopSmoke {
    private static final long SETTLE_MS = 1000;
    /** A window manager's frame may add its decorations around the size asked for. */
    private static final double FRAME_SLACK = 60;

    private final List<String> failures = new ArrayList<>();
    private final Path out;
    private Stage stage;
    private MemScopeApp app;

    private DesktopSmoke(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/desktop-smoke");
        // .ci/desktop names the window manager: each keeps its own screenshots
        String wm = System.getenv().getOrDefault("DESKTOP_WM", "openbox");
        if (!wm.equals("openbox")) {
            out = out.resolveSibling(out.getFileName() + "-" + wm);
        }
        System.out.println("desktop-smoke: window manager " + wm);
        // a hung desktop must not hang CI
        Thread watchdog = new Thread(() -> {
            sleep(150_000);
            System.err.println("desktop-smoke: FAIL: no result after 150 s");
            Runtime.getRuntime().halt(2);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        int code = new DesktopSmoke(out).run();
        Platform.exit();
        System.exit(code);
    }

    private int run() throws Exception {
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        // the --load-elf step hides the only window before it opens the next one; with implicit exit JavaFX may
        // shut down in between, and the next step then waits for an FX thread that is gone (a hang now and then)
        Platform.setImplicitExit(false);
        String platform = fx(() -> com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName());
        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        System.out.printf("desktop-smoke: glass %s, screen %.0fx%.0f%n", platform, screen.getWidth(), screen.getHeight());
        fx(() -> {
            stage = new Stage();
            app = new MemScopeApp();
            app.start(stage);
            return null;
        });
        Rectangle2D asked = waitForStableSize();
        shot("start.png");
        Rectangle2D want = fx(() -> memscope.app.layout.ScreenFit.defaultBounds(Screen.getPrimary().getVisualBounds()));
        check(asked.getWidth() >= want.getWidth() - FRAME_SLACK && asked.getHeight() >= want.getHeight() - FRAME_SLACK,
                "the window opens at the size it asked for: %.0fx%.0f, asked %.0fx%.0f",
                asked.getWidth(), asked.getHeight(), want.getWidth(), want.getHeight());
        checkInsideScreen(screen);
        checkXWindow("at start");
        checkTreeHasWidth("at start");
        checkHexFits("at start");

        dialogKeepsSize("at the size it opened", "dialog");
        fx(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
            return null;
        });
        waitForStableSize();
        dialogKeepsSize("resized to 900x600", "resized-dialog");
        fx(() -> {
            stage.setMaximized(true);
            return null;
        });
        waitForStableSize();
        dialogKeepsSize("maximized", "maximized-dialog");
        check(fx(stage::isMaximized), "the window is still maximized after the dialog");

        loadElfStartKeepsSize(want);

        for (String f : failures) {
            System.err.println("desktop-smoke: FAIL: " + f);
        }
        System.out.println("desktop-smoke: " + (failures.isEmpty() ? "all checks passed" : failures.size() + " failed")
                + "; screenshots in " + out.toAbsolutePath());
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * Starts again as {@code --load-elf /bin/ls} does: the ELF is read in the background right after the window is
     * shown (a modal progress dialog opens when that takes a moment), while glass still reports GTK's default
     * 200x200 now and then; a modal dialog opens in that moment. The window ends at the size it asked for.
     */
    private void loadElfStartKeepsSize(Rectangle2D want) {
        fx(() -> {
            app.stop();
            stage.hide();
            return null;
        });
        Path elf = Path.of("/bin/ls");
        if (!Files.isRegularFile(elf)) {
            check(false, "--load-elf start: %s is missing", elf);
            return;
        }
        boolean[] progressSeen = new boolean[1];
        Alert[] early = new Alert[1];
        CompletableFuture<Boolean> loaded = fx(() -> {
            Window.getWindows().addListener((ListChangeListener<Window>) c -> progressSeen[0] |= Window.getWindows()
                    .stream().anyMatch(w -> w.getScene() != null && w.getScene().lookup("#backgroundTask") != null));
            stage = new Stage();
            // the progress dialog shows only when the load is slow (a loaded machine); this one comes every time,
            // at the moment glass reports GTK's default 200x200 again, as the progress dialog did in the failing runs
            stage.widthProperty().addListener((o, was, now) -> {
                if (early[0] == null && stage.isShowing() && now.doubleValue() <= 240) {
                    early[0] = modalOver(stage);
                }
            });
            app = new MemScopeApp();
            app.start(stage);
            return app.elves().loadExecutable(elf); // what start() does for --load-elf
        });
        boolean ok;
        try {
            ok = loaded.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            ok = false;
        }
        check(ok, "--load-elf start: %s loads", elf);
        sleep(SETTLE_MS);
        boolean atDefault = fx(() -> {
            boolean seen = early[0] != null;
            if (!seen) { // this glass never reported the default size: the dialog still comes during the start
                early[0] = modalOver(stage);
            }
            return seen;
        });
        System.out.println("desktop-smoke: --load-elf start: glass reported GTK's default size after show(): " + atDefault);
        sleep(SETTLE_MS);
        shot("load-elf-dialog.png");
        fx(() -> {
            early[0].close();
            return null;
        });
        sleep(2 * SETTLE_MS); // glass's returns to 200x200 come up to a second or two after the load
        Rectangle2D at = waitForStableSize();
        shot("load-elf.png");
        System.out.println("desktop-smoke: --load-elf start: the load's own progress dialog "
                + (progressSeen[0] ? "showed" : "did not show (too quick)"));
        check(at.getWidth() >= want.getWidth() - FRAME_SLACK && at.getHeight() >= want.getHeight() - FRAME_SLACK,
                "--load-elf start: the window keeps the size it asked for: %.0fx%.0f, asked %.0fx%.0f",
                at.getWidth(), at.getHeight(), want.getWidth(), want.getHeight());
        checkXWindow("--load-elf start:");
        checkTreeHasWidth("--load-elf start:");
        checkHexFits("--load-elf start:");
    }

    private static Alert modalOver(Stage owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "desktop smoke: a modal dialog during the start", ButtonType.OK);
        a.initOwner(owner);
        a.initModality(Modality.WINDOW_MODAL);
        a.show();
        return a;
    }

    /** Opens a dialog over the window and closes it again: the window keeps its size, the tree and hex view theirs. */
    private void dialogKeepsSize(String when, String shotName) {
        Rectangle2D before = waitForStableSize();
        Alert dialog = fx(() -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "desktop smoke", ButtonType.OK);
            a.initOwner(stage);
            a.show();
            return a;
        });
        sleep(SETTLE_MS);
        shot(shotName + ".png");
        fx(() -> {
            dialog.close();
            return null;
        });
        Rectangle2D after = waitForStableSize();
        shot(shotName + "-closed.png");
        checkXWindow("after the dialog " + when);
        check(Math.abs(after.getWidth() - before.getWidth()) <= 2 && Math.abs(after.getHeight() - before.getHeight()) <= 2,
                "%s, a dialog leaves the window's size alone: %.0fx%.0f before, %.0fx%.0f after", when,
                before.getWidth(), before.getHeight(), after.getWidth(), after.getHeight());
        checkTreeHasWidth("after the dialog " + when);
        checkHexFits("after the dialog " + when);
    }

    private void checkInsideScreen(Rectangle2D screen) {
        Rectangle2D w = fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        check(w.getMinX() >= screen.getMinX() - FRAME_SLACK && w.getMaxX() <= screen.getMaxX() + FRAME_SLACK
                        && w.getMinY() >= screen.getMinY() - FRAME_SLACK && w.getMaxY() <= screen.getMaxY() + FRAME_SLACK,
                "the window lies on the screen: %s", w);
    }

    /**
     * The X server's own size of the window (xwininfo, from x11-utils) matches the scene JavaFX lays out: under
     * JDK-8316423 glass can report the size it asked for while the real window is GTK's 200x200.
     */
    private void checkXWindow(String when) {
        double[] scene = fx(() -> new double[] {stage.getScene().getWidth(), stage.getScene().getHeight()});
        String title = fx(stage::getTitle);
        int[] x = xWindowSize(title);
        if (x == null) {
            check(false, "%s xwininfo shows a window named \"%s\"", when, title);
            return;
        }
        check(Math.abs(x[0] - scene[0]) <= 2 && Math.abs(x[1] - scene[1]) <= 2,
                "%s the X window is %dx%d (xwininfo), the scene %.0fx%.0f", when, x[0], x[1], scene[0], scene[1]);
    }

    /** The largest window xwininfo lists under {@code title} ({@code "title": (...)  WxH+X+Y}), or null. */
    private static int[] xWindowSize(String title) {
        String listing;
        try {
            Process p = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true).start();
            listing = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("desktop-smoke: cannot run xwininfo (apt-get install x11-utils): " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        java.util.regex.Pattern size = java.util.regex.Pattern.compile("\\s(\\d+)x(\\d+)[+-]\\d+[+-]\\d+");
        int[] best = null;
        for (String line : listing.split("\n")) {
            if (!line.contains("\"" + title + "\"")) {
                continue;
            }
            java.util.regex.Matcher m = size.matcher(line.substring(line.lastIndexOf('"') + 1));
            if (m.find()) {
                int w = Integer.parseInt(m.group(1));
                int h = Integer.parseInt(m.group(2));
                if (best == null || (long) w * h > (long) best[0] * best[1]) {
                    best = new int[] {w, h};
                }
            }
        }
        return best;
    }

    private void checkTreeHasWidth(String when) {
        double width = fx(() -> {
            Node tree = stage.getScene().lookup("#mappingTree");
            return tree == null || !tree.isVisible() || tree.getScene() == null ? 0 : tree.getLayoutBounds().getWidth();
        });
        // narrow windows squeeze it for the hex view, but it never collapses as it did under JDK-8316423
        check(width >= 50, "%s the mapping tree is %.0f px wide", when, width);
    }

    private void checkHexFits(String when) {
        double[] v = fx(() -> {
            HexView hex = app.window().hexView();
            Bounds b = hex.localToScene(hex.getLayoutBounds());
            return new double[] {b.getMinX(), b.getMaxX(), hex.getWidth(), hex.prefWidth(-1), stage.getScene().getWidth()};
        });
        check(v[0] >= 0 && v[1] <= v[4] + 0.5 && v[2] >= v[3] - 0.5,
                "%s the hex view's 16 columns and ASCII column fit: %.0f px wide of %.0f needed, x %.0f..%.0f in a %.0f px window",
                when, v[2], v[3], v[0], v[1], v[4]);
    }

    /** Waits until the stage has shown and its size has stopped changing, and returns its bounds. */
    private Rectangle2D waitForStableSize() {
        Rectangle2D last = null;
        long stableSince = System.currentTimeMillis();
        long deadline = stableSince + 15_000;
        while (System.currentTimeMillis() < deadline) {
            Rectangle2D now = fx(() -> stage.isShowing()
                    ? new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()) : null);
            if (now == null || !now.equals(last)) {
                last = now;
                stableSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - stableSince >= SETTLE_MS) {
                break;
            }
            sleep(100);
        }
        System.out.println("desktop-smoke: window at " + last);
        return last == null ? Rectangle2D.EMPTY : last;
    }

    private void shot(String name) {
        Path file = out.resolve(name);
        fx(() -> {
            Rectangle2D s = Screen.getPrimary().getBounds();
            var image = new Robot().getScreenCapture(null, s);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            } catch (IOException e) {
                failures.add("cannot write " + file + ": " + e.getMessage());
            }
            return null;
        });
    }

    private void check(boolean ok, String format, Object... args) {
        String what = String.format(format, args);
        System.out.println("desktop-smoke: " + (ok ? "ok   " : "FAIL ") + what);
        if (!ok) {
            failures.add(what);
        }
    }

    /** Runs {@code body} on the FX thread and returns its result. */
    private static <T> T fx(Callable<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the FX thread's work failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            // a hang seen once in a while: say where the FX thread is, or the next run cannot tell why
            dumpThreads();
            throw new IllegalStateException("the FX thread did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the FX thread", e);
        }
    }

    private static void dumpThreads() {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            System.err.printf("desktop-smoke: thread \"%s\" %s%n", thread.getName(), thread.getState());
            for (StackTraceElement frame : stack) {
                System.err.println("desktop-smoke:     at " + frame);
            }
        });
    }

    private interface Callable<T> {
        T call() throws Exception;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
