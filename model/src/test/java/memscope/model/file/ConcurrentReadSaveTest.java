package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.Status;

/** Readers on other threads keep seeing the right bytes while saves swap the file under the VMO. */
class ConcurrentReadSaveTest {
    private static final int PAGES = 64;

    @TempDir
    Path dir;

    @Test
    void readsDuringSavesSeeTheFileUnchanged() throws Exception {
        byte[] content = FileDocumentTest.randomBytes(PAGES * Kernel.PAGE_SIZE, 20);
        Path file = Files.write(dir.resolve("shared.bin"), content);
        List<Throwable> problems = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        // the saves begin once every reader has read: started threads on a loaded machine (or saves quick on
        // tmpfs) could otherwise find all saves done before a reader ran, and "the readers ran" fail
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(3);
        try (FileDocument doc = FileDocument.open(file)) {
            Runnable reader = () -> {
                byte[] buf = new byte[Kernel.PAGE_SIZE];
                boolean counted = false;
                try {
                    while (!done.get()) {
                        int page = 1 + ThreadLocalRandom.current().nextInt(PAGES - 1); // page 0 is being edited
                        IoResult r = doc.kernel().readMemory(doc.processHandle(),
                                doc.baseAddress() + (long) page * Kernel.PAGE_SIZE, buf, buf.length);
                        assertEquals(new IoResult(Status.OK, buf.length), r);
                        int from = page * Kernel.PAGE_SIZE;
                        assertArrayEquals(Arrays.copyOfRange(content, from, from + buf.length), buf, "page " + page);
                        reads.incrementAndGet();
                        if (!counted) {
                            counted = true;
                            reading.countDown();
                        }
                    }
                } catch (Throwable t) {
                    problems.add(t);
                    if (!counted) {
                        reading.countDown();
                    }
                }
            };
            Thread[] readers = {new Thread(reader), new Thread(reader), new Thread(reader)};
            for (Thread t : readers) {
                t.start();
            }
            assertTrue(reading.await(60, java.util.concurrent.TimeUnit.SECONDS), "the readers started");
            for (int i = 0; i < 15; i++) {
                content[i] = (byte) i;
                assertEquals(Status.OK, FileDocumentTest.write(doc, i, (byte) i).status());
                SaveResult r = doc.save(SaveOptions.DEFAULT);
                assertTrue(r.saved(), r.message());
            }
            done.set(true);
            for (Thread t : readers) {
                t.join(10_000);
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(reads.get() > 0, "the readers ran");
        assertArrayEquals(content, Files.readAllBytes(file));
    }
}
