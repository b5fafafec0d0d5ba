package memscope.model;

import static memscope.model.TestProcess.BASE;
import static memscope.model.TestProcess.PAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of {@code writeMemory}, one row at a time, and the order between them: when two checks would
 * fail, the one earlier in the documented order decides. Every refused call must leave memory untouched.
 */
class WriteMemoryChecksTest {
    private static final long OFFSET = 0x10000;
    private static final long ADDRESS = BASE + OFFSET;
    private static final String WRITE = "zx_process_write_memory";
    private static final byte[] DATA = TestProcess.filled(16, 0x5a);

    private TestProcess t;
    private int vmo;

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
        vmo = t.mappedVmo(OFFSET, 2);
    }

    /** Asserts the call was refused with {@code expected} and that the mapped VMO still reads as zeros. */
    private void assertRefused(Status expected, IoResult result) {
        assertEquals(new IoResult(expected, 0), result);
        assertArrayEquals(new byte[2 * PAGE], t.vmoBytes(vmo, 0, 2 * PAGE), "a refused write changed memory");
    }

    private IoResult write(int process, long address, byte[] buffer, long size) {
        return t.kernel.writeMemory(process, address, buffer, size);
    }

    @Test
    void succeedsWhenEveryCheckPasses() {
        assertEquals(new IoResult(Status.OK, DATA.length), write(t.process, ADDRESS, DATA, DATA.length));
        assertArrayEquals(DATA, t.vmoBytes(vmo, 0, DATA.length));
    }

    // ---- debugging syscalls off: ERR_NOT_SUPPORTED before anything else ----

    @Test
    void debuggingSyscallsOffIsNotSupported() {
        t.kernel.setOptions(BootOptions.defaults());
        assertRefused(Status.ERR_NOT_SUPPORTED, write(t.process, ADDRESS, DATA, DATA.length));
    }

    @Test
    void defaultBootOptionsHaveDebuggingSyscallsOff() {
        TestProcess plain = TestProcess.boot(BootOptions.defaults());
        int v = plain.mappedVmo(OFFSET, 1);
        assertEquals(new IoResult(Status.ERR_NOT_SUPPORTED, 0), plain.write(ADDRESS, DATA));
        assertArrayEquals(new byte[16], plain.vmoBytes(v, 0, 16));
    }

    @Test
    void debuggingOffWinsOverBadHandle() {
        t.kernel.setOptions(BootOptions.defaults());
        assertRefused(Status.ERR_NOT_SUPPORTED, write(12345, ADDRESS, DATA, DATA.length));
    }

    @Test
    void debuggingOffWinsOverBadBuffer() {
        t.kernel.setOptions(BootOptions.defaults());
        assertRefused(Status.ERR_NOT_SUPPORTED, write(t.process, ADDRESS, null, 16));
        assertRefused(Status.ERR_NOT_SUPPORTED, write(t.process, ADDRESS, DATA, 0));
    }

    @Test
    void debuggingOffWinsOverUnmappedAddress() {
        t.kernel.setOptions(BootOptions.defaults());
        assertRefused(Status.ERR_NOT_SUPPORTED, write(t.process, BASE, DATA, DATA.length));
    }

    // ---- the buffer: ERR_INVALID_ARGS ----

    @Test
    void nullBufferIsInvalidArgs() {
        assertRefused(Status.ERR_INVALID_ARGS, write(t.process, ADDRESS, null, 16));
    }

    @Test
    void zeroSizeIsInvalidArgs() {
        assertRefused(Status.ERR_INVALID_ARGS, write(t.process, ADDRESS, DATA, 0));
    }

    @Test
    void negativeSizeIsInvalidArgs() {
        assertRefused(Status.ERR_INVALID_ARGS, write(t.process, ADDRESS, DATA, -1));
    }

    @Test
    void bufferShorterThanSizeIsInvalidArgs() {
        assertRefused(Status.ERR_INVALID_ARGS, write(t.process, ADDRESS, DATA, DATA.length + 1));
    }

    @Test
    void sizeAboveSixtyFourMebibytesIsInvalidArgs() {
        byte[] huge = new byte[Kernel.MAX_DEBUG_IO + 1];
        assertRefused(Status.ERR_INVALID_ARGS, write(t.process, ADDRESS, huge, huge.length));
    }

    @Test
    void exactlySixtyFourMebibytesIsAcceptedAndClipped() {
        byte[] max = new byte[Kernel.MAX_DEBUG_IO];
        max[0] = 7;
        assertEquals(new IoResult(Status.OK, 2 * PAGE), write(t.process, ADDRESS, max, max.length));
        assertEquals(7, t.vmoBytes(vmo, 0, 1)[0]);
    }

    @Test
    void badBufferWinsOverBadHandle() {
        assertRefused(Status.ERR_INVALID_ARGS, write(12345, ADDRESS, null, 16));
        assertRefused(Status.ERR_INVALID_ARGS, write(0, ADDRESS, DATA, 0));
    }

    // ---- the handle: BAD_HANDLE, then WRONG_TYPE, then ACCESS_DENIED ----

    @Test
    void invalidHandleValueIsBadHandle() {
        assertRefused(Status.ERR_BAD_HANDLE, write(0, ADDRESS, DATA, DATA.length));
        assertRefused(Status.ERR_BAD_HANDLE, write(t.process + 4, ADDRESS, DATA, DATA.length));
    }

    @Test
    void closedHandleIsBadHandle() {
        int copy = t.withRights(t.process, Rights.SAME_RIGHTS);
        assertEquals(Status.OK, t.kernel.handleClose(copy));
        assertRefused(Status.ERR_BAD_HANDLE, write(copy, ADDRESS, DATA, DATA.length));
    }

    @Test
    void vmoOrVmarHandleIsWrongType() {
        assertRefused(Status.ERR_WRONG_TYPE, write(vmo, ADDRESS, DATA, DATA.length));
        assertRefused(Status.ERR_WRONG_TYPE, write(t.root, ADDRESS, DATA, DATA.length));
    }

    @Test
    void wrongTypeWinsOverMissingRights() {
        int noRights = t.withRights(vmo, Rights.NONE);
        assertRefused(Status.ERR_WRONG_TYPE, write(noRights, ADDRESS, DATA, DATA.length));
    }

    @Test
    void processHandleWithoutWriteIsAccessDenied() {
        TestProcess.Recorder rec = t.record();
        int readOnly = t.withRights(t.process, Rights.DEFAULT_PROCESS & ~Rights.WRITE);
        assertRefused(Status.ERR_ACCESS_DENIED, write(readOnly, ADDRESS, DATA, DATA.length));
        assertEquals(Rule.MISSING_RIGHTS, rec.last(WRITE).rule());
        assertEquals(Rights.WRITE, rec.last(WRITE).ruleAddress(), "the record names the missing right");
    }

    @Test
    void writeRightAloneIsEnough() {
        int writeOnly = t.withRights(t.process, Rights.WRITE);
        assertEquals(new IoResult(Status.OK, DATA.length), write(writeOnly, ADDRESS, DATA, DATA.length));
    }

    // ---- the process: dead means ERR_BAD_STATE ----

    @Test
    void deadProcessIsBadState() {
        assertEquals(Status.OK, t.kernel.taskKill(t.process));
        assertRefused(Status.ERR_BAD_STATE, write(t.process, ADDRESS, DATA, DATA.length));
    }

    @Test
    void deadProcessWinsOverUnmappedAddress() {
        assertEquals(Status.OK, t.kernel.taskKill(t.process));
        assertRefused(Status.ERR_BAD_STATE, write(t.process, BASE, DATA, DATA.length));
    }

    @Test
    void missingRightsWinOverDeadProcess() {
        int readOnly = t.withRights(t.process, Rights.READ);
        assertEquals(Status.OK, t.kernel.taskKill(t.process));
        assertRefused(Status.ERR_ACCESS_DENIED, write(readOnly, ADDRESS, DATA, DATA.length));
    }

    // ---- the address: ERR_NOT_FOUND (or ERR_NO_MEMORY), then the vDSO ----

    @Test
    void unmappedAddressIsNotFound() {
        assertRefused(Status.ERR_NOT_FOUND, write(t.process, BASE, DATA, DATA.length));
        assertRefused(Status.ERR_NOT_FOUND, write(t.process, ADDRESS + 2 * PAGE, DATA, DATA.length));
        assertRefused(Status.ERR_NOT_FOUND, write(t.process, 0, DATA, DATA.length));
        assertRefused(Status.ERR_NOT_FOUND, write(t.process, -1L, DATA, DATA.length));
        assertRefused(Status.ERR_NOT_FOUND, write(t.process, Long.MIN_VALUE, DATA, DATA.length));
    }

    @Test
    void unmappedAddressIsNotFoundEvenWhenTheRangeReachesAMapping() {
        assertRefused(Status.ERR_NOT_FOUND, write(t.process, ADDRESS - 8, DATA, DATA.length));
    }

    @Test
    void addressInsideABareSubVmarIsNotFound() {
        VmarResult sub = t.kernel.vmarAllocate(t.root, VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE
                | VmOptions.SPECIFIC, 0x100000, 0x10000);
        assertEquals(Status.OK, sub.status());
        assertRefused(Status.ERR_NOT_FOUND, write(t.process, sub.address() + 8, DATA, DATA.length));
    }

    @Test
    void unmappedAddressIsNoMemoryWithTheLegacyOption() {
        t.kernel.setOptions(t.kernel.options().withLegacyNoMemory(true));
        TestProcess.Recorder rec = t.record();
        assertRefused(Status.ERR_NO_MEMORY, write(t.process, BASE, DATA, DATA.length));
        assertEquals(Rule.UNMAPPED, rec.last(WRITE).rule());
        assertEquals(BASE, rec.last(WRITE).ruleAddress());
    }

    @Test
    void legacyOptionChangesNothingElse() {
        t.kernel.setOptions(t.kernel.options().withLegacyNoMemory(true));
        assertRefused(Status.ERR_ACCESS_DENIED, write(t.process, t.vdsoBase(), DATA, DATA.length));
        assertEquals(Status.OK, t.kernel.taskKill(t.process));
        assertRefused(Status.ERR_BAD_STATE, write(t.process, BASE, DATA, DATA.length));
    }

    @Test
    void vdsoIsAccessDenied() {
        long vdso = t.vdsoBase();
        byte[] before = t.read(vdso, 2 * PAGE);
        assertRefused(Status.ERR_ACCESS_DENIED, write(t.process, vdso, DATA, DATA.length));
        assertRefused(Status.ERR_ACCESS_DENIED, write(t.process, vdso + PAGE + 100, DATA, 1));
        assertArrayEquals(before, t.read(vdso, 2 * PAGE));
    }

    @Test
    void vdsoRefusalComesBeforeClipping() {
        long vdso = t.vdsoBase();
        TestProcess.Recorder rec = t.record();
        assertRefused(Status.ERR_ACCESS_DENIED, write(t.process, vdso + 2 * PAGE - 1, DATA, DATA.length));
        assertEquals(Rule.VDSO_PROTECTED, rec.last(WRITE).rule());
        assertEquals(vdso, rec.last(WRITE).ruleAddress());
    }

    // ---- the VMO: OUT_OF_RANGE before clipping at its end, uncached last ----

    @Test
    void offsetBeyondAShrunkVmoIsOutOfRange() {
        int resizable = t.vmo(2 * PAGE, Kernel.VMO_RESIZABLE);
        long at = t.mapAt(0x40000, resizable, 0, 2 * PAGE, TestProcess.RW);
        assertEquals(Status.OK, t.kernel.vmoSetSize(resizable, PAGE));
        assertEquals(new IoResult(Status.ERR_OUT_OF_RANGE, 0), t.write(at + PAGE, DATA));
        assertEquals(new IoResult(Status.ERR_OUT_OF_RANGE, 0), t.write(at + 2 * PAGE - 1, DATA));
    }

    @Test
    void outOfRangeWinsOverUncached() {
        int resizable = t.vmo(2 * PAGE, Kernel.VMO_RESIZABLE);
        long at = t.mapAt(0x40000, resizable, 0, 2 * PAGE, TestProcess.RW);
        assertEquals(Status.OK, t.kernel.vmoSetSize(resizable, PAGE));
        assertEquals(Status.OK, t.kernel.vmoSetCachePolicy(resizable, CachePolicy.UNCACHED));
        assertEquals(new IoResult(Status.ERR_OUT_OF_RANGE, 0), t.write(at + PAGE, DATA));
        assertEquals(new IoResult(Status.ERR_BAD_STATE, 0), t.write(at, DATA));
    }

    @Test
    void everyNonCachedPolicyIsBadState() {
        for (CachePolicy policy : CachePolicy.values()) {
            if (policy == CachePolicy.CACHED) {
                continue;
            }
            assertEquals(Status.OK, t.kernel.vmoSetCachePolicy(vmo, policy));
            assertEquals(new IoResult(Status.ERR_BAD_STATE, 0), write(t.process, ADDRESS, DATA, DATA.length),
                    policy.name());
            assertEquals(Status.OK, t.kernel.vmoSetCachePolicy(vmo, CachePolicy.CACHED));
            assertArrayEquals(new byte[16], t.vmoBytes(vmo, 0, 16), policy + " wrote anyway");
        }
        assertEquals(Status.OK, write(t.process, ADDRESS, DATA, DATA.length).status(), "CACHED again");
    }
}
