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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where the documentation and today's kernels differ: each fidelity's answer, and the note naming both. */
class FidelityTest {
    private final MachFixture f = new MachFixture();
    private final int task = f.task(TaskFlavor.CONTROL);

    private void today() {
        f.kernel.setOptions(f.kernel.options().withFidelity(Fidelity.TODAY));
    }

    private SyscallRecord last() {
        return f.records.get(f.records.size() - 1);
    }

    private void assertNote(Divergence d, Fidelity decided, String documented, String today) {
        assertEquals(new FidelityNote(d, decided, documented, today), last().fidelityNote());
    }

    @Test
    void bootOptionsCarryTheFidelityBesideTheOtherOptions() {
        BootOptions o = BootOptions.defaults().withDebuggingSyscalls(true).withLegacyNoMemory(true);
        assertEquals(Fidelity.DOCUMENTED, o.fidelity());
        BootOptions t = o.withFidelity(Fidelity.TODAY);
        assertEquals(Fidelity.TODAY, t.fidelity());
        assertTrue(t.debuggingSyscalls() && t.legacyNoMemory());
        assertNotEquals(o, t);
        assertEquals(o, t.withFidelity(null));
        assertEquals(t, t.withDebuggingSyscalls(false).withDebuggingSyscalls(true));
    }

    @Test
    void aDeadProcessIsBadStateAsDocumentedAndNotFoundToday() {
        byte[] b = {1};
        assertEquals(Status.OK, f.kernel.taskKill(f.process));
        assertEquals(Status.ERR_BAD_STATE, f.kernel.writeMemory(f.process, DATA, b, 1).status());
        assertNote(Divergence.DEAD_PROCESS, Fidelity.DOCUMENTED, "ZX_ERR_BAD_STATE", "ZX_ERR_NOT_FOUND");
        assertEquals(Rule.PROCESS_DEAD, last().rule());
        today();
        assertEquals(Status.ERR_NOT_FOUND, f.kernel.readMemory(f.process, DATA, b, 1).status());
        assertNote(Divergence.DEAD_PROCESS, Fidelity.TODAY, "ZX_ERR_BAD_STATE", "ZX_ERR_NOT_FOUND");
        assertEquals(Rule.PROCESS_DEAD, last().rule());
    }

    /** A second mapping of RODATA's VMO, writable, so the VMO's own bytes can be watched. */
    private static final long ALIAS = 0x1020000L;

    @Test
    void aWriteIntoAMappingThatCanNeverBeWritableGoesToAPrivateCloneToday() {
        // RODATA is mapped r-- through a handle without WRITE, so its maximum lacks WRITE
        int readOnly = f.kernel.handleDuplicate(f.rodataVmo, Rights.READ | Rights.MAP).handle();
        assertEquals(Status.OK, f.kernel.vmarUnmap(f.root, RODATA, PAGE));
        f.map(RODATA, readOnly, 1, VmOptions.PERM_READ);
        f.map(ALIAS, f.rodataVmo, 1, MachFixture.RW);
        assertEquals(0, f.mappingAt(RODATA).permissions() & VmOptions.PERM_WRITE);
        today();
        byte[] patch = {(byte) 0xcc, (byte) 0xc3};
        assertEquals(new IoResult(Status.OK, 2), f.kernel.writeMemory(f.process, RODATA + 8, patch, 2));
        assertNote(Divergence.PRIVATE_CLONE, Fidelity.TODAY, "ZX_OK", "ZX_OK");
        assertArrayEquals(patch, f.zx(RODATA + 8, 2), "the process sees the bytes");
        assertArrayEquals(filled(2, 0xE0), f.zx(ALIAS + 8, 2), "the VMO's other mapping does not");
        byte[] vmo = new byte[2];
        assertEquals(Status.OK, f.kernel.vmoRead(f.rodataVmo, vmo, 8, 2));
        assertArrayEquals(filled(2, 0xE0), vmo, "nor does the VMO");
        long clone = f.mappingAt(RODATA).vmoKoid();
        assertEquals(0, f.mappingAt(RODATA).permissions() & VmOptions.PERM_WRITE, "still not writable");
        assertEquals(new IoResult(Status.OK, 1), f.kernel.writeMemory(f.process, RODATA, patch, 1));
        assertEquals(clone, f.mappingAt(RODATA).vmoKoid(), "later writes go to the same clone");
        assertArrayEquals(new byte[] {(byte) 0xcc, (byte) 0xE0}, f.zx(RODATA, 2));
        assertNull(last().fidelityNote(), "the clone is made once");
    }

    @Test
    void asDocumentedTheSameWriteLandsInTheVmo() {
        int readOnly = f.kernel.handleDuplicate(f.rodataVmo, Rights.READ | Rights.MAP).handle();
        assertEquals(Status.OK, f.kernel.vmarUnmap(f.root, RODATA, PAGE));
        f.map(RODATA, readOnly, 1, VmOptions.PERM_READ);
        f.map(ALIAS, f.rodataVmo, 1, MachFixture.RW);
        long vmoKoid = f.mappingAt(RODATA).vmoKoid();
        assertEquals(new IoResult(Status.OK, 1), f.kernel.writeMemory(f.process, RODATA, new byte[] {7}, 1));
        assertNote(Divergence.PRIVATE_CLONE, Fidelity.DOCUMENTED, "ZX_OK", "ZX_OK");
        assertEquals(vmoKoid, f.mappingAt(RODATA).vmoKoid());
        assertArrayEquals(new byte[] {7}, f.zx(ALIAS, 1));
    }

