package memscope.app;

import memscope.app.clipboard.ClipboardActions;

import java.util.List;
import java.util.OptionalInt;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import memscope.app.controls.PersonalityControls;
import memscope.app.controls.SimulationPanel;
import memscope.app.document.Documents;
import memscope.app.edit.Editor;
import memscope.app.hooks.WindowHooks;
import memscope.app.hex.HexView;
import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.kernel.FxKernelAdapter;
import memscope.app.kernel.KernelSession;
import memscope.app.kernel.Personality;
import memscope.app.startup.StartupTrace;
import memscope.app.layout.Panel;
import memscope.app.layout.Workspace;
import memscope.app.status.ComparisonPane;
import memscope.app.status.Outcome;
import memscope.app.status.OutcomeDescriber;
import memscope.app.status.StatusPane;
import memscope.app.status.SyscallLog;
import memscope.app.text.AddressParser;
import memscope.app.text.HexFormat;
import memscope.app.text.InputException;
import memscope.app.tree.MappingTreeBuilder;
import memscope.app.tree.MappingTreeView;
import memscope.model.Subscription;
import memscope.model.SyscallRecord;

/**
 * The main window's content: menus and the go-to field on top, then the {@link Workspace} (the mapping tree left,
 * the hex view centre, the syscall log below them, the simulation controls right), and the status pane at the very
 * bottom. Everything that changes on screen because the kernel changed goes through {@link LiveUpdates}, fed by one
 * {@link FxKernelAdapter}.
 */
public final class MainWindow implements MainMenus.Actions, WindowHooks {
    /** What only the application can do: open another scenario, quit. */
    public interface Host {
        void openScenario();

        void quit();

        /**
         * The tab of the file {@code doc} shows was closed: closes that file (asking about its unsaved changes
         * first); the last file gives way to the default scenario.
         */
        void closeFile(memscope.app.document.Document doc);
    }

    private final KernelSession session;
    private final Messages messages;
    private final Host host;
    private final BorderPane root = new BorderPane();
    private final HexView hexView = new HexView();
    private final StatusPane status = new StatusPane();
    private GoToBar goToBar;
    private final OutcomeDescriber describer;
    private final SyscallLog log;
    private final MappingTreeView tree;
    private final SimulationPanel panel;
    private final Editor editor;
    private final LiveUpdates updates;
    private final AddressParser addresses;
    private final Subscription subscription;
    private final ClipboardActions clipboard;
    private final ComparisonPane comparison;
    private final CompareAction compare;
    private final ChangeMarks marks;
    private final Documents documents;
    private final DocumentViews views;
    private Workspace workspace;
    private ScrollPane sideScroll;
    private WindowHooks.Tool bottomTool;
    private WindowHooks.Tool sideTool;
    private TabPane sideTabs;
    private MainMenus menus;
    private final VBox top = new VBox();
    /** The right column: simulation controls, then contributed panels (inspector, bookmarks). */
    private final VBox side = new VBox();
    private final memscope.app.timeline.LogColumn logColumn;

