package memscope.app.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a child the test started ({@code sleep}, say) is blocked in the system call it will stay in, so
 * that its address space no longer changes. Seeing the program or libc in {@code /proc/PID/maps}, or the maps
 * equal across two looks, is not that condition: after mapping libc the dynamic loader still relocates and
 * re-protects the RELRO pages (one rw-p mapping turns into r--p + rw-p), and a child starved by a loaded,
 * cold-cached machine can sit between two looks for longer than any fixed pause.
 */
public final class ChildAsleep {
    /** (clock_)nanosleep on x86-64 and on arm64 (the generic table). */
    private static final Set<String> SLEEPS = "aarch64".equals(System.getProperty("os.arch"))
            ? Set.of("101", "115") : Set.of("35", "230");
    /** read(2), on fd 0: a child waiting for its next command on stdin. */
    private static final Set<String> READS = "aarch64".equals(System.getProperty("os.arch"))
            ? Set.of("63") : Set.of("0");
    private static final long TIMEOUT_S = 30;

    private ChildAsleep() {
    }

    /** Until {@code child} sleeps in (clock_)nanosleep. */
    public static void await(Process child) throws IOException, InterruptedException {
        await(child, SLEEPS, "sleep");
    }

    /** Until {@code child} waits in read(2) on its stdin. */
    public static void awaitReading(Process child) throws IOException, InterruptedException {
        await(child, READS, "read(0, ...)");
    }

    private static void await(Process child, Set<String> calls, String what)
            throws IOException, InterruptedException {
        Path proc = Path.of("/proc", Long.toString(child.pid()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        String previous = null;
        int same = 0;
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IOException("the child " + child.pid() + " ended before it was asleep");
            }
            String syscall;
            try {
                // "NR args...", "running", or "-1 sp pc" while blocked outside a system call
                syscall = Files.readString(proc.resolve("syscall")).trim();
            } catch (IOException noSyscallFile) {
                syscall = null;
            }
            if (syscall != null) {
                String[] f = syscall.split("\\s+");
                if (calls.contains(f[0]) && (calls != READS || f.length > 1 && f[1].equals("0x0"))) {
                    return;
                }
            } else {
                // no /proc/PID/syscall (a kernel without it): settle for the maps unchanged over half a second
                String maps = Files.readString(proc.resolve("maps"));
                same = maps.equals(previous) && maps.contains("libc") ? same + 1 : 0;
                if (same >= 25) {
                    return;
                }
                previous = maps;
            }
            Thread.sleep(20);
        }
        throw new IOException("the child " + child.pid() + " was not in " + what + " within " + TIMEOUT_S + " s");
    }
}
