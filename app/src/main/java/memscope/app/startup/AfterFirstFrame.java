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

    /** Runs {@code work} after the first layout pulse of the scene {@code node} is (or will be) in. */
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

    private static void afterPulse(Scene scene, Runnable work) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(work); // after this pulse's frame
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
