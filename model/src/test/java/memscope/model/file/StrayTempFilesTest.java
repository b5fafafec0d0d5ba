package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.Kernel;
import memscope.model.text.Text;

/**
 * A save killed with kill -9 leaves its temp file ({@code .NAME.<digits>.memscope-save}) beside NAME; the next
 * open of NAME removes it and says so. Only provable strays go: not another file's, not a look-alike name, not
 * one that a save (of this process or another) is still writing.
 */
class StrayTempFilesTest {
    @TempDir
    Path dir;

    /** A temp file as {@link AtomicFileWriter} names it, left a minute ago. */
    private Path strayOf(Path file) throws Exception {
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", AtomicFileWriter.TEMP_SUFFIX);
        Files.write(temp, new byte[5000]);
        return aged(temp);
    }

    private static Path aged(Path p) throws Exception {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(60)));
        return p;
    }

    private List<Path> temps(Path file) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> StrayTempFiles.isTempNameOf(file.getFileName().toString(),
                    p.getFileName().toString())).toList();
        }
    }

    @Test
    void openingAFileRemovesTheTempFileAKilledSaveLeftAndSaysSo() throws Exception {
        Path file = Files.write(dir.resolve("doc.bin"), new byte[100]);
        Path stray = strayOf(file);
        try (FileDocument doc = FileDocument.open(file)) {
            assertFalse(Files.exists(stray), "the stray is gone");
            assertEquals(1, doc.cleanupNotes().size());
            Text note = doc.cleanupNotes().get(0);
            assertEquals("removed " + stray.getFileName() + ", left by a save that was interrupted", note.english());
            assertEquals("已删除 " + stray.getFileName() + "（一次被中断的保存留下的）", note.in(Locale.SIMPLIFIED_CHINESE));
        }
        try (FileDocument again = FileDocument.open(file)) {
            assertEquals(List.of(), again.cleanupNotes(), "nothing left to say");
        }
    }

    @Test
    void onlyProvableStraysOfThisFileGo() throws Exception {
        Path file = Files.write(dir.resolve("doc.bin"), new byte[100]);
        Path other = strayOf(Files.write(dir.resolve("other.bin"), new byte[1]));
        Path lookAlike = aged(Files.write(dir.resolve(".doc.bin.12ab.memscope-save"), new byte[1]));
        Path noNumber = aged(Files.write(dir.resolve(".doc.bin..memscope-save"), new byte[1]));
        Path usersOwn = aged(Files.write(dir.resolve(".doc.bin.7.memscope-save.txt"), new byte[1]));
        Path directory = aged(Files.createDirectory(dir.resolve(".doc.bin.8.memscope-save")));
        Path fresh = Files.createTempFile(dir, ".doc.bin.", AtomicFileWriter.TEMP_SUFFIX); // just created
        try (FileDocument doc = FileDocument.open(file)) {
            assertEquals(List.of(), doc.cleanupNotes());
        }
        for (Path kept : List.of(other, lookAlike, noNumber, usersOwn, directory, fresh)) {
            assertTrue(Files.exists(kept), kept + " is kept");
        }
    }

    @Test
    void aStrayBesideTheFileALinkPointsToIsRemovedToo() throws Exception {
        Path real = Files.write(dir.resolve("real.bin"), new byte[100]);
        Path stray = strayOf(real);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(sub.resolve("link.bin"), real);
        try (FileDocument doc = FileDocument.open(link)) {
            assertFalse(Files.exists(stray), "saves through the link write beside real.bin, so strays are there");
            assertEquals(1, doc.cleanupNotes().size());
        }
    }

    @Test
    void aSaveOfThisProcessStillRunningKeepsItsTempFile() throws Exception {
        byte[] old = FileDocumentTest.randomBytes(4 * Kernel.PAGE_SIZE, 3);
        Path file = Files.write(dir.resolve("busy.bin"), old);
        CountDownLatch copying = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        try (FileDocument doc = FileDocument.open(file)) {
            doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress(), new byte[] {1}, 1);
            Thread saver = new Thread(() -> doc.save(SaveOptions.DEFAULT.copying().withProgress((stage, done, total) -> {
                if (stage == SaveStage.COPYING) {
                    copying.countDown();
                    await(goOn);
                }
            })));
            saver.start();
            assertTrue(copying.await(10, TimeUnit.SECONDS));
            Path temp = temps(file).get(0);
            aged(temp); // not its age: the save's registration keeps it
            try (FileDocument second = FileDocument.open(file)) {
                assertEquals(List.of(), second.cleanupNotes());
            }
            assertTrue(Files.exists(temp), "a running save's temp file stays");
            goOn.countDown();
            saver.join(10_000);
            assertEquals(1, Files.readAllBytes(file)[0], "the save still went through");
            assertEquals(List.of(), temps(file));
        }
    }

    @Test
    void aSaveOfAnotherProcessKeepsItsTempFileUntilKilledThenTheNextOpenRemovesIt() throws Exception {
        byte[] old = FileDocumentTest.randomBytes(8 * 1024 * 1024 + 1000, 4);
        Path file = Files.write(dir.resolve("victim.bin"), old);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SlowSaveProcess.class.getName(), file.toString(), "1000", "COPY").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = 0;
            for (String line = out.readLine(); line != null && seen < 2; line = out.readLine()) {
                if (line.startsWith("COPYING")) {
                    seen++;
                }
            }
            Path temp = temps(file).get(0);
            aged(temp); // not its age: the other process's lock keeps it
            try (FileDocument doc = FileDocument.open(file)) {
                assertEquals(List.of(), doc.cleanupNotes());
            }
            assertTrue(Files.exists(temp), "a save in progress elsewhere keeps its temp file");

            child.destroyForcibly(); // kill -9: the lock goes with the process, the file stays
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                fail("the saver did not die");
            }
            assertTrue(Files.exists(temp), "a killed save leaves its temp file");
            aged(temp); // opened later
            try (FileDocument doc = FileDocument.open(file)) {
                assertEquals(1, doc.cleanupNotes().size(), String.valueOf(doc.cleanupNotes()));
            }
            assertFalse(Files.exists(temp), "the next open removed it");
            assertArrayEquals(old, Files.readAllBytes(file), "the file itself is untouched");
        } finally {
            child.destroyForcibly();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
