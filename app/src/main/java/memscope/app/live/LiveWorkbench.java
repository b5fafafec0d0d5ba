package memscope.app.live;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import memscope.app.hooks.WindowHooks;
import memscope.app.Messages;
import memscope.app.files.FileWorkbench;
import memscope.app.files.BackgroundTask;
import memscope.app.status.Outcome;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.linux.LinuxProcess;
import memscope.model.linux.LinuxProcesses;
import memscope.model.scenario.LoadedScenario;
import memscope.model.text.Text;

/**
 * Live Linux processes in the window: File › Attach to process… (Ctrl+Shift+A) and {@code --attach PID} attach
 * off the FX thread, after the unsaved-work guard, and show the process in a new window (see {@link LivePanel}
 * for what the window then does with it). A refusal (no such process, not permitted and why, a kernel thread)
 * is shown in the status pane and changes nothing: what was open stays open. One live process at a time; it is
 * detached when anything else replaces it.
 */
public final class LiveWorkbench {
    static final KeyCombination ATTACH = KeyCombination.keyCombination("Shortcut+Shift+A");
    static final KeyCombination RELOAD = KeyCombination.keyCombination("F5");

    private final Messages messages;
    private final FileWorkbench.Shell shell;
    private final BooleanProperty autoRefresh = new SimpleBooleanProperty(false);
    private LinuxProcess current;
    /** Attached, waiting for the unsaved-work guard; closed if the guard never lets it in. */
    private LinuxProcess pending;
    private LivePanel panel;
    private BackgroundTask<LinuxProcess> attaching;
    private CompletableFuture<Boolean> latest = CompletableFuture.completedFuture(true);

    public LiveWorkbench(Messages messages, FileWorkbench.Shell shell) {
        this.messages = messages;
        this.shell = shell;
    }

    /** The attached process (alive or dead), or null. */
    public LinuxProcess process() {
        return current;
    }

    /** The live panel of the shown window, or null when it shows no live process. */
    public LivePanel panel() {
        return panel;
    }

    /** View › Auto-refresh the visible rows (every second); kept across windows. */
    public BooleanProperty autoRefreshProperty() {
        return autoRefresh;
    }

    /** The outcome of the latest attach (already true when there was none): tests and start-up wait on it. */
    public CompletableFuture<Boolean> latestAttach() {
        return latest;
    }

    /**
     * Adds the commands to a newly shown window; if it shows the attached process, the live panel too. A window
     * showing anything else detaches the process that was shown before.
     */
    public void install(WindowHooks window) {
        if (panel != null) {
            panel.dispose();
            panel = null;
        }
        if (current != null && window.session().kernel() != current.kernel()) {
            current.close();
            current = null;
        }
        window.offer(this::menuItems);
        if (current != null) {
            panel = new LivePanel(window, current, messages, autoRefresh);
        }
    }

    /** File: attach; View: reload and auto-refresh. */
    private List<MenuItem> menuItems(WindowHooks.MenuSlot slot) {
        if (slot == WindowHooks.MenuSlot.FILE) {
            return List.of(new SeparatorMenuItem(), item("attachMenu", "live.menu.attach", ATTACH,
                    this::chooseProcess));
        }
        if (slot != WindowHooks.MenuSlot.VIEW) {
            return List.of();
        }
        CheckMenuItem auto = new CheckMenuItem();
        auto.setId("autoRefreshMenu");
        auto.textProperty().bind(messages.text("live.menu.autoRefresh"));
        auto.selectedProperty().bindBidirectional(autoRefresh);
        return List.of(new SeparatorMenuItem(), item("reloadMenu", "live.menu.reload", RELOAD, this::reload), auto);
    }

    /** File › Attach to process…: the picker of this user's processes; the chosen one is attached. */
    public void chooseProcess() {
        new ProcessPicker(messages, shell.owner(), LinuxProcesses.list()).show(p -> attach(p.pid()));
    }

    /** F5: rereads the attached process's maps. */
    public void reload() {
        if (panel == null) {
            problem(() -> messages.get("live.status.notLive"));
            return;
        }
        panel.reload();
    }

    /**
     * Attaches to {@code pid} off the FX thread and, once the unsaved-work guard lets it, shows it in a new
     * window. The outcome is true once it is shown; false (with the reason in the status pane, and what was open
     * kept) when Linux refuses.
     */
    public CompletableFuture<Boolean> attach(int pid) {
        if (attaching != null && attaching.isRunning()) {
            problem(() -> messages.get("live.status.busy"));
            return CompletableFuture.completedFuture(false);
        }
        closePending();
        info(() -> messages.get("live.status.attaching", pid));
        CompletableFuture<Boolean> shown = new CompletableFuture<>();
        attaching = BackgroundTask.start(messages, shell.owner(), () -> messages.get("live.status.attaching", pid),
                () -> LinuxProcess.attach(Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true)), pid),
                new BackgroundTask.Callbacks<>() {
                    @Override
                    public void succeeded(LinuxProcess p) {
                        pending = p;
                        shell.replacingDocument(() -> {
                            pending = null;
                            show(p);
                            shown.complete(true);
                        });
                    }

                    @Override
                    public void failed(Throwable e) {
                        problem(() -> messages.get("live.status.refused", pid, messages.describe(e)));
                        shown.complete(false);
                    }

                    @Override
                    public void cancelled() {
                        shown.complete(false);
                    }

                    @Override
                    public void discard(LinuxProcess late) {
                        late.close();
                    }
                });
        // the guard's Cancel completes nothing: the outcome is then that of the attach itself
        attaching.outcome().thenAccept(ok -> {
            if (!ok) {
                shown.complete(false);
            }
        });
        latest = shown;
        return shown;
    }

    private void show(LinuxProcess p) {
        LinuxProcess previous = current;
        current = p;
        if (previous != null) {
            previous.close();
        }
        WindowHooks window = shell.show(LiveScenario.of(p));
        List<Text> notes = p.notes();
        window.statusPane().info(() -> {
            String said = messages.get("live.status.attached", p.name(), p.pid(), p.mappings().size());
            for (Text note : notes) {
                said = messages.get("files.status.andNote", said, messages.render(note));
            }
            return said;
        });
    }

    /** An attach the guard did not let in (Cancel) holds a descriptor: close it before the next one. */
    private void closePending() {
        if (pending != null && pending != current) {
            pending.close();
        }
        pending = null;
    }

    private void info(Supplier<String> text) {
        WindowHooks window = shell.window();
        if (window != null) {
            window.statusPane().info(text);
        }
    }

    private void problem(Supplier<String> text) {
        WindowHooks window = shell.window();
        if (window != null) {
            window.statusPane().show(text, Outcome.ERROR);
        } else {
            System.err.println("memscope: " + text.get());
        }
    }

    private MenuItem item(String id, String key, KeyCombination accelerator, Runnable action) {
        MenuItem i = new MenuItem();
        i.setId(id);
        i.textProperty().bind(messages.text(key));
        i.setAccelerator(accelerator);
        i.setOnAction(e -> action.run());
        return i;
    }
}
