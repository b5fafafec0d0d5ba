package memscope.model.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.VmOptions;
import memscope.model.elf.CoreFiles;
import memscope.model.elf.CoreWriter;
import memscope.model.elf.ElfException;
import memscope.model.elf.ElfLoader;
import memscope.model.elf.LoadedCore;
import memscope.model.elf.LoadedElf;

/**
 * Two targets of ELF support, measured with a plain main (no JMH: the second is a census, not a micro-benchmark):
 * <ol>
 *   <li>opening a 1 GiB core dump (sparse, written by {@link CoreWriter}) takes at most 200 ms and reads nothing
 *       but its headers and notes (the bytes this process read, from {@code /proc/self/io}, are printed);</li>
 *   <li>every executable in {@code /usr/bin} (or the directory given) is loaded, one by one, into a kernel of its
 *       own: loaded vs refused, the refusals tallied by reason, and the time taken.</li>
 * </ol>
 * Run: {@code mvn -q -pl model test-compile && java -cp model/target/test-classes:model/target/classes
 * memscope.model.bench.ElfBenchmark [/usr/bin]}
 */
public final class ElfBenchmark {
    private static final long GIB = 1L << 30;

    private ElfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        openBigCore();
        loadEverything(Path.of(args.length > 0 ? args[0] : "/usr/bin"));
    }

    private static void openBigCore() throws Exception {
        Path dir = Files.createTempDirectory("memscope-elf-bench");
        Path core = dir.resolve("big.core");
        try {
            Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
            ProcessResult p = k.processCreate("big");
            HandleResult vmo = k.vmoCreate(GIB, 0);
            k.vmarMap(p.rootVmar(), VmOptions.PERM_READ | VmOptions.PERM_WRITE, 0, vmo.handle(), 0, GIB);
            long base = k.processMaps(p.process()).entries().stream()
                    .filter(e -> e.isMapping() && e.size() == GIB).findFirst().orElseThrow().base();
            for (long at = 0; at < GIB; at += 64L << 20) {
                k.writeMemory(p.process(), base + at, "MemScope".getBytes(), 8);
            }
            long t0 = System.nanoTime();
            CoreWriter.write(k, p.process(), core);
            System.out.printf("wrote a 1 GiB core in %d ms: %d bytes long, %d KiB on disk%n",
                    (System.nanoTime() - t0) / 1_000_000, Files.size(core), onDisk(core) / 1024);
            double[] ms = new double[20];
            long readBefore = readBytes();
            for (int i = 0; i < ms.length; i++) {
                Kernel fresh = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
                long s = System.nanoTime();
                LoadedCore c = CoreFiles.open(fresh, core);
                ms[i] = (System.nanoTime() - s) / 1e6;
                c.close();
            }
            long read = readBytes() - readBefore;
            double cold = ms[0];
            Arrays.sort(ms);
            System.out.printf("open the 1 GiB core: first (cold JVM) %.2f ms, then min %.2f / median %.2f / max %.2f ms"
                    + " (target <= 200 ms); %d bytes read in all by the 20 opens%n", cold, ms[0], ms[ms.length / 2],
                    ms[ms.length - 1], read);
        } finally {
            Files.deleteIfExists(core);
            Files.deleteIfExists(dir);
        }
    }

    private static void loadEverything(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                if (Files.isRegularFile(f) && Files.isExecutable(f)) {
                    files.add(f);
                }
            }
        }
        files.sort(null);
        Map<String, Integer> refused = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        int loaded = 0;
        long segments = 0;
        double slowest = 0;
        String slowestName = "";
        long t0 = System.nanoTime();
        for (Path f : files) {
            Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
            long s = System.nanoTime();
            try (LoadedElf elf = ElfLoader.load(k, f)) {
                loaded++;
                segments += elf.segments().size();
            } catch (ElfException e) {
                String key = e.problemText().key();
                refused.merge(key, 1, Integer::sum);
                example.putIfAbsent(key, e.getMessage());
            }
            double ms = (System.nanoTime() - s) / 1e6;
            if (ms > slowest) {
                slowest = ms;
                slowestName = f.getFileName().toString();
            }
        }
        double total = (System.nanoTime() - t0) / 1e6;
        System.out.printf("%s: %d executables, %d loaded (%d segments), %d refused, in %.0f ms (%.2f ms each;"
                        + " slowest %s %.1f ms)%n", dir, files.size(), loaded, segments, files.size() - loaded, total,
                total / Math.max(1, files.size()), slowestName, slowest);
        for (Map.Entry<String, Integer> r : refused.entrySet()) {
            System.out.printf("  refused %4d  %-20s e.g. %s%n", r.getValue(), r.getKey(), example.get(r.getKey()));
        }
    }

    private static long onDisk(Path file) throws IOException {
        try {
            Process p = new ProcessBuilder("du", "-k", file.toString()).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out.split("\\s+")[0]) * 1024;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return -1;
        }
    }

    /** Bytes this process has read through read syscalls ({@code rchar}), or -1 where there is no /proc. */
    private static long readBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("rchar:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
