package memscope.model;

import static memscope.model.TestProcess.PAGE;
import static memscope.model.TestProcess.RW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mapping's maximum permissions are fixed when it is made: what both the VMO handle and the VMAR handle allowed,
 * within the VMAR's CAN_MAP_* flags (Zircon's sys_vmar_map). No later protect, through any VMAR, and no Mach call
 * goes beyond them.
 */
class MappingMaximumTest {
    private TestProcess t;

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
    }

    private int taskPort() {
        PortResult port = t.kernel.mach().taskForProcess(t.process, TaskFlavor.CONTROL);
        assertEquals(KernReturn.SUCCESS, port.kr());
        return port.port();
    }

    @Test
    void aReadOnlyVmoHandleGivesAMappingThatCanNeverBecomeWritable() {
        int vmo = t.vmo(PAGE);
        int readOnly = t.withRights(vmo, Rights.READ | Rights.MAP);
        long at = t.mapAt(0x10000, readOnly, 0, PAGE, VmOptions.PERM_READ);

        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmarProtect(t.root, RW, at, PAGE));
        assertEquals(KernReturn.PROTECTION_FAILURE,
                t.kernel.mach().vmProtect(taskPort(), at, PAGE, false, VmProt.READ | VmProt.WRITE));
        KernReturn written = t.kernel.mach().vmWrite(taskPort(), at, new byte[] {1, 2, 3, 4}, 4);

        assertEquals(KernReturn.PROTECTION_FAILURE, written);
        assertArrayEquals(new byte[4], t.vmoBytes(vmo, 0, 4), "the VMO is unchanged");
        RegionResult region = t.kernel.mach().vmRegion(taskPort(), at);
        assertEquals(VmProt.READ, region.protection());
        assertEquals(VmProt.READ, region.maxProtection(), "the VMO handle held neither WRITE nor EXECUTE");
    }

    @Test
    void aSubVmarAllowingOnlyReadsLimitsItsMappingsEvenThroughTheRoot() {
        VmarResult sub = t.kernel.vmarAllocate(t.root, VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_SPECIFIC, 0,
                4 * PAGE);
        assertEquals(Status.OK, sub.status());
        long at = t.mapAt(sub.vmar(), 0, t.vmo(PAGE), 0, PAGE, VmOptions.PERM_READ);

        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmarProtect(t.root, RW, at, PAGE));
        assertEquals(KernReturn.PROTECTION_FAILURE, t.kernel.mach().vmWrite(taskPort(), at, new byte[] {9}, 1));
    }

    @Test
    void executeNeedsAnExecutableVmoHandleAtMapTime() {
        long at = t.mapAt(0x10000, t.vmo(PAGE), 0, PAGE, VmOptions.PERM_READ);

        assertEquals(Status.ERR_ACCESS_DENIED,
                t.kernel.vmarProtect(t.root, VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, at, PAGE));
    }

    @Test
    void whatTheHandlesAllowedCanBeGrantedLater() {
        int code = t.kernel.vmoReplaceAsExecutable(t.vmo(PAGE)).handle();
        long at = t.mapAt(0x10000, code, 0, PAGE, VmOptions.PERM_READ);

        assertEquals(Status.OK, t.kernel.vmarProtect(t.root, RW, at, PAGE));
        assertEquals(Status.OK, t.kernel.vmarProtect(t.root, VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, at, PAGE));
        assertEquals(VmProt.ALL, t.kernel.mach().vmRegion(taskPort(), at).maxProtection());
    }

    @Test
    void aMappingSplitByProtectKeepsItsMaximumInEveryPiece() {
        int readOnly = t.withRights(t.vmo(3 * PAGE), Rights.READ | Rights.MAP);
        long at = t.mapAt(0x10000, readOnly, 0, 3 * PAGE, VmOptions.PERM_READ);
        assertEquals(Status.OK, t.kernel.vmarProtect(t.root, VmOptions.PERM_READ, at + PAGE, PAGE));

        for (int i = 0; i < 3; i++) {
            assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmarProtect(t.root, RW, at + (long) i * PAGE, PAGE),
                    "piece " + i);
        }
    }
}
