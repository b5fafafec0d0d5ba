package memscope.app.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import memscope.app.Messages;
import memscope.app.hex.HexView;
import memscope.app.document.KernelMemory;
import memscope.app.kernel.KernelSession;
import memscope.app.tree.MappingRow;
import memscope.app.tree.MappingTreeBuilder;
import memscope.app.tree.MappingTreeView;
import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.MapResult;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;
import memscope.model.scenario.LoadedScenario;

/**
 * The window with a process of 100,000 mappings (issue 14 item 2): building the mapping tree and its first layout,
 * one map and one unmap reflected in it, and page scrolls of the tree and of the hex view over that process.
 * Every timed step runs on the FX thread and includes the layout that shows it.
 * <p>
 * Run: {@code mvn -B -q -o -pl app -am test-compile exec:exec@bench-tree} ({@code -Dtree.mappings=N} changes N).
 */
public final class TreeBench {
    private static final int SAMPLES = 20;

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
        System.out.printf("TreeBench: one process with %,d mappings, FX thread, window 1200x800%n", mappings);
        System.out.printf("%-34s %10s %10s %10s%n", "step", "median ms", "p90 ms", "max ms");

        double[] build = new double[3];
        for (int i = 0; i < build.length; i++) {
            build[i] = onFx(() -> {
                if (stage != null) {
                    stage.close();
                }
                long t0 = System.nanoTime();
                tree = new MappingTreeView(messages, new MappingTreeBuilder(session));
                hex = new HexView();
                stage = new Stage();
                stage.setScene(new Scene(new HBox(tree.node(), hex), 1200, 800));
                stage.show();
                tree.node().layout();
                return (System.nanoTime() - t0) / 1e6;
            });
        }
        report("build the tree + first layout", build);

        long[] extra = {0};
        report("one map reflected in the tree", time(() -> {
            MapResult m = k.vmarMap(p.rootVmar(), perms, 0, vmo.handle(), 0, Kernel.PAGE_SIZE);
            extra[0] = m.address();
            tree.rebuild();
            tree.node().layout();
        }, () -> k.vmarUnmap(p.rootVmar(), extra[0], Kernel.PAGE_SIZE)));
        report("one unmap reflected in the tree", time(() -> {
            k.vmarUnmap(p.rootVmar(), extra[0], Kernel.PAGE_SIZE);
            tree.rebuild();
            tree.node().layout();
        }, () -> extra[0] = k.vmarMap(p.rootVmar(), perms, 0, vmo.handle(), 0, Kernel.PAGE_SIZE).address()));

        TreeTableView<MappingRow> table = tree.node();
        int[] group = {0};
        report("expand a group of " + "rows + layout", time(() -> {
            javafx.scene.control.TreeItem<MappingRow> g = table.getRoot().getChildren().get(0).getChildren()
                    .get(group[0]);
            g.setExpanded(true);
            table.scrollTo(table.getRow(g));
            table.layout();
        }, () -> {
            table.getRoot().getChildren().get(0).getChildren().get(group[0]).setExpanded(false);
            group[0] = (group[0] + 7) % table.getRoot().getChildren().get(0).getChildren().size();
        }));
        onFx(() -> {
            for (var g : table.getRoot().getChildren().get(0).getChildren()) {
                g.setExpanded(true); // scroll through every mapping
            }
            return null;
        });
        int[] row = {0};
        report("tree page scroll", time(() -> {
            row[0] = (row[0] + 37) % table.getExpandedItemCount();
            table.scrollTo(row[0]);
            table.layout();
        }, () -> { }));
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
        }, () -> { }));
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    /** Runs {@code step} (timed) then {@code undo} (not timed) SAMPLES times, each in its own FX event. */
    private double[] time(Runnable step, Runnable undo) throws Exception {
        double[] ms = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            ms[i] = onFx(() -> {
                long t0 = System.nanoTime();
                step.run();
                return (System.nanoTime() - t0) / 1e6;
            });
            onFx(() -> {
                undo.run();
                return null;
            });
        }
        return ms;
    }

    private static void report(String step, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-34s %10.2f %10.2f %10.2f%n", step, s[s.length / 2], s[(int) (s.length * 0.9)],
                s[s.length - 1]);
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
