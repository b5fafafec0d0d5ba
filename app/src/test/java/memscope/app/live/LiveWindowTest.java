package memscope.app.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import memscope.app.kernel.Personality;
import memscope.app.tree.MappingRow;
import memscope.model.Kernel;
import memscope.model.linux.LinuxProcessInfo;
import memscope.model.linux.LinuxWritePath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A live child the test starts itself, in the real window: attached from the picker, refused without losing what
 * was open, written through (or not), reloaded, and dead once it exits.
 */
class LiveWindowTest {
    @TempDir
    Path dir;

    private SleepChild child;
    private LiveWindow w;

    @AfterEach
    void tearDown() throws Exception {
        if (w != null) {
            w.close();
        }
        if (child != null) {
            child.close();
        }
    }

    private void attached() throws Exception {
        child = SleepChild.start(dir);
        w = LiveWindow.launch("--attach", Integer.toString(child.pid()));
    }

    private static String hex(long a) {
        return "0x" + Long.toHexString(a);
    }

    @Test
    void thePickerFiltersAsYouTypeAndEnterAttachesShowingTheTreeAndTheBytes() throws Exception {
        child = SleepChild.start(dir);
        w = LiveWindow.launch();
        w.robot.interact(() -> w.window().hexView().requestFocus());
        w.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        w.robot.clickOn("#processFilter");
        w.robot.write(Integer.toString(child.pid()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = w.robot.lookup("#processTable").queryAs(
                javafx.scene.control.TableView.class);
        // the PID's digits may also occur in another PID or a command line (surefire's has long numbers): the
        // filter keeps every such row, and selects the process whose PID was typed
        assertEquals(1, table.getItems().stream().filter(p -> ((LinuxProcessInfo) p).pid() == child.pid()).count(),
                "the filter keeps the one process with that PID");
        assertEquals(child.pid(), ((LinuxProcessInfo) table.getSelectionModel().getSelectedItem()).pid());
        w.robot.type(KeyCode.ENTER);
        assertTrue(LiveWindow.await(w.app.live().latestAttach()), w.status());

        String name = "linux: sleep (" + child.pid() + ")";
        assertTrue(w.processRows().stream().map(MappingRow::name).anyMatch(name::equals), w.processRows().toString());
        assertEquals("MemScope \u2014 " + name, w.stage.getTitle());
        long exe = child.start("r--p", child.binary.toString());
        assertArrayEquals(new Byte[] {0x7f, 'E', 'L', 'F'}, w.shown(exe, 4), "the ELF magic at the first mapping");
        assertEquals(exe, w.window().hexView().caretProperty().get());
        assertTrue(w.status().startsWith("Attached to sleep (PID " + child.pid() + "): "
                + child.mapsLines().size() + " mappings"), w.status());
    }

    @Test
    void aRefusedAttachSaysWhyAndKeepsWhatWasOpen() throws Exception {
        w = LiveWindow.launch();
        Kernel before = w.window().session().kernel();
        int nobody = 0x3ffffff0; // above any pid_max
        boolean[] ok = new boolean[1];
        w.robot.interact(() -> w.app.live().attach(nobody).thenAccept(b -> ok[0] = b));
        assertFalse(LiveWindow.await(w.app.live().latestAttach()));
        assertEquals("Cannot attach to PID " + nobody + ": No process has PID " + nobody, w.status());
        assertSame(before, w.window().session().kernel(), "the demo is still shown");
        assertFalse(ok[0]);
    }

    @Test
    void editsStayInTheKernelUntilWriteThroughIsTurnedOnThenReachTheProcess() throws Exception {
        attached();
        long data = child.start("rw-p", child.binary.toString()) + 0x10;
        byte[] real = child.freshRead(data, 1);
        w.typeAt(data, "5a");
        assertEquals((byte) 0x5a, w.shown(data, 1)[0], "the simulated kernel took the edit");
        assertArrayEquals(real, child.freshRead(data, 1), "write-through is off: the process is untouched");
        assertFalse(w.app.live().panel().bannerShown());

        w.robot.interact(() -> w.robot.lookup("#writeThrough").queryAs(CheckBox.class).setSelected(true));
        assertTrue(w.app.live().panel().bannerShown());
        w.typeAt(data + 1, "a5");
        assertEquals((byte) 0xa5, child.freshRead(data + 1, 1)[0], "written through: " + w.status());
        assertEquals("OK: wrote 1 byte at " + hex(data + 1), w.status());
    }

    @Test
    void processVmWritevIntoCodeIsEfaultWhileProcPidMemWritesAPrivateCopyAndTheFileStaysTheSame() throws Exception {
        attached();
        byte[] disk = sha256(child.binary);
        long code = child.start("r-xp", child.binary.toString());
        byte[] before = child.freshRead(code, 1);
        w.robot.interact(() -> {
            w.window().session().linuxPathProperty().set(LinuxWritePath.PROCESS_VM_WRITEV);
            w.app.live().panel().writeThroughProperty().set(true);
        });
        // Zircon's debugger write takes it, the real process_vm_writev refuses: the window shows the real bytes
        w.typeAt(code, "cc");
        assertEquals("EFAULT: " + hex(code) + " is mapped r-x; process_vm_writev honours page protections",
                w.status());
        assertArrayEquals(before, child.freshRead(code, 1));
        assertEquals(before[0], w.shown(code, 1)[0], "the kernel's copy shows what the process holds");

        // Linux's own rules refuse it before writeMemory is asked
        w.robot.interact(() -> w.window().session().personalityProperty().set(Personality.LINUX));
        w.typeAt(code, "cc");
        assertTrue(w.status().startsWith("EFAULT: " + hex(code) + " is mapped r-x"), w.status());
        assertArrayEquals(before, child.freshRead(code, 1));

        w.robot.interact(() -> w.window().session().linuxPathProperty().set(LinuxWritePath.PROC_PID_MEM));
        w.typeAt(code, "cc");
        assertEquals((byte) 0xcc, child.freshRead(code, 1)[0], w.status());
        assertEquals("OK: wrote 1 byte at " + hex(code), w.status());
        assertArrayEquals(disk, sha256(child.binary), "FOLL_FORCE wrote a private copy; the file is unchanged");
    }

    @Test
    void f5RereadsTheMapsAndAnExitShowsTheProcessDead() throws Exception {
        attached();
        w.robot.interact(() -> w.window().hexView().requestFocus());
        w.robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Reloaded the maps of PID " + child.pid() + ": The maps have not changed", w.status());

        w.robot.interact(() -> w.app.live().panel().writeThroughProperty().set(true));
        child.kill();
        w.waitUntil("the exit is noticed", () -> w.app.live().process().exited());
        w.waitUntil("the tree shows it dead", () -> !w.processRows().isEmpty()
                && w.processRows().stream().allMatch(MappingRow::dead));
        assertEquals("PID " + child.pid() + " (sleep) has exited: its process is dead", w.status());
        assertFalse(w.app.live().panel().writeThroughProperty().get(), "nothing to write through to");
        assertFalse(w.app.live().panel().bannerShown());
        w.robot.type(KeyCode.F5); // a reload of a dead process says so and changes nothing
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.status().contains("has exited"), w.status());
    }

    @Test
    void autoRefreshMarksTheBytesTheProcessChangedInTheVisibleRows() throws Exception {
        attached();
        long data = child.start("rw-p", child.binary.toString()) + 0x20;
        w.robot.interact(() -> w.window().hexView().goTo(data));
        byte[] before = child.freshRead(data, 3);
        assertEquals(before[0], w.shown(data, 1)[0], "the first look");
        byte[] changed = {(byte) ~before[0], (byte) ~before[1], (byte) ~before[2]};
        child.poke(data, changed);
        assertEquals(before[0], w.shown(data, 1)[0], "nothing is reread until a refresh");
        w.robot.interact(() -> w.app.live().autoRefreshProperty().set(true));
        w.waitUntil("the change is marked", () -> w.window().hexView().isMarkedChanged(data + 2));
        assertEquals(changed[2], w.shown(data + 2, 1)[0]);
        assertFalse(w.window().hexView().isMarkedChanged(data + 3), "only the changed bytes are marked");
        assertEquals("The process changed 3 bytes on screen since the last look", w.status());
    }

    @Test
    void f5NamesTheMappingsThatAppeared() throws Exception {
        try (MappingChild mapper = MappingChild.start()) {
            w = LiveWindow.launch("--attach", Integer.toString(mapper.pid()));
            long at = mapper.map(7); // seven pages: no neighbour the kernel could merge them with is that size
            w.robot.interact(() -> w.app.live().reload());
            String status = w.status();
            assertTrue(status.startsWith("Reloaded the maps of PID " + mapper.pid() + ": "), status);
            // a new mapping, or (merged with an anonymous neighbour) a mapping that grew
            assertTrue(status.contains("; appeared: ") || status.contains("; changed: "), status);
            boolean named = status.contains(Long.toHexString(at) + "-") || status.contains("-"
                    + Long.toHexString(at + 7 * 4096L) + " ");
            assertTrue(named, "the new mapping (or the one it grew) is named: " + status);
            assertTrue(w.window().session().viewedMaps().stream()
                    .anyMatch(e -> e.isMapping() && e.contains(at)), "the tree and the view have it");
        }
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
