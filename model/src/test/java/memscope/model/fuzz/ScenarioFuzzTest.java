package memscope.model.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;

/**
 * Any bytes given as a scenario file either load into a sound world or are refused with a
 * {@link ScenarioException} whose message is short. A scenario with duplicate keys, an integer beyond 64 bits or
 * non-ASCII hex digits is refused (see {@link JsonOracle}). Seeds: {@code ScenarioFuzzTestInputs/loadScenario/}.
 */
class ScenarioFuzzTest {
    private static final Path FILE = ScratchFiles.create(".json");

    @FuzzTest(maxDuration = "10m")
    void loadScenario(byte[] input) {
        String mustRefuse = JsonOracle.reasonToRefuse(input, null);
        LoadedScenario scenario;
        try {
            scenario = ScenarioLoader.load(ScratchFiles.write(FILE, input));
        } catch (ScenarioException e) {
            Refusals.wellWorded(e);
            return;
        }
        if (mustRefuse != null) {
            throw new AssertionError("a scenario with " + mustRefuse + " was accepted");
        }
        WorldChecks.sound(scenario.kernel());
    }

    /**
     * 3,000 handle names of 1,200 characters and one misspelt reference: the "did you mean" suggester must not
     * compare them all letter by letter (hours) nor quote them all (megabytes). Too large a file for the corpus.
     */
    @Test
    void manyLongNamesAreRefusedQuicklyAndBriefly() {
        StringBuilder json = new StringBuilder("{\"format\": 1, \"title\": \"long names\", \"processes\": [");
        for (int i = 0; i < 3_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\": \"p\", \"handle\": \"")
                    .append(String.format("%04d", i)).append("x".repeat(1_196)).append("\"}");
        }
        json.append("], \"vmos\": [{\"name\": \"v\", \"size\": \"4K\"}], \"mappings\": [{\"in\": \"")
                .append("0001").append("y".repeat(1_196)).append("\", \"vmo\": \"v\", \"perms\": \"r--\"}]}");
        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(json.toString(), "long")));
        Refusals.wellWorded(e);
    }
}
