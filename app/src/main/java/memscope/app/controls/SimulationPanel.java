package memscope.app.controls;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import memscope.app.Messages;
import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.kernel.KernelSession;
import memscope.app.text.HexFormat;
import memscope.app.text.InputException;
import memscope.app.text.SizeParser;
import memscope.model.BootOptions;
import memscope.model.Fidelity;
import memscope.model.History;
import memscope.model.CachePolicy;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.KernelInspector.VmoInfo;
import memscope.model.Rights;
import memscope.model.history.Caller;

/**
 * Live controls over the simulation: the debugging-syscalls boot option, the handle edits go through, killing a
 * process, resizing a VMO and changing its cache policy. The controls only make the call; the window sees the
 * effect through the kernel's structure events like any other change, and {@link #refresh} follows it here.
 */
public final class SimulationPanel {
    /** Shows a call's outcome (the status pane), or a problem with what was typed. */
    public interface Reporter {
        void reportCall(Recorded<?> call);

        void reportInputProblem(InputException problem);
    }

    private final KernelSession session;
    private final Messages messages;
    private final Reporter reporter;
    private final VBox box = new VBox(6);
    private final CheckBox debugging = new CheckBox();
    /** Answers as documented (the seeds) or as today's kernels do, where the two differ. */
    private final ComboBox<Fidelity> fidelity = new ComboBox<>();
    private final ComboBox<HandleInfo> editor = handleCombo("editorHandle");
    private final Label editorRights = new Label();
    private final ComboBox<HandleInfo> process = handleCombo("killProcess");
    private final ComboBox<HandleInfo> vmo = handleCombo("vmoChoice");
    private final Label vmoInfo = new Label();
    private final TextField size = new TextField();
    private final ComboBox<CachePolicy> policy = new ComboBox<>();
    private boolean refreshing;

    public SimulationPanel(KernelSession session, Messages messages, Reporter reporter) {
        this.session = session;
        this.messages = messages;
        this.reporter = reporter;
        build();
        refresh();
        // the labels refresh writes (rights, VMO facts) are worded once: word them again after a switch
        messages.localeProperty().addListener((o, was, now) -> refresh());
        // undo, a menu or a test may change the editor handle too: the combo shows whatever edits use now
        session.editorHandleProperty().addListener((o, was, now) -> {
            if (!refreshing) {
                refresh();
            }
        });
    }

    public Node node() {
        return box;
    }

    /** Follows the kernel: boot option, handles and their rights, VMO facts. */
    public void refresh() {
        refreshing = true;
        try {
            debugging.setSelected(session.kernel().options().debuggingSyscalls());
            // set again so the cells are worded in the language now chosen
            fidelity.getItems().setAll(Fidelity.values());
            fidelity.setValue(session.kernel().options().fidelity());
            List<HandleInfo> processes = session.processHandles();
            // the editor combo must show the handle edits really use: no fallback if it was closed meanwhile
            keepSelection(editor, processes, session.editorHandleProperty().get(), false);
            keepSelection(process, processes, selectedHandle(process), true);
            keepSelection(vmo, session.vmoHandles(), selectedHandle(vmo), true);
            // the label follows the session, the source of truth, whatever the combo is showing
            int editorHandle = session.editorHandleProperty().get();
            HandleInfo chosen = processes.stream().filter(h -> h.handle() == editorHandle).findFirst().orElse(null);
            editorRights.setText(chosen == null ? messages.get("panel.editorGone",
                    Integer.toHexString(session.editorHandleProperty().get()))
                    : messages.get("panel.rights", Rights.toString(chosen.rights())));
            showVmo();
        } finally {
            refreshing = false;
        }
    }

