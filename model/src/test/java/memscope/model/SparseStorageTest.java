package memscope.model;

import static memscope.model.TestProcess.PAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

/**
 * VMO storage is sparse: a page costs heap only once written. Measured, not assumed: the heap after a full GC,
 * before and after creating and mapping tebibyte VMOs.
 */
class SparseStorageTest {
    private static final long TEBIBYTE = 1L << 40;
    /** 100 fit one per tebibyte in a 128 TiB address space; 1000 in all make the cost stand out of GC noise. */
    private static final int PER_PROCESS = 100;
    private static final int PROCESSES = 10;

    @Test
    void aMappedUntouchedTebibyteVmoCostsWellUnderAMebibyte() {
        warmUp();
        TestProcess first = TestProcess.boot();
        TestProcess[] processes = new TestProcess[PROCESSES];
        int lastVmo = 0;
        long before = usedHeapAfterGc();
        for (int p = 0; p < PROCESSES; p++) {
            processes[p] = p == 0 ? first : first.sibling("p" + p);
            for (int i = 0; i < PER_PROCESS; i++) {
                lastVmo = processes[p].vmo(TEBIBYTE);
                processes[p].mapAt((i + 1) * TEBIBYTE, lastVmo, 0, TEBIBYTE, TestProcess.RW);
            }
        }
        long after = usedHeapAfterGc();
        int count = PROCESSES * PER_PROCESS;
        long perVmo = (after - before) / count;
        System.out.printf("heap per mapped, untouched 1 TiB VMO: %d bytes (%d VMOs in %d processes, %d bytes in"
                + " all, processes included)%n", perVmo, count, PROCESSES, after - before);
        assertTrue(perVmo < 64 * 1024, "a mapped 1 TiB VMO cost " + perVmo + " bytes of heap");
        // the objects must still be alive, or the measurement measured nothing
        assertEquals(TEBIBYTE, first.kernel.inspector().vmo(first.koidOf(lastVmo)).orElseThrow().size());
        for (TestProcess p : processes) {
            assertEquals(PER_PROCESS + 2, first.kernel.processMaps(p.process).entries().size(),
                    "root + vDSO + mappings");
        }
    }

    @Test
    void readingAnywhereCommitsNothingAndWritingCommitsOnlyThatPage() {
        TestProcess t = TestProcess.boot();
        int vmo = t.vmo(TEBIBYTE);
        long at = t.mapAt(TEBIBYTE, vmo, 0, TEBIBYTE, TestProcess.RW);
        long end = at + TEBIBYTE;
        assertArrayEquals(new byte[2 * PAGE], t.read(end - 2 * PAGE, 2 * PAGE));
        assertArrayEquals(new byte[PAGE], t.read(at + TEBIBYTE / 2, PAGE));
        assertEquals(0, committed(t, vmo));
        assertEquals(new IoResult(Status.OK, 4), t.write(end - 4, new byte[] {1, 2, 3, 4}));
        assertEquals(new IoResult(Status.OK, 1), t.write(at, new byte[] {5}));
        assertEquals(2, committed(t, vmo));
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4}, t.read(end - 5, 5));
    }

    private static int committed(TestProcess t, int vmo) {
        return t.kernel.inspector().vmo(t.koidOf(vmo)).orElseThrow().committedPages();
    }

    /** Runs the measured path once first, so one-time initialisation is not counted against the VMOs. */
    private static void warmUp() {
        TestProcess t = TestProcess.boot();
        for (int i = 0; i < 3; i++) {
            t.mapAt((i + 1) * TEBIBYTE, t.vmo(TEBIBYTE), 0, TEBIBYTE, TestProcess.RW);
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] readings = new long[3];
        for (int i = 0; i < readings.length; i++) {
            System.gc();
            readings[i] = memory.getHeapMemoryUsage().getUsed();
        }
        java.util.Arrays.sort(readings);
        return readings[1];
    }
}
