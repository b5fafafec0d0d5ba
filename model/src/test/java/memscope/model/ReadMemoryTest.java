package memscope.model;

import static memscope.model.TestProcess.BASE;
import static memscope.model.TestProcess.PAGE;
import static memscope.model.TestProcess.RW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code readMemory}: the write checks without the debugging gate, needing READ and WRITE, vDSO readable. */
class ReadMemoryTest {
    private static final long ADDRESS = BASE + 0x10000;

    private TestProcess t;
    private int vmo;

    @BeforeEach
    void setUp() {
        // debugging syscalls stay off: reading does not need them
        t = TestProcess.boot(BootOptions.defaults());
        vmo = t.mappedVmo(0x10000, 2);
        assertEquals(Status.OK, t.kernel.vmoWrite(vmo, TestProcess.counting(2 * PAGE), 0, 2 * PAGE));
    }

    private IoResult read(int process, long address, byte[] buffer, long size) {
        return t.kernel.readMemory(process, address, buffer, size);
    }

    @Test
    void readsWithDebuggingSyscallsOff() {
        assertEquals(false, t.kernel.options().debuggingSyscalls());
        assertArrayEquals(TestProcess.counting(2 * PAGE), t.read(ADDRESS, 2 * PAGE));
    }

    @Test
    void untouchedMemoryReadsAsZeros() {
        int fresh = t.mappedVmo(0x40000, 3);
        assertArrayEquals(new byte[3 * PAGE], t.read(BASE + 0x40000, 3 * PAGE));
        assertEquals(0, t.kernel.inspector().vmo(t.koidOf(fresh)).orElseThrow().committedPages(),
                "reading must not commit pages");
    }

    @Test
    void needsBothReadAndWriteRights() {
        byte[] b = new byte[4];
        assertEquals(new IoResult(Status.ERR_ACCESS_DENIED, 0),
                read(t.withRights(t.process, Rights.READ), ADDRESS, b, 4));
        assertEquals(new IoResult(Status.ERR_ACCESS_DENIED, 0),
                read(t.withRights(t.process, Rights.WRITE), ADDRESS, b, 4));
        assertEquals(new IoResult(Status.OK, 4), read(t.withRights(t.process, Rights.READ | Rights.WRITE),
                ADDRESS, b, 4));
    }

    @Test
    void vdsoIsReadableAndIsAnElfImage() {
        byte[] head = t.read(t.vdsoBase(), 4);
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, head);
    }

    @Test
    void vdsoMappingIsReadExecute() {
        MapEntry vdso = t.kernel.processMaps(t.process).entries().stream()
                .filter(e -> e.isMapping() && e.name().startsWith("vdso/")).findFirst().orElseThrow();
        assertEquals(VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, vdso.permissions());
        assertEquals(2 * PAGE, t.read(vdso.base(), 2 * PAGE).length);
    }

    @Test
    void clipsAtTheMappingEndAndLeavesTheRestOfTheBufferAlone() {
        byte[] b = TestProcess.filled(100, 0x77);
        assertEquals(new IoResult(Status.OK, 10), read(t.process, ADDRESS + 2 * PAGE - 10, b, 100));
        byte[] expected = TestProcess.filled(100, 0x77);
        System.arraycopy(TestProcess.counting(2 * PAGE), 2 * PAGE - 10, expected, 0, 10);
        assertArrayEquals(expected, b);
    }

    @Test
    void clipsAtTheEndOfAShrunkVmo() {
        int resizable = t.vmo(3 * PAGE, Kernel.VMO_RESIZABLE);
        long at = t.mapAt(0x40000, resizable, 0, 3 * PAGE, RW);
        assertEquals(Status.OK, t.kernel.vmoSetSize(resizable, PAGE));
        assertEquals(new IoResult(Status.OK, 8), read(t.process, at + PAGE - 8, new byte[64], 64));
        assertEquals(new IoResult(Status.ERR_OUT_OF_RANGE, 0), read(t.process, at + PAGE, new byte[64], 64));
    }

    @Test
    void refusalsFollowTheWriteOrderWithoutTheDebugGate() {
        byte[] b = new byte[8];
        assertEquals(Status.ERR_INVALID_ARGS, read(12345, ADDRESS, null, 8).status());
        assertEquals(Status.ERR_INVALID_ARGS, read(t.process, ADDRESS, b, 0).status());
        assertEquals(Status.ERR_INVALID_ARGS, read(t.process, ADDRESS, b, 9).status());
        assertEquals(Status.ERR_INVALID_ARGS, read(t.process, ADDRESS, b, Kernel.MAX_DEBUG_IO + 1L).status());
        assertEquals(Status.ERR_BAD_HANDLE, read(12345, ADDRESS, b, 8).status());
        assertEquals(Status.ERR_WRONG_TYPE, read(t.withRights(vmo, Rights.NONE), ADDRESS, b, 8).status());
        assertEquals(Status.ERR_NOT_FOUND, read(t.process, BASE, b, 8).status());
        assertEquals(Status.OK, t.kernel.vmoSetCachePolicy(vmo, CachePolicy.WRITE_COMBINING));
        assertEquals(Status.ERR_BAD_STATE, read(t.process, ADDRESS + 2 * PAGE - 1, b, 8).status());
        assertArrayEquals(new byte[8], b, "a refused read filled the buffer");
    }

    @Test
    void legacyOptionMakesUnmappedNoMemory() {
        t.kernel.setOptions(t.kernel.options().withLegacyNoMemory(true));
        assertEquals(new IoResult(Status.ERR_NO_MEMORY, 0), read(t.process, BASE, new byte[1], 1));
    }

    @Test
    void deadProcessIsBadState() {
        assertEquals(Status.OK, t.kernel.taskKill(t.process));
        assertEquals(new IoResult(Status.ERR_BAD_STATE, 0), read(t.process, ADDRESS, new byte[1], 1));
    }

    @Test
    void readsThroughProtectionNone() {
        assertEquals(Status.OK, t.kernel.vmarProtect(t.root, 0, ADDRESS, 2 * PAGE));
        assertArrayEquals(TestProcess.counting(16), t.read(ADDRESS, 16));
    }

    @Test
    void readsWhatWriteMemoryWrote() {
        t.kernel.setOptions(t.kernel.options().withDebuggingSyscalls(true));
        byte[] data = TestProcess.filled(300, 0x3c);
        assertEquals(new IoResult(Status.OK, 300), t.write(ADDRESS + PAGE - 150, data));
        assertArrayEquals(data, t.read(ADDRESS + PAGE - 150, 300));
    }
}
