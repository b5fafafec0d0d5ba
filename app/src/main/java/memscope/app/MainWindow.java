package memscope.app;

import java.util.OptionalInt;
import java.util.OptionalLong;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import memscope.app.controls.SimulationPanel;
import memscope.app.edit.EditHistory;
import memscope.app.edit.Editor;
import memscope.app.hex.HexView;
import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.kernel.FxKernelAdapter;
import memscope.app.kernel.KernelSession;
import memscope.app.kernel.QuietByteSource;
import memscope.app.status.Outcome;
import memscope.app.status.OutcomeDescriber;
import memscope.app.status.StatusPane;
import memscope.app.status.SyscallLog;
import memscope.app.text.AddressParser;
import memscope.app.text.HexFormat;
import memscope.app.text.InputException;
import memscope.app.tree.MappingRow;
import memscope.app.tree.MappingTreeBuilder;
import memscope.app.tree.MappingTreeView;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.KernelInspector.VmoInfo;
import memscope.model.MapEntry;
import memscope.model.Subscription;
import memscope.model.SyscallRecord;

/**
 * The main window's content: menus and the go-to field on top, the mapping tree left, the hex view centre, the
 * syscall log below them, the simulation controls right and the status pane at the very bottom. Everything that
 * changes on screen because the kernel changed goes through {@link LiveUpdates}, fed by one {@link FxKernelAdapter}.
 */
public final class MainWindow implements MainMenus.Actions {
    /** What only the application can do: open another scenario, quit. */
    public interface Host {
        void openScenario();

        void quit();
    }

    private static final int UNDO_DEPTH = 1000;

    private final KernelSession session;
    private final Messages messages;
    private final Host host;
    private final BorderPane root = new BorderPane();
    private final HexView hexView = new HexView();
    private final StatusPane status = new StatusPane();
    private final TextField goToField = new TextField();
    private final OutcomeDescriber describer;
    private final SyscallLog log;
    private final MappingTreeView tree;
    private final SimulationPanel panel;
    private final Editor editor;
    private final LiveUpdates updates;
    private final AddressParser addresses;
    private final Subscription subscription;
    private QuietByteSource source;

    public MainWindow(KernelSession session, Messages messages, Host host) {
        this.session = session;
        this.messages = messages;
        this.host = host;
        this.describer = new OutcomeDescriber(messages, koid -> session.kernel().inspector().vmo(koid)
                .map(v -> v.cachePolicy().name()).orElse("?"));
        this.log = new SyscallLog(messages, describer);
        this.tree = new MappingTreeView(messages, new MappingTreeBuilder(session));
        this.panel = new SimulationPanel(session, messages, new SimulationPanel.Reporter() {
            @Override
            public void reportCall(Recorded<?> call) {
                showCall(call.record());
            }

            @Override
            public void reportInputProblem(InputException problem) {
                showProblem(problem);
            }
        });
        this.editor = new Editor(session, new EditHistory(UNDO_DEPTH), this::showWrite);
        this.addresses = new AddressParser(this::mappingBase);
        this.updates = new LiveUpdates(session, tree, new LiveUpdates.HexViewer() {
            @Override
            public HexView view() {
                return hexView;
            }

            @Override
            public void invalidateSource() {
                if (source != null) {
                    source.invalidate();
                }
            }
        }, panel, log);
        layout();
        hexView.setId("hexView");
        hexView.editHandlerProperty().set(editor);
        tree.onSelect(this::showRow);
        session.editorHandleProperty().addListener((o, a, b) -> showEditorHandle());
        messages.localeProperty().addListener((o, a, b) -> showEditorHandle());
        showEditorHandle();
        view(session.viewedProcessProperty().get());
        hexView.goTo(session.scenario().startAddress());
        status.info(messages.get("status.ready", session.scenario().title()));
        subscription = session.kernel().subscribe(new FxKernelAdapter(updates, r -> !session.isQuiet()));
    }

    public Parent root() {
        return root;
    }

    /** Adds the shortcuts a menu item cannot carry twice (the second redo key). */
    public void install(Scene scene) {
        scene.getAccelerators().put(MainMenus.REDO_ALT, this::redo);
        // typing goes to memory from the start; the go-to field is one Ctrl+G away. Later, once the stage shows.
        hexView.requestFocus();
        javafx.application.Platform.runLater(hexView::requestFocus);
    }

    /** Stops listening to the kernel (the window is being replaced or closed). */
    public void dispose() {
        subscription.close();
    }

    public KernelSession session() {
        return session;
    }

    public HexView hexView() {
        return hexView;
    }

    public StatusPane statusPane() {
        return status;
    }

    public Editor editor() {
        return editor;
    }

    /** Moves the hex view to the address {@code text} names, or says what is wrong with it and moves nothing. */
    public boolean goTo(String text) {
        try {
            long address = addresses.parse(text);
            if (source != null && (address < source.start() || address >= source.end())) {
                throw new InputException("error.address.outside", HexFormat.address(address));
            }
            hexView.goTo(address);
            status.info(messages.get("status.moved", HexFormat.address(address)));
            return true;
        } catch (InputException e) {
            showProblem(e);
            return false;
        }
    }

