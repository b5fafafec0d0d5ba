package memscope.app.startup;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Measures start-up: with {@code -Dmemscope.startupTrace=print} (or {@code =exit}, which then quits) it prints how
 * long after the JVM started the window's first frame was laid out and handed to the renderer. The JVM's start
 * is the launch: for {@code mvn exec:java} that is Maven's own start, for the app image the launcher's.
 * Without the property it does nothing.
 */
public final class FirstFrame {
    static final String PROPERTY = "memscope.startupTrace";

    private FirstFrame() {
    }

    /** Call once the window is about to be shown with {@code scene}. */
    public static void watch(Scene scene) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // the frame of this pulse is rendered next; the runLater lands after that pulse
            Platform.runLater(() -> {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.err.println("memscope: first frame " + ms + " ms after launch");
                if ("exit".equals(mode)) {
                    Platform.exit();
                }
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
