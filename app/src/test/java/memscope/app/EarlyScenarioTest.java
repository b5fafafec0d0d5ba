package memscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 (start-up): the launch's scenario loads while JavaFX starts, and the window gets that one. */
class EarlyScenarioTest {
    @Test
    void theDemoLoadsByItselfFromTheLaunchAndTheWindowTakesItOnce() throws Exception {
        EarlyScenario.start(List.of());
        LoadedScenario early = EarlyScenario.started().orElseThrow()
                .get(30, java.util.concurrent.TimeUnit.SECONDS); // done without anyone asking
        LoadedScenario taken = EarlyScenario.load(LaunchOptions.parse(List.of()));
        assertSame(early, taken);
        assertEquals(ScenarioLoader.loadDefault().title(), taken.title());
        // a later world (the last file closed) is a fresh one
        assertNotSame(taken, EarlyScenario.load(LaunchOptions.parse(List.of())));
    }

    @Test
    void aScenarioFileOnTheCommandLineIsTheOneLoaded(@TempDir Path dir) throws Exception {
        String demo;
        try (var in = ScenarioLoader.class.getResourceAsStream("/memscope/scenarios/demo.json")) {
            demo = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Path file = Files.writeString(dir.resolve("other.json"), demo.replaceFirst("\"title\"\\s*:\\s*\"[^\"]*\"", "\"title\": \"Other\""));
        List<String> args = List.of("--scenario", file.toString());
        EarlyScenario.start(args);
        assertEquals("Other", EarlyScenario.load(LaunchOptions.parse(args)).title());
    }

    @Test
    void optionsOtherThanTheLaunchsLoadWhatTheyName(@TempDir Path dir) throws Exception {
        EarlyScenario.start(List.of()); // the demo, loading
        Path missing = dir.resolve("missing.json");
        ScenarioException problem = assertThrows(ScenarioException.class,
                () -> EarlyScenario.load(LaunchOptions.parse(List.of("--scenario", missing.toString()))));
        assertEquals(problem.getMessage(), assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(missing)).getMessage());
    }

    @Test
    void aLaunchScenarioThatFailsFailsTheWindowsLoadTheSameWay(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        List<String> args = List.of("--scenario", missing.toString());
        EarlyScenario.start(args);
        assertThrows(ScenarioException.class, () -> EarlyScenario.load(LaunchOptions.parse(args)));
    }

    @Test
    void anErrorWhileLoadingReachesTheWindowInsteadOfLeavingItWaiting() {
        EarlyScenario.start(List.of(), options -> {
            throw new StackOverflowError("deep");
        });
        StackOverflowError error = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20), () -> assertThrows(StackOverflowError.class,
                        () -> EarlyScenario.load(LaunchOptions.parse(List.of()))));
        assertEquals("deep", error.getMessage());
    }

    @Test
    void aCommandLineThatDoesNotParseStartsNothing() {
        EarlyScenario.start(List.of("--no-such-option"));
        assertEquals(java.util.Optional.empty(), EarlyScenario.started());
    }
}
