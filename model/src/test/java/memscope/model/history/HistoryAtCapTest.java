package memscope.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import memscope.model.BootOptions;
import memscope.model.History;
import memscope.model.Kernel;
import memscope.model.Moment;
import memscope.model.ProcessResult;
import memscope.model.Rights;
import memscope.model.Status;
import memscope.model.VmOptions;
import org.junit.jupiter.api.Test;

/**
 * A history that has reached its cap reuses the memory of the calls it drops (byte chunks and page checkpoints)
 * and still shows every retained moment exactly.
 */
class HistoryAtCapTest {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int PAGES = 8;
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
    private final ProcessResult p = kernel.processCreate("app");
    private final int vmo = kernel.vmoCreate(PAGES * PAGE, 0).handle();
    private final long base = kernel.vmarMap(p.rootVmar(), RW, 0, vmo, 0, PAGES * PAGE).address();
    private final long processKoid = kernel.inspector().handle(p.process()).orElseThrow().koid();
    private final History history = kernel.history();

    @Test
    void aHistoryAtItsCapAllocatesFarLessThanTheBytesItKeeps() {
        com.sun.management.ThreadMXBean threads = threads();
        assumeTrue(threads != null, "this JVM does not count allocated bytes");
        history.start();
        assertTrue(history.setCap(1 << 20));
        byte[][] payload = {new byte[PAGE], new byte[PAGE]};
        new SplittableRandom(1).nextBytes(payload[0]);
        new SplittableRandom(2).nextBytes(payload[1]);
        // fill the cap several times over, so that the measured writes run at the cap
        for (int i = 0; i < 2_000; i++) {
            assertEquals(Status.OK, kernel.writeMemory(p.process(), base + (i % PAGES) * PAGE, payload[(i / PAGES) & 1], PAGE).status());
        }
        int n = 2_000;
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < n; i++) {
            kernel.writeMemory(p.process(), base + (i % PAGES) * PAGE, payload[(i / PAGES + 1) & 1], PAGE);
        }
        long perWrite = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / n;
        // each write keeps 4 KiB; at the cap they go where dropped calls' bytes were (this was 5 KiB a write)
        assertTrue(perWrite < PAGE / 2, "allocated " + perWrite + " bytes per 4 KiB write at the cap");
        assertTrue(history.bytes() <= 1 << 20, "history " + history.bytes());
    }

    @Test
    void everyMomentAHistoryAtItsCapKeepsIsExact() {
        history.start();
        assertTrue(history.setCap(256 << 10));
        int readOnly = kernel.handleDuplicate(p.process(), Rights.READ).handle();
        SplittableRandom r = new SplittableRandom(7);
        List<long[]> moments = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        byte[] image = new byte[PAGES * PAGE];
        for (int i = 0; i < 3_000; i++) {
            // lengths from one byte to two pages, so that writes end everywhere in a chunk and cross pages
            int length = 1 + r.nextInt(i % 3 == 0 ? 2 * PAGE : 64);
            int offset = r.nextInt(PAGES * PAGE - length + 1);
            byte[] data = new byte[length];
            r.nextBytes(data);
            if (i % 11 == 0) {
                // refused: recorded as a mark, its bytes discarded
                assertEquals(Status.ERR_ACCESS_DENIED, kernel.writeMemory(readOnly, base + offset, data, length).status());
                continue;
            }
            assertEquals(Status.OK, kernel.writeMemory(p.process(), base + offset, data, length).status());
            System.arraycopy(data, 0, image, offset, length);
            moments.add(new long[] {history.now()});
            images.add(image.clone());
        }
        long horizon = history.horizon();
        assertTrue(horizon > moments.get(0)[0], "the cap dropped the oldest calls");
        int checked = 0;
        for (int i = 0; i < moments.size(); i++) {
            long at = moments.get(i)[0];
            if (at < horizon) {
                continue;
            }
            Moment m = history.at(at).orElseThrow();
            byte[] then = new byte[PAGES * PAGE];
            assertEquals(then.length, m.peek(processKoid, base, then));
            assertArrayEquals(images.get(i), then, "moment #" + at);
            checked++;
        }
        assertTrue(checked > 50, "only " + checked + " moments retained");
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            t.setThreadAllocatedMemoryEnabled(true);
            return t;
        }
        return null;
    }
}
