package memscope.app.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class ScreenFitTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
    private static final Rectangle2D RIGHT = new Rectangle2D(1366, 0, 2560, 1400);
    private static final List<Rectangle2D> BOTH = List.of(LAPTOP, RIGHT);

    @Test
    void theDefaultIsCentredAndNeverLargerThanTheScreen() {
        assertEquals(new Rectangle2D(0, 0, 1024, 700), ScreenFit.defaultBounds(new Rectangle2D(0, 0, 1024, 700)));
        assertEquals(new Rectangle2D(480, 260, 1600, 880), ScreenFit.defaultBounds(new Rectangle2D(0, 0, 2560, 1400)));
    }

    @Test
    void aWindowThatFitsStaysWhereItWas() {
        Rectangle2D w = new Rectangle2D(1500, 100, 1200, 800);
        assertEquals(w, ScreenFit.place(w, BOTH, LAPTOP));
    }

    @Test
    void aWindowLargerThanItsScreenShrinksAndMovesOntoIt() {
        assertEquals(new Rectangle2D(0, 0, 1366, 740), ScreenFit.place(new Rectangle2D(-50, 20, 2000, 900), BOTH, LAPTOP));
        assertEquals(new Rectangle2D(166, 40, 1200, 700), ScreenFit.place(new Rectangle2D(300, 40, 1200, 700), BOTH, LAPTOP));
    }

    @Test
    void aWindowOnAScreenThatIsGoneComesBackToTheDefaultPlace() {
        Rectangle2D onRight = new Rectangle2D(2000, 300, 1200, 800);
        assertEquals(ScreenFit.defaultBounds(LAPTOP), ScreenFit.place(onRight, List.of(LAPTOP), LAPTOP));
    }

    @Test
    void nonsenseBoundsGiveTheDefault() {
        assertEquals(ScreenFit.defaultBounds(LAPTOP), ScreenFit.place(null, BOTH, LAPTOP));
        assertEquals(ScreenFit.defaultBounds(LAPTOP),
                ScreenFit.place(new Rectangle2D(Double.NaN, 0, 800, 600), BOTH, LAPTOP));
    }
}
