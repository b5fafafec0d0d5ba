package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.text.Text;

/**
 * An in-place save that dies at any step leaves a file that, once opened again, is exactly the old contents
 * (died before the journal was forced) or exactly the new ones (died after: the open finishes the save). Acted
 * out in this JVM (a progress hook throws an Error) and with a child JVM killed by destroyForcibly().
 */
class JournalCrashTest {
    private static final int LENGTH = 8 * 1024 * 1024 + 1000;

    @TempDir
    Path dir;

    /** What reopening must find after a crash at the first report of {@code stage}. */
    private static boolean newAfterCrashAt(SaveStage stage) {
        return stage != SaveStage.JOURNALING;
    }

    @Test
    void aCrashAtEachStepIsUndoneOrFinishedByTheNextOpen() throws IOException {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 40);
        byte[] updated = SaveCrashTest.edited(old);
        for (SaveStage at : List.of(SaveStage.JOURNALING, SaveStage.JOURNALED, SaveStage.APPLYING,
                SaveStage.APPLIED)) {
            Path file = Files.write(dir.resolve("crash-" + at + ".bin"), old);
            try (FileDocument doc = FileDocument.open(file)) {
                edit(doc);
                assertThrows(SaveCrashTest.SimulatedCrash.class, () -> doc.save(SaveOptions.DEFAULT.withProgress(
                        (stage, done, total) -> {
                            if (stage == at) {
                                throw new SaveCrashTest.SimulatedCrash("at " + at);
                            }
                        })));
            }
            assertTrue(Files.exists(Journals.beside(file)), "a crash at " + at + " leaves the journal");
            List<Text> notes;
            try (FileDocument reopened = FileDocument.open(file)) {
                notes = reopened.cleanupNotes();
            }
            assertArrayEquals(newAfterCrashAt(at) ? updated : old, Files.readAllBytes(file), "crash at " + at);
            assertEquals(1, notes.size(), String.valueOf(notes));
            assertEquals(newAfterCrashAt(at) ? "journal.completed" : "journal.refused", notes.get(0).key());
            assertFalse(Files.exists(Journals.beside(file)), "the open removed the journal");
        }
    }

    @Test
    void aSavingProcessKilledAtEachStepLeavesAFileThatOpensWhole() throws Exception {
        byte[] old = FileDocumentTest.randomBytes(LENGTH, 41);
        byte[] updated = SaveCrashTest.edited(old);
        // kill just after this report (the child pauses after each): mid-journal, journal forced, two of the
        // three pages written in place, all written, and never
        Object[][] kills = {{"JOURNALING", 2}, {"JOURNALED", 3}, {"APPLYING", 2}, {"APPLIED", 3}, {"never", 0}};
        for (Object[] kill : kills) {
            String stage = (String) kill[0];
            Path file = Files.write(dir.resolve("victim-" + stage + ".bin"), old);
            String last = runAndKill(file, stage, (Integer) kill[1]);
            byte[] onDisk = Files.readAllBytes(file);
            if (stage.equals("APPLYING")) {
                assertFalse(Arrays.equals(onDisk, old) || Arrays.equals(onDisk, updated),
                        "killed between pages, the file itself is torn until it is opened");
            }
            try (FileDocument reopened = FileDocument.open(file)) {
                assertEquals(stage.equals("never") ? 0 : 1, reopened.cleanupNotes().size(),
                        String.valueOf(reopened.cleanupNotes()));
            }
            byte[] expected = stage.equals("JOURNALING") ? old : updated;
            assertArrayEquals(expected, Files.readAllBytes(file), "killed after " + last);
            assertEquals(List.of(), Journals.in(dir), "no journal is left after the open");
        }
    }

    private static void edit(FileDocument doc) {
        for (long at : SaveCrashTest.editOffsets(doc.length())) {
            doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress() + at, SaveCrashTest.EDIT,
                    SaveCrashTest.EDIT.length);
        }
    }

    /**
     * Lets the stepped saver go on past {@code line} if it is a progress report ("STAGE n", after which it waits);
     * any other line (a JVM warning) gets no answer, or the saver would run a step ahead of the test.
     */
    static void goOnAfter(String line, java.io.Writer go) {
        if (!line.matches("[A-Z_]+ \\d+")) {
            return;
        }
        try {
            go.write("\n");
            go.flush();
        } catch (java.io.IOException finished) {
            // the saver ended (RESULT ...): nothing is waiting
        }
    }

    /** Runs the slow saver and kills it after the {@code count}-th report of {@code stage}; says what it saw. */
    private static String runAndKill(Path file, String stage, int count) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SlowSaveProcess.class.getName(), file.toString(), "step", "IN_PLACE").redirectErrorStream(true)
                .start();
        String last = "nothing";
        // the child waits after each report until told to go on: it is killed at exactly the step named, where a
        // pause (300 ms) let a slow or loaded machine's kill come a step late (then APPLYING 2 was not torn)
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             java.io.Writer go = new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
                if (line.equals(stage + " " + count)) {
                    child.destroyForcibly();
                    break;
                }
                goOnAfter(line, go);
            }
        } catch (java.io.IOException killed) {
            // closing the pipe to a killed child may fail: it is gone, as meant
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                fail("the saver did not finish");
            }
        }
        if (stage.equals("never") && !last.equals("RESULT SAVED")) {
            fail("the saver did not save: " + last);
        }
        if (!stage.equals("never") && !last.equals(stage + " " + count)) {
            fail("the saver never reported " + stage + " " + count + "; its last line: " + last);
        }
        return last;
    }
}
