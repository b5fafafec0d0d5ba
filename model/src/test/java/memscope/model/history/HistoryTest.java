package memscope.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import memscope.model.BootOptions;
import memscope.model.History;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.MapEntry;
import memscope.model.Moment;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.StructureChange;
import memscope.model.TaskFlavor;
import memscope.model.VmOptions;
import org.junit.jupiter.api.Test;

/** writersOf, diff, the cap and its horizon, checkpoints, and what recording costs. */
class HistoryTest {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
    private final ProcessResult p = kernel.processCreate("app");
    private final int vmo = kernel.vmoCreate(4 * PAGE, Kernel.VMO_RESIZABLE).handle();
    private final long base = kernel.vmarMap(p.rootVmar(), RW, 0, vmo, 0, 4 * PAGE).address();
    private final long vmoKoid = kernel.inspector().handle(vmo).orElseThrow().koid();
    private final long processKoid = kernel.inspector().handle(p.process()).orElseThrow().koid();
    private final History history = kernel.history();

    private long write(long offset, int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        assertEquals(Status.OK, kernel.writeMemory(p.process(), base + offset, b, b.length).status());
        return history.now();
    }

    private int byteAt(Moment m, long offset) {
        byte[] one = new byte[1];
        assertEquals(1, m.peek(processKoid, base + offset, one));
        return one[0] & 0xff;
    }

    @Test
    void writersOfListsEveryCallThatChangedTheByteWithBeforeAndAfter() {
        history.start();
        long first;
        try (History.Scope s = history.as(Caller.CONSOLE)) {
            first = write(10, 0x11, 0x22);
        }
        write(10, 0x11); // the value it already holds: no change
        int port = kernel.mach().taskForProcess(p.process(), TaskFlavor.CONTROL).port();
        kernel.mach().vmWrite(port, base + 9, new byte[] {1, 2, 3}, 3);
        long mach = history.now();
        write(200, 0x55); // elsewhere on the page

        List<Writer> w = history.writersOf(vmoKoid, 10);
        assertEquals(2, w.size(), w.toString());
        assertEquals(first, w.get(0).sequence());
        assertEquals(Caller.CONSOLE, w.get(0).step().caller());
        assertEquals("Zircon", w.get(0).step().personality());
        assertEquals(0x00, w.get(0).before());
        assertEquals(0x11, w.get(0).after());
        assertEquals(mach, w.get(1).sequence());
        assertEquals("Mach", w.get(1).step().personality());
        assertEquals(Caller.UNKNOWN, w.get(1).step().caller());
        assertEquals(0x11, w.get(1).before());
        assertEquals(0x02, w.get(1).after());
        assertEquals(List.of(), history.writersOf(vmoKoid, 11 + PAGE));
        assertEquals(List.of(), history.writersOf(vmoKoid + 1000, 10));
    }

    @Test
    void diffListsTheBytesThatDifferAndTheStructureChangedBetweenTwoMoments() {
        history.start();
        long start = history.now();
        long a = write(0, 1, 2, 3, 4);
        long b = write(1, 0); // byte 1 back to zero: relative to start, only bytes 0, 2, 3 differ
        int second = kernel.vmoCreate(PAGE, 0).handle();
        kernel.vmarMap(p.rootVmar(), RW | VmOptions.SPECIFIC, 0x200000, second, 0, PAGE);
        long mapped = history.now();

        Diff d = history.diff(start, mapped).orElseThrow();
        assertEquals(2, d.bytes().size(), d.toString());
        assertEquals(new ByteRange(vmoKoid, 0, 1, List.of(a, b)).offset(), d.bytes().get(0).offset());
        assertEquals(1, d.bytes().get(0).length());
        assertEquals(List.of(a), d.bytes().get(1).sequences());
        assertEquals(2, d.bytes().get(1).offset());
        assertEquals(2, d.bytes().get(1).length());
        assertTrue(d.structure().stream().anyMatch(c -> c.sequence() == mapped
                && c.change().kind() == StructureChange.Kind.MAPPING && c.change().koid() == processKoid));
        // either order, the same answer; a moment compared with itself differs in nothing
        assertEquals(d, history.diff(mapped, start).orElseThrow());
        assertTrue(history.diff(b, b).orElseThrow().isEmpty());
        assertEquals(List.of(new ByteRange(vmoKoid, 1, 1, List.of(b))), history.diff(a, b).orElseThrow().bytes());
        assertTrue(history.diff(start - 1, b).isEmpty(), "before the horizon");
    }

