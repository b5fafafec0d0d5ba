package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** {@code processCreate(name, vdsoAddress)}: a loader that needs the top of the address space moves the vDSO. */
class VdsoPlacementTest {
    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));

    private List<MapEntry> vdso(int process) {
        return kernel.processMaps(process).entries().stream()
                .filter(e -> e.isMapping() && e.vmoKoid() == kernel.inspector().vdsoKoid())
                .collect(Collectors.toList());
    }

    @Test
    void theVdsoGoesWhereTheLoaderSays() {
        ProcessResult p = kernel.processCreate("core", 0x2000000L);
        assertEquals(Status.OK, p.status());
        List<MapEntry> v = vdso(p.process());
        assertEquals(1, v.size());
        assertEquals(0x2000000L, v.get(0).base());
        assertEquals(Kernel.VDSO_SIZE, v.get(0).size());
        // the top of the address space is now free for a mapping at a fixed address
        HandleResult vmo = kernel.vmoCreate(Kernel.PAGE_SIZE, 0);
        long top = Kernel.USER_ASPACE_END - Kernel.PAGE_SIZE;
        assertEquals(Status.OK, kernel.vmarMap(p.rootVmar(), VmOptions.PERM_READ | VmOptions.SPECIFIC,
                top - Kernel.USER_ASPACE_BASE, vmo.handle(), 0, Kernel.PAGE_SIZE).status());
    }

    @Test
    void aVdsoOutsideTheRootVmarOrUnalignedIsRefusedAndNothingIsMade() {
        int before = kernel.inspector().handles().size();
        for (long bad : new long[] {-1, 0, 0x1000, Kernel.USER_ASPACE_BASE + 1, Kernel.USER_ASPACE_END - Kernel.PAGE_SIZE,
                Kernel.USER_ASPACE_END, Long.MAX_VALUE & ~0xfffL}) {
            assertEquals(Status.ERR_INVALID_ARGS, kernel.processCreate("bad", bad).status(), Long.toHexString(bad));
        }
        assertEquals(before, kernel.inspector().handles().size());
        assertEquals(Status.OK, kernel.processCreate("last", Kernel.USER_ASPACE_END - Kernel.VDSO_SIZE).status());
    }
}
