package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.IoResult;
import memscope.model.Status;

/** Files past 2 GiB, made sparse so the test is quick and small on disk. */
class LargeFileTest {
    private static final long TWO_GIB = 1L << 31;

    @TempDir
    Path dir;

    @Test
    void aSparseFileOverTwoGibRoundTripsByteExact() throws IOException {
        Path file = dir.resolve("big.img");
        long length = TWO_GIB + 3 * 4096 + 123; // not page aligned
        long[] markers = {0, TWO_GIB - 3, TWO_GIB + 5000, length - 4};
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
            for (long at : markers) {
                raf.seek(at);
                raf.write(new byte[] {(byte) 0xa1, (byte) 0xa2, (byte) 0xa3, (byte) 0xa4});
            }
        }
        long[] edits = {TWO_GIB - 2, length - 1, 777};
        try (FileDocument doc = FileDocument.open(file)) {
            assertEquals(length, doc.length());
            byte[] around = FileDocumentTest.read(doc, TWO_GIB - 3, 4);
            assertArrayEquals(new byte[] {(byte) 0xa1, (byte) 0xa2, (byte) 0xa3, (byte) 0xa4}, around);
            for (long at : edits) {
                assertEquals(new IoResult(Status.OK, 1), FileDocumentTest.write(doc, at, (byte) 0x5e));
            }
            SaveResult r = doc.save(SaveOptions.DEFAULT);
            assertTrue(r.saved(), r.message());
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            assertEquals(length, raf.length());
            for (long at : markers) {
                byte[] b = new byte[4];
                raf.seek(at);
                raf.readFully(b);
                for (int i = 0; i < 4; i++) {
                    long pos = at + i;
                    byte expected = contains(edits, pos) ? 0x5e : (byte) (0xa1 + i);
                    assertEquals(expected, b[i], "byte at " + pos);
                }
            }
            raf.seek(777);
            assertEquals(0x5e, raf.read());
            raf.seek(776);
            assertEquals(0, raf.read());
            raf.seek(TWO_GIB + 4096 * 2);
            assertEquals(0, raf.read(), "holes stay zeros");
        }
    }

    @Test
    void aFiveGibFileOpensLazily() throws IOException {
        Path file = dir.resolve("huge.img");
        long length = 5L << 30;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
            raf.seek(length - 8);
            raf.write("tail-end".getBytes());
        }
        try (FileDocument doc = FileDocument.open(file)) {
            assertEquals(length, doc.length());
            assertArrayEquals("tail-end".getBytes(), FileDocumentTest.read(doc, length - 8, 8));
            assertArrayEquals(new byte[16], FileDocumentTest.read(doc, 3L << 30, 16));
            assertEquals(0, doc.kernel().inspector().committedPages(doc.vmoKoid()).length,
                    "reading commits nothing: the heap does not grow with the file");
        }
    }

    private static boolean contains(long[] a, long v) {
        for (long x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
