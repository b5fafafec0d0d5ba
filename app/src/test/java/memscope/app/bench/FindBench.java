package memscope.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import memscope.app.edit.ByteRange;
import memscope.app.find.Finder;
import memscope.app.document.KernelMemory;
import memscope.app.find.SearchPattern;
import memscope.model.file.FileDocument;

/**
 * Find throughput over a 1 GiB file of random bytes against GNU grep on the same file, in one run: each
 * pattern occurs nowhere, so both scan every byte. MemScope reads the file as the window does (a file-backed
 * VMO, through readMemory in 1 MiB chunks); grep reads it with its own I/O. The file is read once before, so
 * both read from the page cache. Each figure is the median of five runs.
 * <p>
 * Run: {@code mvn -B -q -o -pl app -am test-compile exec:exec@bench-find} (needs grep with -P; ~2 GiB in /tmp
 * while it runs; {@code -Dfind.size=MiB} changes the size).
 */
public final class FindBench {
    private static final int RUNS = 5;

    private record Case(String what, String memscopeHex, List<String> grepArgs) {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.getLong("find.size", 1024) << 20;
        Path dir = Files.createTempDirectory("memscope-find-bench");
        Path file = dir.resolve("random.bin");
        try {
            writeRandom(file, size);
            Path plain = Files.write(dir.resolve("plain.pat"), "MemScope!!".getBytes(StandardCharsets.US_ASCII));
            List<Case> cases = List.of(
                    new Case("plain hex (MemScope!!, 10 bytes)", "4D 65 6D 53 63 6F 70 65 21 21",
                            List.of("grep", "-c", "-F", "-f", plain.toString(), file.toString())),
                    new Case("byte pattern DE AD BE EF 01 02", "DE AD BE EF 01 02",
                            List.of("grep", "-c", "-P", "\\xde\\xad\\xbe\\xef\\x01\\x02", file.toString())),
                    new Case("with a wildcard DE AD ?? EF 01", "DE AD ?? EF 01",
                            List.of("grep", "-c", "-P", "(?s)\\xde\\xad.\\xef\\x01", file.toString())));
            grep(cases.get(0).grepArgs()); // reads the file into the page cache
            System.out.printf("%-36s %14s %14s %8s%n", "pattern over " + (size >> 20) + " MiB", "MemScope",
                    "grep", "ratio");
            try (FileDocument doc = FileDocument.open(file)) {
                Finder finder = new Finder(new KernelMemory(doc.kernel(), doc.processHandle()));
                ByteRange within = new ByteRange(doc.baseAddress(), doc.endAddress());
                for (Case c : cases) {
                    SearchPattern pattern = SearchPattern.hex(c.memscopeHex());
                    double ours = median(() -> {
                        long t0 = System.nanoTime();
                        Optional<ByteRange> hit = finder.findNext(pattern, within.start(), within);
                        long t = System.nanoTime() - t0;
                        if (hit.isPresent()) {
                            throw new IllegalStateException("the random file holds " + pattern);
                        }
                        return t;
                    });
                    double theirs = median(() -> grep(c.grepArgs()));
                    System.out.printf("%-36s %9.2f GB/s %9.2f GB/s %7.2fx%n", c.what(), size / ours,
                            size / theirs, ours / theirs);
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @FunctionalInterface
    private interface Timed {
        long nanos() throws Exception;
    }

    private static double median(Timed run) throws Exception {
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            t[i] = run.nanos();
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }

    /** Runs grep in the C locale (bytes, not characters); its count must be 0. Returns nanoseconds. */
    private static long grep(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        long t = System.nanoTime() - t0;
        if (!out.equals("0")) {
            throw new IllegalStateException(command + " said: " + out);
        }
        return t;
    }

    private static void writeRandom(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(14);
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long at = 0; at < size; at += buf.capacity()) {
                buf.clear();
                while (buf.hasRemaining()) {
                    buf.putLong(random.nextLong());
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
            }
        }
    }
}
