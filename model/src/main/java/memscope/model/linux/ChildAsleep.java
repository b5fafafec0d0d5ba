package memscope.model.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

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
    /** Looks at the maps, every 20 ms, that must agree where {@code /proc/PID/syscall} is missing. */
    private static final int SAME_LOOKS = 25;

    /** Long for a child to start, short of a hang: a loaded, cold-cached 2-core machine starts one in a second. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private ChildAsleep() {
    }

    /** {@link #await(Process, Duration)} within {@link #DEFAULT_TIMEOUT}. */
    public static void await(Process child) throws IOException, InterruptedException {
        await(child, DEFAULT_TIMEOUT);
    }

    /** {@link #awaitReading(Process, Duration)} within {@link #DEFAULT_TIMEOUT}. */
    public static void awaitReading(Process child) throws IOException, InterruptedException {
        awaitReading(child, DEFAULT_TIMEOUT);
    }

    /** Until {@code child} sleeps in (clock_)nanosleep; IOException if it ends first or is not asleep in time. */
    public static void await(Process child, Duration timeout) throws IOException, InterruptedException {
        await(child, timeout, false);
    }

    /** Until {@code child} waits in read(2) on its stdin (fd 0). */
    public static void awaitReading(Process child, Duration timeout) throws IOException, InterruptedException {
        await(child, timeout, true);
    }

    /**
     * Whether process {@code pid} sleeps in (clock_)nanosleep now; where {@code /proc/PID/syscall} cannot be read,
     * whether its state is S (sleeping). IOException if the process is gone.
     */
    public static boolean sleeping(long pid) throws IOException {
        String[] call = syscall(pid);
        return call == null ? ProcFs.state((int) pid) == 'S' : SLEEPS.contains(call[0]);
    }

    private static void await(Process child, Duration timeout, boolean reading)
            throws IOException, InterruptedException {
        Path proc = ProcFs.dir((int) child.pid());
        long deadline = System.nanoTime() + timeout.toNanos();
        String previous = null;
        int same = 0;
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IOException("the child " + child.pid() + " ended before it was asleep");
            }
            String[] call = syscall(child.pid());
            if (call != null) {
                if (reading ? call[0].equals(READ) && call.length > 1 && call[1].equals("0x0")
                        : SLEEPS.contains(call[0])) {
                    return;
                }
            } else {
                // no /proc/PID/syscall (a kernel built without it): settle for the maps unchanged for half a second
                String maps = Files.readString(proc.resolve("maps"));
                same = maps.equals(previous) && maps.contains("libc") ? same + 1 : 0;
                if (same >= SAME_LOOKS) {
                    return;
                }
                previous = maps;
            }
            Thread.sleep(20);
        }
        throw new IOException("the child " + child.pid() + " was not in " + (reading ? "read(0, ...)" : "sleep")
                + " within " + timeout.toSeconds() + " s");
    }

    /**
     * {@code /proc/PID/syscall} split: "NR args...", "running", or "-1 sp pc" while blocked outside a call; null
     * where it cannot be read.
     */
    private static String[] syscall(long pid) {
        try {
            return Files.readString(ProcFs.dir((int) pid).resolve("syscall")).trim().split("\\s+");
        } catch (IOException e) {
            return null;
        }
    }
}
