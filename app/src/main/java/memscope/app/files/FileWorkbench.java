package memscope.app.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import memscope.app.hooks.WindowHooks;
import memscope.app.Messages;
import memscope.app.document.Document;
import memscope.app.hex.AddressRange;
import memscope.app.status.Outcome;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.SessionException;
import memscope.model.Sessions;
import memscope.model.elf.ElfPageSources;
import memscope.model.file.FileDocument;
import memscope.model.file.FilePageSource;
import memscope.model.scenario.LoadedScenario;
import memscope.model.text.Text;

/**
 * The File menu's file and session commands: opens real files as {@link FileDocument}s, each in a tab of its
 * own (the first replaces what the window showed; the others open beside it, into the same kernel), reads files
 * and sessions off the FX thread with Cancel (see {@link #inBackground}), saves the current tab's file off it
 * too (see {@link SaveRunner}), asks before unsaved changes would be lost (see {@link UnsavedGuard}), and saves
 * or opens whole sessions. Whatever fails leaves the open documents and window as they were and says why in
 * the status pane.
 */
public final class FileWorkbench {
    /** Opens a file into a document in {@code kernel} (tests slow it down or make it fail). */
    @FunctionalInterface
    interface FileOpener {
        FileDocument open(Kernel kernel, Path file, boolean readOnly) throws IOException;
    }

    /** What only the application can do: replace the window's content. */
    public interface Shell {
        Window owner();

        /** Shows {@code scenario} in a new main window (replacing the old one) and returns it. */
        WindowHooks show(LoadedScenario scenario);

        WindowHooks window();

        /** The unsaved-work guard: runs {@code replace} once nothing unsaved can be lost (never on Cancel). */
        void replacingDocument(Runnable replace);
    }

    private final Messages messages;
    private final Shell shell;
    /** The file of the current tab (or of the process under it), or null while no file is shown. */
    private final ObjectProperty<FileDocument> document = new SimpleObjectProperty<>();
    private final OpenFiles open = new OpenFiles(() -> Platform.runLater(this::refreshDirty));
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    /** The open file's name: Save As changes it. */
    private final javafx.beans.property.StringProperty fileName = new javafx.beans.property.SimpleStringProperty();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final SaveRunner saver;
    private final UnsavedGuard guard;
    private EditorTools tools;
    private FileOpener opener = FileDocument::open;
    /** The file, session or scenario being read, if any: one at a time. */
    private BackgroundTask<?> reading;

    public FileWorkbench(Messages messages, Shell shell) {
        this.messages = messages;
        this.shell = shell;
        this.saver = new SaveRunner(messages, shell::owner, () -> shell.window().statusPane(), this::afterSave);
        this.guard = new UnsavedGuard(messages, shell::owner, saver);
    }

    /** The current tab's file, or null while no file is shown. */
    public FileDocument document() {
        return document.get();
    }