    public MainWindow(KernelSession session, Messages messages, Host host) {
        this.session = session;
        this.messages = messages;
        this.host = host;
        this.documents = new Documents(session);
        WindowLookups lookups = new WindowLookups(session, documents);
        this.views = new DocumentViews(documents, messages, hexView, this::viewedProcessChanged,
                host::closeFile);
        this.comparison = new ComparisonPane(messages);
        this.describer = new OutcomeDescriber(messages, koid -> session.kernel().inspector().vmo(koid)
                .map(v -> v.cachePolicy().name()).orElse("?"), lookups::editorMappingAt);
        describer.showAddresses(new memscope.app.status.RuleAddresses(messages, documents));
        this.log = new SyscallLog(messages, describer);
        this.logColumn = new memscope.app.timeline.LogColumn(log.node());
        StartupTrace.mark("window: kernel session, document tabs, comparison, syscall log");
        this.tree = new MappingTreeView(messages, new MappingTreeBuilder(session));
        StartupTrace.mark("window: mapping tree");
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
        this.editor = new Editor(session, documents::editTarget,
                new WriteReporter(messages, status, describer, hexView));
        this.marks = new ChangeMarks(documents, hexView);
        this.addresses = new AddressParser(lookups::mappingBase);
        this.clipboard = new ClipboardActions(documents, hexView, editor, status, messages);
        PersonalityControls personalities = new PersonalityControls(session, messages, this::compareWrite);
        panel.addSection(personalities.node());
        StartupTrace.mark("window: simulation panel, editor, personalities");
        this.compare = new CompareAction(hexView, editor, status, comparison, describer, messages,
                personalities::compareBytes);
        this.updates = new LiveUpdates(session, tree, new LiveUpdates.HexViewer() {
            @Override
            public HexView view() {
                return hexView;
            }

            @Override
            public void invalidateSource() {
                documents.invalidateAll();
            }

            @Override
            public void marked(long address, long length) {
                marks.marked(address, length);
            }

            @Override
            public long shown(long address) {
                return documents.current().map(d -> d.fromKernel(address)).orElse(address);
            }
        }, panel, log);
        layout();
        StartupTrace.mark("window: workspace, menus, go-to bar, help menu");
        hexView.setId("hexView");
        hexView.addressHeadingProperty().bind(messages.text("hex.addressHeading"));
        hexView.editHandlerProperty().set(editor);
        tree.onSelect(views::showRow);
        tree.showDocuments(documents, views::showDocument);
        // the session may switch the viewed process itself (an editor handle of another process was chosen)
        session.viewedProcessProperty().addListener((o, a, b) -> views.view(b.longValue()));
        status.followLanguage(messages.localeProperty());
        memscope.app.status.EditorHandleLine.follow(session, messages, status);
        views.view(session.viewedProcessProperty().get());
        hexView.goTo(session.scenario().startAddress());
        status.info(() -> messages.get("status.ready", session.scenario().title(messages.getLocale())));
        subscription = session.kernel().subscribe(new FxKernelAdapter(updates, r -> !session.isQuiet()));
        StartupTrace.mark("window: hex view and tree filled, status");
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

    /** The documents open in this window and the current one: what features read and point at. */
    public Documents documents() {
        return documents;
    }

    /** The syscall log's column, where the timeline goes, whether or not the bottom panel is shown now. */
    @Override
    public void placeUnderLog(Node node) {
        logColumn.placeUnder(node);
    }

    public MappingTreeView tree() {
        return tree;
    }

    /**
     * Docks {@code besideLog} left of the syscall log and {@code sideTab} in a tab beside the simulation controls
     * (tools that outlive this window move into the next one by being docked again).
     */
    public void dock(WindowHooks.Tool besideLog, WindowHooks.Tool sideTab) {
        bottomTool = besideLog;
        sideTool = sideTab;
        SplitPane bottom = new SplitPane(besideLog.node(), logColumn);
        bottom.setDividerPositions(0.42);
        workspace.setBottom(bottom);
        Tab controls = new Tab(null, sideScroll);
        controls.textProperty().bind(messages.text("panel.title"));
        Tab tool = new Tab(null, sideTab.node());
        tool.textProperty().bind(sideTab.title());
        tool.setId("sideTab-" + sideTab.node().getId());
        sideTabs = new TabPane(controls, tool);
        sideTabs.setId("sideTabs");
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        workspace.setSide(sideTabs);
    }

    /** Moves the hex view to the address {@code text} names, or says what is wrong with it and moves nothing. */
    public boolean goTo(String text) {
        return goToBar.goTo(text);
    }

    // ---- hooks for tools added from outside (file editing, find, inspector, bookmarks) ----

    /** Adds menu items: to File above Quit, to the end of Edit or View. */
    public void addMenuItems(WindowHooks.MenuSlot slot, java.util.List<javafx.scene.control.MenuItem> items) {
        menus.add(slot, items);
    }

    /** Puts a bar under the toolbar (the find bar). */
    public void placeTop(javafx.scene.Node node) {
        top.getChildren().add(node);
    }

    /** Puts a panel in the right column, under the simulation controls. */
    public void placeSide(javafx.scene.Node node) {
        side.getChildren().add(node);
    }

    /** Opens the file {@code name}, mapped at {@code range} in process {@code processKoid}, as a document and shows it. */
    public void openFileDocument(long processKoid, memscope.app.hex.AddressRange range, String name) {
        views.openFile(processKoid, range, name);
    }

    /** Shows {@code doc}, one of {@link #documents()}, as a click on its tab does. */
    public void showDocument(memscope.app.document.Document doc) {
        views.show(doc);
    }

    /** Closes the view {@code doc} (not what it shows), showing its neighbour if it was shown. */
    public void closeDocument(memscope.app.document.Document doc) {
        views.drop(doc);
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
            status.info(() -> messages.get("status.nothingToUndo"));
        }
    }

