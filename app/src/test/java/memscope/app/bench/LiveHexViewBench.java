package memscope.app.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import memscope.app.hex.HexView;
import memscope.app.document.KernelMemory;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.linux.LinuxMapping;
import memscope.model.linux.LinuxProcess;

/**
 * The hex view over live memory: this very JVM attached as a live process (a JVM has more than a thousand
 * mappings and a large heap), the view on its largest readable and writable mapping. Measures, on the FX thread,
 * attaching; a page scroll onto pages never read (each one a positional {@code /proc/PID/mem} read); a page
 * scroll back and forth over pages already read (also rasterized, as HexViewBench's "+raster"); and one
 * auto-refresh of the visible rows, alone and with its repaint.
 * <p>
 * Run: {@code mvn -B -q -o -pl app -am test-compile exec:exec@bench-live}.
 */
public final class LiveHexViewBench {
    private static final int WARMUP = 200;
    private static final int SAMPLES = 1000;

    private HexView view;
    private LinuxProcess process;

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        try {
            new LiveHexViewBench().run();
        } finally {
            Platform.exit();
        }
    }

    private void run() throws Exception {
        int pid = (int) ProcessHandle.current().pid();
        double[] attach = new double[21];
        for (int i = 0; i < attach.length; i++) {
            long t0 = System.nanoTime();
            LinuxProcess p = LinuxProcess.attach(Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true)), pid);
            attach[i] = (System.nanoTime() - t0) / 1e6;
            if (i < attach.length - 1) {
                p.close();
            } else {
                process = p;
            }
        }
        Arrays.sort(attach);
        LinuxMapping big = process.mappings().stream().filter(m -> m.readable() && m.writable())
                .max(Comparator.comparingLong(LinuxMapping::size)).orElseThrow();
        System.out.printf("LiveHexViewBench: this JVM (PID %d), %d mappings; attach median %.2f ms (max %.2f)%n",
                pid, process.mappings().size(), attach[attach.length / 2], attach[attach.length - 1]);
        System.out.printf("viewing %s%n", big.line());
        onFx(() -> {
            view = new HexView();
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(view), 900, 600));
            stage.show();
            view.setSource(liveMemory(process));
            view.goTo(big.start());
            view.layout();
            return null;
        });
        int rows = onFx(view::getVisibleRowCount);
        long pageBytes = rows * 16L;
        System.out.printf("visible rows: %d (one page, %d bytes); %d warmup + %d samples, FX thread%n", rows,
                pageBytes, WARMUP, SAMPLES);
        System.out.printf("%-34s %10s %10s %10s%n", "step", "median ms", "p90 ms", "max ms");
        long[] next = {big.start()};
        long fresh = (WARMUP + SAMPLES + 2) * 4096L;
        if (big.size() >= fresh) {
            // each step goes to a page no one has read: one pread of /proc/PID/mem per step, plus the repaint
            report("page onto unread memory", time(() -> {
                next[0] += 4096;
                view.goTo(next[0]);
                view.layout();
            }));
        }
        onFx(() -> {
            view.goTo(big.start() + big.size() / 2);
            view.layout();
            return null;
        });
        boolean[] up = {false};
        report("page scroll over read pages", time(() -> {
            KeyCode key = up[0] ? KeyCode.PAGE_UP : KeyCode.PAGE_DOWN;
            up[0] = !up[0];
            Event.fireEvent(view, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
            view.layout();
        }));
        javafx.scene.image.WritableImage[] frame = {null};
        report("page scroll + raster (snapshot)", time(() -> {
            KeyCode key = up[0] ? KeyCode.PAGE_UP : KeyCode.PAGE_DOWN;
            up[0] = !up[0];
            Event.fireEvent(view, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
            view.layout();
            frame[0] = view.snapshot(null, frame[0]);
        }));
        report("refresh visible rows", time(() -> process.refresh(view.topAddressProperty().get(), pageBytes)));
        report("refresh visible rows + repaint", time(() -> {
            process.refresh(view.topAddressProperty().get(), pageBytes);
            view.refresh();
            view.layout();
        }));
        process.close();
    }

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

    private static void report(String step, double[] sorted) {
        System.out.printf("%-34s %10.3f %10.3f %10.3f%n", step, sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.9)], sorted[sorted.length - 1]);
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

    /** The attached process's memory over its own (Linux) address space. */
    private static KernelMemory liveMemory(memscope.model.linux.LinuxProcess process) {
        KernelMemory.Calls direct = java.util.function.Supplier::get;
        memscope.model.AddressSpaceLayout l = process.kernel().inspector().layout(process.processHandle()).orElseThrow();
        return new KernelMemory(process.kernel(), process.processHandle(), direct,
                new memscope.app.hex.AddressRange(l.base(), l.end()));
    }
}