    // ---- menu actions ----

    @Override
    public void openScenario() {
        host.openScenario();
    }

    @Override
    public void quit() {
        host.quit();
    }

    @Override
    public void undo() {
        if (!editor.undo()) {
            status.info(messages.get("status.nothingToUndo"));
        }
    }

    @Override
    public void redo() {
        if (!editor.redo()) {
            status.info(messages.get("status.nothingToRedo"));
        }
    }

    @Override
    public void focusGoTo() {
        goToField.requestFocus();
        goToField.selectAll();
    }

    @Override
    public void clearLog() {
        log.clear();
    }

    @Override
    public void toggleDebugging() {
        panel.toggleDebugging();
    }

    @Override
    public void killViewedProcess() {
        OptionalInt reader = session.viewedReader();
        if (reader.isEmpty()) {
            showProblem(new InputException("error.noProcess"));
            return;
        }
        panel.kill(reader.getAsInt());
    }

    @Override
    public boolean debuggingOn() {
        return session.kernel().options().debuggingSyscalls();
    }

    // ---- reactions ----

    private void layout() {
        MainMenus menus = new MainMenus(messages, this);
        goToField.setId("gotoAddress");
        goToField.promptTextProperty().bind(messages.text("goto.prompt"));
        goToField.setPrefColumnCount(24);
        goToField.setOnAction(e -> goTo(goToField.getText()));
        Button go = new Button();
        go.textProperty().bind(messages.text("goto.button"));
        go.setOnAction(e -> goTo(goToField.getText()));
        ToolBar toolbar = new ToolBar(goToField, go);
        root.setTop(new VBox(menus.build(), toolbar));

        SplitPane treeAndHex = new SplitPane(tree.node(), hexView);
        treeAndHex.setDividerPositions(0.5);
        SplitPane.setResizableWithParent(tree.node(), false);
        SplitPane centre = new SplitPane(treeAndHex, log.node());
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.76);
        root.setCenter(centre);
        ScrollPane side = new ScrollPane(panel.node());
        side.setFitToWidth(true);
        side.getStyleClass().add("side-panel");
        root.setRight(side);
        root.setBottom(status.node());
        root.getStyleClass().add("memscope");
        root.getStylesheets().add(MainWindow.class.getResource("memscope.css").toExternalForm());
    }

    private void showWrite(Editor.Cause cause, SyscallRecord record, long address, int length) {
        String text = describer.describeTransfer(record, address);
        if (cause == Editor.Cause.UNDO) {
            text = messages.get("status.undo", text);
        } else if (cause == Editor.Cause.REDO) {
            text = messages.get("status.redo", text);
        }
        Outcome outcome = Outcome.of(record);
        status.show(text, outcome);
        if (outcome != Outcome.OK) {
            long done = record.ok() ? record.actual() : 0;
            hexView.flash(address + done, length - done);
        }
    }

    private void showCall(SyscallRecord record) {
        if (record != null) {
            status.show(describer.describeCall(record), Outcome.of(record));
        }
    }

    private void showProblem(InputException problem) {
        status.show(messages.get(problem.key(), problem.args()), Outcome.ERROR);
    }

    private void showEditorHandle() {
        int h = session.editorHandleProperty().get();
        String name = session.nameOf(h).orElse("0x" + Integer.toHexString(h));
        status.editorLabel().setText(messages.get("panel.editor") + ": " + name);
    }

    /** A tree row was chosen: show its process, and move to its start. */
    private void showRow(MappingRow row) {
        if (row.processKoid() != session.viewedProcessProperty().get()) {
            view(row.processKoid());
        }
        if (row.kind() != MappingRow.Kind.PROCESS) {
            hexView.goTo(row.base());
        }
    }

    private void view(long processKoid) {
        OptionalInt reader = session.readerFor(processKoid);
        if (reader.isEmpty()) {
            return;
        }
        session.viewedProcessProperty().set(processKoid);
        source = new QuietByteSource(session, reader.getAsInt(), processKoid);
        hexView.clearChanges();
        hexView.setSource(source);
        updates.viewedProcessChanged();
        hexView.refresh();
    }

    /** Where the mapping named by a scenario handle name or a VMO name starts in the viewed process. */
    private OptionalLong mappingBase(String name) {
        Long vmoKoid = session.handleNamed(name).stream().boxed()
                .map(h -> session.kernel().inspector().handle(h).map(HandleInfo::koid).orElse(null))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        for (MapEntry e : session.viewedMaps()) {
            if (!e.isMapping()) {
                continue;
            }
            boolean named = vmoKoid != null ? e.vmoKoid() == vmoKoid
                    : name.equals(e.name()) || session.kernel().inspector().vmo(e.vmoKoid()).map(VmoInfo::name)
                            .filter(name::equals).isPresent();
            if (named) {
                return OptionalLong.of(e.base());
            }
        }
        return OptionalLong.empty();
    }
}
