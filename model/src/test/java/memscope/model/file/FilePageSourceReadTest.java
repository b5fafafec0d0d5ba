package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long read of a file's bytes goes through each thread's staging buffer in pieces: every piece lands at its
 * place in the caller's array, bytes past the file's length read as zeros, and a file cut short fails the read.
 */
class FilePageSourceReadTest {
    @TempDir
    Path dir;

    @Test
    void aReadLongerThanTheStagingBufferLandsByteExactAtAnOffset() throws Exception {
        byte[] content = new byte[3 * FilePageSource.STAGE + 12_345];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("data.bin"), content);
        try (FilePageSource source = FilePageSource.open(file)) {
            int offset = 4097;
            int length = content.length - offset + 5_000; // runs past the end: zeros there
            byte[] dst = new byte[length + 3];
            Arrays.fill(dst, (byte) 0x77);
            source.read(offset, dst, 3, length);
            byte[] expected = new byte[length + 3];
            expected[0] = expected[1] = expected[2] = 0x77;
            System.arraycopy(content, offset, expected, 3, content.length - offset);
            assertArrayEquals(expected, dst);
            // another thread has a staging buffer of its own
            byte[] other = CompletableFuture.supplyAsync(() -> {
                byte[] b = new byte[FilePageSource.STAGE + 1];
                source.read(1, b, 0, b.length);
                return b;
            }).get();
            assertArrayEquals(Arrays.copyOfRange(content, 1, FilePageSource.STAGE + 2), other);
        }
    }

    @Test
    void aFileCutShortFailsTheReadNamingThePage() throws IOException {
        byte[] content = new byte[2 * FilePageSource.STAGE];
        Path file = Files.write(dir.resolve("cut.bin"), content);
        try (FilePageSource source = FilePageSource.open(file)) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(FilePageSource.STAGE + 100);
            }
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> source.read(0, new byte[content.length], 0, content.length));
            assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
            byte[] head = new byte[FilePageSource.STAGE];
            source.read(0, head, 0, head.length); // what is still there reads
        }
    }
}
