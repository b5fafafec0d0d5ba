package memscope.model.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import memscope.model.Errno;
import memscope.model.linux.LessonChild;
import memscope.model.linux.LinuxException;
import memscope.model.linux.LinuxMapping;
import org.junit.jupiter.api.Test;

/**
 * Lesson 09 runs to its end on a real child process the lesson starts ({@code sleep 600}): Zircon writes the
 * simulated copy, Mach refuses, process_vm_writev is EFAULT and changes nothing, /proc/PID/mem writes the
 * process's private copy, and the sleep binary on disk is byte-identical afterwards.
 */
class OneWriteThreeKernelsTest {
    private static final String LESSON = "09-one-write-three-kernels.json";

    @Test
    void theLessonRunsToItsEndOnARealChildAndTheFileOnDiskIsUnchanged() throws Exception {
        Lesson lesson = LessonLoader.loadResource(LESSON);
        try (LessonRunner runner = start(lesson)) {
            LessonChild child = runner.child().orElseThrow();
            Path binary = child.binary();
            byte[] before = sha256(binary);
            long code = child.codeAddress().orElseThrow();
            byte[] original = fileBytesAt(child, code, 4);
            assertNotEquals((byte) 0xcc, original[0], "the code does not start with int3 already");

            List<String> failures = new ArrayList<>();
            while (!runner.finished()) {
                int index = runner.currentIndex();
                StepOutcome o = runner.perform();
                if (!o.passed()) {
                    failures.add("step " + (index + 1) + " (" + o.step().action() + "): " + o.problems());
                }
                String action = o.step().action() == null ? "" : o.step().action();
                if (action.startsWith("process_vm_writev") || action.startsWith("write ")
                        || action.startsWith("vm_write")) {
                    // only /proc/PID/mem reaches the real process
                    assertArrayEquals(original, live(child, code, 4), "after " + action);
                }
                if (action.startsWith("proc_mem_write")) {
                    byte[] patched = original.clone();
                    patched[0] = (byte) 0xcc;
                    assertArrayEquals(patched, live(child, code, 4), "after " + action);
                }
                runner.next();
            }
            assertEquals(List.of(), failures);
            assertEquals("EFAULT", runner.outcome(6).orElseThrow().result().statusName());
            assertArrayEquals(original, runner.outcome(8).orElseThrow().result().data(), "disk_check shows the file");
            assertArrayEquals(before, sha256(binary), "the file on disk is byte-identical");
            assertArrayEquals(original, fileBytesAt(child, code, 4));
        }
    }

    @Test
    void closingOrRewindingTheLessonKillsItsChild() throws Exception {
        Lesson lesson = LessonLoader.loadResource(LESSON);
        long first;
        long second;
        try (LessonRunner runner = start(lesson)) {
            first = runner.child().orElseThrow().pid();
            runner.goTo(3);
            second = runner.child().orElseThrow().pid();
            assertNotEquals(first, second, "a rewind starts a fresh child");
            assertFalse(alive(first), "the old child is killed");
            assertTrue(alive(second));
        }
        assertFalse(alive(second), "closing the lesson kills its child");
    }

    @Test
    void aLessonFileMayStartOnlySleepNeverACommandItNames() {
        String json = """
                { "format": 1, "title": "t", "title_zh": "t", "summary": "s", "summary_zh": "s",
                  "child": "sh -c 'rm -rf ~'", "scenario": "demo.json",
                  "steps": [ { "text": "x", "text_zh": "x" } ] }
                """;
        LessonException e = org.junit.jupiter.api.Assertions.assertThrows(LessonException.class,
                () -> LessonLoader.parse(json, "evil.json"));
        assertEquals("evil.json: child: unknown child \"sh -c 'rm -rf ~'\": a lesson may start only \"sleep\"",
                e.getMessage());
    }

    /** The runner, or the test skipped when this machine does not let a process read its own child. */
    private static LessonRunner start(Lesson lesson) throws LessonException {
        try {
            return new LessonRunner(lesson, ScenarioWorlds.bundled());
        } catch (LessonException e) {
            boolean refused = e.getCause() instanceof LinuxException l
                    && (l.errno() == Errno.EPERM || l.errno() == Errno.EACCES);
            assumeTrue(!refused, "ptrace is not permitted on this machine: " + e.getMessage());
            throw e;
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static byte[] live(LessonChild child, long address, int n) throws IOException {
        try (RandomAccessFile mem = new RandomAccessFile("/proc/" + child.pid() + "/mem", "r")) {
            byte[] b = new byte[n];
            mem.seek(address);
            mem.readFully(b);
            return b;
        }
    }

    private static byte[] fileBytesAt(LessonChild child, long address, int n) throws IOException {
        LinuxMapping m = child.process().mappingAt(address).orElseThrow();
        byte[] all = Files.readAllBytes(Path.of(m.path()));
        int at = (int) (m.offset() + address - m.start());
        return Arrays.copyOfRange(all, at, at + n);
    }

    private static byte[] sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
