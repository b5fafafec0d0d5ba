package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.Rights;
import memscope.model.Status;

class FileDocumentTest {
    @TempDir
    Path dir;

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] read(FileDocument doc, long offset, int n) {
        byte[] out = new byte[n];
        IoResult r = doc.kernel().readMemory(doc.processHandle(), doc.baseAddress() + offset, out, n);
        assertEquals(new IoResult(Status.OK, n), r);
        return out;
    }

    static IoResult write(FileDocument doc, long offset, byte... bytes) {
        return doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress() + offset, bytes, bytes.length);
    }

    @Test
    void showsTheFileInAProcessNamedAfterIt() throws IOException {
        byte[] content = randomBytes(10_000, 1);
        Path file = Files.write(dir.resolve("data.bin"), content);
        try (FileDocument doc = FileDocument.open(file)) {
            assertEquals(10_000, doc.length());
            assertEquals(doc.baseAddress() + 10_000, doc.endAddress());
            assertArrayEquals(content, read(doc, 0, 10_000));
            KernelInspector.HandleInfo process = doc.kernel().inspector().handle(doc.processHandle()).orElseThrow();
            assertEquals("file: data.bin", process.name());
            assertFalse(doc.readOnly());
            assertFalse(doc.isDirty());
            // lazily read: nothing is committed until written
            assertEquals(0, doc.kernel().inspector().committedPages(doc.vmoKoid()).length);
        }
    }

    @Test
    void savesOnlyTheWrittenPagesAndIsCleanAfterwards() throws IOException {
        byte[] content = randomBytes(5 * Kernel.PAGE_SIZE + 100, 2);
        Path file = Files.write(dir.resolve("a.bin"), content);
        try (FileDocument doc = FileDocument.open(file)) {
            assertEquals(new IoResult(Status.OK, 2), write(doc, Kernel.PAGE_SIZE - 1, (byte) 0xde, (byte) 0xad));
            assertEquals(new IoResult(Status.OK, 1), write(doc, 5L * Kernel.PAGE_SIZE + 99, (byte) 0x77));
            assertArrayEquals(new long[] {0, 1, 5}, doc.dirtyPages());

            SaveResult r = doc.save(SaveOptions.DEFAULT.copying());
            assertEquals(SaveResult.Outcome.SAVED, r.outcome(), r.message());
            assertEquals(SaveMethod.COPY, r.method());
            assertEquals(3, r.pagesWritten());
            assertEquals(content.length - 2L * Kernel.PAGE_SIZE - 100, r.bytesCopied());
            content[Kernel.PAGE_SIZE - 1] = (byte) 0xde;
            content[Kernel.PAGE_SIZE] = (byte) 0xad;
            content[5 * Kernel.PAGE_SIZE + 99] = 0x77;
            assertArrayEquals(content, Files.readAllBytes(file));
            assertFalse(doc.isDirty());
            assertArrayEquals(content, read(doc, 0, content.length));
            assertEquals(SaveResult.Outcome.SAVED, doc.save(SaveOptions.DEFAULT).outcome());
            assertEquals(0, doc.save(SaveOptions.DEFAULT).pagesWritten());
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void bytesTypedPastTheEndOfTheFileAreNotSaved() throws IOException {
        Path file = Files.write(dir.resolve("short.bin"), new byte[] {1, 2, 3});
        try (FileDocument doc = FileDocument.open(file)) {
            assertEquals(new IoResult(Status.OK, 3), write(doc, 2, (byte) 9, (byte) 9, (byte) 9));
            assertTrue(doc.save(SaveOptions.DEFAULT).saved());
        }
        assertArrayEquals(new byte[] {1, 2, 9}, Files.readAllBytes(file));
    }

    @Test
    void anEmptyFileOpensAndSavesEmpty() throws IOException {
        Path file = Files.write(dir.resolve("empty.bin"), new byte[0]);
        try (FileDocument doc = FileDocument.open(file)) {
            assertEquals(0, doc.length());
            assertTrue(doc.save(SaveOptions.DEFAULT).saved());
        }
        assertEquals(0, Files.size(file));
    }

    @Test
    void aReadOnlyDocumentRefusesTypingWithAccessDenied() throws IOException {
        byte[] content = randomBytes(100, 3);
        Path file = Files.write(dir.resolve("ro.bin"), content);
        try (FileDocument doc = FileDocument.open(Kernel.boot(memscope.model.BootOptions.defaults()
                .withDebuggingSyscalls(true)), file, true)) {
            assertTrue(doc.readOnly());
            int rights = doc.kernel().inspector().handle(doc.editHandle()).orElseThrow().rights();
            assertEquals(0, rights & Rights.WRITE);
            assertEquals(Status.ERR_ACCESS_DENIED, write(doc, 0, (byte) 1).status());
            assertArrayEquals(content, read(doc, 0, 100));
            assertEquals(SaveResult.Outcome.READ_ONLY, doc.save(SaveOptions.DEFAULT).outcome());
        }
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void aFileNotWritableOnDiskOpensReadOnly() throws IOException {
        Path file = Files.write(dir.resolve("locked.bin"), new byte[] {5});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assumeFalse(Files.isWritable(file), "root may write any file, so there is nothing to detect");
        try (FileDocument doc = FileDocument.open(file)) {
            assertTrue(doc.readOnly());
            assertEquals(Status.ERR_ACCESS_DENIED, write(doc, 0, (byte) 1).status());
        }
    }

    @Test
    void refusesToOverwriteAFileChangedOnDiskUnlessForced() throws IOException {
        byte[] content = randomBytes(3 * Kernel.PAGE_SIZE, 4);
        Path file = Files.write(dir.resolve("shared.bin"), content);
        try (FileDocument doc = FileDocument.open(file)) {
            write(doc, 0, (byte) 0x11);
            byte[] theirs = content.clone();
            theirs[2 * Kernel.PAGE_SIZE + 7] ^= 0x5a; // same size; a different last page
            Files.write(file, theirs);
            Files.setLastModifiedTime(file, Files.getLastModifiedTime(file)); // mtime may not even move
            assertTrue(doc.changedOnDisk() != null);

            SaveResult refused = doc.save(SaveOptions.DEFAULT);
            assertEquals(SaveResult.Outcome.CHANGED_ON_DISK, refused.outcome());
            assertTrue(refused.message().contains("changed on disk"), refused.message());
            assertArrayEquals(theirs, Files.readAllBytes(file), "their change is still there");
            assertTrue(doc.isDirty(), "our change is still there");

            assertTrue(doc.save(SaveOptions.DEFAULT.forced()).saved());
            assertEquals(0x11, Files.readAllBytes(file)[0]);
            assertEquals(null, doc.changedOnDisk());
        }
    }

    @Test
    void aDocumentIsUnsavedUntilItsSaveHasEnded() throws IOException {
        // the save takes the dirty pages when it starts; until they are on disk the document must still say
        // unsaved (the unsaved-work guard, the tree and a test waiting for the save all ask isDirty)
        Path file = Files.write(dir.resolve("mid.bin"), randomBytes(3 * Kernel.PAGE_SIZE, 8));
        try (FileDocument doc = FileDocument.open(file)) {
            for (SaveOptions how : new SaveOptions[] {SaveOptions.DEFAULT, SaveOptions.DEFAULT.copying()}) {
                write(doc, Kernel.PAGE_SIZE, (byte) 1);
                java.util.List<String> seen = new java.util.ArrayList<>();
                SaveResult r = doc.save(how.withProgress((stage, done, total) -> seen.add(stage + " " + doc.isDirty())));
                assertTrue(r.saved(), r.message());
                assertFalse(seen.isEmpty(), "the save reports progress");
                assertTrue(seen.stream().allMatch(s -> s.endsWith(" true")), r.method() + ": " + seen);
                assertFalse(doc.isDirty(), "saved");
            }
            write(doc, 0, (byte) 2);
            assertThrows(SaveCrashTest.SimulatedCrash.class, () -> doc.save(SaveOptions.DEFAULT.withProgress(
                    (stage, done, total) -> {
                        throw new SaveCrashTest.SimulatedCrash("at " + stage);
                    })));
            assertTrue(doc.isDirty(), "a save that died leaves the change unsaved");
            assertArrayEquals(new long[] {0}, doc.dirtyPages());
        }
    }

    @Test
    void aTouchedFileSaysWhenInWordsAPersonReads() throws IOException {
        Path file = Files.write(dir.resolve("touched.bin"), randomBytes(100, 6));
        try (FileDocument doc = FileDocument.open(file)) {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_123L));
            String said = doc.changedOnDisk();
            assertTrue(said.matches("it was modified at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"
                    + " \\(opened at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\)"), said);
        }
    }

    @Test
    void theSaveSaysHowManyPagesInGoodEnglish() throws IOException {
        Path file = Files.write(dir.resolve("pages.bin"), randomBytes(3 * Kernel.PAGE_SIZE, 7));
        try (FileDocument doc = FileDocument.open(file)) {
            write(doc, 0, (byte) 1);
            assertEquals("Saved pages.bin (1 changed page)", doc.save(SaveOptions.DEFAULT).message());
            write(doc, 0, (byte) 2);
            write(doc, 2L * Kernel.PAGE_SIZE, (byte) 3);
            assertEquals("Saved pages.bin (2 changed pages)", doc.save(SaveOptions.DEFAULT).message());
        }
    }

    @Test
    void aDeletedFileCountsAsChangedOnDisk() throws IOException {
        Path file = Files.write(dir.resolve("gone.bin"), randomBytes(50, 5));
        try (FileDocument doc = FileDocument.open(file)) {
            write(doc, 1, (byte) 1);
            Files.delete(file);
            assertEquals(SaveResult.Outcome.CHANGED_ON_DISK, doc.save(SaveOptions.DEFAULT).outcome());
            assertTrue(doc.save(SaveOptions.DEFAULT.forced()).saved(), "the open file is copied back");
            assertEquals(50, Files.size(file));
        }
    }

    @Test
    void saveAsWritesTheNewFileAndLeavesTheOriginal() throws IOException {
        byte[] content = randomBytes(2 * Kernel.PAGE_SIZE, 6);
        Path file = Files.write(dir.resolve("orig.bin"), content);
        Path copy = dir.resolve("copy.bin");
        try (FileDocument doc = FileDocument.open(file)) {
            write(doc, 10, (byte) 0xab);
            assertTrue(doc.saveAs(copy, SaveOptions.DEFAULT).saved());
            assertEquals(copy.toAbsolutePath(), doc.path());
            long processKoid = doc.kernel().inspector().handle(doc.processHandle()).orElseThrow().koid();
            assertEquals("file: copy.bin", doc.kernel().inspector().process(processKoid).orElseThrow().name(),
                    "the process is named after the file it now shows");
            write(doc, 11, (byte) 0xcd);
            assertTrue(doc.save(SaveOptions.DEFAULT).saved());
        }
        assertArrayEquals(content, Files.readAllBytes(file));
        byte[] expected = content.clone();
        expected[10] = (byte) 0xab;
        expected[11] = (byte) 0xcd;
        assertArrayEquals(expected, Files.readAllBytes(copy));
    }

    @Test
    void aWriteDuringASaveStaysDirty() throws IOException {
        byte[] content = randomBytes(4 * Kernel.PAGE_SIZE, 7);
        Path file = Files.write(dir.resolve("busy.bin"), content);
        try (FileDocument doc = FileDocument.open(file)) {
            write(doc, 0, (byte) 1);
            boolean[] once = {false};
            SaveResult r = doc.save(SaveOptions.DEFAULT.withProgress((stage, done, total) -> {
                if (!once[0]) { // the first step of the save, whichever way it goes
                    once[0] = true;
                    assertEquals(Status.OK, write(doc, 3L * Kernel.PAGE_SIZE, (byte) 2).status());
                }
            }));
            assertTrue(r.saved());
            assertArrayEquals(new long[] {3}, doc.dirtyPages());
            assertTrue(doc.save(SaveOptions.DEFAULT).saved());
            assertEquals(2, Files.readAllBytes(file)[3 * Kernel.PAGE_SIZE]);
        }
    }

    @Test
    void openingADirectoryOrAMissingFileFailsClearly() {
        IOException e = assertThrows(IOException.class, () -> FileDocument.open(dir));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> FileDocument.open(dir.resolve("nope")));
    }

    @Test
    void closingKillsTheProcessAndClosesItsHandles() throws IOException {
        Path file = Files.write(dir.resolve("c.bin"), new byte[] {1});
        FileDocument doc = FileDocument.open(file);
        int before = doc.kernel().inspector().handles().size();
        assertNotEquals(0, before);
        doc.close();
        assertEquals(0, doc.kernel().inspector().handles().size());
    }

    @Test
    void savingThroughASymbolicLinkKeepsTheLink() throws IOException {
        Path real = Files.write(dir.resolve("real.bin"), new byte[] {1, 2, 3});
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), real);
        try (FileDocument doc = FileDocument.open(link)) {
            write(doc, 1, (byte) 9);
            assertTrue(doc.save(SaveOptions.DEFAULT).saved());
        }
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(new byte[] {1, 9, 3}, Files.readAllBytes(real));
    }
}
