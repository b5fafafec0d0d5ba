package memscope.model;

import static memscope.model.MachFixture.CODE;
import static memscope.model.MachFixture.DATA;
import static memscope.model.MachFixture.HOLE;
import static memscope.model.MachFixture.PAGE;
import static memscope.model.MachFixture.TAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachVmRegionTest {
    private final MachFixture f = new MachFixture();
    private final int task = f.task(TaskFlavor.CONTROL);

    @Test
    void theRegionContainingTheAddressWithItsWholeExtent() {
        RegionResult r = f.mach.vmRegion(task, DATA + PAGE + 17);
        // DATA was mapped through a DEFAULT_VMO handle, which carries no EXECUTE: its maximum is rw-
        assertEquals(new RegionResult(KernReturn.SUCCESS, DATA, 2L * PAGE, VmProt.DEFAULT, VmProt.DEFAULT), r);
    }

    @Test
    void theNextRegionAboveAHole() {
        assertEquals(TAIL, f.mach.vmRegion(task, HOLE + 5).address());
        assertEquals(CODE, f.mach.vmRegion(task, 0).address(), "below the address space: the first region");
    }

    @Test
    void nothingAboveIsAnInvalidAddress() {
        MapEntry vdso = f.vdso();
        assertEquals(vdso.base(), f.mach.vmRegion(task, vdso.base() + vdso.size() - 1).address());
        RegionResult none = f.mach.vmRegion(task, vdso.base() + vdso.size());
        assertEquals(KernReturn.INVALID_ADDRESS, none.kr());
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmRegion(task, -1L).kr());
    }

    @Test
    void walkingWithVmRegionListsEveryMappingLikeProcessMaps() {
        List<Long> mach = new ArrayList<>();
        long at = 0;
        for (RegionResult r = f.mach.vmRegion(task, at); r.kr() == KernReturn.SUCCESS;
             r = f.mach.vmRegion(task, at)) {
            mach.add(r.address());
            at = r.address() + r.size();
        }
        List<Long> zircon = f.maps().stream().filter(MapEntry::isMapping).map(MapEntry::base).toList();
        assertEquals(zircon, mach);
    }

    @Test
    void findsMappingsInsideSubVmarsAndSkipsEmptyOnes() {
        VmarResult empty = f.kernel.vmarAllocate(f.root, VmOptions.CAN_MAP_PERMS | VmOptions.SPECIFIC
                | VmOptions.CAN_MAP_SPECIFIC, 0x200000, 4L * PAGE);
        VmarResult sub = f.kernel.vmarAllocate(f.root, VmOptions.CAN_MAP_PERMS | VmOptions.SPECIFIC
                | VmOptions.CAN_MAP_SPECIFIC, 0x300000, 4L * PAGE);
        int vmo = f.vmo(1, 0);
        f.kernel.vmarMap(sub.vmar(), VmOptions.PERM_READ | VmOptions.SPECIFIC, 2L * PAGE, vmo, 0, PAGE);
        RegionResult r = f.mach.vmRegion(task, empty.address());
        assertEquals(sub.address() + 2L * PAGE, r.address());
        assertEquals(VmProt.READ, r.protection());
    }

    @Test
    void aReadPortMayAskButANamePortMayNot() {
        assertEquals(KernReturn.SUCCESS, f.mach.vmRegion(f.task(TaskFlavor.READ), DATA).kr());
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmRegion(f.task(TaskFlavor.INSPECT), DATA).kr());
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmRegion(f.task(TaskFlavor.NAME), DATA).kr());
    }

    @Test
    void aDeadTaskIsAnInvalidDestination() {
        f.kernel.taskKill(f.process);
        assertEquals(KernReturn.SEND_INVALID_DEST, f.mach.vmRegion(task, DATA).kr());
        assertEquals("vm_region", f.lastRecord().name());
    }
}
