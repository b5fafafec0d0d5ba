package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.Kernel;

/**
 * A copy-based save that dies part way must leave the file whole: exactly the old contents or exactly the new
 * ones (the in-place save's crashes are in {@link JournalCrashTest}). Acted out twice: a progress hook that throws an Error (nothing after it runs, as in a crash), and a child JVM that
 * saves slowly and is killed with destroyForcibly().
 */
class SaveCrashTest {
    static final byte[] EDIT = {(byte) 0xc0, (byte) 0xff, (byte) 0xee};
    private static final int LENGTH = 8 * 1024 * 1024 + 1000;

    @TempDir
    Path dir;

    /** Where the edits go: the first page, the middle and the last bytes. */
    static long[] editOffsets(long length) {
        return new long[] {5, length / 2, length - EDIT.length};
    }

    static byte[] edited(byte[] old) {
        byte[] b = old.clone();
        for (long at : editOffsets(b.length)) {
            System.arraycopy(EDIT, 0, b, (int) at, EDIT.length);
        }
        return b;
    }

    /** Stands for the process dying: an Error nobody catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    @Test
    void aCrashWhileCopyingLeavesTheOldFileAndTheDocumentDirty() throws IOException {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 10);
        Path file = Files.write(dir.resolve("doc.bin"), old);
        try (FileDocument doc = FileDocument.open(file)) {
            edit(doc);
            assertThrows(SimulatedCrash.class, () -> doc.save(SaveOptions.DEFAULT.copying().withProgress(
                    (stage, done, total) -> {
                        if (stage == SaveStage.COPYING && done > total / 2) {
                            throw new SimulatedCrash("half way through copying");
                        }
                    })));
            assertArrayEquals(old, Files.readAllBytes(file));
            assertEquals(3, doc.dirtyPages().length, "the edits are still unsaved");
            assertTrue(doc.save(SaveOptions.DEFAULT.copying()).saved(), "a later save still works");
        }
        assertArrayEquals(edited(old), Files.readAllBytes(file));
    }

    @Test
    void aCrashJustBeforeTheRenameLeavesTheOldFileAndJustAfterTheNewOne() throws IOException {
        byte[] old = FileDocumentTest.randomBytes(3 * Kernel.PAGE_SIZE, 11);
        Path file = Files.write(dir.resolve("doc.bin"), old);
        try (FileDocument doc = FileDocument.open(file)) {
            edit(doc);
            assertThrows(SimulatedCrash.class, () -> doc.save(crashAt(SaveStage.SYNCED)));
            assertArrayEquals(old, Files.readAllBytes(file));
            assertThrows(SimulatedCrash.class, () -> doc.save(crashAt(SaveStage.WRITING_DIRTY_PAGES)));
            assertArrayEquals(old, Files.readAllBytes(file));
            assertThrows(SimulatedCrash.class, () -> doc.save(crashAt(SaveStage.RENAMED)));
            assertArrayEquals(edited(old), Files.readAllBytes(file));
        }
    }

    private static SaveOptions crashAt(SaveStage at) {
        return SaveOptions.DEFAULT.copying().withProgress((stage, done, total) -> {
            if (stage == at) {
                throw new SimulatedCrash("at " + at);
            }
        });
    }

    private static void edit(FileDocument doc) {
        for (long at : editOffsets(doc.length())) {
            doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress() + at, EDIT, EDIT.length);
        }
    }

    @Test
    void aSavingProcessKilledAtAnyMomentLeavesAWholeFile() throws Exception {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 12);
        byte[] updated = edited(old);
        // kill after this many progress lines: early in the copy, late in the copy, never (the save completes)
        int[] killAfterLines = {2, 7, Integer.MAX_VALUE};
        for (int lines : killAfterLines) {
            Path file = Files.write(dir.resolve("victim-" + lines + ".bin"), old);
            String outcome = runAndKill(file, lines);
            byte[] now = Files.readAllBytes(file);
            boolean whole = Arrays.equals(now, old) || Arrays.equals(now, updated);
            assertTrue(whole, "torn file after " + outcome);
            if (lines == Integer.MAX_VALUE) {
                assertArrayEquals(updated, now, "a save left to finish wrote the new contents");
            } else {
                assertArrayEquals(old, now, "killed while copying: " + outcome);
            }
        }
    }

    /** Starts the slow saver and kills it after {@code lines} progress lines; says what it saw. */
    private static String runAndKill(Path file, int lines) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SlowSaveProcess.class.getName(), file.toString(), "step", "COPY").redirectErrorStream(true).start();
        String last = "nothing";
        // the child waits after each report until told to go on, so the kill lands at that step on any machine
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             java.io.Writer go = new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            int seen = 0;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
                if (line.startsWith("COPYING") && ++seen >= lines) {
                    child.destroyForcibly();
                    break;
                }
                JournalCrashTest.goOnAfter(line, go);
            }
        } catch (java.io.IOException killed) {
            // closing the pipe to a killed child may fail: it is gone, as meant
        }
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("the saver did not finish");
        }
        if (lines == Integer.MAX_VALUE && !last.equals("RESULT SAVED")) {
            fail("the saver did not save: " + last);
        }
        return last;
    }
}
