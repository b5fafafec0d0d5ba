package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session may make only so many objects for its size, and never more than an absolute number: a small file of
 * tiny records cannot fill the heap. Refused at the count, before any of those objects is made.
 */
class SessionBudgetTest {
    @TempDir
    Path dir;

    private Kernel live;
    private String liveBefore;

    @BeforeEach
    void openAKernel() {
        live = SessionRoundTripTest.richKernel();
        liveBefore = SessionRoundTripTest.describe(live);
    }

    private SessionException refused(Path file, String english, String chinese) {
        SessionException e = assertThrows(SessionException.class, () -> Sessions.load(file));
        assertTrue(e.getMessage().contains(english), () -> "\"" + e.getMessage() + "\" should say " + english);
        String zh = e.text().in(Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.contains(chinese), () -> "\"" + zh + "\" should say " + chinese);
        assertEquals(liveBefore, SessionRoundTripTest.describe(live), "the open kernel must not change");
        return e;
    }

    private static ForgedSession withDeadProcesses(int count) {
        ForgedSession s = ForgedSession.typical();
        s.lastKoid = 20_000_000;
        s.moreDeadProcesses = count;
        return s;
    }

    @Test
    void theAllowanceGrowsWithTheFileUpToTheCap() {
        assertEquals(65_536, SessionBudget.objectsAllowed(0));
        assertEquals(65_536 + 16 * 1000, SessionBudget.objectsAllowed(1000 * 1024 + 1023));
        assertEquals(1_048_576, SessionBudget.objectsAllowed(1L << 40));
    }

    @Test
    void manyDeadProcessesInASmallFileAreRefusedAtTheirCount() throws IOException {
        byte[] bytes = withDeadProcesses(200_000).bytes(); // 11 bytes each: about 2.2 MB
        Path file = Files.write(dir.resolve("many.msession"), bytes);
        long allowed = SessionBudget.objectsAllowed(bytes.length);
        SessionException e = refused(file, "section OBJS at byte 8: the session makes 200001 objects but a file of "
                + bytes.length + " bytes may make at most " + allowed + " (65536, plus 16 per KiB, never more than"
                + " 1048576)", "会话将创建 200001 个对象");
        assertTrue(allowed < 200_001, e.getMessage());
    }

    @Test
    void asManyObjectsAsAnySessionMayHoldLoad() throws Exception {
        Path file = Files.write(dir.resolve("within.msession"), withDeadProcesses(65_000).bytes());
        Kernel k = Sessions.load(file);
        assertTrue(k.inspector().handle(ForgedSession.PROCESS_HANDLE).isPresent());
    }

    @Test
    void noFileMayMakeMoreThanTheCap() throws IOException {
        // 1.1 million dead processes; the file is made 100 MiB long (sparse), where 16 per KiB would allow 1.6 M
        byte[] bytes = withDeadProcesses(1_100_000).bytes();
        Path file = dir.resolve("huge.msession");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(bytes);
            f.setLength(100L << 20);
        }
        refused(file, "the session makes 1100001 objects but a file of 104857600 bytes may make at most 1048576",
                "最多只能创建 1048576 个");
    }

    @Test
    void tooManyClosedHandleValuesAreRefused() throws IOException {
        ForgedSession s = ForgedSession.typical();
        s.moreClosed = (int) SessionBudget.MAX_CLOSED_HANDLES + 1;
        Path file = Files.write(dir.resolve("closed.msession"), s.bytes());
        refused(file, "section HNDL at byte 64: the session keeps 4194305 closed handle values, more than the 4194304"
                + " a session may keep", "会话保存了 4194305 个已关闭的句柄值");
    }

    @Test
    void aKernelOverTheBudgetIsNotSavedAndTheOldFileStays() throws Exception {
        Path file = dir.resolve("k.msession");
        Sessions.save(live, file);
        byte[] before = Files.readAllBytes(file);
        Kernel k = Kernel.boot(BootOptions.defaults());
        ProcessResult p = k.processCreate("p");
        for (int i = 0; i < 100_000; i++) {
            SessionRoundTripTest.check(k.handleDuplicate(p.process(), Rights.SAME_RIGHTS).status());
        }
        SessionException e = assertThrows(SessionException.class, () -> Sessions.save(k, file));
        assertTrue(e.getMessage().startsWith("cannot save this kernel: the session makes 100005 objects"),
                e.getMessage());
        assertTrue(e.text().in(Locale.SIMPLIFIED_CHINESE).startsWith("无法保存此内核：会话将创建 100005 个对象"));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the old session must stay");
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }
}
