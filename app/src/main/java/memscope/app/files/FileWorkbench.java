package memscope.app.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
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
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import memscope.app.MainWindow;
import memscope.app.Messages;
import memscope.app.hex.AddressRange;
import memscope.app.status.Outcome;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.MemoryChange;
import memscope.model.SessionException;
import memscope.model.Sessions;
import memscope.model.Subscription;
import memscope.model.elf.ElfPageSources;
import memscope.model.file.FileDocument;
import memscope.model.file.FilePageSource;
import memscope.model.scenario.LoadedScenario;
import memscope.model.text.Text;

/**
 * The File menu's file and session commands: opens a real file as a {@link FileDocument} and shows it, reads
 * files and sessions off the FX thread with Cancel (see {@link #inBackground}), saves off it too (see
 * {@link SaveRunner}), asks before unsaved changes would be lost, and saves or opens whole sessions. Whatever
 * fails leaves the open document and window as they were and says why in the status pane.
 */
public final class FileWorkbench {
    /** Opens a file into a document; the real one boots a kernel of its own (tests slow it down). */
    @FunctionalInterface
    interface FileOpener {
        FileDocument open(Path file, boolean readOnly) throws IOException;
    }

    /** What only the application can do: replace the window's content. */
    public interface Shell {
        Window owner();

        /** Shows {@code scenario} in a new main window (replacing the old one) and returns it. */
        MainWindow show(LoadedScenario scenario);

        MainWindow window();

        /** The unsaved-work guard: runs {@code replace} once nothing unsaved can be lost (never on Cancel). */
        void replacingDocument(Runnable replace);
    }

