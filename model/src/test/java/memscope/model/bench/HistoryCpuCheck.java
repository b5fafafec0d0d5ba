package memscope.model.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The 4 KiB write of {@link HistoryBenchmark}, history off and on, measured in CPU time as well as wall time: on
 * a loaded machine the wall-clock medians move with the other processes, the write's own CPU time much less.
 * Thread CPU is the writing thread's; process CPU adds the garbage collector's and the compiler's threads. Medians
 * of 15 rounds of 20,000 writes after 200,000 to warm up (the history is at its 256 MiB cap by then).
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -cp model/target/test-classes:model/target/classes memscope.model.bench.HistoryCpuCheck}
 */
public final class HistoryCpuCheck {
    private static final int ROUND = 20_000;
    private static final int ROUNDS = 15;

    private HistoryCpuCheck() {
    }

    public static void main(String[] args) {
        for (String history : new String[] {"off", "on"}) {
            HistoryBenchmark.Editing hot = new HistoryBenchmark.Editing();
            hot.history = history;
            hot.setUp();
            report("write4k       " + history, () -> new HistoryBenchmark().write4k(hot));
            HistoryBenchmark.Spread spread = new HistoryBenchmark.Spread();
            spread.history = history;
            spread.setUp();
            report("write4kSpread " + history, () -> new HistoryBenchmark().write4kSpread(spread));
        }
    }

    private static void report(String name, Runnable write) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < 10 * ROUND; i++) {
            write.run();
        }
        double[] thread = new double[ROUNDS];
        double[] process = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        double[] allocated = new double[ROUNDS];
        long id = Thread.currentThread().getId();
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            long p0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            long a0 = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < ROUND; i++) {
                write.run();
            }
            thread[r] = (threads.getCurrentThreadCpuTime() - t0) / 1e3 / ROUND;
            process[r] = (os.getProcessCpuTime() - p0) / 1e3 / ROUND;
            wall[r] = (System.nanoTime() - w0) / 1e3 / ROUND;
            allocated[r] = (threads.getThreadAllocatedBytes(id) - a0) / (double) ROUND;
        }
        System.out.printf("%s: thread CPU %.3f us, process CPU %.3f us, wall %.3f us, %.0f B allocated per write%n",
                name, median(thread), median(process), median(wall), median(allocated));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