    @Test
    void aMappingThatMayBecomeWritableIsWrittenInPlaceByBoth() {
        today();
        // CODE is r-x, but mapped through a handle with WRITE: its maximum has WRITE
        assertEquals(new IoResult(Status.OK, 1), f.kernel.writeMemory(f.process, CODE, new byte[] {0x55}, 1));
        assertNull(last().fidelityNote());
        byte[] vmo = new byte[1];
        assertEquals(Status.OK, f.kernel.vmoRead(f.codeVmo, vmo, 0, 1));
        assertArrayEquals(new byte[] {0x55}, vmo);
    }

    @Test
    void theCachePolicyOfAMappedVmoIsRefusedTodayAndAllowedByTheDefault() {
        assertEquals(Status.OK, f.kernel.vmoSetCachePolicy(f.dataVmo, CachePolicy.UNCACHED));
        assertNote(Divergence.CACHE_POLICY_MAPPED, Fidelity.DOCUMENTED, "ZX_OK", "ZX_ERR_BAD_STATE");
        today();
        assertEquals(Status.ERR_BAD_STATE, f.kernel.vmoSetCachePolicy(f.dataVmo, CachePolicy.CACHED));
        assertNote(Divergence.CACHE_POLICY_MAPPED, Fidelity.TODAY, "ZX_OK", "ZX_ERR_BAD_STATE");
        assertEquals(CachePolicy.UNCACHED, f.kernel.inspector().vmo(f.mappingAt(DATA).vmoKoid()).orElseThrow()
                .cachePolicy(), "a refused call changes nothing");
        // unmap, set, map again: the way today's kernels allow
        assertEquals(Status.OK, f.kernel.vmarUnmap(f.root, DATA, 2L * PAGE));
        assertEquals(Status.OK, f.kernel.vmoSetCachePolicy(f.dataVmo, CachePolicy.CACHED));
        assertNull(last().fidelityNote());
        f.map(DATA, f.dataVmo, 2, MachFixture.RW);
        assertEquals(new IoResult(Status.OK, 1), f.kernel.writeMemory(f.process, DATA, new byte[] {1}, 1));
    }

    @Test
    void aSmallVmWriteIntoReadOnlyCodeIsAProtectionFailureAsDocumentedAndAnInvalidAddressToday() {
        byte[] patch = {(byte) 0xcc, (byte) 0xcc};
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmWrite(task, CODE, patch, 2));
        assertNote(Divergence.MACH_SMALL_COPY, Fidelity.DOCUMENTED, "KERN_PROTECTION_FAILURE",
                "KERN_INVALID_ADDRESS");
        today();
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, CODE, patch, 2));
        assertNote(Divergence.MACH_SMALL_COPY, Fidelity.TODAY, "KERN_PROTECTION_FAILURE", "KERN_INVALID_ADDRESS");
        assertArrayEquals(filled(2, 0xC0), f.zx(CODE, 2));
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, f.vdso().base(), patch, 2));
        assertEquals(Rule.VDSO_PROTECTED, f.lastRecord().rule());
    }

    @Test
    void todayASmallWriteStoresTheBytesBeforeItsFault() {
        byte[] data = {1, 2, 3, 4};
        // two bytes at the end of DATA (rw-), two in RODATA (r--) right after it
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmWrite(task, RODATA - 2, data, 4));
        assertArrayEquals(filled(2, 0xD0), f.zx(RODATA - 2, 2), "as documented: nothing");
        today();
        f.changes.clear();
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, RODATA - 2, data, 4));
        assertArrayEquals(new byte[] {1, 2}, f.zx(RODATA - 2, 2), "today: the bytes before the fault");
        assertArrayEquals(filled(2, 0xE0), f.zx(RODATA, 2));
        assertTrue(f.changes.stream().anyMatch(c -> c instanceof MemoryChange m && m.length() == 2),
                "the stored bytes are reported");
        // a hole after a writable mapping: KERN_INVALID_ADDRESS both ways, but today the start is stored
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, TAIL + PAGE - 1, data, 2));
        assertNote(Divergence.MACH_SMALL_COPY, Fidelity.TODAY, "KERN_INVALID_ADDRESS", "KERN_INVALID_ADDRESS");
        assertArrayEquals(new byte[] {1}, f.zx(TAIL + PAGE - 1, 1));
    }

    @Test
    void asDocumentedAWriteAcrossAHoleStoresNothing() {
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, TAIL + PAGE - 1, new byte[] {1, 2}, 2));
        assertNote(Divergence.MACH_SMALL_COPY, Fidelity.DOCUMENTED, "KERN_INVALID_ADDRESS", "KERN_INVALID_ADDRESS");
        assertArrayEquals(filled(1, 0xF0), f.zx(TAIL + PAGE - 1, 1));
        // a hole at the very start: nothing stored either way, so the fidelities agree
        assertEquals(KernReturn.INVALID_ADDRESS, f.mach.vmWrite(task, HOLE, new byte[] {1}, 1));
        assertNull(f.lastRecord().fidelityNote());
    }

    @Test
    void aLargeVmWriteIsAllOrNothingEvenToday() {
        today();
        byte[] big = filled(MachMemory.SMALL_COPY_LIMIT + 1, 0x77);
        // from DATA's start across into RODATA (r--): larger than the kernel-buffer limit
        assertEquals(KernReturn.PROTECTION_FAILURE, f.mach.vmWrite(task, DATA, big, big.length));
        assertNull(f.lastRecord().fidelityNote());
        assertArrayEquals(filled(4, 0xD0), f.zx(DATA, 4));
    }
}
