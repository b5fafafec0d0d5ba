package memscope.model;

import static memscope.model.MachFixture.CODE;
import static memscope.model.MachFixture.DATA;
import static memscope.model.MachFixture.HOLE;
import static memscope.model.MachFixture.PAGE;
import static memscope.model.MachFixture.RODATA;
import static memscope.model.MachFixture.RW;
import static memscope.model.MachFixture.RX;
import static memscope.model.MachFixture.TAIL;
import static memscope.model.MachFixture.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MachVmProtectTest {
    private static final int R = VmOptions.PERM_READ;
    private final MachFixture f = new MachFixture();
    private final int task = f.task(TaskFlavor.CONTROL);

    @Test
    void protectingOnePageInTheMiddleOfAMappingSplitsItVisiblyInProcessMaps() {
        int vmo = f.vmo(3, 0x33);
        long base = 0x1020000L;
        f.map(base, vmo, 3, RW);
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, base + PAGE, PAGE, false, VmProt.READ));
        List<MapEntry> pieces = f.mappingsIn(base, base + 3 * PAGE);
        assertEquals(3, pieces.size());
        assertEquals(List.of(base, base + PAGE, base + 2 * PAGE), pieces.stream().map(MapEntry::base).toList());
        assertEquals(List.of(RW, R, RW), pieces.stream().map(MapEntry::permissions).toList());
        assertEquals(List.of(0L, (long) PAGE, 2L * PAGE), pieces.stream().map(MapEntry::vmoOffset).toList());
        assertTrue(f.changes.contains(new StructureChange(StructureChange.Kind.MAPPING, processKoid())));
    }

    @Test
    void theRangeRoundsOutToWholePages() {
        // 2 bytes straddling the boundary between DATA's two pages protect both pages
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, DATA + PAGE - 1, 2, false, VmProt.READ));
        assertEquals(R, f.mappingAt(DATA).permissions());
        assertEquals(2L * PAGE, f.mappingAt(DATA).size(), "both pages, so no split");
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmWrite(task, DATA, new byte[1], 1));
    }

    @Test
    void spansSeveralMappings() {
        // DATA and RODATA were mapped through DEFAULT_VMO handles, so read+write is the most all three allow
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, CODE, 5 * PAGE, false, VmProt.DEFAULT));
        for (long at : new long[] {CODE, DATA, RODATA}) {
            assertEquals(RW, f.mappingAt(at).permissions());
        }
    }

    @Test
    void aHoleIsAnInvalidAddressAndChangesNothing() {
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmProtect(task, RODATA, 3 * PAGE, false, VmProt.NONE));
        assertEquals(R, f.mappingAt(RODATA).permissions());
        assertEquals(RW, f.mappingAt(TAIL).permissions());
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmProtect(task, HOLE, 1, false, VmProt.NONE));
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmProtect(task, 0x1000, 1, false, VmProt.NONE));
    }

    @Test
    void sizeZeroSucceedsWithoutLookingAtTheAddress() {
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, HOLE, 0, false, VmProt.ALL));
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, -1L, 0, true, VmProt.NONE));
    }

    @Test
    void unknownProtectionBitsAreAnInvalidArgument() {
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmProtect(task, DATA, PAGE, false, 0x8));
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmProtect(task, DATA, 0, false, 0x100), "before size 0");
        assertEquals(RW, f.mappingAt(DATA).permissions());
    }

    @Test
    void aWrappingRangeIsAnInvalidArgument() {
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmProtect(task, DATA, -DATA + 1, false, VmProt.READ));
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmProtect(task, -8L, 4, false, VmProt.READ),
                "rounding the end up to a page wraps");
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmProtect(task, DATA, -DATA, false, VmProt.READ),
                "ending at 2^64 exactly wraps to 0");
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmProtect(task, DATA, Long.MIN_VALUE, false, VmProt.READ),
                "2^63 bytes (unsigned) do not wrap, but run into a hole");
        assertEquals(RW, f.mappingAt(DATA).permissions());
    }

    @Test
    void aProtectionBeyondTheMaximumIsAProtectionFailure() {
        MapEntry vdso = f.vdso();
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmProtect(task, vdso.base(), PAGE, false, VmProt.DEFAULT));
        assertEquals(RX, f.mappingAt(vdso.base()).permissions());
    }

    @Test
    void setMaximumSetsTheMaximumAndLowersTheCurrentProtection() {
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, CODE, PAGE, true, VmProt.READ | VmProt.WRITE));
        RegionResult region = f.mach.vmRegion(task, CODE);
        assertEquals(CODE, region.address());
        assertEquals(PAGE, region.size(), "the first page was split off");
        assertEquals(VmProt.READ | VmProt.WRITE, region.maxProtection());
        assertEquals(VmProt.READ, region.protection(), "r-x lowered to fit rw- gives r--");
        assertEquals(R, f.mappingAt(CODE).permissions());
        assertEquals(RX, f.mappingAt(CODE + PAGE).permissions());
        // the maximum now refuses EXECUTE, and can never be raised again
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmProtect(task, CODE, PAGE, false, RX));
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmProtect(task, CODE, PAGE, true, VmProt.ALL));
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, CODE, PAGE, false, VmProt.ALL & ~VmProt.EXECUTE));
    }

    @Test
    void aMaximumCannotBeSetAboveWhatTheMappingWasMadeWith() {
        // DATA was mapped through a DEFAULT_VMO handle, which carries no EXECUTE
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmProtect(task, DATA, PAGE, true, VmProt.ALL));
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmProtect(task, DATA, PAGE, false, RX));
        assertEquals(RW, f.mappingAt(DATA).permissions());
    }

    @Test
    void theMaximumAlsoBindsZircon() {
        f.mach.vmProtect(task, DATA, PAGE, true, VmProt.READ);
        assertEquals(Status.ERR_ACCESS_DENIED, f.kernel.vmarProtect(f.root, RW, DATA, PAGE));
    }

    @Test
    void copyOnThePermanentVdsoIsNoSpace() {
        MapEntry vdso = f.vdso();
        int copyRw = VmProt.COPY | VmProt.READ | VmProt.WRITE;
        assertEquals(KernReturn.NO_SPACE, f.mach.vmProtect(task, vdso.base(), PAGE, false, copyRw));
        assertEquals(Rule.VDSO_PROTECTED, f.lastRecord().rule());
        assertEquals(KernReturn.NO_SPACE, f.mach.vmProtect(task, vdso.base(), 1, false, VmProt.COPY | VmProt.READ));
        assertEquals(RX, f.mappingAt(vdso.base()).permissions());
        assertEquals(f.kernel.inspector().vdsoKoid(), f.mappingAt(vdso.base()).vmoKoid());
    }

    @Test
    void copyMakesAPrivateWritableCopyOfACodePage() {
        // a second process maps the same code VMO; patching our copy must not reach it
        ProcessResult other = f.kernel.processCreate("other");
        MapResult shared = f.kernel.vmarMap(other.rootVmar(), RX, 0, f.codeVmo, 0, 2L * PAGE);
        long codeKoid = f.mappingAt(CODE).vmoKoid();
        int copyRw = VmProt.COPY | VmProt.READ | VmProt.WRITE;

        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, CODE, PAGE, false, copyRw));
        byte[] patch = {(byte) 0xcc};
        assertEquals(KernReturn.SUCCESS, f.mach.vmWrite(task, CODE + 5, patch, 1));

        assertArrayEquals(new byte[] {(byte) 0xC0, (byte) 0xcc, (byte) 0xC0}, f.zx(CODE + 4, 3));
        byte[] theirs = new byte[3];
        f.kernel.readMemory(other.process(), shared.address() + 4, theirs, 3);
        assertArrayEquals(filled(3, 0xC0), theirs, "the other process still sees the original");
        MapEntry copied = f.mappingAt(CODE);
        assertNotEquals(codeKoid, copied.vmoKoid(), "a new, private VMO");
        assertEquals(PAGE, copied.size());
        assertEquals(RW, copied.permissions());
        assertEquals(codeKoid, f.mappingAt(CODE + PAGE).vmoKoid(), "the second code page is still shared");
        assertEquals(VmProt.ALL, f.mach.vmRegion(task, CODE).maxProtection(), "WRITE joined r-x");
    }

    @Test
    void copyKeepsUntouchedPagesOfAFileBackedVmo() {
        PageSource file = (index, page) -> java.util.Arrays.fill(page, (byte) (0x40 + index));
        int vmo = f.kernel.vmoCreateBacked(3L * PAGE, file, "lib.so").handle();
        long base = 0x1030000L;
        assertEquals(Status.OK, f.kernel.vmarMap(f.root, R | VmOptions.SPECIFIC, base - Kernel.USER_ASPACE_BASE,
                vmo, PAGE, 2L * PAGE).status());
        f.kernel.vmoWrite(vmo, new byte[] {7}, 2L * PAGE + 9, 1);
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, base, 2L * PAGE, false, VmProt.COPY | VmProt.DEFAULT));
        f.kernel.vmoWrite(vmo, new byte[] {8}, PAGE, 1);
        assertArrayEquals(new byte[] {0x41, 0x41}, f.zx(base, 2), "file page 1, not the later write");
        assertArrayEquals(new byte[] {0x42, 7, 0x42}, f.zx(base + PAGE + 8, 3), "the committed page was copied");
        assertEquals("lib.so", f.mappingAt(base).name());
    }

    @Test
    void copyOfAMappingPastItsShrunkVmosEndReadsZerosThere() {
        assertEquals(Status.OK, f.kernel.vmoSetSize(f.dataVmo, PAGE));
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmRead(task, DATA + PAGE, 4).kr());
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, DATA, 2L * PAGE, false, VmProt.COPY | VmProt.READ));
        assertArrayEquals(filled(4, 0xD0), f.mach.vmRead(task, DATA + PAGE - 4, 4).data());
        assertArrayEquals(new byte[4], f.mach.vmRead(task, DATA + PAGE, 4).data(), "the copy is whole, zeros");
    }

    @Test
    void copyMayNotAddExecuteBeyondTheMaximum() {
        f.mach.vmProtect(task, TAIL, PAGE, true, VmProt.READ);
        assertEquals(KernReturn.PROTECTION_FAILURE,
                f.mach.vmProtect(task, TAIL, PAGE, false, VmProt.COPY | VmProt.ALL));
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, TAIL, PAGE, false, VmProt.COPY | VmProt.DEFAULT));
        assertEquals(RW, f.mappingAt(TAIL).permissions());
    }

    @ParameterizedTest
    @EnumSource(value = TaskFlavor.class, names = {"READ", "INSPECT", "NAME"})
    void onlyAControlPortMayProtect(TaskFlavor flavor) {
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmProtect(f.task(flavor), DATA, PAGE, false, VmProt.NONE));
        assertEquals(RW, f.mappingAt(DATA).permissions());
    }

    @Test
    void aDeadTaskIsAnInvalidDestination() {
        f.kernel.taskKill(f.process);
        assertEquals(KernReturn.SEND_INVALID_DEST, f.mach.vmProtect(task, DATA, PAGE, false, VmProt.READ));
    }

    @Test
    void worksInsideSubVmars() {
        VmarResult sub = f.kernel.vmarAllocate(f.root, VmOptions.CAN_MAP_PERMS | VmOptions.CAN_MAP_SPECIFIC
                | VmOptions.SPECIFIC, 0x100000, 4L * PAGE);
        assertEquals(Status.OK, sub.status());
        int vmo = f.vmo(2, 0x12);
        assertEquals(Status.OK, f.kernel.vmarMap(sub.vmar(), RW | VmOptions.SPECIFIC, PAGE, vmo, 0, 2L * PAGE)
                .status());
        long base = sub.address() + PAGE;
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, base + PAGE, PAGE, false, VmProt.READ));
        assertEquals(RW, f.mappingAt(base).permissions());
        assertEquals(R, f.mappingAt(base + PAGE).permissions());
        assertEquals(2, f.mappingAt(base + PAGE).depth(), "still inside the sub-VMAR");
    }

    @Test
    void recordsTheProtection() {
        f.mach.vmProtect(task, DATA, PAGE, true, VmProt.READ | VmProt.COPY);
        SyscallRecord r = f.lastRecord();
        assertEquals("vm_protect", r.name());
        assertTrue(r.arguments().contains("new_protection=VM_PROT_READ|VM_PROT_COPY"), r.arguments());
        assertTrue(r.arguments().contains("set_maximum=true"), r.arguments());
        assertEquals(KernReturn.SUCCESS, r.kernReturn());
    }

    private long processKoid() {
        return f.kernel.inspector().handle(f.process).orElseThrow().koid();
    }
}
