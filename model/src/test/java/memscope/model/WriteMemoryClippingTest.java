package memscope.model;

import static memscope.model.TestProcess.BASE;
import static memscope.model.TestProcess.PAGE;
import static memscope.model.TestProcess.RW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a successful {@code writeMemory} stops: at the end of the one mapping holding the address (never running
 * into the next one), or at the end of its VMO; and that it writes through any mapping protection.
 */
class WriteMemoryClippingTest {
    private static final String WRITE = "zx_process_write_memory";

    private TestProcess t;
    private TestProcess.Recorder rec;

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
        rec = t.record();
    }

    @Test
    void stopsAtTheMappingEndBeforeAnUnmappedGap() {
        int vmo = t.mappedVmo(0x10000, 1);
        long end = BASE + 0x10000 + PAGE;
        byte[] data = TestProcess.counting(100);
        assertEquals(new IoResult(Status.OK, 40), t.write(end - 40, data));
        assertArrayEquals(Arrays.copyOf(data, 40), t.vmoBytes(vmo, PAGE - 40, 40));
        SyscallRecord r = rec.last(WRITE);
        assertEquals(Rule.CLIPPED_AT_MAPPING_END, r.rule());
        assertEquals(end, r.ruleAddress());
        assertEquals(100, r.requested());
        assertEquals(40, r.actual());
        assertEquals(true, r.partial());
    }

    @Test
    void neverContinuesIntoTheAdjacentMappingOfAnotherVmo() {
        int first = t.mappedVmo(0x10000, 1);
        int second = t.mappedVmo(0x10000 + PAGE, 1);
        long boundary = BASE + 0x10000 + PAGE;
        assertEquals(new IoResult(Status.OK, 10), t.write(boundary - 10, TestProcess.filled(30, 0x11)));
        assertArrayEquals(TestProcess.filled(10, 0x11), t.vmoBytes(first, PAGE - 10, 10));
        assertArrayEquals(new byte[PAGE], t.vmoBytes(second, 0, PAGE), "the next mapping was written");
    }

    @Test
    void neverContinuesIntoTheNextMappingEvenOfTheSameVmo() {
        // two mappings showing consecutive pages of one VMO: contiguous in memory, but still two mappings
        int vmo = t.vmo(2 * PAGE);
        t.mapAt(0x10000, vmo, 0, PAGE, RW);
        t.mapAt(0x10000 + PAGE, vmo, PAGE, PAGE, RW);
        long boundary = BASE + 0x10000 + PAGE;
        assertEquals(new IoResult(Status.OK, 4), t.write(boundary - 4, TestProcess.filled(8, 0x22)));
        assertArrayEquals(new byte[] {0x22, 0x22, 0x22, 0x22, 0, 0, 0, 0}, t.vmoBytes(vmo, PAGE - 4, 8));
    }

    @Test
    void aProtectSplitAlsoEndsAWrite() {
        int vmo = t.mappedVmo(0x10000, 2);
        long base = BASE + 0x10000;
        assertEquals(Status.OK, t.kernel.vmarProtect(t.root, VmOptions.PERM_READ, base + PAGE, PAGE));
        assertEquals(new IoResult(Status.OK, 2), t.write(base + PAGE - 2, TestProcess.filled(6, 0x33)));
        assertArrayEquals(new byte[] {0x33, 0x33, 0, 0}, t.vmoBytes(vmo, PAGE - 2, 4));
    }

    @Test
    void writesAtTheMappingsVmoOffset() {
        int vmo = t.vmo(4 * PAGE);
        long at = t.mapAt(0x10000, vmo, 2 * PAGE, 2 * PAGE, RW);
        assertEquals(new IoResult(Status.OK, 3), t.write(at + 5, new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, t.vmoBytes(vmo, 2 * PAGE + 5, 3));
        assertArrayEquals(new byte[2 * PAGE], t.vmoBytes(vmo, 0, 2 * PAGE));
    }

    @Test
    void mappingEndCountsFromTheMappingNotTheVmo() {
        // a 1-page window on the middle of a 3-page VMO: the VMO goes on, the mapping does not
        int vmo = t.vmo(3 * PAGE);
        long at = t.mapAt(0x10000, vmo, PAGE, PAGE, RW);
        assertEquals(new IoResult(Status.OK, 1), t.write(at + PAGE - 1, new byte[] {9, 9}));
        assertArrayEquals(new byte[] {9, 0}, t.vmoBytes(vmo, 2 * PAGE - 1, 2));
    }

    @Test
    void stopsAtTheEndOfAShrunkVmo() {
        int vmo = t.vmo(4 * PAGE, Kernel.VMO_RESIZABLE);
        long at = t.mapAt(0x10000, vmo, 0, 4 * PAGE, RW);
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, 2 * PAGE));
        assertEquals(new IoResult(Status.OK, 16), t.write(at + 2 * PAGE - 16, TestProcess.filled(64, 0x44)));
        SyscallRecord r = rec.last(WRITE);
        assertEquals(Rule.CLIPPED_AT_VMO_END, r.rule());
        assertEquals(at + 2 * PAGE, r.ruleAddress());
        assertArrayEquals(TestProcess.filled(16, 0x44), t.vmoBytes(vmo, 2 * PAGE - 16, 16));
    }

    @Test
    void theCloserEndWins() {
        // mapping ends at 3 pages, VMO (shrunk) at 2: the VMO end decides
        int vmo = t.vmo(4 * PAGE, Kernel.VMO_RESIZABLE);
        long at = t.mapAt(0x10000, vmo, 0, 3 * PAGE, RW);
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, 2 * PAGE));
        assertEquals(new IoResult(Status.OK, PAGE), t.write(at + PAGE, new byte[5 * PAGE]));
        assertEquals(Rule.CLIPPED_AT_VMO_END, rec.last(WRITE).rule());
        // regrown: now the mapping end decides
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, 4 * PAGE));
        assertEquals(new IoResult(Status.OK, 2 * PAGE), t.write(at + PAGE, new byte[5 * PAGE]));
        assertEquals(Rule.CLIPPED_AT_MAPPING_END, rec.last(WRITE).rule());
    }

    @Test
    void offsetAtOrBeyondTheVmoEndIsOutOfRange() {
        int vmo = t.vmo(2 * PAGE, Kernel.VMO_RESIZABLE);
        long at = t.mapAt(0x10000, vmo, 0, 2 * PAGE, RW);
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, PAGE));
        assertEquals(new IoResult(Status.ERR_OUT_OF_RANGE, 0), t.write(at + PAGE, new byte[1]));
        SyscallRecord r = rec.last(WRITE);
        assertEquals(Rule.OFFSET_BEYOND_VMO, r.rule());
        assertEquals(PAGE, r.ruleAddress(), "the rule names the VMO offset");
        assertEquals(new IoResult(Status.OK, 1), t.write(at + PAGE - 1, new byte[] {1, 2}));
    }

    @Test
    void aMappingBeyondTheVmoFromTheStartIsOutOfRangeThere() {
        int vmo = t.vmo(PAGE);
        long at = t.mapAt(0x10000, vmo, 0, 3 * PAGE, RW);
        assertEquals(new IoResult(Status.ERR_OUT_OF_RANGE, 0), t.write(at + 2 * PAGE, new byte[1]));
        assertEquals(new IoResult(Status.OK, PAGE), t.write(at, new byte[3 * PAGE]));
    }

    @Test
    void uncachedIsBadStateEvenForARangeThatWouldBeClipped() {
        int vmo = t.mappedVmo(0x10000, 1);
        long at = BASE + 0x10000;
        assertEquals(Status.OK, t.kernel.vmoSetCachePolicy(vmo, CachePolicy.UNCACHED));
        assertEquals(new IoResult(Status.ERR_BAD_STATE, 0), t.write(at + PAGE - 1, new byte[] {1, 2, 3}));
        assertEquals(Rule.NOT_CACHEABLE, rec.last(WRITE).rule());
        assertEquals(Status.OK, t.kernel.vmoSetCachePolicy(vmo, CachePolicy.CACHED));
        assertArrayEquals(new byte[PAGE], t.vmoBytes(vmo, 0, PAGE));
    }

    @Test
    void writesIntoReadOnlyMappings() {
        int vmo = t.vmo(PAGE);
        long at = t.mapAt(0x10000, vmo, 0, PAGE, VmOptions.PERM_READ);
        assertEquals(new IoResult(Status.OK, 3), t.write(at, new byte[] {4, 5, 6}));
        assertArrayEquals(new byte[] {4, 5, 6}, t.vmoBytes(vmo, 0, 3));
    }

    @Test
    void writesIntoExecuteOnlyMappings() {
        HandleResult exec = t.kernel.vmoReplaceAsExecutable(t.vmo(PAGE));
        assertEquals(Status.OK, exec.status());
        long at = t.mapAt(0x10000, exec.handle(), 0, PAGE, VmOptions.PERM_EXECUTE);
        assertEquals(VmOptions.PERM_EXECUTE, t.kernel.inspector().mappingAt(t.process, at).orElseThrow().perms());
        assertEquals(new IoResult(Status.OK, 2), t.write(at + 10, new byte[] {(byte) 0xcc, (byte) 0xc3}));
        assertArrayEquals(new byte[] {(byte) 0xcc, (byte) 0xc3}, t.vmoBytes(exec.handle(), 10, 2));
    }

    @Test
    void writesIntoMappingsWithNoPermissionsAtAll() {
        int vmo = t.vmo(PAGE);
        long at = t.mapAt(0x10000, vmo, 0, PAGE, 0);
        assertEquals(new IoResult(Status.OK, 1), t.write(at, new byte[] {7}));
        assertEquals(7, t.vmoBytes(vmo, 0, 1)[0]);
    }

    @Test
    void writesThroughMappingsInNestedVmars() {
        VmarResult outer = t.kernel.vmarAllocate(t.root, VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE
                | VmOptions.CAN_MAP_SPECIFIC | VmOptions.SPECIFIC, 0x100000, 16 * PAGE);
        VmarResult inner = t.kernel.vmarAllocate(outer.vmar(), VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE
                | VmOptions.CAN_MAP_SPECIFIC | VmOptions.SPECIFIC, 4 * PAGE, 4 * PAGE);
        assertEquals(Status.OK, inner.status());
        int vmo = t.vmo(PAGE);
        long at = t.mapAt(inner.vmar(), PAGE, vmo, 0, PAGE, RW);
        assertEquals(BASE + 0x100000 + 5 * PAGE, at);
        assertEquals(new IoResult(Status.OK, PAGE), t.write(at, new byte[2 * PAGE]));
        assertEquals(Rule.CLIPPED_AT_MAPPING_END, rec.last(WRITE).rule());
    }

    @Test
    void aWriteCrossingManyPagesOfOneMappingIsWhole() {
        int vmo = t.mappedVmo(0x10000, 8);
        byte[] data = TestProcess.counting(6 * PAGE + 123);
        assertEquals(new IoResult(Status.OK, data.length), t.write(BASE + 0x10000 + 77, data));
        assertArrayEquals(data, t.vmoBytes(vmo, 77, data.length));
        assertEquals(Rule.COMPLETE, rec.last(WRITE).rule());
        assertEquals(false, rec.last(WRITE).partial());
    }
}
