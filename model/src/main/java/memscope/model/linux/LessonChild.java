package memscope.model.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import memscope.model.Errno;
import memscope.model.Kernel;

/**
 * A child process a lesson starts itself ({@code sleep 600}, the real binary) and attaches to, so a lesson can
 * write into a real program's code. The child is the JVM's own, which every {@code kernel.yama.ptrace_scope} that
 * permits debugging at all allows. {@link #close()} kills it; so does the JVM's exit, through one shutdown hook.
 */
public final class LessonChild implements AutoCloseable {
    /** Long enough for any lesson, short enough that a child the hook missed (SIGKILL of the JVM) goes away. */
    static final String SECONDS = "600";
    private static final long SETTLE_MILLIS = 5_000;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "memscope-lesson-children"));
    }

    private final Process child;
    private final Path binary;
    private final LinuxProcess process;

    private LessonChild(Process child, Path binary, LinuxProcess process) {
        this.child = child;
        this.binary = binary;
        this.process = process;
    }

    /**
     * Starts {@code sleep 600} and attaches it to {@code kernel}. Refused, with no child left behind: no
     * {@code sleep} binary (ENOENT), a child that cannot start or settle (ESRCH), an attach Linux refuses.
     */
    public static LessonChild start(Kernel kernel) throws LinuxException {
        Path binary = sleepBinary().orElseThrow(() -> new LinuxException(Errno.ENOENT,
                LinuxWords.of("child.noSleep")));
        Process child;
        try {
            child = new ProcessBuilder(binary.toString(), SECONDS).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new LinuxException(Errno.ESRCH, LinuxWords.of("child.cannotStart", binary,
                    String.valueOf(e.getMessage())));
        }
        LIVE.add(child);
        try {
            settle(child, binary);
            return new LessonChild(child, binary, LinuxProcess.attach(kernel, (int) child.pid()));
        } catch (LinuxException | RuntimeException e) {
            kill(child);
            throw e;
        }
    }

    /** The real sleep binary, its symbolic links resolved, so its name matches /proc/PID/maps. */
    static Optional<Path> sleepBinary() {
        for (String p : new String[] {"/usr/bin/sleep", "/bin/sleep"}) {
            try {
                Path real = Path.of(p).toRealPath();
                if (Files.isRegularFile(real) && Files.isExecutable(real)) {
                    return Optional.of(real);
                }
            } catch (IOException e) {
                // try the next place
            }
        }
        return Optional.empty();
    }

    /**
     * Waits until the child runs the binary (not the JVM's spawn helper) and sleeps (the dynamic loader has
     * finished mapping), so the maps read at attach are the program's own.
     */
    private static void settle(Process child, Path binary) throws LinuxException {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        int pid = (int) child.pid();
        while (System.nanoTime() < deadline && child.isAlive()) {
            try {
                Path exe = Files.readSymbolicLink(ProcFs.dir(pid).resolve("exe"));
                if (exe.equals(binary) && ChildAsleep.sleeping(pid)) {
                    return;
                }
                Thread.sleep(5);
            } catch (IOException | RuntimeException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new LinuxException(Errno.ESRCH, LinuxWords.of("child.notSettled", binary, pid));
    }

    public LinuxProcess process() {
        return process;
    }

    public long pid() {
        return child.pid();
    }

    public Path binary() {
        return binary;
    }

    /** Where the program's code starts: its first r-x mapping of the binary itself (else the first r-x one). */
    public OptionalLong codeAddress() {
        return codeAddress(process);
    }

    /** The first r-x mapping of {@code p}'s own binary (the one mapped from offset 0 first), else the first r-x one. */
    public static OptionalLong codeAddress(LinuxProcess p) {
        String own = p.mappings().isEmpty() ? "" : p.mappings().get(0).path();
        OptionalLong any = OptionalLong.empty();
        for (LinuxMapping m : p.mappings()) {
            if (m.perms().startsWith("r-x")) {
                if (m.path().equals(own)) {
                    return OptionalLong.of(m.start());
                }
                if (any.isEmpty()) {
                    any = OptionalLong.of(m.start());
                }
            }
        }
        return any;
    }

    /** Detaches and kills the child; twice does nothing. */
    @Override
    public void close() {
        process.close();
        kill(child);
    }

    private static void kill(Process child) {
        child.destroyForcibly();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(child);
    }
}
