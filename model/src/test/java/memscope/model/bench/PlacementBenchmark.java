package memscope.model.bench;

import java.util.concurrent.TimeUnit;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.MapResult;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Placing a mapping without SPECIFIC, as the number of mappings grows. Targets: the cost of one placement with
 * 100,000 mappings at most 2x the cost with 1,000; placing 100,000 mappings from scratch under 1 s.
 *
 * <p>Run: {@code mvn -pl model test-compile exec:exec@bench -Dbench=PlacementBenchmark} (about two minutes).
 * {@code placeOneMore} maps one more page among {@code mappings} others and unmaps it again (sample mode: compare
 * the p0.50 rows); {@code place100000} is one whole run of 100,000 placements into an empty process.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlacementBenchmark {
    private static final int READ = VmOptions.PERM_READ;
    private static final int PAGE = Kernel.PAGE_SIZE;

    /** A process whose root VMAR holds {@code mappings} one-page mappings, all placed without SPECIFIC. */
    @State(Scope.Benchmark)
    public static class Crowded {
        @Param({"1000", "100000"})
        int mappings;

        Kernel kernel;
        int root;
        int vmo;

        @Setup(Level.Trial)
        public void setUp() {
            kernel = Kernel.boot(BootOptions.defaults());
            ProcessResult p = kernel.processCreate("bench");
            root = p.rootVmar();
            vmo = kernel.vmoCreate(PAGE, 0).handle();
            for (int i = 0; i < mappings; i++) {
                place(kernel, root, vmo);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Status placeOneMore(Crowded c) {
        long at = place(c.kernel, c.root, c.vmo);
        return c.kernel.vmarUnmap(c.root, at, PAGE);
    }

    /** An empty process, made anew before each measured run of 100,000 placements. */
    @State(Scope.Benchmark)
    public static class Empty {
        Kernel kernel;
        int root;
        int vmo;

        @Setup(Level.Invocation)
        public void setUp() {
            kernel = Kernel.boot(BootOptions.defaults());
            root = kernel.processCreate("bench").rootVmar();
            vmo = kernel.vmoCreate(PAGE, 0).handle();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    public long place100000(Empty e) {
        long last = 0;
        for (int i = 0; i < 100_000; i++) {
            last = place(e.kernel, e.root, e.vmo);
        }
        return last;
    }

    static long place(Kernel kernel, int root, int vmo) {
        MapResult r = kernel.vmarMap(root, READ, 0, vmo, 0, PAGE);
        if (r.status() != Status.OK) {
            throw new IllegalStateException("vmarMap: " + r);
        }
        return r.address();
    }
}
