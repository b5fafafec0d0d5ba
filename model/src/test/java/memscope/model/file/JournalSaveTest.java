package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.Kernel;
import memscope.model.Status;

/** The in-place save: only changed pages are written, through a journal; where it cannot be, the copy save. */
class JournalSaveTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetTheJournalDirectory() {
        System.clearProperty(JournalPlaces.USER_DIR_PROPERTY);
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    @Test
    void savesInPlaceWritingOnlyTheChangedPagesAndLeavesNoJournal() throws IOException {
        byte[] content = FileDocumentTest.randomBytes(6 * Kernel.PAGE_SIZE + 7, 30);
        Path file = Files.write(dir.resolve("a.bin"), content);
        Path link = Files.createLink(dir.resolve("hard-link.bin"), file);
        Object before = inode(file);
        try (FileDocument doc = FileDocument.open(file)) {
            FileDocumentTest.write(doc, 3, (byte) 0x11);
            FileDocumentTest.write(doc, 6L * Kernel.PAGE_SIZE + 6, (byte) 0x22);
            SaveResult r = doc.save(SaveOptions.DEFAULT);
            assertTrue(r.saved(), r.message());
            assertEquals(SaveMethod.IN_PLACE, r.method());
            assertEquals(2, r.pagesWritten());
            assertEquals(0, r.bytesCopied(), "no unchanged byte is copied");
            FileDocumentTest.write(doc, 4, (byte) 0x33);
            assertEquals(SaveMethod.IN_PLACE, doc.save(SaveOptions.DEFAULT).method(), "and again");
        }
        content[3] = 0x11;
        content[4] = 0x33;
        content[6 * Kernel.PAGE_SIZE + 6] = 0x22;
        assertArrayEquals(content, Files.readAllBytes(file));
        assertEquals(before, inode(file), "the same file, written in place");
        assertArrayEquals(content, Files.readAllBytes(link), "so a hard link sees the new contents too");
        assertEquals(List.of(), Journals.in(dir));
    }

    @Test
    void saveAsAndAFileReplacedOnDiskAreSavedByCopying() throws IOException {
        byte[] content = FileDocumentTest.randomBytes(2 * Kernel.PAGE_SIZE, 31);
        Path file = Files.write(dir.resolve("b.bin"), content);
        try (FileDocument doc = FileDocument.open(file)) {
            FileDocumentTest.write(doc, 0, (byte) 1);
            assertEquals(SaveMethod.COPY, doc.saveAs(dir.resolve("c.bin"), SaveOptions.DEFAULT).method());
            // another program saves c.bin its own way: a new file renamed over it, of the same size
            Path theirs = Files.write(dir.resolve("theirs.tmp"), content);
            Files.move(theirs, dir.resolve("c.bin"), StandardCopyOption.REPLACE_EXISTING);
            FileDocumentTest.write(doc, 1, (byte) 2);
            SaveResult r = doc.save(SaveOptions.DEFAULT.forced());
            assertEquals(SaveMethod.COPY, r.method(), "writing into their file would mix the two versions");
        }
        byte[] expected = content.clone();
        expected[0] = 1;
        expected[1] = 2;
        assertArrayEquals(expected, Files.readAllBytes(dir.resolve("c.bin")));
    }

    @Test
    void whenTheDirectoryCannotTakeTheJournalItGoesToThePerUserDirectory() throws IOException {
        byte[] content = FileDocumentTest.randomBytes(3 * Kernel.PAGE_SIZE, 32);
        Path file = Files.write(dir.resolve("d.bin"), content);
        Path journals = dir.resolve("journals");
        System.setProperty(JournalPlaces.USER_DIR_PROPERTY, journals.toString());
        try (FileDocument doc = FileDocument.open(file)) {
            // stands for a read-only directory (the tests may run as root, which chmod does not stop)
            Files.createDirectory(Journals.beside(file));
            FileDocumentTest.write(doc, 5, (byte) 7);
            SaveResult r = doc.save(SaveOptions.DEFAULT);
            assertEquals(SaveMethod.IN_PLACE, r.method(), r.message());
        }
        content[5] = 7;
        assertArrayEquals(content, Files.readAllBytes(file));
        assertEquals(List.of(), Journals.in(journals), "its journal is removed there too");
    }

    @Test
    void whenNoPlaceCanTakeAJournalItSavesByCopying() throws IOException {
        byte[] content = FileDocumentTest.randomBytes(3 * Kernel.PAGE_SIZE, 33);
        Path file = Files.write(dir.resolve("e.bin"), content);
        System.setProperty(JournalPlaces.USER_DIR_PROPERTY, Files.write(dir.resolve("not-a-dir"), new byte[1])
                .resolve("journals").toString());
        try (FileDocument doc = FileDocument.open(file)) {
            Files.createDirectory(Journals.beside(file));
            FileDocumentTest.write(doc, 9, (byte) 8);
            SaveResult r = doc.save(SaveOptions.DEFAULT);
            assertTrue(r.saved(), r.message());
            assertEquals(SaveMethod.COPY, r.method());
        }
        content[9] = 8;
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void anotherSavesJournalStopsTheSaveWithNothingChanged() throws IOException {
        byte[] content = FileDocumentTest.randomBytes(2 * Kernel.PAGE_SIZE, 34);
        Path file = Files.write(dir.resolve("f.bin"), content);
        try (FileDocument doc = FileDocument.open(file)) {
            byte[] theirs = Journals.forge("f.bin", content.length, new Journals.Change(0, Journals.page(5)));
            Files.write(Journals.beside(file), theirs);
            assertEquals(Status.OK, FileDocumentTest.write(doc, 0, (byte) 1).status());
            SaveResult r = doc.save(SaveOptions.DEFAULT);
            assertEquals(SaveResult.Outcome.FAILED, r.outcome());
            assertTrue(r.message().contains("another save of f.bin is in progress"), r.message());
            assertArrayEquals(new long[] {0}, doc.dirtyPages(), "the edit is still unsaved");
            assertArrayEquals(theirs, Files.readAllBytes(Journals.beside(file)), "their journal is untouched");
        }
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void aSaveAfterASaveLeavesNoStrayFilesAndReadsBackTheSame() throws IOException {
        byte[] content = FileDocumentTest.randomBytes(4 * Kernel.PAGE_SIZE, 35);
        Path file = Files.write(dir.resolve("g.bin"), content);
        try (FileDocument doc = FileDocument.open(file)) {
            for (int i = 0; i < 4; i++) {
                FileDocumentTest.write(doc, (long) i * Kernel.PAGE_SIZE, (byte) i);
                content[i * Kernel.PAGE_SIZE] = (byte) i;
                assertTrue(doc.save(SaveOptions.DEFAULT).saved());
                assertFalse(doc.isDirty());
            }
            assertArrayEquals(content, FileDocumentTest.read(doc, 0, content.length));
        }
        assertArrayEquals(content, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
