package memscope.app.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import memscope.model.MapEntry;
import memscope.model.VmOptions;
import memscope.model.linux.LinuxWritePath;
import org.junit.jupiter.api.Test;

/** How much of a write Linux's two paths would make, by the mappings' permissions and names. */
class LinuxRulesTest {
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;
    private static final int RX = VmOptions.PERM_READ | VmOptions.PERM_EXECUTE;
    private static final List<MapEntry> MAPS = List.of(
            new MapEntry("root", 0x1000, 0x7fff0000L, 0, false, 0, 0, 0),
            new MapEntry("data", 0x10000, 0x1000, 1, true, RW, 1, 0),
            new MapEntry("code", 0x11000, 0x1000, 1, true, RX, 2, 0),
            new MapEntry("[vvar]", 0x20000, 0x1000, 1, true, VmOptions.PERM_READ, 3, 0));

    @Test
    void processVmWritevStopsAtTheFirstPageWithoutWritePermission() {
        assertEquals(8, LinuxEditPath.allowed(LinuxWritePath.PROCESS_VM_WRITEV, MAPS, 0x10000, 8));
        assertEquals(4, LinuxEditPath.allowed(LinuxWritePath.PROCESS_VM_WRITEV, MAPS, 0x10ffc, 8), "a short count");
        assertEquals(0, LinuxEditPath.allowed(LinuxWritePath.PROCESS_VM_WRITEV, MAPS, 0x11000, 8), "EFAULT");
        assertEquals(0, LinuxEditPath.allowed(LinuxWritePath.PROCESS_VM_WRITEV, MAPS, 0x30000, 8), "unmapped");
    }

    @Test
    void procPidMemWritesReadOnlyPagesButNotVvarOrHoles() {
        assertEquals(8, LinuxEditPath.allowed(LinuxWritePath.PROC_PID_MEM, MAPS, 0x10ffc, 8), "FOLL_FORCE");
        assertEquals(8, LinuxEditPath.allowed(LinuxWritePath.PROC_PID_MEM, MAPS, 0x11000, 8));
        assertEquals(4, LinuxEditPath.allowed(LinuxWritePath.PROC_PID_MEM, MAPS, 0x11ffc, 8), "then a hole");
        assertEquals(0, LinuxEditPath.allowed(LinuxWritePath.PROC_PID_MEM, MAPS, 0x20000, 8), "[vvar]: EIO");
    }
}
