package memscope.app.elf;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import memscope.app.hooks.WindowHooks;
import memscope.app.Messages;
import memscope.app.files.BackgroundTask;
import memscope.app.files.FileWorkbench;
import memscope.app.status.Outcome;
import memscope.app.structure.StructurePanel;
import memscope.model.Kernel;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.elf.CoreWriter;
import memscope.model.elf.ElfHeader;
import memscope.model.scenario.LoadedScenario;
import memscope.model.structure.Structure;

/**
 * The File menu's ELF commands: load an executable into a new process, open a core dump, export the viewed process
 * as a core dump; and the Structure panel of each window. Files are read off the FX thread with Cancel (through
 * {@link FileWorkbench#inBackground}); what is read replaces the window only through the unsaved-work guard. A
 * refusal says why in the status pane and leaves what is open as it was.
 */
public final class ElfWorkbench {
    private final Messages messages;
    private final FileWorkbench files;
    private final FileWorkbench.Shell host;
    /** View › Structure panel, kept across windows. */
    private final BooleanProperty structureShown = new SimpleBooleanProperty(true);
    /** The executable or core the window shows, if any. */
    private ElfDocument document;
    /** One read but not (yet) shown: the guard may still be asking. Closed when another takes its place. */
    private ElfDocument pending;
    private StructurePanel structurePanel;
    private BackgroundTask<CoreWriter.Result> exporting;

    public ElfWorkbench(Messages messages, FileWorkbench files, FileWorkbench.Shell host) {
        this.messages = messages;
        this.files = files;
        this.host = host;
    }

    /** The executable or core dump shown, if any. */
    public Optional<ElfDocument> document() {
        return Optional.ofNullable(document);
    }

    /** The newest window's Structure panel. */
    public StructurePanel structurePanel() {
        return structurePanel;
    }

    /** Adds the ELF commands and the Structure panel to a newly shown window. */
    public void attach(WindowHooks window) {
        if (document != null && document.kernel() != window.session().kernel()) {
            document.close(); // something else replaced it: its file is no longer read
            document = null;
        }
        window.offer(this::menuItems);
        StructurePanel panel = new StructurePanel(messages, window.hexView(), this::structureOf);
        structurePanel = panel;
        panel.shownProperty().bind(structureShown);
        dock(window, panel);
        window.session().viewedProcessProperty().addListener((o, was, now) -> panel.showProcess(now.longValue()));
        panel.showProcess(window.session().viewedProcessProperty().get());
    }

    /** File: load an ELF, open and export a core; View: the Structure panel. */
    private List<MenuItem> menuItems(WindowHooks.MenuSlot slot) {
        if (slot == WindowHooks.MenuSlot.FILE) {
            return List.of(new SeparatorMenuItem(),
                    item("loadElfMenu", "elf.menu.loadElf", "Shortcut+E", this::loadExecutableChooser),
                    item("openCoreMenu", "elf.menu.openCore", "Shortcut+Shift+E", this::openCoreChooser),
                    item("exportCoreMenu", "elf.menu.exportCore", "Shortcut+Alt+E", this::exportCoreChooser));
        }
        if (slot != WindowHooks.MenuSlot.VIEW) {
            return List.of();
        }
        CheckMenuItem structure = new CheckMenuItem();
        structure.setId("structureMenu");
        structure.textProperty().bind(messages.text("elf.menu.structure"));
        structure.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+R"));
        structure.selectedProperty().bindBidirectional(structureShown);
        return List.of(structure);
    }

    /**
     * A tab beside the simulation controls while the panel has something to show and is wanted; the panel goes
     * under the controls when the side column has no tabs.
     */
    private void dock(WindowHooks window, StructurePanel panel) {
        if (!(window.workspace().side() instanceof TabPane tabs)) {
            window.placeSide(panel.node());
            return;
        }
        Tab tab = new Tab(null, panel.node());
        tab.setId("structureTab");
        tab.textProperty().bind(messages.text("structure.title"));
        BooleanBinding available = panel.available();
        available.addListener((o, was, now) -> {
            if (now) {
                tabs.getTabs().add(tab);
                tabs.getSelectionModel().select(tab);
            } else {
                tabs.getTabs().remove(tab);
            }
        });
        tabs.getProperties().put(StructurePanel.class, available); // kept alive while the tabs are
    }

    private Optional<Structure> structureOf(long koid) {
        return document == null ? Optional.empty() : document.structureOf(koid);
    }

    // ---- opening ----

    public void loadExecutableChooser() {
        choose("elf.chooser.loadElf").ifPresent(this::loadExecutable);
    }

    public void openCoreChooser() {
        choose("elf.chooser.openCore").ifPresent(this::openCore);
    }

    /** Loads the executable {@code file} into a new process and shows it; the outcome is true once shown. */
    public CompletableFuture<Boolean> loadExecutable(Path file) {
        return open(file, () -> ElfDocument.loadExecutable(file), "elf.error.load");
    }

    /** Opens the core dump {@code file} as a process and shows it; the outcome is true once shown. */
    public CompletableFuture<Boolean> openCore(Path file) {
        return open(file, () -> ElfDocument.openCore(file), "elf.error.core");
    }

