package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioLoader;
import memscope.app.document.KernelMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The demo scenario through a real KernelMemory at its interesting boundaries, rendered to PNG
 * ({@code -Dhexview.snapshots=/tmp} to look at them) and checked cell by cell.
 */
@ExtendWith(ApplicationExtension.class)
class HexViewDemoSnapshotTest {
    private final HexViewFixture fx = new HexViewFixture();

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    @Test
    void demoScenarioBoundariesShowKindsHolesAndUnreadableBytes(FxRobot robot) throws Exception {
        LoadedScenario demo = ScenarioLoader.loadDefault();
        int app = demo.handle(demo.viewProcess());
        fx.show(robot, new KernelMemory(demo.kernel(), app), null);
        assertEquals(demo.startAddress(), goTo(robot, demo.startAddress()));
        assertEquals("48", fx.view.shownHex(0x1100000), "'H' of the greeting in .data");

        goTo(robot, 0x1003f00);
        snapshot(robot, "hexview-demo-code-rodata.png");
        assertEquals("47", fx.view.shownHex(0x1003f00), "'G' of the GCC note at the end of .text");
        assertEquals("4d", fx.view.shownHex(0x1004000), "'M' of the rodata banner");

        goTo(robot, 0x1101f80);
        snapshot(robot, "hexview-demo-data-hole.png");
        assertEquals("3e", fx.view.shownHex(0x1101fff), "'>' ends .data");
        assertEquals("..", fx.view.shownHex(0x1102000));

        goTo(robot, 0x4000000);
        snapshot(robot, "hexview-demo-uncached.png");
        assertEquals("??", fx.view.shownHex(0x4000000));

        goTo(robot, 0x6000f80);
        snapshot(robot, "hexview-demo-shrunk.png");
        assertEquals("00", fx.view.shownHex(0x6000fff));
        assertEquals("??", fx.view.shownHex(0x6001000), "beyond the shrunk VMO");
    }

    private long goTo(FxRobot robot, long address) {
        robot.interact(() -> {
            fx.view.goTo(address);
            fx.view.layout();
        });
        return fx.view.caretProperty().get();
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = fx.view.snapshot(null, null));
        Path dir = Path.of(System.getProperty("hexview.snapshots", "target"));
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dir.resolve(name).toFile());
    }
}