    @Override
    public void redo() {
        if (!editor.redo()) {
            status.info(() -> messages.get("status.nothingToRedo"));
        }
    }

    @Override
    public void focusGoTo() {
        goToBar.focus();
    }

    @Override
    public void selectAll() {
        views.selectAll();
    }

    @Override
    public void copy() {
        clipboard.copy();
    }

    @Override
    public void paste() {
        clipboard.paste();
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
    public void showConsole() {
        if (bottomTool != null) {
            workspace.reveal(Panel.BOTTOM);
            bottomTool.focus();
        }
    }

    @Override
    public void showLessons() {
        if (sideTool != null) {
            workspace.reveal(Panel.SIDE);
            sideTabs.getSelectionModel().selectLast();
            sideTool.focus();
        }
    }

    @Override
    public void togglePersonality() {
        session.personalityProperty().set(session.personalityProperty().get().other());
    }

    @Override
    public boolean machWrites() {
        return session.personalityProperty().get() == Personality.MACH;
    }

    @Override
    public void compareWrite() {
        compare.run();
    }

    @Override
    public javafx.beans.property.BooleanProperty panelShown(Panel panel) {
        return workspace.shownProperty(panel);
    }

    /** The tree, hex view, side panel and bottom panel, and their sizes. */
    public Workspace workspace() {
        return workspace;
    }

    public ComparisonPane comparisonPane() {
        return comparison;
    }

    @Override
    public boolean debuggingOn() {
        return session.kernel().options().debuggingSyscalls();
    }

    // ---- reactions ----

    private void layout() {
        side.getChildren().add(panel.node());
        sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.getStyleClass().add("side-panel");
        VBox hexColumn = new VBox(views.tabs().node(), hexView); // the open documents' tabs sit on the hex view
        VBox.setVgrow(hexView, javafx.scene.layout.Priority.ALWAYS);
        workspace = new Workspace(tree.node(), hexColumn, sideScroll, logColumn);
        menus = new MainMenus(messages, this); // after the workspace: its View items follow the panels
        goToBar = new GoToBar(messages, hexView, addresses, new GoToBar.StatusReport() {
            @Override
            public void moved(long address) {
                status.info(() -> messages.get("status.moved", HexFormat.address(address)));
            }

            @Override
            public void problem(InputException problem) {
                showProblem(problem);
            }
        });
        javafx.scene.control.MenuBar bar = menus.build();
        menus.add(WindowHooks.MenuSlot.VIEW, List.of(views.tabs().processViewMenuItem()));
        memscope.app.help.HelpMenu.install(messages, bar,
                () -> root.getScene() == null ? null : root.getScene().getWindow());
        top.getChildren().addAll(bar, goToBar.node());
        root.setTop(top);

        root.setCenter(workspace.node());
        root.setBottom(new VBox(comparison.node(), status.node()));
        root.getStyleClass().add("memscope");
        root.getStylesheets().add(MainWindow.class.getResource("memscope.css").toExternalForm());
    }

    /** The file process {@code processKoid} shows was saved: nothing its documents show is changed any more. */
    public void markSaved(long processKoid) {
        marks.saved(processKoid);
    }

    private void viewedProcessChanged() {
        updates.viewedProcessChanged();
    }

    private void showCall(SyscallRecord record) {
        if (record != null) {
            status.show(() -> describer.describeCall(record), Outcome.of(record));
        }
    }

    private void showProblem(InputException problem) {
        status.show(() -> messages.describe(problem), Outcome.ERROR);
    }
}