    private CompletableFuture<Boolean> open(Path file, BackgroundTask.Work<ElfDocument> work, String refusedKey) {
        return files.inBackground(file, work, new BackgroundTask.Callbacks<>() {
            @Override
            public void succeeded(ElfDocument opened) {
                if (pending != null) {
                    pending.close();
                }
                pending = opened;
                host.replacingDocument(() -> show(opened));
            }

            @Override
            public void failed(Throwable e) {
                problem(() -> messages.get(refusedKey, messages.describe(e)));
            }

            @Override
            public void discard(ElfDocument late) {
                late.close();
            }
        });
    }

    private void show(ElfDocument opened) {
        if (pending == opened) {
            pending = null;
        }
        ElfDocument previous = document;
        document = opened;
        WindowHooks window = host.show(opened.scenario());
        if (previous != null && previous != opened) {
            previous.close();
        }
        window.statusPane().info(() -> describeOpened(opened));
    }

    private String describeOpened(ElfDocument d) {
        String name = ElfDocument.fileName(d.path());
        if (d.executable().isPresent()) {
            var elf = d.executable().get();
            String said = messages.get("elf.status.loaded", name, elf.segments().size(),
                    "0x" + Long.toHexString(elf.loadBias()), "0x" + Long.toHexString(elf.entry()));
            if (elf.interpreter().isPresent() && !elf.interpreterSegments().isEmpty()) {
                said = messages.get("elf.status.andInterpreter", said, elf.interpreter().get(),
                        "0x" + Long.toHexString(elf.interpreterSegments().get(0).base()));
            } else if (elf.interpreter().isPresent()) {
                said = messages.get("elf.status.interpreterLeftOut", said, elf.interpreter().get(),
                        elf.interpreterProblem().map(messages::render).orElse("?"));
            }
            return said;
        }
        var core = d.core().orElseThrow();
        String said = messages.get("elf.status.coreOpened", name, core.segments().size(),
                core.programName().orElse("?"));
        if (!core.omitted().isEmpty()) {
            said = messages.get("elf.status.andOmitted", said, core.omitted().size());
        }
        return said;
    }

    // ---- export ----

    public void exportCoreChooser() {
        Optional<String> name = viewedName();
        if (name.isEmpty()) {
            problem(() -> messages.get("elf.error.noProcess"));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("elf.chooser.exportCore"));
        chooser.setInitialFileName(name.get().replaceAll("[^A-Za-z0-9._-]+", "_") + ".core");
        File f = chooser.showSaveDialog(host.owner());
        if (f != null) {
            exportCore(f.toPath());
        }
    }

    /**
     * Writes the viewed process as a core dump to {@code target}, off the FX thread; the outcome is true once it
     * was written. A process that cannot be read, or a file that cannot be written, is said in the status pane.
     */
    public CompletableFuture<Boolean> exportCore(Path target) {
        WindowHooks window = host.window();
        OptionalInt reader = window.session().viewedReader();
        if (reader.isEmpty()) {
            problem(() -> messages.get("elf.error.noProcess"));
            return CompletableFuture.completedFuture(false);
        }
        if (exporting != null && exporting.isRunning()) {
            problem(() -> messages.get("elf.error.exportBusy"));
            return CompletableFuture.completedFuture(false);
        }
        Kernel kernel = window.session().kernel();
        int machine = document != null && document.kernel() == kernel ? document.machine() : ElfHeader.EM_X86_64;
        String process = viewedName().orElse("?");
        Object file = target.getFileName() == null ? target : target.getFileName();
        Supplier<String> what = () -> messages.get("elf.status.exporting", process, file);
        window.statusPane().info(what);
        exporting = BackgroundTask.start(messages, host.owner(), what,
                () -> CoreWriter.write(kernel, reader.getAsInt(), target, machine),
                new BackgroundTask.Callbacks<>() {
                    @Override
                    public void succeeded(CoreWriter.Result r) {
                        info(() -> messages.get("elf.status.exported", process, r.path(), r.loadSegments(),
                                r.dataBytes()));
                    }

                    @Override
                    public void failed(Throwable e) {
                        problem(() -> messages.get("elf.error.export", messages.describe(e)));
                    }

                    @Override
                    public void cancelled() {
                        info(() -> messages.get("elf.status.exportCancelled", file));
                    }
                });
        return exporting.outcome();
    }

    private Optional<String> viewedName() {
        WindowHooks window = host.window();
        if (window == null) {
            return Optional.empty();
        }
        OptionalInt reader = window.session().viewedReader();
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        return window.session().kernel().inspector().handle(reader.getAsInt()).map(HandleInfo::name);
    }

    // ---- helpers ----

    private Optional<Path> choose(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        File f = chooser.showOpenDialog(host.owner());
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }

    private void info(Supplier<String> text) {
        WindowHooks window = host.window();
        if (window != null) {
            window.statusPane().info(text);
        }
    }

    private void problem(Supplier<String> text) {
        WindowHooks window = host.window();
        if (window != null) {
            window.statusPane().show(text, Outcome.ERROR);
        } else {
            System.err.println("memscope: " + text.get());
        }
    }

    private MenuItem item(String id, String key, String accelerator, Runnable action) {
        MenuItem i = new MenuItem();
        i.setId(id);
        i.textProperty().bind(messages.text(key));
        i.setAccelerator(KeyCombination.keyCombination(accelerator));
        i.setOnAction(e -> action.run());
        return i;
    }
}
