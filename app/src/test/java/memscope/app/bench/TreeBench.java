package memscope.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import memscope.app.MainWindow;
import memscope.app.Messages;
import memscope.app.hex.HexView;
import memscope.app.document.KernelMemory;
import memscope.app.kernel.KernelSession;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import memscope.app.tree.MappingTreeBuilder;
import memscope.app.tree.MappingTreeView;
import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.MapResult;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.StructureChange;
import memscope.model.VmOptions;
import memscope.model.scenario.LoadedScenario;

/**
 * The window with a process of 100,000 mappings (issue 14 item 2): building the mapping tree and its first layout,
 * one map and one unmap reflected in it (in place, from the kernel's change events, and the full rebuild it
 * replaces, in the same run), expanding a group, the same map and unmap with every group open, and page scrolls of
 * the tree (by the rows it shows at 1024x700: the wheel, PgDn, which moves the selection too, and the scrollTo API)
 * at the top and from the middle of the open rows (the map and unmap there too), and of the hex view over that
 * process. Every timed step runs on the FX thread and includes the layout that shows it; each line prints its
 * target.
 * <p>
 * Run: {@code mvn -B -q -o -pl app -am test-compile exec:exec@bench-tree} ({@code -Dtree.mappings=N} changes N,
 * {@code -Dtree.samples=N} the samples per step).
 */
public final class TreeBench {
    private static final int SAMPLES = Integer.getInteger("tree.samples", 20);
    /**
     * Untimed runs of each step before its samples: the first runs of a step also compile its code (the build's five
     * samples keep theirs; their max is the first).
     */
    private static final int WARMUP = 3;
    /** The window of the target: a page is what the tree shows at this size. */
    private static final int WIDTH = 1024;
    private static final int HEIGHT = 700;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();

