package memscope.model.bench;

import java.io.IOException;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import memscope.model.Kernel;
import memscope.model.Status;
import memscope.model.file.FileDocument;
import memscope.model.file.SaveMethod;
import memscope.model.file.SaveOptions;
import memscope.model.file.SaveResult;

/**
 * Saving 1 MiB of dirty pages (256 pages spread over the file) in a 4 GiB sparse file, both ways in one run:
 * {@code IN_PLACE} writes the 1 MiB into a journal, forces it, writes the pages into the file, forces it and
 * removes the journal; {@code COPY} copies every unchanged byte into a temporary file (reading 4 GiB), writes the
 * 1 MiB, forces and renames. Run: {@code mvn -pl model test-compile exec:exec@bench -Dbench=FileSave}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@Warmup(iterations = 1)
@Measurement(iterations = 4)
public class FileSaveBenchmark {
    private static final int DIRTY_PAGES = 256;

    @Param({"IN_PLACE", "COPY"})
    public SaveMethod method;

    private Path dir;
    private FileDocument doc;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("memscope-bench");
        doc = FileDocument.open(FileOpenBenchmark.sparseFile(dir, FileOpenBenchmark.FOUR_GIB));
        FileOpenBenchmark.resetPeakHeap();
    }

    @Setup(Level.Invocation)
    public void dirtyOneMiB() {
        byte[] page = new byte[Kernel.PAGE_SIZE];
        long stride = doc.length() / DIRTY_PAGES;
        for (int i = 0; i < DIRTY_PAGES; i++) {
            page[0] = (byte) (i + 1);
            long at = (i * stride) & -Kernel.PAGE_SIZE;
            Status s = doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress() + at, page, page.length).status();
            if (s != Status.OK) {
                throw new IllegalStateException("write refused: " + s);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        System.out.println("\npeak heap during the trial (of -Xmx256m): " + FileOpenBenchmark.peakHeapMiB() + " MiB");
        doc.close();
        FileOpenBenchmark.deleteAll(dir);
    }

    @Benchmark
    public SaveResult saveOneMiBOfDirtyPages() {
        SaveResult r = doc.save(new SaveOptions(false, null, method));
        if (!r.saved() || r.pagesWritten() != DIRTY_PAGES || r.method() != method) {
            throw new IllegalStateException(r.message());
        }
        return r;
    }
}