    private void build() {
        box.setId("simulationPanel");
        box.getStyleClass().add("simulation-panel");
        box.setPadding(new Insets(8));
        box.setPrefWidth(230);
        box.setMinWidth(200);

        Label title = label("panel.title");
        title.getStyleClass().add("panel-title");
        debugging.setId("debuggingToggle");
        debugging.textProperty().bind(messages.text("panel.debugging"));
        debugging.setTooltip(new Tooltip("kernel.enable-debugging-syscalls"));
        debugging.selectedProperty().addListener((o, was, on) -> {
            if (!refreshing) {
                setDebugging(on);
            }
        });

        fidelity.setId("fidelityChoice");
        fidelity.setMaxWidth(Double.MAX_VALUE);
        fidelity.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Fidelity f) {
                return f == null ? "" : messages.get("simulation.fidelity." + f.name());
            }

            @Override
            public Fidelity fromString(String text) {
                return null;
            }
        });
        fidelity.valueProperty().addListener((o, was, now) -> {
            if (!refreshing && now != null) {
                session.kernel().setOptions(session.kernel().options().withFidelity(now));
            }
        });

        editorRights.setId("editorRights");
        editorRights.setWrapText(true);
        editorRights.getStyleClass().add("rights");
        // only a choice the user made in the open list counts: when the handle list changes, the combo's skin
        // may re-select a neighbour on a later pulse, and edits must never silently move to another handle
        editor.valueProperty().addListener((o, was, now) -> {
            if (refreshing) {
                return;
            }
            if (editor.isShowing()) {
                commitEditorChoice();
            } else if (now == null || now.handle() != session.editorHandleProperty().get()) {
                // not the user's doing: show the handle edits really go through again
                javafx.application.Platform.runLater(this::refresh);
            }
        });
        editor.setOnHidden(e -> {
            if (!refreshing) {
                commitEditorChoice();
            }
        });

        Button kill = button("killButton", "panel.kill", this::kill);
        vmoInfo.setId("vmoInfo");
        vmoInfo.setWrapText(true);
        vmo.valueProperty().addListener((o, was, now) -> {
            if (!refreshing) {
                showVmo();
            }
        });
        size.setId("vmoSize");
        size.promptTextProperty().bind(messages.text("panel.size"));
        size.setOnAction(e -> resize());
        Button resize = button("resizeButton", "panel.resize", this::resize);
        policy.setId("cachePolicy");
        policy.getItems().setAll(CachePolicy.values());
        policy.setMaxWidth(Double.MAX_VALUE);
        Button setPolicy = button("cacheButton", "panel.applyCache", this::setPolicy);
        HBox sizeRow = new HBox(4, size, resize);
        HBox.setHgrow(size, Priority.ALWAYS);
        HBox policyRow = new HBox(4, policy, setPolicy);
        HBox.setHgrow(policy, Priority.ALWAYS);

        box.getChildren().addAll(title, debugging, label("simulation.fidelity"), fidelity, new Separator(),
                label("panel.editor"), editor, editorRights, new Separator(),
                label("panel.process"), process, kill, new Separator(),
                label("panel.vmo"), vmo, vmoInfo, sizeRow, label("panel.cache"), policyRow);
    }

    private void commitEditorChoice() {
        HandleInfo chosen = editor.getValue();
        if (chosen != null && chosen.handle() != session.editorHandleProperty().get()) {
            session.editorHandleProperty().set(chosen.handle());
        }
        refresh();
    }

    private void setDebugging(boolean on) {
        BootOptions now = session.kernel().options();
        session.kernel().setOptions(now.withDebuggingSyscalls(on));
    }

    /** Adds a section (controls another part of the window owns) at the bottom, after a separator. */
    public void addSection(Node section) {
        box.getChildren().addAll(new Separator(), section);
    }

    /** Flips the boot option (the Simulation menu's shortcut). */
    public void toggleDebugging() {
        setDebugging(!session.kernel().options().debuggingSyscalls());
    }

    /** Kills the process chosen here (or {@code handle} when given, e.g. from the menu). */
    public void kill(int handle) {
        reporter.reportCall(call(() -> session.kernel().taskKill(handle)));
    }

    private void kill() {
        HandleInfo p = process.getValue();
        if (p == null) {
            reporter.reportInputProblem(new InputException("error.noProcess"));
            return;
        }
        kill(p.handle());
    }

    private void resize() {
        HandleInfo v = vmo.getValue();
        if (v == null) {
            reporter.reportInputProblem(new InputException("error.noVmo"));
            return;
        }
        try {
            long bytes = SizeParser.parse(size.getText());
            reporter.reportCall(call(() -> session.kernel().vmoSetSize(v.handle(), bytes)));
        } catch (InputException e) {
            reporter.reportInputProblem(e);
        }
    }

    private void setPolicy() {
        HandleInfo v = vmo.getValue();
        CachePolicy p = policy.getValue();
        if (v == null || p == null) {
            reporter.reportInputProblem(new InputException("error.noVmo"));
            return;
        }
        reporter.reportCall(call(() -> session.kernel().vmoSetCachePolicy(v.handle(), p)));
    }

    private <T> Recorded<T> call(Supplier<T> syscall) {
        // the history names the panel, not the editor whose caller the FX thread carries otherwise
        try (History.Scope s = session.kernel().history().as(Caller.SIMULATION)) {
            return session.recorder().record(syscall);
        }
    }

    private void showVmo() {
        HandleInfo v = vmo.getValue();
        VmoInfo info = v == null ? null : session.kernel().inspector().vmo(v.koid()).orElse(null);
        vmoInfo.setText(info == null ? "" : messages.get("panel.vmoInfo", info.name(),
                HexFormat.humanSize(info.size()), info.cachePolicy().name()));
        if (info != null && !refreshing) {
            policy.setValue(info.cachePolicy());
        } else if (info != null && policy.getValue() == null) {
            policy.setValue(info.cachePolicy());
        }
    }

    private static int selectedHandle(ComboBox<HandleInfo> combo) {
        return combo.getValue() == null ? 0 : combo.getValue().handle();
    }

    private static void keepSelection(ComboBox<HandleInfo> combo, List<HandleInfo> items, int handle,
                                      boolean orFirst) {
        if (!items.equals(combo.getItems())) {
            combo.hide();
            // a fresh list, value cleared first: mutating the items under a selected value lets the combo's
            // skin re-select a neighbour on a later pulse
            combo.setValue(null);
            combo.setItems(javafx.collections.FXCollections.observableArrayList(items));
        }
        // the fallback is the first object's strongest handle, so a control does not start on a reduced one
        combo.setValue(items.stream().filter(h -> h.handle() == handle).findFirst()
                .orElse(!orFirst ? null : items.stream()
                        .reduce((a, b) -> a.koid() == b.koid() && Integer.bitCount(b.rights())
                                > Integer.bitCount(a.rights()) ? b : a)
                        .orElse(null)));
    }

    private ComboBox<HandleInfo> handleCombo(String id) {
        ComboBox<HandleInfo> c = new ComboBox<>();
        c.setId(id);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setCellFactory(l -> new HandleCell(true));
        c.setButtonCell(new HandleCell(false));
        return c;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(messages.text(key));
        return l;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(messages.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** {@code p1.ro (0x1a3) -> READ|WAIT|...}: the scenario's name, the value, and in the list the rights. */
    private final class HandleCell extends ListCell<HandleInfo> {
        private final boolean withRights;

        HandleCell(boolean withRights) {
            this.withRights = withRights;
        }

        @Override
        protected void updateItem(HandleInfo h, boolean empty) {
            super.updateItem(h, empty);
            if (empty || h == null) {
                setText(null);
                return;
            }
            String name = session.nameOf(h.handle()).orElse(Objects.requireNonNullElse(h.name(), "?"));
            String rights = withRights ? Rights.toString(h.rights()) : h.name();
            setText(messages.get("panel.handle", name, Integer.toHexString(h.handle()), rights));
        }
    }
}
