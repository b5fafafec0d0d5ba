package memscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A write that covers a written page whole hands the VMO's page to the history instead of copying it; partial
 * writes keep only their bytes, and a page that reads from its source is copied.
 */
class PageHandOverTest {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
    private final ProcessResult p = kernel.processCreate("app");
    private final int handle = kernel.vmoCreate(4 * PAGE, 0).handle();
    private final long base = kernel.vmarMap(p.rootVmar(), RW, 0, handle, 0, 4 * PAGE).address();
    private final VmObject vmo = kernel.state().vmo(handle, 0);
    private final History history = kernel.history();

    private static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private void write(long offset, byte[] data) {
        assertEquals(Status.OK, kernel.writeMemory(p.process(), base + offset, data, data.length).status());
    }

    @Test
    void aWholePageWriteGivesTheOldPageToTheHistory() {
        byte[] first = random(1, PAGE);
        write(PAGE, first);
        history.start();
        byte[] held = vmo.pages().writtenPage(1);
        byte[] second = random(2, PAGE);
        write(PAGE, second);
        assertNotSame(held, vmo.pages().writtenPage(1), "the VMO got a fresh page");
        List<ByteDelta> writes = history.byteJournal().writesOf(vmo.koid, 1);
        assertEquals(1, writes.size());
        assertSame(held, writes.get(0).store, "the history kept the old page, not a copy");
        assertArrayEquals(first, held, "the page it kept is untouched");
        assertEquals(ByteJournal.DELTA_OVERHEAD + PAGE, history.byteJournal().bytes());
        byte[] then = new byte[PAGE];
        assertTrue(history.at(history.now() - 1).orElseThrow().readVmo(vmo.koid, PAGE, then));
        assertArrayEquals(first, then);
    }

    @Test
    void aPartialWriteKeepsOnlyItsBytesAndLeavesThePageInPlace() {
        write(0, random(1, PAGE));
        history.start();
        byte[] held = vmo.pages().writtenPage(0);
        write(100, new byte[] {(byte) ~held[100]});
        assertSame(held, vmo.pages().writtenPage(0));
        assertEquals(ByteJournal.DELTA_OVERHEAD + 1, history.byteJournal().bytes());
    }

    @Test
    void aPartialWriteOfWhatIsThereKeepsNothing() {
        byte[] data = random(1, PAGE);
        write(0, data);
        history.start();
        byte[] held = vmo.pages().writtenPage(0);
        write(100, Arrays.copyOfRange(data, 100, 200));
        assertSame(held, vmo.pages().writtenPage(0));
        assertEquals(0, history.byteJournal().bytes());
    }

    @Test
    void aWholePageWriteOfWhatIsThereChangesHandsUnreadAndReadersSeeNoChange() {
        byte[] data = random(1, PAGE);
        write(0, data);
        history.start();
        long start = history.now();
        byte[] held = vmo.pages().writtenPage(0);
        write(0, data.clone());
        // the old page is not compared with the new bytes (that read cost a quarter of a write out of the cache)
        assertNotSame(held, vmo.pages().writtenPage(0));
        assertEquals(ByteJournal.DELTA_OVERHEAD + PAGE, history.byteJournal().bytes());
        for (long at : new long[] {0, 1, PAGE / 2, PAGE - 1}) {
            assertEquals(List.of(), history.writersOf(vmo.koid, at), "byte " + at);
        }
        assertTrue(history.diff(start, history.now()).orElseThrow().bytes().isEmpty());
    }

    @Test
    void writersOfAWholePageWriteNamesItOnlyForTheBytesItChanged() {
        byte[] data = random(1, PAGE);
        write(0, data);
        history.start();
        byte[] next = data.clone();
        next[10] ^= 1;
        next[20] ^= 2;
        write(0, next);
        long wrote = history.now();
        assertEquals(List.of(wrote + ": " + (data[10] & 0xff) + " -> " + (next[10] & 0xff)), writers(10));
        assertEquals(List.of(wrote + ": " + (data[20] & 0xff) + " -> " + (next[20] & 0xff)), writers(20));
        for (long at : new long[] {0, 9, 11, 19, 21, PAGE - 1}) {
            assertEquals(List.of(), writers(at), "byte " + at + " kept its value");
        }
    }

    @Test
    void aDiffNamesAWholePageWriteOnlyWhereItChangedBytes() {
        byte[] data = random(1, PAGE);
        write(0, data);
        history.start();
        long start = history.now();
        byte[] next = data.clone();
        for (int i = 10; i < 20; i++) {
            next[i] ^= 1;
        }
        write(0, next);
        long whole = history.now();
        write(0, next.clone()); // changes nothing
        write(100, new byte[] {(byte) ~next[100]});
        long edit = history.now();
        List<memscope.model.history.ByteRange> ranges = history.diff(start, edit).orElseThrow().bytes();
        assertEquals(2, ranges.size(), ranges.toString());
        assertEquals(10, ranges.get(0).offset());
        assertEquals(10, ranges.get(0).length());
        assertEquals(List.of(whole), ranges.get(0).sequences());
        assertEquals(100, ranges.get(1).offset());
        assertEquals(List.of(edit), ranges.get(1).sequences(), "the whole-page writes left byte 100 as it was");
    }

