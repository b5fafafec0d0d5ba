package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import memscope.model.IoResult;
import memscope.model.Status;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.document.KernelMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The control over a real simulated kernel: KernelMemory to read, writeMemory behind the EditHandler. */
@ExtendWith(ApplicationExtension.class)
class HexViewKernelTest {
    private static final long A = 0x1010000L;
    private final HexViewFixture fx = new HexViewFixture();
    private final KernelFixture k = new KernelFixture();

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    private byte[] memory(long address, int length) {
        byte[] out = new byte[length];
        IoResult r = k.kernel.readMemory(k.process, address, out, length);
        assertEquals(Status.OK, r.status());
        return out;
    }

    @Test
    void typedBytesReachProcessMemoryAndShowAfterRefresh(FxRobot robot) {
        k.map(A, k.vmo(0x2000, 0), 0x2000, KernelFixture.RW);
        fx.show(robot, new KernelMemory(k.kernel, k.process), k.editHandler());
        robot.interact(() -> fx.view.goTo(A + 0xffe));
        robot.clickOn(fx.cell(A + 0xffe, HexColumn.HEX));
        robot.write("c0de");
        assertArrayEquals(new byte[] {(byte) 0xc0, (byte) 0xde}, memory(A + 0xffe, 2), "across a page boundary");
        assertEquals("de", fx.shownAfterRefresh(robot, A + 0xfff));
        robot.type(KeyCode.TAB);
        robot.write("ok");
        assertArrayEquals(new byte[] {'o', 'k'}, memory(A + 0x1000, 2));
        assertEquals(A + 0x1002, fx.view.caretProperty().get());
    }

    @Test
    void holeBesideAMappingShowsDotsAndTheVdsoRefusesEdits(FxRobot robot) {
        k.map(A, k.vmo(0x1000, 0), 0x1000, KernelFixture.RW);
        fx.show(robot, new KernelMemory(k.kernel, k.process), k.editHandler());
        robot.interact(() -> fx.view.goTo(A + 0xff0));
        assertEquals("00", fx.view.shownHex(A + 0xfff));
        assertEquals("..", fx.view.shownHex(A + 0x1000));

        long vdso = k.vdsoBase();
        robot.interact(() -> fx.view.goTo(vdso));
        assertEquals("7f", fx.shownAfterRefresh(robot, vdso));
        robot.clickOn(fx.cell(vdso + 1, HexColumn.HEX));
        robot.write("00");
        assertEquals(vdso + 1, fx.view.caretProperty().get(), "a refused write does not advance");
        assertEquals("45", fx.shownAfterRefresh(robot, vdso + 1), "the vDSO's 'E' is untouched");
    }
}
