package memscope.app.ui;

import java.util.Locale;
import java.util.function.Predicate;
import memscope.app.hex.HexView;
import org.controlsfx.control.StatusBar;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import javafx.stage.Stage;
import memscope.app.MainWindow;
import memscope.app.Messages;
import memscope.app.testkit.BareWindow;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.Status;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;

/**
 * The real main window on the demo scenario, plus the facts a test needs about the demo, found by scenario handle
 * name through the kernel (processMaps, inspector) rather than hard-coded.
 */
final class DemoWindow {
    final LoadedScenario scenario;
    final Kernel kernel;
    final Messages messages = new Messages(Locale.ENGLISH);
    final MainWindow window;

    DemoWindow(Stage stage) throws ScenarioException {
        scenario = ScenarioLoader.loadDefault();
        kernel = scenario.kernel();
        window = BareWindow.on(scenario, messages);
        stage.setScene(BareWindow.sceneFor(window));
        stage.show();
    }

    int handle(String name) {
        Integer h = scenario.handles().get(name);
        if (h == null) {
            throw new AssertionError("the demo scenario has no handle named " + name);
        }
        return h;
    }

    long koidOf(String handleName) {
        return kernel.inspector().handle(handle(handleName)).orElseThrow().koid();
    }

    /** The mapping of a VMO (by scenario handle name) in a process (by scenario handle name). */
    MapEntry mappingOf(String process, String vmo) {
        long koid = koidOf(vmo);
        return mapping(process, e -> e.vmoKoid() == koid);
    }

    MapEntry vdso(String process) {
        long koid = kernel.inspector().vdsoKoid();
        return mapping(process, e -> e.vmoKoid() == koid);
    }

    MapEntry mapping(String process, Predicate<MapEntry> which) {
        return kernel.processMaps(handle(process)).entries().stream().filter(MapEntry::isMapping).filter(which)
                .findFirst().orElseThrow(() -> new AssertionError("no such mapping in " + process));
    }

    /** Reads {@code length} bytes through the full-rights handle of the process (demo: "app"). */
    byte[] read(String process, long address, int length) {
        byte[] out = new byte[length];
        IoResult r = kernel.readMemory(handle(process), address, out, length);
        if (r.status() != Status.OK || r.actual() != length) {
            throw new AssertionError("cannot read back " + length + " bytes at 0x" + Long.toHexString(address)
                    + ": " + r);
        }
        return out;
    }

    /** The window's hex view. */
    HexView hex(FxRobot robot) {
        return robot.from(window.root()).lookup("#hexView").queryAs(HexView.class);
    }

    /** What the status pane says now. */
    String status(FxRobot robot) {
        return robot.from(window.root()).lookup("#statusPane").queryAs(StatusBar.class).getText();
    }

    /** Puts the caret on {@code address} and types {@code digits} into the hex column, as a person would. */
    void typeAt(FxRobot robot, long address, String digits) {
        HexView hex = hex(robot);
        robot.interact(() -> {
            hex.goTo(address);
            hex.requestFocus();
        });
        robot.write(digits);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
