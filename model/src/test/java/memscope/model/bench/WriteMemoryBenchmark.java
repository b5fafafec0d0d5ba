package memscope.model.bench;

import java.util.concurrent.TimeUnit;
import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.MapResult;
import memscope.model.MemoryChange;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.SyscallRecord;
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
 * The cost of {@code writeMemory} against the floor of a plain {@code System.arraycopy} of the same size, and its
 * independence from the number of mappings in the process. Targets: 64 MiB write within 1.5x the 64 MiB copy;
 * a 4 KiB write under 1 us; 4 KiB with 10,000 mappings within 1.5x of 10 mappings.
 *
 * <p>Run: {@code mvn -pl model test-compile exec:exec@bench} (all of them, about a minute and a half). Sample mode,
 * so compare the {@code p0.50} rows (medians): on a shared machine other processes inflate the mean, not the median.
 * Writes land on pages already committed, the steady state of an editor rewriting memory it shows.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WriteMemoryBenchmark {
    static final int SMALL = 4096;
    static final int LARGE = 64 * 1024 * 1024;
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;

    /** A process with one 64 MiB read-write mapping, fully committed, and source/destination buffers. */
    @State(Scope.Benchmark)
    public static class OneLargeMapping {
        Kernel kernel;
        int process;
        long address;
        byte[] small = filled(SMALL);
        byte[] large = filled(LARGE);
        byte[] smallCopy = new byte[SMALL];
        byte[] largeCopy = new byte[LARGE];

        @Setup(Level.Trial)
        public void setUp() {
            kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
            ProcessResult p = kernel.processCreate("bench");
            process = p.process();
            HandleResult vmo = check(kernel.vmoCreate(LARGE, 0));
            address = checkMap(kernel.vmarMap(p.rootVmar(), RW, 0, vmo.handle(), 0, LARGE));
            requireFull(kernel.writeMemory(process, address, large, LARGE), LARGE);
        }
    }

    /** A process with a 1 MiB mapping and a listener subscribed, as the app always has: events are built. */
    @State(Scope.Benchmark)
    public static class Observed {
        Kernel kernel;
        int process;
        long address;
        byte[] small = filled(SMALL);
        long events;

        @Setup(Level.Trial)
        public void setUp() {
            kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
            ProcessResult p = kernel.processCreate("bench");
            process = p.process();
            HandleResult vmo = check(kernel.vmoCreate(1 << 20, 0));
            address = checkMap(kernel.vmarMap(p.rootVmar(), RW, 0, vmo.handle(), 0, 1 << 20));
            requireFull(kernel.writeMemory(process, address + 8 * SMALL, small, SMALL), SMALL);
            kernel.subscribe(new KernelListener() {
                @Override
                public void memoryChanged(MemoryChange change) {
                    events++;
                }

                @Override
                public void syscallCompleted(SyscallRecord record) {
                    events++;
                }
            });
        }
    }

    /** A process with {@code mappings} one-page mappings (plus the vDSO); writes go to the middle one. */
    @State(Scope.Benchmark)
    public static class ManyMappings {
        @Param({"10", "10000"})
        public int mappings;
        Kernel kernel;
        int process;
        long target;
        byte[] small = filled(SMALL);

        @Setup(Level.Trial)
        public void setUp() {
            kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
            ProcessResult p = kernel.processCreate("bench");
            process = p.process();
            HandleResult vmo = check(kernel.vmoCreate((long) mappings * SMALL, 0));
            for (int i = 0; i < mappings; i++) {
                // every other page, so no two mappings touch and the tree really holds them all
                long at = checkMap(kernel.vmarMap(p.rootVmar(), RW | VmOptions.SPECIFIC, 2L * i * SMALL,
                        vmo.handle(), (long) i * SMALL, SMALL));
                requireFull(kernel.writeMemory(process, at, small, SMALL), SMALL);
                if (i == mappings / 2) {
                    target = at;
                }
            }
        }
    }

    @Benchmark
    public IoResult writeMemory4KiB(OneLargeMapping s) {
        return s.kernel.writeMemory(s.process, s.address + 8 * SMALL, s.small, SMALL);
    }

    @Benchmark
    public IoResult writeMemory4KiBObserved(Observed s) {
        return s.kernel.writeMemory(s.process, s.address + 8 * SMALL, s.small, SMALL);
    }

    @Benchmark
    public byte[] arraycopy4KiB(OneLargeMapping s) {
        System.arraycopy(s.small, 0, s.smallCopy, 0, SMALL);
        return s.smallCopy;
    }

    @Benchmark
    public IoResult writeMemory64MiB(OneLargeMapping s) {
        return s.kernel.writeMemory(s.process, s.address, s.large, LARGE);
    }

    @Benchmark
    public byte[] arraycopy64MiB(OneLargeMapping s) {
        System.arraycopy(s.large, 0, s.largeCopy, 0, LARGE);
        return s.largeCopy;
    }

    @Benchmark
    public IoResult writeMemory4KiBAmongMappings(ManyMappings s) {
        return s.kernel.writeMemory(s.process, s.target, s.small, SMALL);
    }

    static byte[] filled(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    static HandleResult check(HandleResult r) {
        if (r.status() != Status.OK) {
            throw new IllegalStateException("setup refused: " + r);
        }
        return r;
    }

    static long checkMap(MapResult r) {
        if (r.status() != Status.OK) {
            throw new IllegalStateException("setup refused: " + r);
        }
        return r.address();
    }

    /** Refuses to measure a call that does not do the whole job (a refused write would look very fast). */
    static void requireFull(IoResult r, long size) {
        if (r.status() != Status.OK || r.actual() != size) {
            throw new IllegalStateException("setup write incomplete: " + r);
        }
    }
}
