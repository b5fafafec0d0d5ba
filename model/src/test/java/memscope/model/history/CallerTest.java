package memscope.model.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import memscope.model.History;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioLoader;
import memscope.model.script.ConsoleSession;
import memscope.model.script.ScriptFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history names who made each call: the console, a replayed script, or whoever named itself. */
class CallerTest {
    @Test
    void consoleLinesScriptsAndNamedCallersAreTold(@TempDir Path dir) throws Exception {
        LoadedScenario world = ScenarioLoader.loadDefault();
        History history = world.kernel().history();
        history.start();
        ConsoleSession console = ConsoleSession.forScenario(world);
        console.run("write app 0x1100000 de ad");
        Path script = dir.resolve("s.msc");
        Files.writeString(script, "write app 0x1100002 be ef\n");
        ScriptFiles.replay(script, console);
        try (History.Scope s = history.as(Caller.EDITOR)) {
            console.run("write app 0x1100004 01");
        }
        List<Step> steps = history.steps();
        assertEquals(List.of(Caller.CONSOLE, Caller.SCRIPT, Caller.EDITOR),
                steps.stream().map(Step::caller).toList(), steps.toString());
        assertEquals(Caller.UNKNOWN, history.caller(), "each scope gives the caller back");
        assertEquals("editor", Caller.EDITOR.words().toString());
    }
}
