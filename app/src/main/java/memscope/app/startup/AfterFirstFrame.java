package memscope.app.startup;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs work the first window does not show once that window has been laid out and handed to the renderer, so it
 * no longer stands between the launch and the first frame (issue 14: start-up). The work still runs on the FX
 * thread, once, a moment later; whatever needs it sooner builds it on demand.
 */
public final class AfterFirstFrame {
    private AfterFirstFrame() {
    }

    /** Runs {@code work} after the second layout pulse of the scene {@code node} is (or will be) in. */
    public static void run(Node node, Runnable work) {
        Scene scene = node.getScene();
        if (scene != null) {
            afterPulse(scene, work);
            return;
        }
        ChangeListener<Scene> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene now) {
                if (now != null) {
                    node.sceneProperty().removeListener(this);
                    afterPulse(now, work);
                }
            }
        };
        node.sceneProperty().addListener(once);
    }

    /**
     * The work waits for the pulse after the first: the first pulse's frame is then with the renderer, and
     * whatever that pulse queued (FirstFrame's mark among it) has run. Several parts defer work this way; run
     * straight after the first pulse, their 0.2 s would sit between that frame and the renderer's CPU.
     */
    private static void afterPulse(Scene scene, Runnable work) {
        Runnable[] first = new Runnable[1];
        first[0] = () -> {
            scene.removePostLayoutPulseListener(first[0]);
            Runnable[] second = new Runnable[1];
            second[0] = () -> {
                scene.removePostLayoutPulseListener(second[0]);
                Platform.runLater(work); // after this pulse's frame
            };
            scene.addPostLayoutPulseListener(second[0]);
            Platform.requestNextPulse(); // nothing else may be asking for one
        };
        scene.addPostLayoutPulseListener(first[0]);
    }
}
