package memscope.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.SplittableRandom;
import memscope.model.BootOptions;
import memscope.model.History;
import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.Sessions;
import memscope.model.Status;
import memscope.model.VmOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loaded history has the page checkpoints the recording one had (sessions do not save them; loading rebuilds
 * them), so going back after a load costs what it costs live, and every moment reads the same.
 */
class HistoryLoadTest {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;

    @TempDir
    Path dir;

    @Test
    void aLoadedHistoryHasTheCheckpointsOfTheRecordedOneAndTheSameMoments() throws Exception {
        Kernel live = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult p = live.processCreate("app");
        int vmo = live.vmoCreate(4 * PAGE, 0).handle();
        long base = live.vmarMap(p.rootVmar(), RW, 0, vmo, 0, 4 * PAGE).address();
        long processKoid = live.inspector().handle(p.process()).orElseThrow().koid();
        live.history().start();
        long first = live.history().now();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 1_500; i++) {
            // small writes all over page 0 (checkpoints by count), whole pages on 1 and 2 (by bytes), some across
            int size = i % 5 == 0 ? PAGE : 1 + r.nextInt(24);
            long offset = size == PAGE ? PAGE * (1 + r.nextInt(2)) + (i % 2) * 100 : r.nextInt(PAGE - size);
            byte[] data = new byte[size];
            r.nextBytes(data);
            assertEquals(Status.OK, live.writeMemory(p.process(), base + offset, data, size).status());
        }
        Path file = dir.resolve("s.msession");
        Sessions.save(live, file);
        Kernel loaded = Sessions.load(file);
        History was = live.history();
        History is = loaded.history();
        // the estimate counts every checkpoint (a page each): without them the loaded history was 21 pages lighter
        assertEquals(was.bytes(), is.bytes(), PAGE / 2.0);
        byte[] then = new byte[4 * PAGE];
        byte[] now = new byte[4 * PAGE];
        for (long at = first; at <= was.now(); at += 7) {
            assertEquals(then.length, was.at(at).orElseThrow().peek(processKoid, base, then));
            assertEquals(now.length, is.at(at).orElseThrow().peek(processKoid, base, now));
            assertArrayEquals(then, now, "moment #" + at);
        }
    }
}
