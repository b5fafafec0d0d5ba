package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import com.code_intelligence.jazzer.junit.FuzzTest;

import memscope.model.Kernel;

/**
 * Any bytes left beside a file as its save journal: opening the file (recovery) never throws while the file is
 * writable, removes the journal, keeps the file's length, and changes the file only by whole pages when the
 * journal is sound. Each input is tried as it is and again with its checksum made right, so that the fuzzer
 * reaches the checks behind it. Seeds: {@code JournalFuzzTestInputs/recoverJournal/} ({@link #main} writes them).
 */
class JournalFuzzTest {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final String NAME = "target.bin";
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempDirectory("journal-fuzz").resolve(NAME);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void recoverJournal(byte[] input) throws IOException {
        recover(input);
        byte[] fixed = withRightChecksum(input);
        if (fixed != null) {
            recover(fixed);
        }
    }

    private static void recover(byte[] journal) throws IOException {
        byte[] before = original();
        Files.write(FILE, before);
        Path place = Journals.beside(FILE);
        Files.write(place, journal);
        JournalRecovery.recover(FILE);
        assertFalse(Files.exists(place), "the journal is gone after the open");
        byte[] after = Files.readAllBytes(FILE);
        assertEquals(before.length, after.length, "the file keeps its length");
        for (int p = 0; p < before.length / PAGE; p++) {
            // a page is either the original or wholly rewritten by a journal that named it
            boolean same = java.util.Arrays.equals(before, p * PAGE, (p + 1) * PAGE, after, p * PAGE, (p + 1) * PAGE);
            if (!same && !sound(journal)) {
                assertArrayEquals(before, after, "a refused journal changed page " + p);
            }
        }
    }

    /** Three pages of different values. */
    private static byte[] original() {
        byte[] b = new byte[3 * PAGE];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i / PAGE + 1);
        }
        return b;
    }

    /** Whether the journal's checksum is right: the first condition of applying it. */
    private static boolean sound(byte[] journal) {
        return journal.length >= 16 && withRightChecksum(journal) == null;
    }

    /** A copy whose CRC32 (the long before the last 8 bytes) covers what comes before it, or null when it did. */
    static byte[] withRightChecksum(byte[] journal) {
        if (journal.length < 16) {
            return null;
        }
        int crcAt = journal.length - 16;
        CRC32 crc = new CRC32();
        crc.update(journal, 0, crcAt);
        ByteBuffer b = ByteBuffer.wrap(journal.clone());
        if (b.getLong(crcAt) == crc.getValue()) {
            return null;
        }
        b.putLong(crcAt, crc.getValue());
        return b.array();
    }

    /** Writes the seeds. Run from the repository root after {@code mvn -pl model test-compile}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(
                Path.of("model/src/test/resources/memscope/model/file/JournalFuzzTestInputs/recoverJournal"));
        Files.write(dir.resolve("one-page.jrnl"), Journals.forge(NAME, 3 * PAGE, new Journals.Change(PAGE, Journals.page(0x77))));
        Files.write(dir.resolve("two-pages.jrnl"), Journals.forge(NAME, 3 * PAGE,
                new Journals.Change(0, Journals.page(0x10)), new Journals.Change(2 * PAGE, Journals.page(0x20))));
        Files.write(dir.resolve("other-file.jrnl"), Journals.forge("other.bin", 3 * PAGE,
                new Journals.Change(0, Journals.page(0x10))));
        Files.write(dir.resolve("past-the-end.jrnl"), Journals.forge(NAME, 3 * PAGE,
                new Journals.Change(3 * PAGE, Journals.page(0x10))));
    }
}
