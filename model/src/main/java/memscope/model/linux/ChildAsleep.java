package memscope.model.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Whether a child process (a lesson's {@code sleep}, a test's) is blocked in the system call it will stay in, so
 * that its address space no longer changes. Seeing the program or libc in {@code /proc/PID/maps}, or the maps
 * equal across two looks, is not that condition: after mapping libc the dynamic loader still relocates and
 * re-protects the RELRO pages (one rw-p mapping turns into r--p + rw-p), and a child starved by a loaded,
 * cold-cached machine can sit between two looks for longer than any fixed pause.
 */
public final class ChildAsleep {
    private static final boolean ARM64 = "aarch64".equals(System.getProperty("os.arch"));
    /** (clock_)nanosleep on x86-64 and on arm64 (the generic table). */
    private static final Set<String> SLEEPS = ARM64 ? Set.of("101", "115") : Set.of("35", "230");
    /** read(2) on x86-64 and arm64. */
    private static final String READ = ARM64 ? "63" : "0";
    /** Long for a child to start, short of a hang: a loaded, cold-cached 2-core machine starts one in a second. */
    private static final long TIMEOUT_S = 30;

    private ChildAsleep() {
    }

    /** Until {@code child} sleeps in (clock_)nanosleep; IOException if it ends first or is not asleep in 30 s. */
    public static void await(Process child) throws IOException, InterruptedException {
        await(child, false);
    }

    /** Until {@code child} waits in read(2) on its stdin (fd 0). */
    public static void awaitReading(Process child) throws IOException, InterruptedException {
        await(child, true);
    }

    /** Whether process {@code pid} sleeps in (clock_)nanosleep now. IOException if the process is gone. */
    public static boolean sleeping(long pid) throws IOException {
        return inCall(pid, false);
    }

    private static void await(Process child, boolean reading) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IOException("the child " + child.pid() + " ended before it was asleep");
            }
            if (inCall(child.pid(), reading)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IOException("the child " + child.pid() + " was not in " + (reading ? "read(0, ...)" : "sleep")
                + " within " + TIMEOUT_S + " s");
    }

    /**
     * Whether {@code pid} is blocked in (clock_)nanosleep, or in read(2) on fd 0, by {@code /proc/PID/syscall}
     * ("NR args...", "running", or "-1 sp pc" while blocked outside a call); where a kernel built without that
     * file has none, by its state being S (sleeping).
     */
    private static boolean inCall(long pid, boolean reading) throws IOException {
        String[] call;
        try {
            call = Files.readString(ProcFs.dir((int) pid).resolve("syscall")).trim().split("\\s+");
        } catch (IOException noSyscallFile) {
            return ProcFs.state((int) pid) == 'S';
        }
        return reading ? call[0].equals(READ) && call.length > 1 && call[1].equals("0x0") : SLEEPS.contains(call[0]);
    }
}
