package memscope.model;

import static memscope.model.TestProcess.BASE;
import static memscope.model.TestProcess.PAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several threads writing at once lose no bytes and never see or leave a torn write. */
class ConcurrentWriteTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 400;

    private TestProcess t;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
        pool = Executors.newFixedThreadPool(THREADS + 2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** Runs {@code task(thread)} on every thread, released together, and rethrows the first failure. */
    private void runTogether(int threads, ThreadTask task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int id = i;
            done.add(pool.submit((Callable<Void>) () -> {
                start.await();
                task.run(id);
                return null;
            }));
        }
        start.countDown();
        for (Future<Void> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    interface ThreadTask {
        void run(int thread) throws Exception;
    }

    @Test
    void disjointInterleavedWritesAllLand() throws Exception {
        // thread i owns every 8th 64-byte slot; slots straddle page boundaries too
        int slot = 64;
        int slots = 4 * PAGE / slot;
        int vmo = t.mappedVmo(0x10000, 4);
        long base = BASE + 0x10000 + 32;
        runTogether(THREADS, id -> {
            for (int round = 0; round < ROUNDS / 8; round++) {
                for (int s = id; s < slots - 1; s += THREADS) {
                    byte[] data = TestProcess.filled(slot, id * 16 + round % 16);
                    assertEquals(new IoResult(Status.OK, slot), t.write(base + (long) s * slot, data));
                }
            }
        });
        byte[] all = t.vmoBytes(vmo, 32, (slots - 1) * slot);
        int last = (ROUNDS / 8 - 1) % 16;
        for (int s = 0; s < slots - 1; s++) {
            int owner = s % THREADS;
            for (int i = 0; i < slot; i++) {
                assertEquals((byte) (owner * 16 + last), all[s * slot + i], "slot " + s + " byte " + i);
            }
        }
    }

    @Test
    void overlappingWritesAreNeverTorn() throws Exception {
        // every thread rewrites the same 1 MiB range with its own byte; each write must land whole. Large writes
        // keep the copy window wide enough that unsynchronised writers would interleave.
        int length = 256 * PAGE;
        int vmo = t.mappedVmo(0x10000, 257);
        long at = BASE + 0x10000 + 100;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong tornReads = new AtomicLong();
        Future<?> reader = pool.submit(() -> {
            byte[] b = new byte[length];
            while (!stop.get()) {
                t.kernel.readMemory(t.process, at, b, length);
                if (!uniform(b)) {
                    tornReads.incrementAndGet();
                }
            }
        });
        runTogether(THREADS, id -> {
            byte[] mine = TestProcess.filled(length, id + 1);
            for (int round = 0; round < ROUNDS / 8; round++) {
                assertEquals(new IoResult(Status.OK, length), t.write(at, mine));
            }
        });
        stop.set(true);
        reader.get(10, TimeUnit.SECONDS);
        byte[] finalBytes = t.vmoBytes(vmo, 100, length);
        assertTrue(uniform(finalBytes), "the final contents mix two writers");
        assertTrue(finalBytes[0] >= 1 && finalBytes[0] <= THREADS);
        assertEquals(0, tornReads.get(), "a reader saw a half-done write");
    }

    @Test
    void overlappingOffsetWritesLeaveEachBlockToOneFinalWriter() throws Exception {
        // thread i writes [i*1000, i*1000 + 3000) with (i, round) bytes: neighbours overlap. Every write is
        // atomic, so each 1000-byte block ends up holding exactly one covering thread's last round, whole.
        int step = 1000;
        int span = 3 * step;
        int rounds = ROUNDS / 4;
        int vmo = t.mappedVmo(0x10000, 8);
        long base = BASE + 0x10000;
        runTogether(THREADS, id -> {
            for (int round = 0; round < rounds; round++) {
                byte value = (byte) (id * 32 + round % 32);
                assertEquals(Status.OK, t.write(base + (long) id * step, TestProcess.filled(span, value)).status());
            }
        });
        byte[] all = t.vmoBytes(vmo, 0, (THREADS + 2) * step);
        for (int block = 0; block < THREADS + 2; block++) {
            byte[] bytes = java.util.Arrays.copyOfRange(all, block * step, (block + 1) * step);
            assertTrue(uniform(bytes), "block " + block + " mixes writers");
            List<Byte> finals = new ArrayList<>();
            for (int writer = Math.max(0, block - 2); writer <= Math.min(THREADS - 1, block); writer++) {
                finals.add((byte) (writer * 32 + (rounds - 1) % 32));
            }
            assertTrue(finals.contains(bytes[0]), "block " + block + " holds " + bytes[0] + ", not one of "
                    + finals);
        }
    }

    @Test
    void writersOnDifferentVmosRunAlongsideMapChanges() throws Exception {
        // half the threads write their own VMO, the others map and unmap elsewhere; no write is lost
        int writers = THREADS / 2;
        int[] vmos = new int[writers];
        for (int i = 0; i < writers; i++) {
            vmos[i] = t.mappedVmo(0x10000 + (long) i * 4 * PAGE, 2);
        }
        int scratch = t.vmo(PAGE);
        runTogether(THREADS, id -> {
            if (id < writers) {
                long at = BASE + 0x10000 + (long) id * 4 * PAGE;
                for (int round = 0; round < ROUNDS; round++) {
                    byte[] data = TestProcess.filled(2 * PAGE, round);
                    assertEquals(new IoResult(Status.OK, 2 * PAGE), t.write(at, data));
                }
            } else {
                for (int round = 0; round < ROUNDS / 4; round++) {
                    MapResult m = t.kernel.vmarMap(t.root, TestProcess.RW, 0, scratch, 0, PAGE);
                    assertEquals(Status.OK, m.status());
                    assertEquals(Status.OK, t.kernel.vmarUnmap(t.root, m.address(), PAGE));
                }
            }
        });
        for (int i = 0; i < writers; i++) {
            assertArrayEquals(TestProcess.filled(2 * PAGE, ROUNDS - 1), t.vmoBytes(vmos[i], 0, 2 * PAGE));
        }
    }

    private static boolean uniform(byte[] b) {
        for (byte x : b) {
            if (x != b[0]) {
                return false;
            }
        }
        return true;
    }
}
