package memscope.app.startup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checkpoints of one start and their table (issue 14: start-up). A row is the work done on its thread since
 * that thread's previous checkpoint (a thread's first one counts from the JVM's start), so one thread's rows add up
 * to its time by its last checkpoint. Times are nanoseconds on the {@link System#nanoTime} scale.
 */
final class Phases {
    /** One checkpoint, with what was spent on its thread since the one before. */
    record Mark(String phase, String thread, long at, long wall, long cpu, long processCpuMillis) {
    }

    private record Last(long nanos, long cpuNanos) {
    }

    private final long start;
    private final List<Mark> marks = new ArrayList<>();
    /** Keyed by the thread itself: names need not be unique. */
    private final Map<Object, Last> last = new HashMap<>();

    /** {@code startNanos}: the JVM's start on the nanoTime scale. */
    Phases(long startNanos) {
        this.start = startNanos;
    }

    /** {@code phase} ended at {@code nanos} on {@code thread}, which had used {@code cpuNanos} of CPU by then. */
    synchronized void mark(String phase, Object thread, String threadName, long nanos, long cpuNanos,
                           long processCpuMillis) {
        Last before = last.getOrDefault(thread, new Last(start, 0));
        marks.add(new Mark(phase, threadName, nanos - start, nanos - before.nanos(), cpuNanos - before.cpuNanos(),
                processCpuMillis));
        last.put(thread, new Last(nanos, cpuNanos));
    }

    synchronized List<Mark> marks() {
        return List.copyOf(marks);
    }

    /** The rows in the order they were made, in milliseconds; empty when nothing was marked. */
    String table() {
        List<Mark> rows = marks();
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("memscope: start-up phases (at: ms after the JVM started; wall and"
                + " cpu: ms on that thread since its previous row; process: the JVM's CPU ms so far)\n");
        out.append(String.format(Locale.ROOT, "%7s %7s %7s %8s  %-26s %s%n", "at", "wall", "cpu", "process",
                "thread", "phase"));
        for (Mark m : rows) {
            out.append(String.format(Locale.ROOT, "%7d %7d %7d %8d  %-26s %s%n", m.at() / 1_000_000,
                    m.wall() / 1_000_000, m.cpu() / 1_000_000, m.processCpuMillis(), m.thread(), m.phase()));
        }
        return out.toString();
    }
}