    @Test
    void aDiffWalksBackOverEveryWriteOfThePageToFindWhatEachWholePageWriteChanged() {
        byte[] d0 = random(1, PAGE);
        write(0, d0);
        history.start();
        long start = history.now();
        byte[] d1 = d0.clone();
        for (int i = 0; i < 10; i++) {
            d1[i] ^= 1;
        }
        write(0, d1);
        long w1 = history.now();
        write(50, new byte[] {(byte) ~d1[50]});
        long edit = history.now();
        byte[] d3 = d1.clone(); // byte 50 back to what it was, bytes 100 to 109 new
        for (int i = 100; i < 110; i++) {
            d3[i] ^= 1;
        }
        write(0, d3);
        long w2 = history.now();
        write(0, d3.clone()); // changes nothing
        long w3 = history.now();
        assertEquals(List.of("[0, 10] " + List.of(w1), "[100, 10] " + List.of(w2)), ranges(start, w3));
        assertEquals(List.of("[50, 1] " + List.of(edit)), ranges(w1, edit));
        assertEquals(List.of("[50, 1] " + List.of(w2), "[100, 10] " + List.of(w2)), ranges(edit, w3));
    }

    private List<String> ranges(long a, long b) {
        return history.diff(a, b).orElseThrow().bytes().stream()
                .map(r -> "[" + r.offset() + ", " + r.length() + "] " + r.sequences()).toList();
    }

    private List<String> writers(long at) {
        return history.writersOf(vmo.koid, at).stream()
                .map(w -> w.step().sequence() + ": " + w.before() + " -> " + w.after()).toList();
    }

    @Test
    void aPageNeverWrittenIsCopiedFromItsSource() {
        history.start();
        byte[] data = random(3, PAGE);
        write(2 * PAGE, data);
        List<ByteDelta> writes = history.byteJournal().writesOf(vmo.koid, 2);
        assertEquals(1, writes.size());
        assertTrue(!writes.get(0).ownsPage);
        byte[] then = new byte[PAGE];
        assertTrue(history.at(history.now() - 1).orElseThrow().readVmo(vmo.koid, 2 * PAGE, then));
        assertArrayEquals(new byte[PAGE], then);
    }

    @Test
    void aStraddlingWriteHandsOverOnlyThePagesItCoversWhole() {
        write(0, random(1, 4 * PAGE));
        history.start();
        byte[][] held = {vmo.pages().writtenPage(0), vmo.pages().writtenPage(1), vmo.pages().writtenPage(2)};
        byte[][] before = {held[0].clone(), held[1].clone(), held[2].clone()};
        write(PAGE / 2, random(4, 2 * PAGE));
        assertSame(held[0], vmo.pages().writtenPage(0), "the head page is only partly written");
        assertNotSame(held[1], vmo.pages().writtenPage(1), "the middle page is written whole");
        assertSame(held[2], vmo.pages().writtenPage(2), "the tail page is only partly written");
        assertSame(held[1], history.byteJournal().writesOf(vmo.koid, 1).get(0).store);
        byte[] then = new byte[3 * PAGE];
        assertTrue(history.at(history.now() - 1).orElseThrow().readVmo(vmo.koid, 0, then));
        assertArrayEquals(before[0], Arrays.copyOfRange(then, 0, PAGE));
        assertArrayEquals(before[1], Arrays.copyOfRange(then, PAGE, 2 * PAGE));
        assertArrayEquals(before[2], Arrays.copyOfRange(then, 2 * PAGE, 3 * PAGE));
    }

