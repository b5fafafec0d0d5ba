package memscope.model.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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

import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.Status;
import memscope.model.file.FileDocument;

/**
 * Opening a 4 GiB (sparse) file and reading it from start to end, as scrolling does, in a JVM limited to
 * 256 MiB of heap: if a read kept pages, the fork would die of OutOfMemoryError. The peak heap seen is printed.
 * Run: {@code mvn -pl model test-compile exec:exec@bench -Dbench=File}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class FileOpenBenchmark {
    static final long FOUR_GIB = 4L << 30;
    private static final int WINDOW = 64 * 1024;

    private Path dir;
    private Path file;
    private FileDocument doc;

    /** A sparse file: {@code length} bytes, a marker every GiB, almost nothing on disk. */
    static Path sparseFile(Path dir, long length) throws IOException {
        Path file = dir.resolve("big.img");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
            for (long at = 0; at < length; at += 1L << 30) {
                raf.seek(at);
                raf.write("MemScope".getBytes());
            }
        }
        return file;
    }

    static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the reset: an upper bound on the heap used at any moment. */
    static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    @Setup(Level.Trial)
    public void createFile() throws IOException {
        dir = Files.createTempDirectory("memscope-bench");
        file = sparseFile(dir, FOUR_GIB);
        resetPeakHeap();
    }

    @Setup(Level.Iteration)
    public void openForReading() throws IOException {
        doc = FileDocument.open(file);
    }

    @TearDown(Level.Iteration)
    public void closeDocument() throws IOException {
        doc.close();
    }

    @TearDown(Level.Trial)
    public void report() throws IOException {
        System.out.println("\npeak heap during the trial (of -Xmx256m): " + peakHeapMiB() + " MiB");
        deleteAll(dir);
    }

    @Benchmark
    public FileDocument open() throws IOException {
        FileDocument d = FileDocument.open(file);
        d.close();
        return d;
    }

    /** Every 64 KiB window from the first byte to the last, through readMemory. */
    @Benchmark
    public long readWholeFileIn64KiBWindows() {
        byte[] window = new byte[WINDOW];
        long sum = 0;
        for (long at = 0; at < doc.length(); at += WINDOW) {
            IoResult r = doc.kernel().readMemory(doc.processHandle(), doc.baseAddress() + at, window, WINDOW);
            if (r.status() != Status.OK) {
                throw new IllegalStateException("read at " + at + ": " + r);
            }
            sum += window[0];
        }
        return sum;
    }

    /** The first 16-byte row of every page, as a fast scroll through the whole file shows them. */
    @Benchmark
    public long firstRowOfEveryPage() {
        byte[] row = new byte[16];
        long sum = 0;
        for (long at = 0; at < doc.length(); at += Kernel.PAGE_SIZE) {
            doc.kernel().readMemory(doc.processHandle(), doc.baseAddress() + at, row, row.length);
            sum += row[0];
        }
        return sum;
    }
}
