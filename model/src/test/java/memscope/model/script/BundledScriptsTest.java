package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The sample script replays on the demo scenario with every answer its comments promise. */
class BundledScriptsTest {
    private static final Pattern EXPECTED = Pattern.compile("#\\s*->\\s*(\\S+)");

    @Test
    void theDemoTourGivesTheAnswersItsCommentsPromise() throws IOException, ScenarioException {
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("memscope/lessons/scripts/demo-tour.msc")) {
            assertTrue(in != null, "demo-tour.msc is not on the classpath");
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> promised = new ArrayList<>();
        for (String line : script.split("\n")) {
            Matcher m = EXPECTED.matcher(line);
            if (!line.startsWith("#") && m.find()) {
                promised.add(m.group(1));
            }
        }
        ConsoleSession console = ConsoleSession.forScenario(ScenarioLoader.loadDefault());
        RunResult r = console.run(script);
        assertEquals(List.of(), r.errors());
        assertEquals(promised, r.results().stream().map(CommandResult::statusName).toList());
        assertEquals(2, r.results().get(6).actual(), "the partial write");
        assertArrayEquals(new byte[] {0x2a}, r.results().get(13).data(), "the shared ring");
    }
}