    @Test
    void aShrinkGivesThePagesItDropsToTheHistoryAndCopiesOnlyTheTailItZeroes() {
        int sized = kernel.vmoCreate(4 * PAGE, Kernel.VMO_RESIZABLE).handle();
        VmObject v = kernel.state().vmo(sized, 0);
        byte[] before = random(7, 4 * PAGE);
        assertEquals(Status.OK, kernel.vmoWrite(sized, before, 0, before.length));
        history.start();
        byte[][] held = {v.pages().writtenPage(1), v.pages().writtenPage(2), v.pages().writtenPage(3)};
        assertEquals(Status.OK, kernel.vmoSetSize(sized, PAGE + 100));
        assertTrue(held[0] == v.pages().writtenPage(1), "the page the new end falls in stays the VMO's");
        for (int page = 2; page < 4; page++) {
            List<ByteDelta> writes = history.byteJournal().writesOf(v.koid, page);
            assertEquals(1, writes.size());
            assertTrue(held[page - 1] == writes.get(0).store, "the history kept dropped page " + page + ", not a copy");
            assertTrue(writes.get(0).ownsPage);
            assertArrayEquals(Arrays.copyOfRange(before, page * PAGE, (page + 1) * PAGE), held[page - 1]);
        }
        List<ByteDelta> tail = history.byteJournal().writesOf(v.koid, 1);
        assertEquals(PAGE - 100, tail.get(0).length, "only the zeroed tail is copied");
        assertEquals(3 * ByteJournal.DELTA_OVERHEAD + 2 * PAGE + PAGE - 100, history.byteJournal().bytes());
        long shrunk = history.now();
        assertEquals(Status.OK, kernel.vmoSetSize(sized, 4 * PAGE));
        byte[] now = new byte[4 * PAGE];
        assertEquals(Status.OK, kernel.vmoRead(sized, now, 0, now.length));
        byte[] expected = new byte[4 * PAGE];
        System.arraycopy(before, 0, expected, 0, PAGE + 100);
        assertArrayEquals(expected, now, "regrown, the VMO reads zeros past the old end");
        byte[] then = new byte[4 * PAGE];
        assertTrue(history.at(shrunk - 1).orElseThrow().readVmo(v.koid, 0, then));
        assertArrayEquals(before, then, "before the shrink, every byte as it was");
    }

    @Test
    void aPageThatChangesHandsIsItsOwnCheckpoint() {
        byte[] first = random(1, PAGE);
        write(0, first);
        history.start();
        byte[][] payload = {random(5, PAGE), random(6, PAGE)};
        long[] after = new long[64];
        for (int i = 0; i < after.length; i++) {
            write(0, payload[i & 1]);
            after[i] = history.now();
        }
        // a checkpoint is due every 16 whole-page writes (64 KiB): 3 in 64 writes, each only an entry
        assertEquals(64L * (ByteJournal.DELTA_OVERHEAD + PAGE) + 3 * ByteJournal.CHECKPOINT_OVERHEAD,
                history.byteJournal().bytes(), "no checkpoint copies a page");
        byte[] then = new byte[PAGE];
        assertTrue(history.at(after[0] - 1).orElseThrow().readVmo(vmo.koid, 0, then));
        assertArrayEquals(first, then);
        for (int i = 0; i < after.length; i++) {
            assertTrue(history.at(after[i]).orElseThrow().readVmo(vmo.koid, 0, then));
            assertArrayEquals(payload[i & 1], then, "after write " + i);
        }
    }

    @Test
    void theCapDropsAPageThatIsItsOwnCheckpointOnce() {
        write(0, random(1, PAGE));
        history.start();
        assertTrue(history.setCap(40 * PAGE));
        byte[][] payload = {random(5, PAGE), random(6, PAGE), random(7, PAGE)};
        long[] after = new long[300];
        for (int i = 0; i < after.length; i++) {
            write(0, payload[i % 3]);
            after[i] = history.now();
        }
        assertTrue(history.bytes() <= 40 * PAGE, "history " + history.bytes());
        // a page recycled twice would be both the VMO's and a kept one, or kept twice
        java.util.Set<byte[]> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (ByteDelta d : history.byteJournal().writesOf(vmo.koid, 0)) {
            assertTrue(kept.add(d.store), "a page kept twice");
            assertTrue(d.store != vmo.pages().writtenPage(0), "the VMO's page is also kept");
        }
        byte[] then = new byte[PAGE];
        for (int i = 0; i < after.length; i++) {
            if (after[i] >= history.horizon()) {
                assertTrue(history.at(after[i]).orElseThrow().readVmo(vmo.koid, 0, then));
                assertArrayEquals(payload[i % 3], then, "after write " + i);
            }
        }
    }

    @Test
    void theCapRecyclesDroppedPagesAsFreshOnes() {
        write(0, random(1, 4 * PAGE));
        history.start();
        assertTrue(history.setCap(16 * PAGE));
        byte[][] payload = {random(5, PAGE), random(6, PAGE)};
        for (int i = 0; i < 64; i++) {
            write((i % 4) * (long) PAGE, payload[(i / 4) & 1]);
        }
        assertTrue(history.bytes() <= 16 * PAGE, "history " + history.bytes());
        // a page the cap dropped comes back as the VMO's fresh page, so no array is both the VMO's and kept
        byte[] mine = vmo.pages().writtenPage(0);
        for (long page = 0; page < 4; page++) {
            for (ByteDelta d : history.byteJournal().writesOf(vmo.koid, page)) {
                for (long q = 0; q < 4; q++) {
                    assertNotSame(vmo.pages().writtenPage(q), d.store);
                }
            }
        }
        assertArrayEquals(payload[(63 / 4) & 1], mine);
    }
}
