package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.Status;

/**
 * A thread interrupted while it reads closes the JDK's FileChannel for every thread. The source must shrug that
 * off: the interrupted read fails cleanly (or returns the right bytes) and its thread stays interrupted, and every
 * later read by another thread still returns the file's bytes. Setting the flag before the read makes the JDK close
 * the channel at once, so this is deterministic.
 */
class FilePageSourceInterruptTest {
    @TempDir
    Path dir;

    /** What a read made in a thread whose interrupt flag was set first did. */
    private record Interrupted(byte[] bytes, RuntimeException failure, boolean stillInterrupted) {
    }

    /** Runs {@code read} in a fresh thread interrupted before it starts; {@code read} returns what it read. */
    private static Interrupted readInterrupted(Supplier<byte[]> read) throws InterruptedException {
        AtomicReference<Interrupted> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            byte[] got = null;
            RuntimeException failure = null;
            try {
                got = read.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            result.set(new Interrupted(got, failure, Thread.currentThread().isInterrupted()));
        });
        t.start();
        t.join();
        return result.get();
    }

    /** The interrupted read either failed as a read failure or read exactly {@code expected}; never wrong bytes. */
    private static void assertCleanOrRight(byte[] expected, Interrupted r) {
        assertTrue(r.stillInterrupted(), "the interrupted thread must still see its interrupt");
        if (r.failure() == null) {
            assertArrayEquals(expected, r.bytes());
        } else {
            assertTrue(r.failure() instanceof UncheckedIOException, r.failure().toString());
        }
    }

    private static byte[] onAnotherThread(Supplier<byte[]> read) throws Exception {
        return CompletableFuture.supplyAsync(read).get();
    }

    @Test
    void anInterruptedReaderDoesNotBreakTheSourceForOtherThreads() throws Exception {
        byte[] content = new byte[5 * Kernel.PAGE_SIZE + 77];
        new Random(11).nextBytes(content);
        Path file = Files.write(dir.resolve("data.bin"), content);
        byte[] page1 = Arrays.copyOfRange(content, Kernel.PAGE_SIZE, 2 * Kernel.PAGE_SIZE);
        try (FilePageSource source = FilePageSource.open(file)) {
            Supplier<byte[]> readPage = () -> {
                byte[] page = new byte[Kernel.PAGE_SIZE];
                source.readPage(1, page);
                return page;
            };
            Supplier<byte[]> readAll = () -> {
                byte[] all = new byte[content.length];
                source.read(0, all, 0, all.length);
                return all;
            };
            Supplier<byte[]> readBuffer = () -> {
                ByteBuffer buf = ByteBuffer.allocate(content.length);
                try {
                    source.read(0, buf);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return buf.array();
            };

            assertCleanOrRight(page1, readInterrupted(readPage));
            assertArrayEquals(page1, onAnotherThread(readPage));

            assertCleanOrRight(content, readInterrupted(readAll));
            assertArrayEquals(content, onAnotherThread(readAll));

            assertCleanOrRight(content, readInterrupted(readBuffer));
            assertArrayEquals(content, onAnotherThread(readBuffer));
            assertArrayEquals(content, readAll.get()); // and on this thread too
        }
    }

    @Test
    void aLazySourceSurvivesAnInterruptedFirstRead() throws Exception {
        byte[] content = new byte[3 * Kernel.PAGE_SIZE];
        new Random(12).nextBytes(content);
        Path file = Files.write(dir.resolve("lazy.bin"), content);
        try (FilePageSource source = FilePageSource.lazy(file, content.length)) {
            Supplier<byte[]> readAll = () -> {
                byte[] all = new byte[content.length];
                source.read(0, all, 0, all.length);
                return all;
            };
            assertCleanOrRight(content, readInterrupted(readAll));
            assertArrayEquals(content, onAnotherThread(readAll));
        }
    }

    @Test
    void aDocumentStaysReadableAfterAnInterruptedReader() throws Exception {
        byte[] content = FileDocumentTest.randomBytes(4 * Kernel.PAGE_SIZE + 5, 13);
        Path file = Files.write(dir.resolve("doc.bin"), content);
        try (FileDocument doc = FileDocument.open(file)) {
            AtomicBoolean clean = new AtomicBoolean();
            Interrupted r = readInterrupted(() -> {
                byte[] out = new byte[content.length];
                IoResult res = doc.kernel().readMemory(doc.processHandle(), doc.baseAddress(), out, out.length);
                // a failed read reports a status; a successful one must hold the right bytes
                clean.set(res.status() != Status.OK || Arrays.equals(content, out));
                return out;
            });
            assertEquals(null, r.failure(), "a kernel read never throws");
            assertTrue(r.stillInterrupted());
            assertTrue(clean.get(), "the interrupted read returned wrong bytes");
            assertArrayEquals(content, onAnotherThread(() -> FileDocumentTest.read(doc, 0, content.length)));
        }
    }

    @Test
    void anotherFileAtThePathAfterTheInterruptFailsTheReadSayingSo() throws Exception {
        byte[] content = new byte[2 * Kernel.PAGE_SIZE];
        new Random(14).nextBytes(content);
        Path file = Files.write(dir.resolve("swapped.bin"), content);
        try (FilePageSource source = FilePageSource.open(file)) {
            Supplier<byte[]> readAll = () -> {
                byte[] all = new byte[content.length];
                source.read(0, all, 0, all.length);
                return all;
            };
            assertCleanOrRight(content, readInterrupted(readAll));
            Path other = Files.write(dir.resolve("other.bin"), new byte[content.length]);
            Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, readAll::get);
            assertTrue(e.getMessage().contains("swapped.bin"), e.getMessage());
            assertTrue(e.getMessage().contains("another file has taken its place"), e.getMessage());
        }
    }

    @Test
    void aFileGoneAfterTheInterruptFailsTheReadSayingSo() throws Exception {
        byte[] content = new byte[2 * Kernel.PAGE_SIZE];
        Path file = Files.write(dir.resolve("gone.bin"), content);
        try (FilePageSource source = FilePageSource.open(file)) {
            byte[] page = new byte[Kernel.PAGE_SIZE];
            assertCleanOrRight(page, readInterrupted(() -> {
                byte[] p = new byte[Kernel.PAGE_SIZE];
                source.readPage(0, p);
                return p;
            }));
            Files.delete(file);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> source.readPage(0, page));
            assertTrue(e.getMessage().contains("gone.bin"), e.getMessage());
            assertTrue(e.getMessage().contains("it no longer exists"), e.getMessage());
        }
    }
}
