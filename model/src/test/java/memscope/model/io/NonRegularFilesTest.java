package memscope.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.Sessions;
import memscope.model.file.FileDocument;
import memscope.model.file.FilePageSource;
import memscope.model.lesson.LessonException;
import memscope.model.lesson.LessonLoader;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;
import memscope.model.script.ScriptFiles;
import memscope.model.text.Localized;

/**
 * A named pipe given as a file, scenario, session, lesson or script: opening one for reading waits for a writer,
 * perhaps forever, so every reader refuses it at once, naming the file and what it is. A preemptive timeout
 * fails (rather than hangs) a reader that opens it anyway.
 */
class NonRegularFilesTest {
    /** A reader that opens the FIFO waits forever; a refusal is at once, but may load classes from a cold disk. */
    private static final Duration QUICKLY = Duration.ofSeconds(30);
    private static final String FIFO_PROBLEM = "is a named pipe (FIFO), not a regular file";

    @TempDir
    Path dir;
    private Path fifo;

    @BeforeEach
    void makeFifo() throws Exception {
        fifo = mkfifo(dir.resolve("pipe.json"));
    }

    /** Creates a FIFO with mkfifo(1); the test is skipped where there is none. */
    static Path mkfifo(Path at) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
            Assumptions.assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        } catch (IOException e) {
            Assumptions.abort("no mkfifo: " + e.getMessage());
        }
        return at;
    }

    /** A reader that opened the FIFO despite all is stuck waiting for a writer: be that writer, so it ends. */
    @AfterEach
    void releaseStuckReaders() {
        try {
            FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE).close(); // O_RDWR never waits
        } catch (IOException | RuntimeException ignored) {
            // gone already
        }
    }

    private static <T extends Throwable> T refusedQuickly(Class<T> type, Executable read) {
        return assertTimeoutPreemptively(QUICKLY, () -> assertThrows(type, read));
    }

    @Test
    void theSharedCheckNamesTheFileAndWhatItIsInBothLanguages() {
        NotRegularFileException e = refusedQuickly(NotRegularFileException.class,
                () -> RegularFiles.requireRegular(fifo));
        assertEquals(fifo + " " + FIFO_PROBLEM, e.getMessage());
        assertEquals(fifo + " " + FIFO_PROBLEM, e.text().english());
        assertEquals(fifo + " 是命名管道（FIFO），不是普通文件", e.text().in(Locale.SIMPLIFIED_CHINESE));
        assertEquals(fifo, e.file());
        refusedQuickly(NotRegularFileException.class, () -> RegularFiles.openForReading(fifo).close());
    }

    @Test
    void aSymbolicLinkToAFifoIsAFifo() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), fifo);
        NotRegularFileException e = refusedQuickly(NotRegularFileException.class,
                () -> RegularFiles.openForReading(link).close());
        assertEquals(link + " " + FIFO_PROBLEM, e.getMessage());
        refusedQuickly(NotRegularFileException.class, () -> FileDocument.open(link).close());
    }

    @Test
    void aDeviceIsNamedAsOne() {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull), "no /dev/null");
        NotRegularFileException e = refusedQuickly(NotRegularFileException.class,
                () -> RegularFiles.requireRegular(devNull));
        assertEquals("/dev/null is a character device, not a regular file", e.getMessage());
        assertEquals("/dev/null 是字符设备，不是普通文件", e.text().in(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aRegularFileAndAMissingOneAreAsBefore() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "hello");
        RegularFiles.requireRegular(file);
        try (FileChannel ch = RegularFiles.openForReading(file)) {
            assertEquals(5, ch.size());
        }
        assertThrows(java.nio.file.NoSuchFileException.class, () -> RegularFiles.requireRegular(dir.resolve("no")));
    }

    @Test
    void openingAFileRefusesTheFifo() {
        NotRegularFileException e = refusedQuickly(NotRegularFileException.class, () -> FileDocument.open(fifo));
        assertTrue(e.getMessage().endsWith(FIFO_PROBLEM), e.getMessage());
        refusedQuickly(NotRegularFileException.class, () -> FilePageSource.open(fifo).close());
    }

    @Test
    void loadingAScenarioRefusesTheFifo() {
        ScenarioException e = refusedQuickly(ScenarioException.class, () -> ScenarioLoader.load(fifo));
        assertEquals(fifo + ": " + FIFO_PROBLEM, e.getMessage());
        assertEquals(fifo + "：是命名管道（FIFO），不是普通文件", e.text().in(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void loadingALessonRefusesTheFifo() {
        LessonException e = refusedQuickly(LessonException.class, () -> LessonLoader.load(fifo));
        assertEquals(fifo + ": " + FIFO_PROBLEM, e.getMessage());
    }

    @Test
    void loadingAScriptRefusesTheFifo() {
        NotRegularFileException e = refusedQuickly(NotRegularFileException.class, () -> ScriptFiles.load(fifo));
        assertEquals(fifo + " " + FIFO_PROBLEM, e.getMessage());
    }

    @Test
    void loadingASessionRefusesTheFifo() {
        IOException e = refusedQuickly(IOException.class, () -> Sessions.load(fifo, FilePageSource.resolver()));
        assertInstanceOf(Localized.class, e);
        assertEquals(fifo + " " + FIFO_PROBLEM, e.getMessage());
    }

    @Test
    void aSessionWhoseFileBackedVmoIsNowAFifoIsRefused() {
        Exception e = refusedQuickly(Exception.class,
                () -> FilePageSource.resolver().open(FilePageSource.SCHEME + fifo, 4096));
        assertTrue(e.getMessage().contains(FIFO_PROBLEM), e.getMessage());
    }
}
