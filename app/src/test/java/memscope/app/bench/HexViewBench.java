package memscope.app.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import memscope.app.hex.HexView;
import memscope.app.document.KernelMemory;
import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.MapResult;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;

/**
 * Hex view benchmark: repaint and page-scroll times at the start, middle and end of a 64 GiB sparse mapping, and
 * the heap a view over it retains compared with a 4 KiB mapping. Every timed step runs on the FX thread and
 * includes the repaint (one ByteSource read through readMemory + the canvas drawing); the "+raster" column also
 * snapshots the control, which forces the software pipeline to rasterize the frame.
 * <p>
 * Run: {@code mvn -B -q -o -pl app -am test-compile exec:exec@bench-hex} (headless Monocle flags are in the pom).
 */
public final class HexViewBench {
    private static final long GIB = 1L << 30;
    private static final long MAPPING_BASE = Kernel.USER_ASPACE_BASE + 0x10000000L;
    private static final int WARMUP = 300;
    private static final int SAMPLES = 1000;

    private Stage stage;
    private HexView view;
    /** Reused by every snapshot so the "+raster" timing measures rendering, not allocating a new image. */
    private WritableImage frame;

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        try {
            new HexViewBench().run();
        } finally {
            Platform.exit();
        }
    }

    private void run() throws Exception {
        onFx(() -> {
            view = new HexView();
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(view), 900, 600));
            stage.show();
            view.layout();
            return null;
        });
        System.out.printf("HexViewBench: %d warmup + %d samples per row, FX thread, window 900x600%n",
                WARMUP, SAMPLES);
        // show something once first, so font and glyph caches are not charged to whichever scenario comes first
        heapWith(4096);
        long emptyHeap = settledHeap();
        long heap4k = heapWith(4096);
        long heap64g = heapWith(64 * GIB);
        System.out.printf("heap used, view over nothing : %8.2f MiB%n", emptyHeap / 1048576.0);
        System.out.printf("heap used, 4 KiB mapping     : %8.2f MiB%n", heap4k / 1048576.0);
        System.out.printf("heap used, 64 GiB mapping    : %8.2f MiB  (ratio %.3f; scenario cost %d KiB vs %d KiB)%n",
                heap64g / 1048576.0, (double) heap64g / heap4k, (heap64g - emptyHeap) / 1024,
                (heap4k - emptyHeap) / 1024);

        Scenario small = scenario(4096);
        Scenario big = scenario(64 * GIB);
        onFx(() -> {
            open(big, 64 * GIB);
            return null;
        });
        int rows = onFx(view::getVisibleRowCount);
        System.out.printf("visible rows: %d (one page)%n", rows);
        System.out.printf("%-8s %-18s %12s %12s %12s%n", "where", "step", "median ms", "p90 ms", "max ms");
        report("4 KiB", "open + paint", time(() -> open(small, 4096)));
        report("64 GiB", "open + paint", time(() -> open(big, 64 * GIB)));
        long pageBytes = rows * 16L;
        measureAt("start", MAPPING_BASE, false);
        measureAt("middle", MAPPING_BASE + 32 * GIB, false);
        measureAt("end", MAPPING_BASE + 64 * GIB - pageBytes, true);
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    private void measureAt(String where, long address, boolean upFirst) throws Exception {
        onFx(() -> {
            view.goTo(address);
            view.layout();
            return null;
        });
        report(where, "repaint", time(() -> {
            view.refresh();
            view.layout();
        }));
        boolean[] up = {upFirst};
        Runnable page = () -> {
            KeyCode key = up[0] ? KeyCode.PAGE_UP : KeyCode.PAGE_DOWN;
            up[0] = !up[0];
            Event.fireEvent(view, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
            view.layout();
        };
        report(where, "page scroll", time(page));
        report(where, "page +raster", time(() -> {
            page.run();
            frame = view.snapshot(null, frame);
        }));
    }

    /** Opening a mapping: a new source over the process, the caret in the middle, the first repaint. */
    private void open(Scenario s, long size) {
        view.setSource(new KernelMemory(s.kernel, s.process));
        view.goTo(MAPPING_BASE + size / 2);
        view.layout();
    }

    /** Runs {@code step} WARMUP + SAMPLES times, each in its own FX event so pulses run in between. */
    private double[] time(Runnable step) throws Exception {
        double[] ms = new double[SAMPLES];
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            long nanos = onFx(() -> {
                long t0 = System.nanoTime();
                step.run();
                return System.nanoTime() - t0;
            });
            if (i >= WARMUP) {
                ms[i - WARMUP] = nanos / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String where, String step, double[] sorted) {
        System.out.printf("%-8s %-18s %12.3f %12.3f %12.3f%n", where, step, sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.9)], sorted[sorted.length - 1]);
    }

    /** Heap in use with the view showing a fresh kernel that maps a VMO of {@code size} bytes. */
    private long heapWith(long size) throws Exception {
        Scenario s = scenario(size);
        onFx(() -> {
            view.setSource(new KernelMemory(s.kernel, s.process));
            view.goTo(MAPPING_BASE + size / 2);
            view.layout();
            return null;
        });
        long used = settledHeap();
        onFx(() -> {
            view.setSource(null);
            view.layout();
            return null;
        });
        return used;
    }

    private record Scenario(Kernel kernel, int process) {
    }

    /** A kernel with one process mapping one VMO of {@code size} bytes read-write, a few bytes written in it. */
    private static Scenario scenario(long size) {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult p = k.processCreate("bench");
        HandleResult vmo = k.vmoCreate(size, 0);
        MapResult m = k.vmarMap(p.rootVmar(), VmOptions.PERM_READ | VmOptions.PERM_WRITE | VmOptions.SPECIFIC,
                MAPPING_BASE - Kernel.USER_ASPACE_BASE, vmo.handle(), 0, size);
        if (m.status() != Status.OK) {
            throw new IllegalStateException("mapping " + size + " bytes failed: " + m.status());
        }
        byte[] marker = "MemScope".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (long at : new long[] {0, size / 2, size - marker.length}) {
            k.writeMemory(p.process(), MAPPING_BASE + at, marker, marker.length);
        }
        return new Scenario(k, p.process());
    }

    private static long settledHeap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
