package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.history.Caller;
import memscope.model.history.Step;
import memscope.model.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;

/** What a loaded session shows first, and that looking for it is the window's read, not anyone's edit. */
class DocumentScenarioTest {
    @Test
    void aDeadFirstProcessRefusesTheWindowsReadAndTheRefusalIsTheWindows() {
        Kernel kernel = Kernel.boot(BootOptions.defaults());
        ProcessResult p = kernel.processCreate("gone");
        assertEquals(Status.OK, kernel.taskKill(p.process()));
        kernel.history().start();
        long before = kernel.history().now();

        LoadedScenario shown = DocumentScenario.ofSession("s", kernel);

        assertEquals("h" + p.process(), shown.viewProcess(), "the first process that can be read and written");
        List<Step> refused = kernel.history().steps(before + 1, Long.MAX_VALUE).stream().filter(Step::refused)
                .toList();
        assertFalse(refused.isEmpty(), "the dead process refused its maps");
        assertTrue(refused.stream().allMatch(s -> s.caller() == Caller.WINDOW), refused.toString());
    }
}
