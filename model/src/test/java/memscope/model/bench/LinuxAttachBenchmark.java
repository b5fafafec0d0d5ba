package memscope.model.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.linux.LinuxException;
import memscope.model.linux.LinuxProcess;
import memscope.model.linux.RefreshResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Live Linux processes. Targets: attaching to a process with at least 1,000 mappings in at most 200 ms (median);
 * one refresh of the visible rows (40 rows of 16 bytes) in at most 2 ms; reading those rows through readMemory.
 *
 * <p>Run: {@code mvn -pl model test-compile exec:exec@bench -Dbench=LinuxAttachBenchmark} (about a minute; needs
 * gcc). The process is the tests' {@code child.c}, compiled into a temp dir and started with 1,200 extra one-page
 * mappings of alternating protection (so none merge): about 1,230 lines in its maps. Compare the p0.50 rows.
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LinuxAttachBenchmark {
    static final int EXTRA_MAPPINGS = 1200;
    static final int VISIBLE = 40 * 16;

    /** The child with many mappings, and one attach that stays for the refresh benchmarks. */
    @State(Scope.Benchmark)
    public static class Child {
        Process process;
        Path dir;
        long rw;
        Kernel kernel;
        LinuxProcess attached;
        byte[] rows = new byte[VISIBLE];

        @Setup(Level.Trial)
        public void start() throws IOException, InterruptedException, LinuxException {
            dir = Files.createTempDirectory("memscope-bench");
            Path source = dir.resolve("child.c");
            try (InputStream s = LinuxAttachBenchmark.class.getResourceAsStream("/memscope/model/linux/child.c")) {
                Files.copy(s, source, StandardCopyOption.REPLACE_EXISTING);
            }
            Path binary = dir.resolve("child");
            if (new ProcessBuilder("gcc", "-O0", "-o", binary.toString(), source.toString()).inheritIO().start()
                    .waitFor() != 0) {
                throw new IOException("gcc failed");
            }
            process = new ProcessBuilder(binary.toString(), Integer.toString(EXTRA_MAPPINGS)).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII));
            for (String line = out.readLine(); !"ready".equals(line); line = out.readLine()) {
                if (line.startsWith("rw ")) {
                    rw = Long.parseUnsignedLong(line.substring(3), 16);
                }
            }
            long lines = Files.readAllLines(Path.of("/proc/" + process.pid() + "/maps")).size();
            System.out.println("\nchild PID " + process.pid() + ": " + lines + " lines in /proc/PID/maps");
            kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
            attached = LinuxProcess.attach(kernel, (int) process.pid());
            kernel.readMemory(attached.processHandle(), rw, rows, VISIBLE);
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException, InterruptedException {
            attached.close();
            process.destroyForcibly().waitFor();
            Files.deleteIfExists(dir.resolve("child"));
            Files.deleteIfExists(dir.resolve("child.c"));
            Files.deleteIfExists(dir);
        }
    }

    /** Attach (maps read and parsed, memory opened, ~1,230 mappings built in the kernel), then detach. */
    @Benchmark
    public int attach(Child c) throws LinuxException {
        try (LinuxProcess p = LinuxProcess.attach(c.kernel, (int) c.process.pid())) {
            return p.mappings().size();
        }
    }

    /** One auto-refresh tick of the visible rows: is the process alive, reread the page(s), compare. */
    @Benchmark
    public RefreshResult refreshVisibleRows(Child c) {
        return c.attached.refresh(c.rw, VISIBLE);
    }

    /** What a hex view page paints: the visible rows through readMemory, from the last look. */
    @Benchmark
    public long readVisibleRows(Child c) {
        return c.kernel.readMemory(c.attached.processHandle(), c.rw, c.rows, VISIBLE).actual();
    }
}