    /** Every open file, in the order opened. */
    public List<FileDocument> openFiles() {
        return open.all();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** View > Dark theme; kept across windows. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public EditorTools tools() {
        return tools;
    }

    /** The window title: "• name — MemScope" while a file has unsaved changes. */
    public StringBinding title(LoadedScenario shown) {
        return Bindings.createStringBinding(() -> document.get() == null
                ? messages.get("app.title", shown.title(messages.getLocale()))
                : messages.get("files.title", dirty.get() ? "\u2022 " : "", fileName.get()),
                document, dirty, fileName, messages.localeProperty());
    }

    /** Adds the file commands and the editing tools to a newly shown window. */
    public void attach(WindowHooks window) {
        window.addMenuItems(WindowHooks.MenuSlot.FILE, List.of(new SeparatorMenuItem(),
                item("files.menu.openFile", "Shortcut+O", () -> openFileChooser(false)),
                item("files.menu.openReadOnly", null, () -> openFileChooser(true)),
                item("files.menu.save", "Shortcut+S", this::save),
                item("files.menu.saveAs", "Shortcut+Shift+S", this::saveAs),
                new SeparatorMenuItem(),
                item("files.menu.openSession", null, this::openSessionChooser),
                item("files.menu.saveSession", null, this::saveSessionChooser)));
        CheckMenuItem dark = new CheckMenuItem();
        dark.setId("darkThemeMenu");
        dark.textProperty().bind(messages.text("files.menu.darkTheme"));
        dark.selectedProperty().bindBidirectional(darkTheme);
        window.addMenuItems(WindowHooks.MenuSlot.VIEW, List.of(new SeparatorMenuItem(), dark));
        if (tools != null) {
            tools.dispose();
        }
        tools = new EditorTools(window.documents(), window.hexView(), window.editor(), window.statusPane(),
                window.root(), messages, shell::owner);
        window.offer(tools);
        window.placeTop(tools.topBar());
        tools.sidePanels().forEach(window::placeSide);
        tools.watch(window.session().kernel());
        tools.followTheme(darkTheme);
        // Save, Save As and the title follow the tab shown
        window.documents().currentProperty().addListener((o, was, now) -> {
            if (shell.window() == window) {
                followCurrent(now);
            }
        });
        followCurrent(window.documents().current().orElse(null));
    }

    // ---- files ----

    /**
     * Asks for a file and opens it in a tab of its own; {@code readOnly} refuses every edit. Nothing open is
     * dropped (a file opens beside the others; a scenario has nothing unsaved), so nothing is asked first.
     */
    public void openFileChooser(boolean readOnly) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("files.chooser.open"));
        File f = chooser.showOpenDialog(shell.owner());
        if (f != null) {
            open(f.toPath(), readOnly);
        }
    }

    /**
     * Opens {@code file} off the FX thread and shows it in a tab of its own; the outcome is false (with the
     * reason in the status pane, and the open documents kept) if it cannot be read or the person cancels. A file
     * already open is not opened twice: its tab is shown.
     */
    public CompletableFuture<Boolean> open(Path file) {
        return open(file, false);
    }

    /** As {@link #open(Path)}; {@code readOnly} opens even a writable file read-only (as root, every file is). */
    public CompletableFuture<Boolean> open(Path file, boolean readOnly) {
        Optional<FileDocument> already = open.withPath(file);
        if (already.isPresent()) {
            showTabOf(already.get());
            info(() -> messages.get("files.status.alreadyOpen", already.get().path().getFileName()));
            return CompletableFuture.completedFuture(true);
        }
        FileOpener how = opener;
        Kernel into = open.kernel(); // null: the first file, in a kernel of its own
        return inBackground(file, () -> how.open(into != null ? into
                : Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true)), file, readOnly),
                new BackgroundTask.Callbacks<>() {
            @Override
            public void succeeded(FileDocument opened) {
                show(opened, into);
            }

            @Override
            public void failed(Throwable e) {
                problem(() -> messages.get("files.error.open", file, messages.describe(e)));
            }

            @Override
            public void discard(FileDocument late) {
                closeQuietly(late);
            }
        });
    }

    /**
     * Reads {@code file} with {@code work} on a background thread, with progress and Cancel (see
     * {@link BackgroundTask}); one read at a time, and Cancel says that nothing changed. The outcome completes
     * once a callback ran: true when {@code callbacks.succeeded} did.
     */
    public <T> CompletableFuture<Boolean> inBackground(Path file, BackgroundTask.Work<T> work,
                                                       BackgroundTask.Callbacks<T> callbacks) {
        Object name = file.getFileName() == null ? file : file.getFileName();
        if (reading != null && reading.isRunning()) {
            problem(() -> messages.get("files.status.readBusy"));
            return CompletableFuture.completedFuture(false);
        }
        info(() -> messages.get("files.status.reading", name));
        reading = BackgroundTask.start(messages, shell.owner(), () -> messages.get("files.status.reading", name),
                work, new BackgroundTask.Callbacks<T>() {
                    @Override
                    public void succeeded(T result) {
                        callbacks.succeeded(result);
                    }

                    @Override
                    public void failed(Throwable problem) {
                        callbacks.failed(problem);
                    }

                    @Override
                    public void cancelled() {
                        info(() -> messages.get("files.status.readCancelled", name));
                        callbacks.cancelled();
                    }

                    @Override
                    public void discard(T late) {
                        callbacks.discard(late);
                    }
                });
        return reading.outcome();
    }

    /** The outcome of the latest read (already true when there was none): tests and start-up wait on it. */
    public CompletableFuture<Boolean> latestRead() {
        return reading == null ? CompletableFuture.completedFuture(true) : reading.outcome();
    }

    /** Lets a test put a slow or failing opener in place of the real one. */
    void useOpener(FileOpener replacement) {
        opener = replacement;
    }

    /** Shows the file just read: beside the open files, or (the first) in place of what the window showed. */
    private void show(FileDocument opened, Kernel into) {
        if (into != null && into != open.kernel()) {
            // the files it was to open beside were closed (a lesson or a scenario took their place) meanwhile
            closeQuietly(opened);
            problem(() -> messages.get("files.status.openAbandoned", opened.path().getFileName()));
            return;
        }
        open.add(opened);
        WindowHooks window = into == null ? shell.show(DocumentScenario.of(opened)) : shell.window();
        window.openFileDocument(open.processOf(opened), new AddressRange(opened.baseAddress(),
                opened.endAddress()), String.valueOf(opened.path().getFileName()));
        // edits of this file go through its own handle (without WRITE when it was opened read-only)
        window.session().editorHandleProperty().set(opened.editHandle());
        refreshDirty();
        List<Text> notes = opened.cleanupNotes();
        window.statusPane().info(() -> {
            String said = messages.get(opened.readOnly() ? "files.status.openedReadOnly" : "files.status.opened",
                    opened.path().getFileName(), opened.length());
            for (Text note : notes) {
                said = messages.get("files.status.andNote", said, messages.render(note));
            }
            return said;
        });
    }

    /** Shows the tab of the open file {@code file}. */
    private void showTabOf(FileDocument file) {
        WindowHooks window = shell.window();
        long koid = open.processOf(file);
        window.documents().open().stream().filter(d -> d.kind() == Document.Kind.FILE && d.processKoid() == koid)
                .findFirst().ifPresent(window::showDocument);
    }

    public void save() {
        FileDocument doc = document.get();
        if (doc == null) {
            problem(() -> messages.get("files.error.noFile"));
            return;
        }
        saver.save(doc, null, () -> { });
    }

    public void saveAs() {
        FileDocument doc = document.get();
        if (doc == null) {
            problem(() -> messages.get("files.error.noFile"));
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("files.chooser.saveAs"));
        chooser.setInitialFileName(String.valueOf(doc.path().getFileName()));
        File f = chooser.showSaveDialog(shell.owner());
        if (f != null) {
            saveAs(f.toPath());
        }
    }

    /**
     * Saves the shown file as {@code target}. A target that another tab has open is refused: the save would
     * replace that file under its tab, whose unsaved edits and later Ctrl+S would then write over this one.
     */
    public void saveAs(Path target) {
        FileDocument doc = document.get();
        if (doc == null) {
            return;
        }
        Optional<FileDocument> other = open.withPath(target).filter(f -> f != doc);
        if (other.isPresent()) {
            problem(() -> messages.get("files.error.saveAsOpen", target.getFileName()));
            return;
        }
        saver.save(doc, target, () -> { });
    }

    /**
     * Runs {@code then} once nothing unsaved in any open file can be lost: at once when all are clean, else after
     * the person chose Don't save, or Save and the save went through, for each file with changes in turn.
     * Cancel (or a failed save) never runs it.
     */
    public void whenDiscardable(Runnable then) {
        guard.whenDiscardable(open.all(), then);
    }

    /**
     * The tab of the file {@code tab} shows was closed: asks about that file's changes only, then closes its
     * documents and the file. The last file gives way to {@code showDefault} (the default scenario).
     */
    public void closeFile(Document tab, Runnable showDefault) {
        FileDocument file = open.ofProcess(tab.processKoid()).orElse(null);
        if (file == null) {
            return;
        }
        guard.whenDiscardable(List.of(file), () -> {
            if (open.all().size() == 1) {
                closeDocument();
                showDefault.run();
                return;
            }
            WindowHooks window = shell.window();
            // its views close before its process dies, so none of them reads a dead process
            window.documents().open().stream().filter(d -> d.processKoid() == tab.processKoid()).toList()
                    .forEach(window::closeDocument);
            open.close(file);
            followCurrent(window.documents().current().orElse(null));
        });
    }

    /** Closes every open file (the window is going away, or shows something else now). */
    public void closeDocument() {
        open.closeAll();
        document.set(null);
        refreshDirty();
    }

    // ---- sessions ----

    public void saveSessionChooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("files.chooser.saveSession"));
        chooser.setInitialFileName("session.memscope");
        File f = chooser.showSaveDialog(shell.owner());
        if (f != null) {
            saveSession(f.toPath());
        }
    }

    /** Saves the shown kernel; the outcome goes to the status pane. */
    public void saveSession(Path file) {
        WindowHooks window = shell.window();
        try {
            long at = window.session().kernel().history().now(); // before writing: what the file lacks is after it
            Sessions.save(window.session().kernel(), file);
            window.session().sessionSavedProperty().set(at);
            window.statusPane().info(() -> messages.get("files.status.sessionSaved", file.getFileName()));
        } catch (IOException | SessionException e) {
            problem(() -> messages.get("files.error.sessionSave", file.getFileName(), messages.describe(e)));
        }
    }

    public void openSessionChooser() {
        whenDiscardable(() -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("files.chooser.openSession"));
            File f = chooser.showOpenDialog(shell.owner());
            if (f != null) {
                openSession(f.toPath());
            }
        });
    }

    /**
     * Loads a session into a new kernel off the FX thread and shows it; a bad file (or Cancel) changes nothing
     * and says why.
     */
    public CompletableFuture<Boolean> openSession(Path file) {
        return inBackground(file, () -> DocumentScenario.ofSession(String.valueOf(file.getFileName()),
                Sessions.load(file, ElfPageSources.resolver(FilePageSource.resolver()))), new BackgroundTask.Callbacks<LoadedScenario>() {
                    @Override
                    public void succeeded(LoadedScenario loaded) {
                        closeDocument();
                        WindowHooks window = shell.show(loaded);
                        // the kernel matches the file as it opens: "since the last save" starts here
                        window.session().sessionSavedProperty().set(window.session().kernel().history().now());
                        window.statusPane().info(() -> messages.get("files.status.sessionOpened",
                                file.getFileName()));
                    }

                    @Override
                    public void failed(Throwable e) {
                        problem(() -> messages.get("files.error.sessionOpen", messages.describe(e)));
                    }
                });
    }

    // ---- helpers ----

    /** The tab shown is now {@code shown}: Save and the title go to its file (none for a scenario's process). */
    private void followCurrent(Document shown) {
        document.set(shown == null ? null : open.ofProcess(shown.processKoid()).orElse(null));
        refreshDirty();
    }

    /** Any save's end: a clean file shows no changed marks (what it holds now is the original). */
    private void afterSave() {
        refreshDirty();
        WindowHooks window = shell.window();
        for (FileDocument f : open.all()) {
            if (!f.isDirty() && window != null) {
                window.markSaved(open.processOf(f));
            }
        }
    }

    private void refreshDirty() {
        FileDocument doc = document.get();
        dirty.set(doc != null && doc.isDirty());
        WindowHooks window = shell.window();
        if (window != null) { // each file's tab shows its own state
            for (Document d : window.documents().open()) {
                if (d.kind() == Document.Kind.FILE) {
                    d.setDirty(open.ofProcess(d.processKoid()).map(FileDocument::isDirty).orElse(false));
                }
            }
        }
        fileName.set(doc == null || doc.path().getFileName() == null ? "" : doc.path().getFileName().toString());
    }

    private void info(Supplier<String> text) {
        WindowHooks window = shell.window();
        if (window != null) {
            window.statusPane().info(text);
        }
    }

    /** Shows what went wrong, worded again if the language changes while it is shown. */
    private void problem(Supplier<String> text) {
        WindowHooks window = shell.window();
        if (window != null) {
            window.statusPane().show(text, Outcome.ERROR);
        } else {
            System.err.println("memscope: " + text.get());
        }
    }

    private static void closeQuietly(FileDocument doc) {
        OpenFiles.closeQuietly(doc);
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem i = new MenuItem();
        i.setId(key.substring(key.lastIndexOf('.') + 1) + "Menu");
        i.textProperty().bind(messages.text(key));
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
