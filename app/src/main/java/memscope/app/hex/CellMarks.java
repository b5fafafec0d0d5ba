package memscope.app.hex;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/**
 * Marks that tell read-only, executable and vDSO bytes apart without colour (for a projector, a colour-blind
 * student, a greyscale print): a solid underline, a dashed one, and a double one, drawn under the cells in the
 * theme's header colour, which reads at 4.5:1 or better on every cell background.
 */
enum CellMarks {
    NONE, SOLID, DASHED, DOUBLE;

    static CellMarks of(CellKind kind) {
        return switch (kind) {
            case READ_ONLY -> SOLID;
            case EXECUTABLE -> DASHED;
            case VDSO -> DOUBLE;
            default -> NONE;
        };
    }

    /** Draws this mark under a run of cells from {@code x} for {@code width}, the row's bottom at {@code bottom}. */
    void paint(GraphicsContext gc, double x, double width, double bottom, Color color) {
        if (this == NONE) {
            return;
        }
        gc.setStroke(color);
        gc.setLineWidth(1);
        gc.setLineCap(StrokeLineCap.BUTT); // a dash ends where it says, so the gaps stay clear
        double y = Math.floor(bottom) - 1.5;
        switch (this) {
            case SOLID -> gc.strokeLine(x, y, x + width, y);
            case DASHED -> {
                for (double d = x; d < x + width; d += 6) {
                    gc.strokeLine(d, y, Math.min(d + 3, x + width), y);
                }
            }
            case DOUBLE -> {
                gc.strokeLine(x, y, x + width, y);
                gc.strokeLine(x, y - 2, x + width, y - 2);
            }
            default -> { }
        }
        gc.setLineCap(StrokeLineCap.SQUARE); // the canvas default, for whoever strokes next
    }
}
