package memscope.app.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import memscope.app.MemScopeApp;
import memscope.app.testkit.RunningApp;
import memscope.model.Kernel;
import memscope.model.MapEntry;

/** The real application on the demo scenario, with the Diff window's controls and the demo's facts by name. */
final class TimelineApp extends RunningApp {
    private TimelineApp(MemScopeApp app, Stage stage) {
        super(app, stage);
    }

    static TimelineApp launch(String... args) throws Exception {
        return launch(TimelineApp::new, a -> CompletableFuture.completedFuture(true), args);
    }

    @Override
    protected void released() {
        app.files().closeDocument();
    }

    /** The kernel the window shows now (a session opened replaces it). */
    Kernel kernel() {
        return window().session().kernel();
    }

    /** The mapping of the VMO behind the scenario handle {@code vmo} in the process behind {@code process}. */
    MapEntry mapping(String process, String vmo) {
        var session = window().session();
        long koid = kernel().inspector().handle(session.handleNamed(vmo).orElseThrow()).orElseThrow().koid();
        return session.maps(session.handleNamed(process).orElseThrow()).stream()
                .filter(e -> e.isMapping() && e.vmoKoid() == koid).findFirst()
                .orElseThrow(() -> new AssertionError("no mapping of " + vmo + " in " + process));
    }

    long koidOf(String handleName) {
        return kernel().inspector().handle(window().session().handleNamed(handleName).orElseThrow()).orElseThrow()
                .koid();
    }

    /** Ctrl+Alt+D, as a person opens the Diff window, from the hex view. */
    void openDiff() {
        focusHex();
        press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.D);
        if (diffWindow() == null) {
            throw new AssertionError("Ctrl+Alt+D opened no Diff window");
        }
    }

    /** The Diff window showing, or null. */
    Window diffWindow() {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot().lookup("#diffDialog") != null) {
                return w;
            }
        }
        return null;
    }

    private Node inDiff(String id) {
        Window w = diffWindow();
        if (w == null) {
            throw new AssertionError("no Diff window shows");
        }
        return w.getScene().getRoot().lookup("#" + id);
    }

    /** Its Close button, as a click does. */
    void closeDiff() {
        robot.interact(() -> ((Stage) diffWindow()).close());
    }

    Button button(String id) {
        return (Button) inDiff(id);
    }

    void fire(String id) {
        robot.interact(() -> button(id).fire());
    }

    TextField field(String id) {
        return (TextField) inDiff(id);
    }

    String summary() {
        return ((Label) inDiff("diffSummary")).getText();
    }

    String documentShown() {
        return ((Label) inDiff("diffDocument")).getText();
    }

    @SuppressWarnings("unchecked")
    TableView<Object> table() {
        return (TableView<Object>) inDiff("diffTable");
    }

    /** Row {@code row} as the table shows it: one string per column. */
    List<String> row(int row) {
        List<String> out = new ArrayList<>();
        for (TableColumn<Object, ?> c : table().getColumns()) {
            out.add(String.valueOf(c.getCellObservableValue(row).getValue()));
        }
        return out;
    }

    /** Every row's range, in order. */
    List<String> ranges() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < table().getItems().size(); i++) {
            out.add(row(i).get(0));
        }
        return out;
    }

    static String range(long address) {
        return "0x" + Long.toHexString(address) + " (1 byte)";
    }
}
