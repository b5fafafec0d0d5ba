package memscope.app.startup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Where the start goes, phase by phase (issue 14: start-up). Each {@link #mark} notes the wall clock, the calling
 * thread's CPU time and the whole process's; under {@code -Dmemscope.startupTrace=print} (or {@code =phases}, which
 * then quits) {@link FirstFrame} prints the table once the first frame is out, with the CPU of each kind of thread
 * (the JIT compilers compete with the FX thread for the cores). Without the property a mark costs one field read.
 */
public final class StartupTrace {
    /**
     * Read once: the property decides for the whole run. {@code exit} (startup-bench.sh's mode) makes no marks, so
     * the management beans they load do not weigh on the figure it measures.
     */
    private static final boolean ON = FirstFrame.tracesPhases(System.getProperty(FirstFrame.PROPERTY));
    private static Phases phases;

    private StartupTrace() {
    }

    /** Notes that {@code phase} ends now on this thread (nothing without the trace property). */
    public static void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        Thread thread = Thread.currentThread();
        phases().mark(phase, thread, thread.getName(), now, cpu, FirstFrame.processCpuMillis());
    }

    /**
     * With the trace on, applies the scene's CSS before the window shows (which would do it anyway), so the table
     * tells CSS (styles matched, skins made) apart from the native window and the layout.
     */
    public static void cssBeforeShow(javafx.scene.Scene scene) {
        if (ON) {
            scene.getRoot().applyCss();
            mark("CSS of the whole scene (styles matched, skins made)");
        }
    }

    private static synchronized Phases phases() {
        if (phases == null) {
            long sinceStartMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            phases = new Phases(System.nanoTime() - sinceStartMillis * 1_000_000);
        }
        return phases;
    }

    /** The table so far and the CPU by kind of thread; empty without the trace. */
    static String report() {
        return ON ? phases().table() + ThreadCpu.summary() : "";
    }
}