    private Stage stage;
    private MappingTreeView tree;
    private HexView hex;

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        try {
            new TreeBench().run(Integer.getInteger("tree.mappings", 100_000));
        } finally {
            Platform.exit();
        }
    }

    private void run(int mappings) throws Exception {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult p = k.processCreate("many");
        HandleResult vmo = k.vmoCreate(Kernel.PAGE_SIZE, 0);
        int perms = VmOptions.PERM_READ | VmOptions.PERM_WRITE;
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < mappings; i++) {
            MapResult m = k.vmarMap(p.rootVmar(), perms, 0, vmo.handle(), 0, Kernel.PAGE_SIZE);
            if (m.status() != Status.OK) {
                throw new IllegalStateException("map " + i + ": " + m.status());
            }
            lowest = Math.min(lowest, m.address());
        }
        long first = lowest;
        KernelSession session = new KernelSession(new LoadedScenario("bench", "", k,
                Map.of("many", p.process()), "many", "many", first));
        Messages messages = new Messages(Locale.ENGLISH);
        System.out.printf("TreeBench: one process with %,d mappings, FX thread, window %dx%d, %d samples per step after"
                + " %d untimed%n", mappings, WIDTH, HEIGHT, SAMPLES, WARMUP);
        System.out.printf("%-40s %10s %10s %10s %10s %10s %10s %10s%n", "step", "median ms", "p90 ms", "max ms",
                "cpu med ms", "gc med ms", "wait med", "target ms");
        CPU.setThreadContentionMonitoringEnabled(true);
        List<StructureChange> heard = new ArrayList<>();
        k.subscribe(new KernelListener() {
            @Override
            public void structureChanged(StructureChange change) {
                heard.add(change);
            }
        });

        // five builds, each in a new window with the app's stylesheet; the first also loads and compiles classes
        double[][] build = new double[2][5];
        double[][] shown = new double[2][5];
        for (int i = 0; i < build[0].length; i++) {
            int at = i;
            onFx(() -> {
                if (stage != null) {
                    stage.close();
                }
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                tree = new MappingTreeView(messages, new MappingTreeBuilder(session));
                build[0][at] = (System.nanoTime() - t0) / 1e6;
                build[1][at] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
                hex = new HexView();
                HBox root = new HBox(tree.node(), hex);
                root.getStylesheets().add(MainWindow.class.getResource("memscope.css").toExternalForm());
                stage = new Stage();
                stage.setScene(new Scene(root, WIDTH, HEIGHT));
                stage.show();
                tree.node().layout();
                shown[0][at] = (System.nanoTime() - t0) / 1e6;
                shown[1][at] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
                return null;
            });
        }
        report("build the tree", build, 200);
        report("build + show the window + first layout", shown, 200);

        long[] extra = {0};
        mapAndUnmap(k, p, vmo, perms, heard, extra, "");
        report("(before) one map, full rebuild", time(() -> {
            MapResult m = k.vmarMap(p.rootVmar(), perms, 0, vmo.handle(), 0, Kernel.PAGE_SIZE);
            extra[0] = m.address();
            tree.rebuild();
            tree.node().layout();
        }, () -> {
            k.vmarUnmap(p.rootVmar(), extra[0], Kernel.PAGE_SIZE);
            tree.rebuild();
            tree.node().layout();
            heard.clear();
        }), 16);

        CanvasTree table = tree.node();
        // the process's root VMAR holds the 100,000 mappings, in groups of 500
        javafx.collections.ObservableList<javafx.scene.control.TreeItem<MappingRow>> groups = table.getRoot()
                .getChildren().get(0).getChildren().get(0).getChildren();
        int[] group = {0};
        report("expand a group + layout", time(() -> {
            javafx.scene.control.TreeItem<MappingRow> g = groups.get(group[0]);
            g.setExpanded(true);
            table.scrollTo(table.getRow(g));
            table.layout();
        }, () -> {
            groups.get(group[0]).setExpanded(false);
            table.layout();
            group[0] = (group[0] + 7) % groups.size();
        }), 16);
        onFx(() -> {
            for (var g : groups) {
                g.setExpanded(true); // scroll through every mapping
            }
            return null;
        });
        int page = onFx(() -> (int) Math.floor(table.pageRows()));
        System.out.printf("(a page of the tree is %d rows; %,d rows open)%n", page,
                onFx(table::getExpandedItemCount));
        mapAndUnmap(k, p, vmo, perms, heard, extra, " (every group open)");
        // JavaFX's VirtualFlow (the tree's before session 8) walked the rows above the view on every scroll: each step
        // is measured at the top, in the middle and near the end of the 100,000 open rows
        int rows = onFx(table::getExpandedItemCount);
        for (int from : new int[] {0, rows / 2, rows / 10 * 9}) {
            String where = from == 0 ? ", at the top" : String.format(", from row %,d", from);
            showAt(table, from);
            if (from > 0) {
                mapAndUnmap(k, p, vmo, perms, heard, extra, " (every group open" + where + ")");
            }
            showAt(table, from);
            // a turn of the wheel by a page (PAGES units; pixels and lines take the same path)
            report("tree wheel, a page" + where, time(() -> {
                Event.fireEvent(table, new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false,
                        false, false, false, 0, -page * table.rowHeight(), 0, 0,
                        ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.PAGES, -1,
                        0, null));
                table.layout();
            }, () -> { }), 4);
            showAt(table, from);
            report("tree PgDn (selection moves a page)" + where, time(() -> {
                Event.fireEvent(table, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.PAGE_DOWN, false, false,
                        false, false));
                table.layout();
            }, () -> { }), 4);
            showAt(table, from);
            int[] row = {from};
            report("(API) scrollTo a page on" + where, time(() -> {
                row[0] = (row[0] + page) % rows;
                table.scrollTo(row[0]);
                table.layout();
            }, () -> { }), 4);
        }
        onFx(() -> {
            hex.setSource(new KernelMemory(k, p.process()));
            hex.goTo(first + (long) mappings / 2 * Kernel.PAGE_SIZE);
            hex.layout();
            return null;
        });
        boolean[] up = {false};
        report("hex page scroll", time(() -> {
            KeyCode key = up[0] ? KeyCode.PAGE_UP : KeyCode.PAGE_DOWN;
            up[0] = !up[0];
            Event.fireEvent(hex, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
            hex.layout();
        }, () -> { }), 4);
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    /** Selects row {@code row} and shows it at the top (not timed). */
    private static void showAt(CanvasTree table, int row) throws Exception {
        onFx(() -> {
            table.getSelectionModel().clearAndSelect(row);
            table.scrollTo(row);
            table.requestFocus();
            table.layout();
            return null;
        });
    }

    /** One map and one unmap reflected in the tree: the kernel call, the update in place, the layout. */
    private void mapAndUnmap(Kernel k, ProcessResult p, HandleResult vmo, int perms, List<StructureChange> heard,
                             long[] extra, String when) throws Exception {
        // the map or unmap itself is timed too: the kernel call, then the tree shows it and lays out
        report("one map reflected" + when, time(() -> {
            heard.clear();
            MapResult m = k.vmarMap(p.rootVmar(), perms, 0, vmo.handle(), 0, Kernel.PAGE_SIZE);
            extra[0] = m.address();
            tree.apply(heard);
            tree.node().layout();
        }, () -> {
            heard.clear();
            k.vmarUnmap(p.rootVmar(), extra[0], Kernel.PAGE_SIZE);
            tree.apply(heard);
            tree.node().layout();
        }), 16);
        report("one unmap reflected" + when, time(() -> {
            heard.clear();
            k.vmarUnmap(p.rootVmar(), extra[0], Kernel.PAGE_SIZE);
            tree.apply(heard);
            tree.node().layout();
        }, () -> {
            heard.clear();
            extra[0] = k.vmarMap(p.rootVmar(), perms, 0, vmo.handle(), 0, Kernel.PAGE_SIZE).address();
            tree.apply(heard);
            tree.node().layout();
        }), 16);
    }

    /**
     * Runs {@code step} then {@code undo} WARMUP times untimed, then SAMPLES times with {@code step} timed, each in its
     * own FX event. An undo lays the tree out itself: left to a pulse that had not come yet, its layout was paid by
     * the next timed step.
     */
    private double[][] time(Runnable step, Runnable undo) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            onFx(() -> {
                step.run();
                undo.run();
                return null;
            });
        }
        double[][] ms = new double[4][SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int at = i;
            onFx(() -> {
                long g0 = gcMillis();
                long w0 = waitedMillis();
                long c0 = CPU.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                step.run();
                ms[0][at] = (System.nanoTime() - t0) / 1e6;
                ms[1][at] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
                ms[2][at] = gcMillis() - g0;
                ms[3][at] = waitedMillis() - w0;
                return null;
            });
            onFx(() -> {
                undo.run();
                return null;
            });
        }
        return ms;
    }

    /** Collection time of every collector so far: a pause stops the FX thread without using its CPU time. */
    private static long gcMillis() {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** The FX thread's time blocked on a lock or waiting so far (neither is CPU time nor waiting for a core). */
    private static long waitedMillis() {
        var info = CPU.getThreadInfo(Thread.currentThread().getId());
        return info == null ? 0 : Math.max(0, info.getBlockedTime()) + Math.max(0, info.getWaitedTime());
    }

    /**
     * Prints wall-clock figures and the FX thread's CPU time: on this shared 2-core machine the wall clock also
     * counts the time the thread waited for a core while others built, the CPU time only the work done.
     */
    private void report(String step, double[][] ms, double target) {
        double median = median(ms[0]);
        double[] s = ms[0].clone();
        Arrays.sort(s);
        // what the wall clock holds besides the work: collector pauses, and waits on locks; the rest of the gap
        // between wall and CPU is time the thread was ready to run but had no core (the machine's load)
        String gc = ms.length > 2 ? String.format("%10.2f", median(ms[2])) : String.format("%10s", "-");
        String wait = ms.length > 3 ? String.format("%10.2f", median(ms[3])) : String.format("%10s", "-");
        System.out.printf("%-40s %10.2f %10.2f %10.2f %10.2f %s %s %10s%n", step, median, s[(int) (s.length * 0.9)],
                s[s.length - 1], median(ms[1]), gc, wait, (median <= target ? "<= " : "MISSED ") + (int) target);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
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
        return result.get(120, TimeUnit.SECONDS);
    }
}
