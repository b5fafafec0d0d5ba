package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Read-only, executable and vDSO bytes carry a mark of their own, not only a tint. */
@ExtendWith(ApplicationExtension.class)
class CellMarksTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 10, 10));
        stage.show();
    }

    @Test
    void theThreeKindsHaveThreeDifferentMarksAndWritableBytesNone() {
        Set<CellMarks> seen = EnumSet.noneOf(CellMarks.class);
        for (CellKind k : new CellKind[] {CellKind.READ_ONLY, CellKind.EXECUTABLE, CellKind.VDSO}) {
            assertNotEquals(CellMarks.NONE, CellMarks.of(k), k.name());
            seen.add(CellMarks.of(k));
        }
        assertEquals(3, seen.size(), "each kind is told apart by its shape");
        assertEquals(CellMarks.NONE, CellMarks.of(CellKind.WRITABLE));
    }

    /** The marks drawn: which of the two lines near the bottom are inked, and whether the lower one is broken. */
    @Test
    void theMarksAreSolidDashedAndDoubleLines(FxRobot robot) {
        for (CellMarks m : CellMarks.values()) {
            boolean[] lower = new boolean[40];
            boolean[] upper = new boolean[40];
            robot.interact(() -> {
                Canvas c = new Canvas(40, 20);
                GraphicsContext gc = c.getGraphicsContext2D();
                gc.setFill(Color.WHITE);
                gc.fillRect(0, 0, 40, 20);
                m.paint(gc, 0, 40, 20, Color.BLACK);
                WritableImage img = c.snapshot(null, null);
                for (int x = 0; x < 40; x++) {
                    lower[x] = img.getPixelReader().getColor(x, 18).getBrightness() < 0.6;
                    upper[x] = img.getPixelReader().getColor(x, 16).getBrightness() < 0.6;
                }
            });
            int inked = count(lower);
            switch (m) {
                case NONE -> assertEquals(0, inked + count(upper));
                case SOLID -> assertTrue(inked >= 38 && count(upper) == 0, m + ": " + inked);
                case DASHED -> assertTrue(inked >= 12 && inked <= 28 && count(upper) == 0, m + ": " + inked);
                case DOUBLE -> assertTrue(inked >= 38 && count(upper) >= 38, m + ": " + inked);
                default -> throw new AssertionError(m);
            }
        }
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean x : b) {
            n += x ? 1 : 0;
        }
        return n;
    }
}