    private final Messages messages;
    private final Shell shell;
    private final ObjectProperty<FileDocument> document = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    /** The open file's name: Save As changes it. */
    private final javafx.beans.property.StringProperty fileName = new javafx.beans.property.SimpleStringProperty();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final SaveRunner saver;
    private Subscription dirtyWatch;
    private EditorTools tools;
    private FileOpener opener = (file, readOnly) ->
            FileDocument.open(Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true)), file, readOnly);
    /** The file, session or scenario being read, if any: one at a time. */
    private BackgroundTask<?> reading;
    /** Writes to the open file's bytes so far: an open must not drop edits made while it was reading. */
    private final AtomicLong edits = new AtomicLong();

    public FileWorkbench(Messages messages, Shell shell) {
        this.messages = messages;
        this.shell = shell;
        this.saver = new SaveRunner(messages, shell::owner, () -> shell.window().statusPane(), this::afterSave);
    }

    /** The open file, or null while a scenario or session is shown. */
    public FileDocument document() {
        return document.get();
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
    public void attach(MainWindow window) {
        window.addMenuItems(MainWindow.MenuSlot.FILE, List.of(new SeparatorMenuItem(),
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
        window.addMenuItems(MainWindow.MenuSlot.VIEW, List.of(new SeparatorMenuItem(), dark));
        if (tools != null) {
            tools.dispose();
        }
        tools = new EditorTools(window, messages, shell::owner);
        tools.install();
        tools.followTheme(darkTheme);
    }

    // ---- files ----

    /** Asks for a file (after asking about unsaved changes) and opens it; {@code readOnly} refuses every edit. */
    public void openFileChooser(boolean readOnly) {
        whenDiscardable(() -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("files.chooser.open"));
            File f = chooser.showOpenDialog(shell.owner());
            if (f != null) {
                open(f.toPath(), readOnly);
            }
        });
    }

    /**
     * Opens {@code file} off the FX thread and shows it; the outcome is false (with the reason in the status
     * pane, and the open document kept) if it cannot be read or the person cancels.
     */
    public CompletableFuture<Boolean> open(Path file) {
        return open(file, false);
    }

    /** As {@link #open(Path)}; {@code readOnly} opens even a writable file read-only (as root, every file is). */
    public CompletableFuture<Boolean> open(Path file, boolean readOnly) {
        FileOpener how = opener;
        long editsBefore = edits.get();
        return inBackground(file, () -> how.open(file, readOnly), new BackgroundTask.Callbacks<>() {
            @Override
            public void succeeded(FileDocument opened) {
                show(opened, editsBefore);
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

    private void show(FileDocument opened, long editsBefore) {
        FileDocument previous = document.get();
        if (previous != null && previous.isDirty() && edits.get() != editsBefore) {
            // edited in the moment before the progress window came up: those edits are not thrown away
            closeQuietly(opened);
            problem(() -> messages.get("files.status.openAbandoned", opened.path().getFileName(),
                    previous.path().getFileName()));
            return;
        }
        unwatch();
        document.set(opened);
        refreshDirty();
        MainWindow window = shell.show(DocumentScenario.of(opened));
        window.openFileDocument(new AddressRange(opened.baseAddress(), opened.endAddress()),
                String.valueOf(opened.path().getFileName()));
        watch(opened);
        List<Text> notes = opened.cleanupNotes();
        window.statusPane().info(() -> {
            String said = messages.get(opened.readOnly() ? "files.status.openedReadOnly" : "files.status.opened",
                    opened.path().getFileName(), opened.length());
            for (Text note : notes) {
                said = messages.get("files.status.andNote", said, messages.render(note));
            }
            return said;
        });
        closeQuietly(previous);
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

    public void saveAs(Path target) {
        FileDocument doc = document.get();
        if (doc != null) {
            saver.save(doc, target, () -> { });
        }
    }

    /**
     * Runs {@code then} once nothing unsaved can be lost: at once when the file is clean, else after the user
     * chose Don't save, or Save and the save went through. Cancel (or a failed save) never runs it.
     */
    public void whenDiscardable(Runnable then) {
        FileDocument doc = document.get();
        if (doc == null || !doc.isDirty()) {
            then.run();
            return;
        }
        Ask.ask(shell.owner(), messages.get("files.ask.unsaved.header", doc.path().getFileName()),
                messages.get("files.ask.unsaved.content"), answer -> {
                    if ("saveChanges".equals(answer)) {
                        saver.save(doc, null, then);
                    } else if ("discardChanges".equals(answer)) {
                        then.run();
                    }
                },
                new Ask.Choice("saveChanges", messages.get("files.ask.save"), ButtonData.YES),
                new Ask.Choice("discardChanges", messages.get("files.ask.dontSave"), ButtonData.NO),
                new Ask.Choice("cancelChanges", messages.get("files.ask.cancel"), ButtonData.CANCEL_CLOSE));
    }

    /** Closes the open file (the window is going away). */
    public void closeDocument() {
        unwatch();
        closeQuietly(document.get());
        document.set(null);
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
        MainWindow window = shell.window();
        try {
            Sessions.save(window.session().kernel(), file);
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
                        MainWindow window = shell.show(loaded);
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

    private void watch(FileDocument doc) {
        long vmo = doc.vmoKoid();
        dirtyWatch = doc.kernel().subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                if (change.vmoKoid() == vmo) {
                    edits.incrementAndGet();
                    Platform.runLater(FileWorkbench.this::refreshDirty);
                }
            }
        });
        refreshDirty();
    }

    private void unwatch() {
        if (dirtyWatch != null) {
            dirtyWatch.close();
            dirtyWatch = null;
        }
    }

    /** Any save's end: a clean file shows no changed marks (what it holds now is the original). */
    private void afterSave() {
        refreshDirty();
        FileDocument doc = document.get();
        if (doc != null && !doc.isDirty()) {
            shell.window().markSaved();
        }
    }

    private void refreshDirty() {
        FileDocument doc = document.get();
        dirty.set(doc != null && doc.isDirty());
        MainWindow window = shell.window();
        if (window != null) { // the file's tab shows it too
            window.documents().open().stream().filter(d -> d.kind() == memscope.app.document.Document.Kind.FILE)
                    .forEach(d -> d.setDirty(dirty.get()));
        }
        fileName.set(doc == null || doc.path().getFileName() == null ? "" : doc.path().getFileName().toString());
    }

    private void info(Supplier<String> text) {
        MainWindow window = shell.window();
        if (window != null) {
            window.statusPane().info(text);
        }
    }

    /** Shows what went wrong, worded again if the language changes while it is shown. */
    private void problem(Supplier<String> text) {
        MainWindow window = shell.window();
        if (window != null) {
            window.statusPane().show(text, Outcome.ERROR);
        } else {
            System.err.println("memscope: " + text.get());
        }
    }

    private static void closeQuietly(FileDocument doc) {
        if (doc == null) {
            return;
        }
        try {
            doc.close();
        } catch (IOException ignored) {
            // the document is gone from the window either way; nothing the user can do about a failed close
        }
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
