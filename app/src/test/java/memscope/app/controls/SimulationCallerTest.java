package memscope.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import memscope.app.MainWindow;
import memscope.app.Messages;
import memscope.app.kernel.KernelSession;
import memscope.model.History;
import memscope.model.history.Caller;
import memscope.model.history.Step;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The history names the Simulation panel's calls "simulation", though the FX thread's calls are the editor's. */
@ExtendWith(ApplicationExtension.class)
class SimulationCallerTest {
    private History history;

    @Start
    void start(Stage stage) throws Exception {
        LoadedScenario scenario = ScenarioLoader.loadDefault();
        MainWindow window = new MainWindow(new KernelSession(scenario), new Messages(Locale.ENGLISH),
                new MainWindow.Host() {
                    @Override
                    public void openScenario() {
                    }

                    @Override
                    public void quit() {
                    }

                    @Override
                    public void closeFile(memscope.app.document.Document doc) {
                    }
                });
        history = scenario.kernel().history();
        history.start();
        // as the timeline does when it attaches: the FX thread's calls are the editor's unless a scope says more
        history.as(Caller.EDITOR);
        Scene scene = new Scene(window.root(), 1260, 760);
        window.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aKillFromThePanelIsRecordedAsTheSimulationPanels(FxRobot robot) {
        robot.clickOn("#killButton");
        WaitForAsyncUtils.waitForFxEvents();
        List<Step> kills = history.steps().stream().filter(s -> s.name().equals("zx_task_kill")).toList();
        assertEquals(1, kills.size(), history.steps().toString());
        assertEquals(Caller.SIMULATION, kills.get(0).caller());
        robot.interact(() -> assertEquals(Caller.EDITOR, history.caller(), "the panel gives the caller back"));
    }
}
