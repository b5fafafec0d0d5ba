package memscope.app.startup;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Measures start-up: with {@code -Dmemscope.startupTrace=exit} (which then quits) it prints how
 * long after the JVM started the window's first frame was laid out and handed to the renderer, and the CPU time
 * spent by then (the FX thread's, and the whole process's), and the wall clock then, so that a caller who noted
 * the time of the fork gets the time from launch, launcher included (startup-bench.sh). The JVM's start
 * is the launch: for {@code mvn exec:java} that is Maven's own start, for the app image the launcher's.
 * With {@code =print} (stays open) or {@code =phases} (quits) {@link StartupTrace}'s table of phases follows.
 * Without the property it does nothing.
 */
public final class FirstFrame {
    static final String PROPERTY = "memscope.startupTrace";

    private FirstFrame() {
    }

    /** Whether the trace {@code mode} (the property's value, or null) wants the table of phases. */
    static boolean tracesPhases(String mode) {
        return "print".equals(mode) || "phases".equals(mode);
    }

    /** User and system CPU time of the whole JVM so far (Linux's /proc/self/stat, in 10 ms ticks), or -1. */
    static long processCpuMillis() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime: fields 14 and 15
        } catch (java.io.IOException | RuntimeException e) {
            return -1; // not Linux: the wall clock alone
        }
    }

    /** Call once the window is about to be shown with {@code scene}. */
    public static void watch(Scene scene) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        StartupTrace.mark("window shown (stage.show: native window, layout at its size)");
        Runnable[] before = new Runnable[1];
        before[0] = () -> {
            scene.removePreLayoutPulseListener(before[0]);
            StartupTrace.mark("until the first pulse (work queued with runLater, animations)");
        };
        scene.addPreLayoutPulseListener(before[0]);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            StartupTrace.mark("first pulse: CSS and layout");
            // the frame of this pulse is rendered next; the runLater lands after that pulse
            Platform.runLater(() -> {
                StartupTrace.mark("first frame: scene graph handed to the renderer");
                long now = System.currentTimeMillis();
                long ms = now - ManagementFactory.getRuntimeMXBean().getStartTime();
                // CPU times barely change with the machine's load, which inflates the wall clock many times over
                long fxCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
                System.err.println("memscope: first frame " + ms + " ms after launch; CPU: FX thread " + fxCpu
                        + " ms, process " + processCpuMillis() + " ms; at " + now + " ms since the epoch");
                System.err.print(StartupTrace.report());
                if ("exit".equals(mode) || "phases".equals(mode)) {
                    Platform.exit();
                }
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
