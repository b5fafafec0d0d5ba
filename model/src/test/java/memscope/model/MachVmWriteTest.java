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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MachVmWriteTest {
    private final MachFixture f = new MachFixture();
    private final int task = f.task(TaskFlavor.CONTROL);
    private final byte[] patch = {(byte) 0x90, (byte) 0x90, (byte) 0xcc, (byte) 0xc3};

    @Test
    void theSameWriteIntoACodePageSucceedsUnderZirconAndFailsUnderMach() {
        long at = CODE + 0x123;
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmWrite(task, at, patch, patch.length));
        assertArrayEquals(filled(4, 0xC0), f.zx(at, 4), "Mach wrote nothing");
        assertEquals(new IoResult(Status.OK, 4), f.kernel.writeMemory(f.process, at, patch, patch.length));
        assertArrayEquals(patch, f.zx(at, 4), "the debugger call writes through r-x");
    }

    @Test
    void writesIntoAWritableMappingAtAnUnalignedAddress() {
        assertEquals(KernReturn.SUCCESS, f.mach.vmWrite(task, DATA + 3, patch, 3));
        byte[] seen = f.zx(DATA, 8);
        assertArrayEquals(new byte[] {(byte) 0xD0, (byte) 0xD0, (byte) 0xD0, (byte) 0x90, (byte) 0x90, (byte) 0xcc,
            (byte) 0xD0, (byte) 0xD0}, seen, "exactly dataCount bytes, nothing around them");
    }

    @Test
    void aWriteSpansSeveralMappingsUnlikeZircon() {
        // make the page after DATA a second, separate rw- mapping
        f.kernel.vmarUnmap(f.root, RODATA, PAGE);
        f.map(RODATA, f.vmo(1, 0x11), 1, MachFixture.RW);
        byte[] data = filled(PAGE + 16, 0x5A);
        long at = RODATA - PAGE - 8;
        assertEquals(KernReturn.SUCCESS, f.mach.vmWrite(task, at, data, data.length));
        assertArrayEquals(Arrays.copyOf(data, PAGE + 8), f.zx(at, PAGE + 8), "the part in DATA");
        assertArrayEquals(filled(8, 0x5A), f.zx(RODATA, 8), "the part in the next mapping");
        assertEquals(new IoResult(Status.OK, 8), f.kernel.writeMemory(f.process, RODATA - 8, data, data.length),
                "Zircon stops at the mapping end");
    }

    @Test
    void checksTheWholeRangeBeforeWritingAnything() {
        // 16 bytes: 8 at the end of DATA (rw-), 8 at the start of RODATA (r--)
        long at = RODATA - 8;
        byte[] data = filled(16, 0x77);
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmWrite(task, at, data, data.length));
        assertArrayEquals(filled(8, 0xD0), f.zx(at, 8), "the writable first mapping is unchanged");
        assertArrayEquals(filled(8, 0xE0), f.zx(RODATA, 8));
        assertTrue(f.changes.stream().noneMatch(c -> c instanceof MemoryChange), "no memory change reported");
    }

    @Test
    void aHoleAfterAWritableMappingIsAnInvalidAddressAndWritesNothing() {
        byte[] data = filled(16, 0x77);
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, TAIL + PAGE - 8, data, 16));
        assertArrayEquals(filled(8, 0xF0), f.zx(TAIL + PAGE - 8, 8));
        assertEquals(Rule.UNMAPPED, f.lastRecord().rule());
        assertEquals(TAIL + PAGE, f.lastRecord().ruleAddress(), "where the hole starts");
    }

    @Test
    void theFirstFailingEntryInAddressOrderDecides() {
        // RODATA (r--) comes before the hole: the protection failure is found first
        byte[] data = filled(PAGE + 16, 1);
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmWrite(task, HOLE - 8, data, 16));
        // from the hole into TAIL (rw-): no entry at the start
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, TAIL - 8, data, 16));
        assertArrayEquals(filled(8, 0xF0), f.zx(TAIL, 8));
    }

    @Test
    void unmappedAddressesAreInvalid() {
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, HOLE, patch, 4));
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, 0x1000, patch, 4), "below the address space");
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, 1L << 50, patch, 4), "above it");
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, -4096L, patch, 4), "in the top half");
    }

    @Test
    void aWrappingRangeIsAnInvalidAddress() {
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, -2L, patch, 4));
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, -4L, patch, 4), "ends exactly at 2^64");
    }

    @Test
    void zeroBytesSucceedAnywhere() {
        assertEquals(KernReturn.SUCCESS, f.mach.vmWrite(task, HOLE, patch, 0));
        assertEquals(KernReturn.SUCCESS, f.mach.vmWrite(task, CODE, null, 0));
        assertEquals(KernReturn.SUCCESS, f.mach.vmWrite(task, -1L, new byte[0], 0));
        assertArrayEquals(filled(4, 0xC0), f.zx(CODE, 4));
    }

    @Test
    void dataShorterThanTheCountIsAnUnreadableSource() {
        // the data travels out of line in the request message: a source the kernel cannot read fails the send
        assertEquals(KernReturn.SEND_INVALID_MEMORY, f.mach.vmWrite(task, DATA, patch, 5));
        assertEquals(Rule.INVALID_BUFFER, f.lastRecord().rule());
        assertEquals(KernReturn.SEND_INVALID_MEMORY, f.mach.vmWrite(task, DATA, null, 1));
        assertArrayEquals(filled(4, 0xD0), f.zx(DATA, 4));
    }

    @Test
    void aCountThatIsNotA32BitNumberIsAnInvalidArgument() {
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmWrite(task, DATA, patch, -1));
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmWrite(task, DATA, patch, 1L << 33));
        assertEquals(Rule.INVALID_BUFFER, f.lastRecord().rule());
        assertArrayEquals(filled(4, 0xD0), f.zx(DATA, 4));
    }

    @Test
    void aDeadPortIsCheckedBeforeTheDataAndTheDataBeforeTheFlavour() {
        int readPort = f.mach.taskForProcess(f.process, TaskFlavor.READ).port();
        assertEquals(KernReturn.SEND_INVALID_MEMORY, f.mach.vmWrite(readPort, DATA, patch, 5));
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmWrite(readPort, DATA, patch, 4));
        assertEquals(KernReturn.SEND_INVALID_DEST, f.mach.vmWrite(0x7777, DATA, patch, 5));
    }

    @Test
    void thePermanentVdsoIsNeverWritable() {
        MapEntry vdso = f.vdso();
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmWrite(task, vdso.base() + 0x40, patch, 4));
        assertEquals(Rule.VDSO_PROTECTED, f.lastRecord().rule());
        assertEquals(vdso.base(), f.lastRecord().ruleAddress());
    }

    @ParameterizedTest
    @EnumSource(value = TaskFlavor.class, names = {"READ", "INSPECT", "NAME"})
    void onlyAControlPortMayWrite(TaskFlavor flavor) {
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.vmWrite(f.task(flavor), DATA, patch, 4));
        assertEquals(Rule.WRONG_TYPE, f.lastRecord().rule());
        assertArrayEquals(filled(4, 0xD0), f.zx(DATA, 4));
    }

    @Test
    void aPortThatIsNotATaskPortIsAnInvalidDestination() {
        assertEquals(KernReturn.SEND_INVALID_DEST, f.mach.vmWrite(0, DATA, patch, 4));
        assertEquals(KernReturn.SEND_INVALID_DEST, f.mach.vmWrite(f.process, DATA, patch, 4),
                "a Zircon handle is not a Mach port name");
        assertEquals(Rule.BAD_HANDLE, f.lastRecord().rule());
    }

    @Test
    void theTaskPortOfAKilledProcessIsDead() {
        assertEquals(Status.OK, f.kernel.taskKill(f.process));
        assertEquals(KernReturn.SEND_INVALID_DEST, f.mach.vmWrite(task, DATA, patch, 4));
        assertEquals(Rule.PROCESS_DEAD, f.lastRecord().rule());
        assertEquals(KernReturn.SEND_INVALID_DEST, f.mach.vmWrite(task, DATA, patch, 0), "before the count check");
    }

    @Test
    void theInvalidPortIsReportedBeforeTheFlavourAndTheData() {
        int name = f.task(TaskFlavor.NAME);
        assertEquals(Status.OK, f.kernel.taskKill(f.process));
        assertEquals(KernReturn.SEND_INVALID_DEST, f.mach.vmWrite(name, DATA, null, 4));
    }

    @Test
    void memoryPastTheEndOfAShrunkVmoIsAnInvalidAddress() {
        assertEquals(Status.OK, f.kernel.vmoSetSize(f.dataVmo, PAGE));
        byte[] data = filled(16, 0x42);
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, DATA + PAGE - 8, data, 16));
        assertEquals(Rule.OFFSET_BEYOND_VMO, f.lastRecord().rule());
        assertEquals(PAGE, f.lastRecord().ruleAddress(), "the VMO offset where its memory ends");
        assertArrayEquals(filled(8, 0xD0), f.zx(DATA + PAGE - 8, 8), "the backed part is untouched");
        assertEquals(KernReturn.SUCCESS, f.mach.vmWrite(task, DATA + PAGE - 8, data, 8));
    }

    @Test
    void anUncachedVmoIsAFailure() {
        assertEquals(Status.OK, f.kernel.vmoSetCachePolicy(f.tailVmo, CachePolicy.UNCACHED));
        assertEquals(KernReturn.FAILURE, f.mach.vmWrite(task, TAIL, patch, 4));
        assertEquals(Rule.NOT_CACHEABLE, f.lastRecord().rule());
    }

    @Test
    void aWriteMadeWritableByVmProtectSucceeds() {
        assertEquals(KernReturn.SUCCESS, f.mach.vmProtect(task, RODATA, PAGE, false, VmProt.DEFAULT));
        assertEquals(KernReturn.SUCCESS, f.mach.vmWrite(task, RODATA + 10, patch, 4));
        assertArrayEquals(patch, f.zx(RODATA + 10, 4));
    }

    @Test
    void reportsOneMemoryChangePerMappingWrittenAndARecordWithTheKernReturn() {
        f.kernel.vmarUnmap(f.root, RODATA, PAGE);
        f.map(RODATA, f.rodataVmo, 1, MachFixture.RW);
        f.changes.clear();
        f.records.clear();
        assertEquals(KernReturn.SUCCESS, f.mach.vmWrite(task, RODATA - 2, patch, 4));
        List<Object> changes = f.changes;
        assertEquals(2, changes.size());
        assertEquals(new MemoryChange(f.kernel.processMaps(f.process).entries().stream()
                .filter(e -> e.isMapping() && e.base() == DATA).findFirst().orElseThrow().vmoKoid(), 2 * PAGE - 2, 2),
                changes.get(0));
        assertEquals(0, ((MemoryChange) changes.get(1)).offset());
        SyscallRecord r = f.lastRecord();
        assertEquals("vm_write", r.name());
        assertEquals(null, r.status());
        assertEquals(KernReturn.SUCCESS, r.kernReturn());
        assertEquals(4, r.requested());
        assertEquals(4, r.actual());
        assertFalse(r.partial());
        assertTrue(r.arguments().contains("address=0x" + Long.toHexString(RODATA - 2)), r.arguments());
    }

    @Test
    void aRefusedWriteIsRecordedWithItsMachNameAndText() {
        f.mach.vmWrite(task, CODE, patch, 4);
        SyscallRecord r = f.lastRecord();
        assertFalse(r.ok());
        assertEquals("KERN_PROTECTION_FAILURE", r.resultName());
        assertEquals("(os/kern) protection failure", r.kernReturn().text());
        assertEquals(0, r.actual());
        assertEquals(CODE, r.ruleAddress(), "the read-only entry's base");
    }
}
