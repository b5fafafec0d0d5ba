package memscope.model;

import static memscope.model.TestProcess.PAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VMO sizes, resizing, and the bounds of {@code vmoRead}/{@code vmoWrite}. */
class VmoTest {
    private TestProcess t;

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
    }

    private KernelInspector.VmoInfo info(int vmo) {
        return t.kernel.inspector().vmo(t.koidOf(vmo)).orElseThrow();
    }

    @Test
    void sizeRoundsUpToWholePages() {
        assertEquals(0, info(t.vmo(0)).size());
        assertEquals(PAGE, info(t.vmo(1)).size());
        assertEquals(PAGE, info(t.vmo(PAGE)).size());
        assertEquals(2 * PAGE, info(t.vmo(PAGE + 1)).size());
    }

    @Test
    void theRoundedTailIsReadableAndWritable() {
        int vmo = t.vmo(100);
        assertEquals(Status.OK, t.kernel.vmoWrite(vmo, new byte[] {1}, PAGE - 1, 1));
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoWrite(vmo, new byte[] {1}, PAGE, 1));
    }

    @Test
    void createRejectsUnknownOptionsAndImpossibleSizes() {
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.vmoCreate(PAGE, 1).status());
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.vmoCreate(PAGE, 1 << 5).status());
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoCreate(-1, 0).status());
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoCreate(Long.MAX_VALUE, 0).status());
    }

    @Test
    void readAndWriteStayInsideTheVmo() {
        int vmo = t.vmo(2 * PAGE);
        byte[] b = new byte[16];
        assertEquals(Status.OK, t.kernel.vmoWrite(vmo, b, 2 * PAGE - 16, 16));
        assertEquals(Status.OK, t.kernel.vmoRead(vmo, b, 2 * PAGE - 16, 16));
        assertEquals(Status.OK, t.kernel.vmoRead(vmo, b, 2 * PAGE, 0), "an empty read at the end is fine");
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoRead(vmo, b, 2 * PAGE - 15, 16));
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoWrite(vmo, b, 2 * PAGE - 15, 16));
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoRead(vmo, b, 2 * PAGE + 1, 0));
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoRead(vmo, b, -1, 1));
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoWrite(vmo, b, Long.MAX_VALUE, 16));
    }

    @Test
    void aFailedVmoWriteWritesNothing() {
        int vmo = t.vmo(PAGE);
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoWrite(vmo, TestProcess.filled(16, 9), PAGE - 8, 16));
        assertArrayEquals(new byte[PAGE], t.vmoBytes(vmo, 0, PAGE));
        assertEquals(0, info(vmo).committedPages());
    }

    @Test
    void badBuffersAreInvalidArgs() {
        int vmo = t.vmo(PAGE);
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.vmoRead(vmo, null, 0, 1));
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.vmoWrite(vmo, new byte[4], 0, 5));
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.vmoWrite(vmo, new byte[4], 0, -1));
    }

    @Test
    void readNeedsReadAndWriteNeedsWrite() {
        int vmo = t.vmo(PAGE);
        int writeOnly = t.withRights(vmo, Rights.WRITE);
        int readOnly = t.withRights(vmo, Rights.READ);
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmoRead(writeOnly, new byte[1], 0, 1));
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmoWrite(readOnly, new byte[1], 0, 1));
        assertEquals(Status.OK, t.kernel.vmoWrite(writeOnly, new byte[] {3}, 0, 1));
        assertEquals(3, t.vmoBytes(readOnly, 0, 1)[0]);
        assertEquals(Status.ERR_WRONG_TYPE, t.kernel.vmoRead(t.process, new byte[1], 0, 1));
    }

    @Test
    void uncachedVmoRefusesReadAndWrite() {
        int vmo = t.vmo(PAGE);
        assertEquals(Status.OK, t.kernel.vmoSetCachePolicy(vmo, CachePolicy.UNCACHED_DEVICE));
        assertEquals(Status.ERR_BAD_STATE, t.kernel.vmoRead(vmo, new byte[1], 0, 1));
        assertEquals(Status.ERR_BAD_STATE, t.kernel.vmoWrite(vmo, new byte[1], 0, 1));
        assertEquals(CachePolicy.UNCACHED_DEVICE, info(vmo).cachePolicy());
    }

    @Test
    void aVmoWriteShowsThroughEveryMapping() {
        int vmo = t.vmo(PAGE);
        long a = t.mapAt(0x10000, vmo, 0, PAGE, TestProcess.RW);
        TestProcess other = t.sibling("other");
        long b = other.mapAt(0x20000, vmo, 0, PAGE, VmOptions.PERM_READ);
        assertEquals(Status.OK, t.kernel.vmoWrite(vmo, new byte[] {5, 6}, 10, 2));
        assertArrayEquals(new byte[] {5, 6}, t.read(a + 10, 2));
        assertArrayEquals(new byte[] {5, 6}, other.read(b + 10, 2));
        assertEquals(2, info(vmo).mappingCount());
    }

    // ---- resizing ----

    @Test
    void resizeNeedsAResizableVmo() {
        int fixed = t.vmo(PAGE);
        assertEquals(Status.ERR_UNAVAILABLE, t.kernel.vmoSetSize(fixed, 2 * PAGE));
        assertEquals(PAGE, info(fixed).size());
    }

    @Test
    void resizeNeedsTheResizeRight() {
        int vmo = t.vmo(PAGE, Kernel.VMO_RESIZABLE);
        int noResize = t.withRights(vmo, Rights.DEFAULT_VMO);
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmoSetSize(noResize, 2 * PAGE));
        assertEquals(PAGE, info(vmo).size());
    }

    @Test
    void resizeNeedsTheWriteRight() {
        int vmo = t.vmo(PAGE, Kernel.VMO_RESIZABLE);
        int noWrite = t.withRights(vmo, Rights.RESIZE | Rights.READ);
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmoSetSize(noWrite, 2 * PAGE));
    }

    @Test
    void resizeRoundsUpToPages() {
        int vmo = t.vmo(PAGE, Kernel.VMO_RESIZABLE);
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, 3 * PAGE + 1));
        assertEquals(4 * PAGE, info(vmo).size());
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoSetSize(vmo, -1));
        assertEquals(4 * PAGE, info(vmo).size(), "a refused resize changes nothing");
    }

    @Test
    void shrinkingDiscardsPagesAndRegrowingReadsZeros() {
        int vmo = t.vmo(4 * PAGE, Kernel.VMO_RESIZABLE);
        assertEquals(Status.OK, t.kernel.vmoWrite(vmo, TestProcess.filled(4 * PAGE, 0x66), 0, 4 * PAGE));
        assertEquals(4, info(vmo).committedPages());
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, PAGE));
        assertEquals(1, info(vmo).committedPages());
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.vmoRead(vmo, new byte[1], PAGE, 1));
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, 4 * PAGE));
        assertArrayEquals(TestProcess.filled(PAGE, 0x66), t.vmoBytes(vmo, 0, PAGE));
        assertArrayEquals(new byte[3 * PAGE], t.vmoBytes(vmo, PAGE, 3 * PAGE));
    }

    @Test
    void shrinkingToAnUnalignedSizeZeroesTheRestOfThatPage() {
        int vmo = t.vmo(2 * PAGE, Kernel.VMO_RESIZABLE);
        assertEquals(Status.OK, t.kernel.vmoWrite(vmo, TestProcess.filled(2 * PAGE, 0x77), 0, 2 * PAGE));
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, 100));
        byte[] expected = new byte[PAGE];
        java.util.Arrays.fill(expected, 0, 100, (byte) 0x77);
        assertArrayEquals(expected, t.vmoBytes(vmo, 0, PAGE));
    }

    @Test
    void shrinkingUnderAMappingMakesItsTailOutOfRange() {
        int vmo = t.vmo(2 * PAGE, Kernel.VMO_RESIZABLE);
        long at = t.mapAt(0x10000, vmo, 0, 2 * PAGE, TestProcess.RW);
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, PAGE));
        assertEquals(Status.ERR_OUT_OF_RANGE, t.kernel.readMemory(t.process, at + PAGE, new byte[1], 1).status());
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, 2 * PAGE));
        assertArrayEquals(new byte[1], t.read(at + PAGE, 1));
    }

    @Test
    void writingCommitsOnlyTheTouchedPages() {
        int vmo = t.vmo(1L << 30);
        assertEquals(0, info(vmo).committedPages());
        assertEquals(Status.OK, t.kernel.vmoWrite(vmo, new byte[2], (1L << 29) + PAGE - 1, 2));
        assertEquals(2, info(vmo).committedPages());
    }

    @Test
    void objectSetNameNamesTheVmoInTheMaps() {
        int vmo = t.vmo(PAGE);
        assertEquals(Status.OK, t.kernel.objectSetName(vmo, "heap"));
        long at = t.mapAt(0x10000, vmo, 0, PAGE, TestProcess.RW);
        MapEntry e = t.kernel.processMaps(t.process).entries().stream()
                .filter(m -> m.isMapping() && m.base() == at).findFirst().orElseThrow();
        assertEquals("heap", e.name());
        assertEquals(Status.ERR_ACCESS_DENIED,
                t.kernel.objectSetName(t.withRights(vmo, Rights.READ), "other"));
    }
}
