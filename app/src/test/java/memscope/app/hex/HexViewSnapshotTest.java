package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the control to PNG (to look at it: {@code -Dhexview.snapshots=/tmp}, default {@code target/}) and checks
 * the colours that carry meaning: mapping tints, selection, the refused-write flash and its fading.
 */
@ExtendWith(ApplicationExtension.class)
class HexViewSnapshotTest {
    private static final long BASE = 0x7f3a_0000_0000L;
    private final HexViewFixture fx = new HexViewFixture();

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    /** Every kind of cell in one screenful, with a selection, changed bytes and a flash. */
    private FakeByteSource showcase() {
        byte[] text = "Hello, MemScope! A hex view over a simulated Zircon kernel.".getBytes(StandardCharsets.US_ASCII);
        return new FakeByteSource(BASE, BASE + 0x1000)
                .region(BASE, 0x60, CellKind.WRITABLE)
                .region(BASE + 0x60, 0x30, CellKind.READ_ONLY)
                .region(BASE + 0x90, 0x30, CellKind.EXECUTABLE)
                .region(BASE + 0xc8, 0x28, CellKind.VDSO)
                .region(BASE + 0x100, 0x20, CellKind.UNREADABLE)
                .region(BASE + 0x150, 0x200, CellKind.WRITABLE)
                .fill(BASE + 0x10, text)
                .fill(BASE + 0x150, new byte[0x40]);
    }

    @Test
    void rendersEveryKindSelectionChangesAndFlash(FxRobot robot) throws Exception {
        FakeByteSource source = showcase();
        fx.show(robot, source, source);
        robot.clickOn(fx.cell(BASE + 0x23, HexColumn.HEX));
        robot.interact(() -> {
            fx.view.select(BASE + 0x40, BASE + 0x4c);
            fx.view.goTo(BASE + 0x23);
            fx.view.markChanged(BASE + 0x16, 8);
        });
        robot.write("4");
        // flash and snapshot in one FX event: the fade must not have started, however slow the machine
        WritableImage image = snapshot(robot, "hexview.png", () -> fx.view.flash(BASE + 0xd0, 8));

        assertEquals(HexTheme.LIGHT.background(CellKind.READ_ONLY), pixel(image, BASE + 0x64, 0.2));
        assertEquals(HexTheme.LIGHT.background(CellKind.EXECUTABLE), pixel(image, BASE + 0x94, 0.2));
        assertEquals(HexTheme.LIGHT.background(CellKind.UNMAPPED), pixel(image, BASE + 0x124, 0.2));
        Color flashed = pixel(image, BASE + 0xd2, 0.2);
        assertTrue(flashed.getRed() > flashed.getBlue() + 0.2, "flash is red, got " + flashed);
        assertEquals(HexTheme.LIGHT.caret, pixel(image, BASE + 0x23, 0.45));

        robot.interact(() -> fx.view.goTo(BASE + 0x40));
        // the fade takes about a second; the generous limit only guards against a flash that never ends
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !fx.view.isFlashing());
        WritableImage faded = snapshot(robot, "hexview-faded.png");
        assertEquals(HexTheme.LIGHT.background(CellKind.VDSO), pixel(faded, BASE + 0xd2, 0.2));
    }

    @Test
    void selectionIsTintedInBothColumns(FxRobot robot) throws IOException {
        FakeByteSource source = showcase();
        fx.show(robot, source, source);
        robot.interact(() -> fx.view.select(BASE + 0x30, BASE + 0x38));
        WritableImage image = snapshot(robot, "hexview-selection.png");
        assertEquals(HexTheme.LIGHT.selection, pixel(image, BASE + 0x32, 0.2));
        Point2D ascii = fx.view.screenToLocal(fx.cell(BASE + 0x32, HexColumn.ASCII));
        assertEquals(HexTheme.LIGHT.selection, image.getPixelReader().getColor(
                (int) (ascii.getX() - fx.view.geometry().charWidth * 0.45), (int) ascii.getY() - 7));
        assertEquals(HexTheme.LIGHT.background(CellKind.WRITABLE), pixel(image, BASE + 0x3a, 0.2));
    }

    @Test
    void darkThemePaintsTheSameMeaningsInItsOwnColours(FxRobot robot) throws IOException {
        FakeByteSource source = showcase();
        fx.show(robot, source, source);
        robot.interact(() -> {
            fx.view.setTheme(HexTheme.DARK);
            fx.view.select(BASE + 0x30, BASE + 0x38);
            fx.view.markChanged(BASE + 0x16, 8);
        });
        WritableImage image = snapshot(robot, "hexview-dark.png");
        assertEquals(HexTheme.DARK.background(CellKind.READ_ONLY), pixel(image, BASE + 0x64, 0.2));
        assertEquals(HexTheme.DARK.background(CellKind.UNREADABLE), pixel(image, BASE + 0x104, 0.2));
        assertEquals(HexTheme.DARK.selection, pixel(image, BASE + 0x32, 0.2));
    }

    private WritableImage snapshot(FxRobot robot, String name) throws IOException {
        return snapshot(robot, name, () -> { });
    }

    private WritableImage snapshot(FxRobot robot, String name, Runnable first) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            first.run();
            fx.view.layout();
            image[0] = fx.view.snapshot(null, null);
        });
        Path dir = Path.of(System.getProperty("hexview.snapshots", "target"));
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dir.resolve(name).toFile());
        return image[0];
    }

    /** The colour at the left edge of a hex cell ({@code inset} of a character in), in the view's coordinates. */
    private Color pixel(WritableImage image, long address, double inset) {
        Point2D screen = fx.cell(address, HexColumn.HEX);
        Point2D local = fx.view.screenToLocal(screen);
        HexGeometry g = fx.view.geometry();
        double x = local.getX() - g.charWidth - g.charWidth * 0.4 + inset * g.charWidth;
        double y = local.getY() - g.rowHeight / 2 + 3;
        return image.getPixelReader().getColor((int) x, (int) y);
    }
}
