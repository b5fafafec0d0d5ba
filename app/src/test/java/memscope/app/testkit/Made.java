package memscope.app.testkit;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Parts of the window made after its first frame ({@code AfterFirstFrame}: the syscall log's text area, the
 * console's editor) are not in the scene when the window has just been shown: it takes two layout pulses and
 * the renderer's first frame, which a freshly booted, loaded machine may not have finished when a test's first
 * look comes. A test that looks one up waits for it here (up to 20 s) instead of failing on an empty query.
 */
public final class Made {
    private static final long TIMEOUT_S = 20;

    private Made() {
    }

    /** The node {@code query} finds in the shown windows, once it is there. */
    public static <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
        return node(robot, null, query, type);
    }

    /** The node {@code query} finds under {@code root} (null: in the shown windows), once it is there. */
    public static <T extends Node> T node(FxRobot robot, Node root, String query, Class<T> type) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            // nothing is made while the FX thread waits: look once (a test that waits looked before)
            return find(robot, root, query, type).orElseThrow(() -> new AssertionError("no " + query + " yet"));
        }
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> find(robot, root, query, type).isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError(query + " was not made within " + TIMEOUT_S + " s of the window's showing");
        }
        return find(robot, root, query, type).orElseThrow();
    }

    private static <T extends Node> Optional<T> find(FxRobot robot, Node root, String query, Class<T> type) {
        return (root == null ? robot.lookup(query) : robot.from(root).lookup(query)).tryQueryAs(type);
    }
}
