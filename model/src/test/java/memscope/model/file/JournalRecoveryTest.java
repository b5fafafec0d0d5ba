package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.Kernel;
import memscope.model.text.Text;

/**
 * A journal the next open finds is applied only when it is whole, undamaged and for this file and its size;
 * any other is removed without a byte of it written, never applied in part.
 */
class JournalRecoveryTest {
    private static final int LENGTH = 5 * Kernel.PAGE_SIZE;

    @TempDir
    Path dir;

    /** Opens {@code file}, expects the journal refused for {@code reason}, the file unchanged and no journal. */
    private static void assertRefused(Path file, byte[] old, String reason) throws IOException {
        List<Text> notes;
        try (FileDocument doc = FileDocument.open(file)) {
            notes = doc.cleanupNotes();
        }
        assertEquals(1, notes.size(), String.valueOf(notes));
        assertEquals("journal.refused", notes.get(0).key());
        assertEquals(reason, ((Text) notes.get(0).args()[1]).key(), notes.get(0).english());
        assertArrayEquals(old, Files.readAllBytes(file), "not one byte of it was written");
        assertFalse(Files.exists(Journals.beside(file)));
    }

    private Path fileWithJournalAfterCrash(String name, byte[] old) throws IOException {
        Path file = Files.write(dir.resolve(name), old);
        Journals.crashAfterJournal(file);
        assertArrayEquals(old, Files.readAllBytes(file), "the crash came before any page went in place");
        return file;
    }

    @Test
    void aWholeJournalIsAppliedAndSaysSo() throws IOException {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 50);
        Path file = fileWithJournalAfterCrash("whole.bin", old);
        try (FileDocument doc = FileDocument.open(file)) {
            assertEquals("finished an interrupted save of whole.bin from its journal (3 pages)",
                    doc.cleanupNotes().get(0).english());
            assertArrayEquals(SaveCrashTest.edited(old), FileDocumentTest.read(doc, 0, LENGTH),
                    "the document shows the finished save");
        }
    }

    @Test
    void aDamagedLastChangeMeansNoChangeIsApplied() throws IOException {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 51);
        Path file = fileWithJournalAfterCrash("crc.bin", old);
        Path journal = Journals.beside(file);
        byte[] j = Files.readAllBytes(journal);
        j[j.length - 8 - 8 - 10] ^= 1; // a byte of the last page's data, just before the checksum
        Files.write(journal, j);
        assertRefused(file, old, "journal.bad.checksum");
    }

    @Test
    void aTruncatedJournalIsRefused() throws IOException {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 52);
        Path file = fileWithJournalAfterCrash("cut.bin", old);
        Path journal = Journals.beside(file);
        byte[] j = Files.readAllBytes(journal);
        Files.write(journal, Arrays.copyOf(j, j.length - Kernel.PAGE_SIZE));
        assertRefused(file, old, "journal.bad.truncated");
    }

    @Test
    void aJournalForAnotherSizeIsRefused() throws IOException {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 53);
        Path file = fileWithJournalAfterCrash("size.bin", old);
        byte[] grown = Arrays.copyOf(old, LENGTH + 1); // someone changed the file after the crash
        Files.write(file, grown);
        assertRefused(file, grown, "journal.bad.size");
    }

    @Test
    void aJournalForAnotherFileIsRefused() throws IOException {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 54);
        Path other = fileWithJournalAfterCrash("other.bin", old);
        Path file = Files.write(dir.resolve("mine.bin"), old);
        Files.move(Journals.beside(other), Journals.beside(file));
        assertRefused(file, old, "journal.bad.name");
    }

    @Test
    void forgedJournalsWithACorrectChecksumAreRefusedWhenTheyPointOutsideTheFile() throws IOException {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 55);
        Path file = Files.write(dir.resolve("forged.bin"), old);
        Journals.Change first = new Journals.Change(0, Journals.page(1));
        Journals.Change[][] forgeries = {
            {first, new Journals.Change(LENGTH, Journals.page(2))},                  // past the end
            {first, new Journals.Change(-Kernel.PAGE_SIZE, Journals.page(2))},       // before the start
            {first, new Journals.Change(100, new byte[] {1})},                       // not page-aligned
            {new Journals.Change(Kernel.PAGE_SIZE, Journals.page(2)), first},        // out of order
            {first, new Journals.Change(Kernel.PAGE_SIZE, new byte[Kernel.PAGE_SIZE + 1])}, // over a page
        };
        for (Journals.Change[] changes : forgeries) {
            Files.write(Journals.beside(file), Journals.forge("forged.bin", LENGTH, changes));
            assertRefused(file, old, "journal.bad.entry");
        }
    }

    @Test
    void garbageAndAForgedCountAreRefused() throws IOException {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 56);
        Path file = Files.write(dir.resolve("junk.bin"), old);
        Files.write(Journals.beside(file), FileDocumentTest.randomBytes(10_000, 57));
        assertRefused(file, old, "journal.bad.notJournal");
        Files.write(Journals.beside(file), new byte[0]);
        assertRefused(file, old, "journal.bad.truncated");
        byte[] forged = Journals.forge("junk.bin", LENGTH, new Journals.Change(0, Journals.page(1)));
        int countAt = 16 + 4 + 8 + 4 + "junk.bin".length();
        forged[countAt] = 0x7f; // two billion changes in a 4 KiB journal
        Files.write(Journals.beside(file), forged);
        assertRefused(file, old, "journal.bad.damaged");
    }

    @Test
    void aJournalInUseByARunningSaveIsLeftAlone() throws Exception {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 58);
        Path file = Files.write(dir.resolve("busy.bin"), old);
        java.util.concurrent.CountDownLatch journaled = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch goOn = new java.util.concurrent.CountDownLatch(1);
        try (FileDocument doc = FileDocument.open(file)) {
            FileDocumentTest.write(doc, 0, (byte) 1);
            Thread saver = new Thread(() -> doc.save(SaveOptions.DEFAULT.withProgress((stage, done, total) -> {
                if (stage == SaveStage.JOURNALED) {
                    journaled.countDown();
                    try {
                        goOn.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            })));
            saver.start();
            assertTrue(journaled.await(10, java.util.concurrent.TimeUnit.SECONDS));
            try (FileDocument second = FileDocument.open(file)) {
                assertEquals(List.of(), second.cleanupNotes(), "the running save's journal is not touched");
            }
            assertTrue(Files.exists(Journals.beside(file)));
            goOn.countDown();
            saver.join(10_000);
            assertEquals(1, Files.readAllBytes(file)[0], "the save went through");
            assertFalse(Files.exists(Journals.beside(file)));
        }
    }
}
