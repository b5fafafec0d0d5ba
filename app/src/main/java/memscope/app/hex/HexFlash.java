package memscope.app.hex;

import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;

/** The brief highlight of a refused range: full strength at once, fading to nothing over about a second. */
final class HexFlash {
    private static final Duration FADE_TIME = Duration.millis(1000);

    private final DoubleProperty strength = new SimpleDoubleProperty(0);
    private final Timeline fade = new Timeline();
    private AddressRange range;

    /** {@code repaint} runs at every step of the fade and once more when it is over. */
    HexFlash(Runnable repaint) {
        strength.addListener((obs, old, value) -> repaint.run());
        fade.setOnFinished(e -> {
            range = null;
            repaint.run();
        });
    }

    void start(long address, long length) {
        long end = address + length < address ? Long.MAX_VALUE : address + length;
        range = new AddressRange(address, end);
        fade.stop();
        fade.getKeyFrames().setAll(
                new KeyFrame(Duration.ZERO, new KeyValue(strength, 1)),
                new KeyFrame(FADE_TIME, new KeyValue(strength, 0, Interpolator.EASE_IN)));
        strength.set(1);
        fade.playFromStart();
    }

    void stop() {
        fade.stop();
        range = null;
        strength.set(0);
    }

    /** The range being highlighted, or null. */
    AddressRange range() {
        return range;
    }

    /** 1 at the start of the flash, 0 when it is over. */
    double strength() {
        return strength.get();
    }
}
