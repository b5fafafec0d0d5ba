package memscope.model;

import static memscope.model.MachFixture.CODE;
import static memscope.model.MachFixture.DATA;
import static memscope.model.MachFixture.HOLE;
import static memscope.model.MachFixture.PAGE;
import static memscope.model.MachFixture.RODATA;
import static memscope.model.MachFixture.TAIL;
import static memscope.model.MachFixture.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MachVmReadTest {
    private final MachFixture f = new MachFixture();
    private final int task = f.task(TaskFlavor.CONTROL);

    @Test
    void readsAcrossMappingsOfDifferentProtection() {
        // the last 4 bytes of CODE (r-x), all of DATA (rw-), the first 4 of RODATA (r--)
        ReadResult r = f.mach.vmRead(task, DATA - 4, 2 * PAGE + 8);
        assertEquals(KernReturn.SUCCESS, r.kr());
        assertEquals(2 * PAGE + 8, r.data().length);
        assertArrayEquals(filled(4, 0xC0), java.util.Arrays.copyOfRange(r.data(), 0, 4));
        assertArrayEquals(filled(2 * PAGE, 0xD0), java.util.Arrays.copyOfRange(r.data(), 4, 4 + 2 * PAGE));
        assertArrayEquals(filled(4, 0xE0), java.util.Arrays.copyOfRange(r.data(), 4 + 2 * PAGE, r.data().length));
    }

    @Test
    void seesWhatZirconWrote() {
        byte[] b = {1, 2, 3};
        f.kernel.writeMemory(f.process, CODE + 7, b, 3);
        assertArrayEquals(b, f.mach.vmRead(task, CODE + 7, 3).data());
    }

    @Test
    void aReadPortMayRead() {
        ReadResult r = f.mach.vmRead(f.task(TaskFlavor.READ), RODATA, 4);
        assertEquals(KernReturn.SUCCESS, r.kr());
        assertArrayEquals(filled(4, 0xE0), r.data());
    }

    @ParameterizedTest
    @EnumSource(value = TaskFlavor.class, names = {"INSPECT", "NAME"})
    void inspectAndNamePortsMayNot(TaskFlavor flavor) {
        ReadResult r = f.mach.vmRead(f.task(flavor), RODATA, 4);
        assertEquals(KernReturn.INVALID_ARGUMENT, r.kr());
        assertEquals(0, r.data().length);
    }

    @Test
    void sizeZeroGivesNoBytesAnywhere() {
        ReadResult r = f.mach.vmRead(task, HOLE, 0);
        assertEquals(KernReturn.SUCCESS, r.kr());
        assertEquals(0, r.data().length);
    }

    @Test
    void aSizeOf4GiBOrMoreIsAnInvalidArgument() {
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmRead(task, DATA, 1L << 32).kr());
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmRead(task, DATA, -1L).kr(), "unsigned: 2^64 - 1");
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmRead(task, HOLE, 1L << 40).kr(), "before any address check");
    }

    @Test
    void aHoleIsAnInvalidAddress() {
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmRead(task, HOLE + 8, 4).kr());
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmRead(task, HOLE - 4, 8).kr(), "runs from RODATA into the hole");
        assertEquals(HOLE, f.lastRecord().ruleAddress());
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmRead(task, -8L, 16).kr(), "wraps");
    }

    @Test
    void anEntryWithoutReadIsAProtectionFailure() {
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, TAIL, PAGE, false, VmProt.NONE));
        ReadResult r = f.mach.vmRead(task, TAIL, 4);
        assertEquals(KernReturn.PROTECTION_FAILURE, r.kr());
        assertEquals(0, r.data().length);
        IoResult zx = f.kernel.readMemory(f.process, TAIL, new byte[4], 4);
        assertEquals(Status.OK, zx.status(), "the debugger call ignores the protection");
    }

    @Test
    void theVdsoIsReadable() {
        ReadResult r = f.mach.vmRead(task, f.vdso().base(), 4);
        assertEquals(KernReturn.SUCCESS, r.kr());
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, r.data());
    }

    @Test
    void aDeadTaskIsAnInvalidDestination() {
        f.kernel.taskKill(f.process);
        assertEquals(KernReturn.SEND_INVALID_DEST, f.mach.vmRead(task, DATA, 4).kr());
    }

    @Test
    void aReadPastAShrunkVmoIsAnInvalidAddress() {
        f.kernel.vmoSetSize(f.dataVmo, PAGE);
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmRead(task, DATA + PAGE - 4, 8).kr());
        assertEquals(Rule.OFFSET_BEYOND_VMO, f.lastRecord().rule());
    }

    @Test
    void aValidReadAboveTheSimulationsLimitIsNoSpace() {
        int big = f.vmo(1, 0);
        assertEquals(Status.OK, f.kernel.vmoSetSize(big, 65L * 1024 * 1024));
        MapResult m = f.kernel.vmarMap(f.root, VmOptions.PERM_READ, 0, big, 0, 65L * 1024 * 1024);
        assertEquals(KernReturn.NO_SPACE, f.mach.vmRead(task, m.address(), 65L * 1024 * 1024).kr());
        assertEquals(KernReturn.SUCCESS, f.mach.vmRead(task, m.address(), 64L * 1024 * 1024).kr());
    }

    @Test
    void recordsTheRead() {
        f.mach.vmRead(task, DATA, 16);
        SyscallRecord r = f.lastRecord();
        assertEquals("vm_read", r.name());
        assertEquals(KernReturn.SUCCESS, r.kernReturn());
        assertEquals(16, r.requested());
        assertEquals(16, r.actual());
        assertEquals(Rule.COMPLETE, r.rule());
    }
}