    @Test
    void theCapDropsTheOldestCallsAndMovesTheHorizon() {
        history.start();
        long start = history.horizon();
        assertFalse(history.setCap(100), "a cap below a page");
        assertEquals(History.DEFAULT_CAP, history.cap());
        assertTrue(history.setCap(64 * 1024));
        long[] after = new long[2000];
        for (int i = 0; i < after.length; i++) {
            after[i] = write((i * 7L) % (4 * PAGE - 8), i & 0xff, 0, 0, 0, 0, 0, 0, 0x5a);
        }
        assertTrue(history.bytes() <= 64 * 1024, "within the cap: " + history.bytes());
        long horizon = history.horizon();
        assertTrue(horizon > start, "the horizon moved up");
        assertTrue(history.at(start).isEmpty(), "a dropped moment is gone");
        assertTrue(history.at(horizon - 1).isEmpty());
        assertTrue(history.steps().get(0).sequence() > horizon);
        // what is left is right: each retained moment shows the byte its own write put there
        for (int i = 0; i < after.length; i++) {
            if (after[i] >= horizon) {
                assertEquals(i & 0xff, byteAt(history.at(after[i]).orElseThrow(), (i * 7L) % (4 * PAGE - 8)),
                        "after write " + i);
            }
        }
    }

    @Test
    void aPageWrittenThousandsOfTimesIsRebuiltFromItsCheckpoints() {
        history.start();
        long[] after = new long[3000];
        for (int i = 0; i < after.length; i++) {
            after[i] = write(i % 64, i & 0xff, (i >> 8) & 0xff);
        }
        for (int i = 0; i < after.length; i += 37) {
            Moment m = history.at(after[i]).orElseThrow();
            assertEquals(i & 0xff, byteAt(m, i % 64), "after write " + i);
            assertEquals((i >> 8) & 0xff, byteAt(m, i % 64 + 1), "after write " + i);
        }
    }

    @Test
    void aOneByteEditCostsBytesNotPagesAndUntouchedFilePagesCostNothing() {
        long size = 1L << 30;
        int file = kernel.vmoCreateBacked(size, (index, page) -> java.util.Arrays.fill(page, (byte) index),
                "big.bin").handle();
        long at = kernel.vmarMap(p.rootVmar(), RW, 0, file, 0, size).address();
        history.start();
        long empty = history.bytes();
        assertEquals(Status.OK, kernel.writeMemory(p.process(), at + 5 * PAGE + 3, new byte[] {9}, 1).status());
        long oneByte = history.bytes() - empty;
        assertTrue(oneByte < 256, "a 1-byte edit costs " + oneByte + " bytes");
        Moment before = history.at(history.horizon()).orElseThrow();
        byte[] b = new byte[2];
        assertEquals(2, before.peek(processKoid, at + 5 * PAGE + 2, b));
        assertArrayEquals(new byte[] {5, 5}, b, "the file's bytes before the edit");
        assertEquals(2, history.at(history.now()).orElseThrow().peek(processKoid, at + 5 * PAGE + 2, b));
        assertArrayEquals(new byte[] {5, 9}, b, "and after it");
    }

    @Test
    void refusedCallsAreMarksThatChangeNothing() {
        history.start();
        assertEquals(Status.ERR_NOT_FOUND, kernel.writeMemory(p.process(), 0x10, new byte[1], 1).status());
        List<Step> steps = history.steps();
        assertEquals(1, steps.size());
        assertTrue(steps.get(0).refused());
        assertFalse(steps.get(0).wroteBytes());
        assertEquals("zx_process_write_memory", steps.get(0).name());
    }

    @Test
    void shrinkingAndKillingGoBackToTheBytesAndMapsBeforeThem() {
        history.start();
        long written = write(2 * PAGE + 5, 7, 7, 7);
        List<MapEntry> maps = kernel.processMaps(p.process()).entries();
        assertEquals(Status.OK, kernel.vmoSetSize(vmo, PAGE));
        assertEquals(Status.OK, kernel.vmoSetSize(vmo, 4 * PAGE));
        assertEquals(Status.OK, kernel.taskKill(p.process()));
        Moment then = history.at(written).orElseThrow();
        assertEquals(7, byteAt(then, 2 * PAGE + 6));
        assertEquals(maps, then.maps(processKoid));
        assertTrue(then.process(processKoid).orElseThrow().alive());
        Moment now = history.at(history.now()).orElseThrow();
        assertFalse(now.process(processKoid).orElseThrow().alive());
        assertEquals(List.of(), now.maps(processKoid));
        assertEquals(List.of(new KernelInspector.ProcessInfo(processKoid, "app", false)), now.processes());
    }

    @Test
    void notRecordingAnswersNothingAndStopForgets() {
        assertFalse(history.recording());
        write(0, 1);
        assertTrue(history.at(history.now()).isEmpty());
        assertEquals(List.of(), history.steps());
        history.start();
        long w = write(0, 2);
        assertEquals(1, history.writersOf(vmoKoid, 0).size());
        Moment m = history.at(w).orElseThrow();
        history.stop();
        assertEquals(List.of(), history.writersOf(vmoKoid, 0));
        assertEquals(0, m.peek(processKoid, base, new byte[1]), "a moment of a forgotten history reads nothing");
        assertEquals(0, history.bytes());
    }
}
