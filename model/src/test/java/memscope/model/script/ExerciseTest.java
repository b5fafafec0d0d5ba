package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import memscope.model.Rule;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class ExerciseTest {

    @Test
    void theSameSeedGivesTheSameExerciseAndAnotherSeedAnother() throws ScenarioException {
        Exercise a = Exercise.generate(42);
        Exercise b = Exercise.generate(42);
        assertEquals(a.calls(), b.calls());
        assertEquals(Exercise.CALLS, a.calls().size());
        assertNotEquals(a.calls(), Exercise.generate(43).calls());
        // and the same answers
        for (int n = 1; n <= Exercise.CALLS; n++) {
            a.predict(n, "ZX_OK");
            b.predict(n, "ZX_OK");
        }
        assertEquals(a.answers().orElseThrow().stream().map(Exercise.Answer::status).toList(),
                b.answers().orElseThrow().stream().map(Exercise.Answer::status).toList());
    }

    @Test
    void theAnswersAreWithheldUntilEveryPredictionIsIn() throws ScenarioException {
        Exercise e = Exercise.generate(7);
        for (int n = 1; n < Exercise.CALLS; n++) {
            assertTrue(e.predict(n, "ZX_OK"));
            assertTrue(e.answers().isEmpty(), "after " + n + " predictions");
        }
        assertFalse(e.predict(6, "ZX_OK"), "there is no sixth call");
        assertFalse(e.predict(5, "ZX_ERR_NOPE"), "not a status");
        assertEquals(1, e.missing());
        assertTrue(e.predict(5, "ZX_ERR_ACCESS_DENIED"));
        List<Exercise.Answer> answers = e.answers().orElseThrow();
        assertEquals(Exercise.CALLS, answers.size());
        assertFalse(e.predict(1, "ZX_ERR_BAD_STATE"), "the answers are out: predictions are final");
        for (Exercise.Answer a : answers) {
            assertEquals(a.predicted().equals(a.status()), a.right());
            assertNotNull(a.record().rule(), a.call().shown() + " names the rule that decided it");
        }
    }

    @Test
    void eachAnswerIsWhatTheCallGivesOnAFreshDemoKernel() throws Exception {
        Exercise e = Exercise.generate(2026);
        for (int n = 1; n <= Exercise.CALLS; n++) {
            e.predict(n, "ZX_OK");
        }
        for (Exercise.Answer a : e.answers().orElseThrow()) {
            ConsoleSession s = ConsoleSession.forScenario(ScenarioLoader.loadDefault());
            String script = a.call().setup() == null ? a.call().command()
                    : a.call().setup() + "\n" + a.call().command();
            List<CommandResult> results = s.run(script).results();
            assertEquals(results.get(results.size() - 1).statusName(), a.status(), a.call().shown());
        }
    }

    @Test
    void manySeedsReachManyRulesHandlesAndRights() throws ScenarioException {
        Set<Rule> rules = new HashSet<>();
        Set<String> verbs = new HashSet<>();
        boolean dup = false;
        for (long seed = 0; seed < 40; seed++) {
            Exercise e = Exercise.generate(seed);
            for (Exercise.Call c : e.calls()) {
                verbs.add(c.command().split(" ")[0]);
                dup |= c.setup() != null;
                e.predict(c.number(), "ZX_OK");
            }
            e.answers().orElseThrow().forEach(a -> rules.add(a.record().rule()));
        }
        assertTrue(dup, "some calls go through a handle with chosen rights");
        assertEquals(Set.of("write", "read"), verbs);
        assertTrue(rules.size() >= 8, rules::toString);
    }

    @Test
    void exerciseLinesParseOrSayWhatIsWrong() {
        assertEquals(42, ExerciseCommand.parse("exercise 42").orElseThrow().seed());
        assertEquals(0x2a, ExerciseCommand.parse("  exercise 0x2a  # the class's seed").orElseThrow().seed());
        ExerciseCommand p = ExerciseCommand.parse("predict 3 zx_err_not_found").orElseThrow();
        assertTrue(p.ok());
        assertEquals(3, p.number());
        assertEquals("ZX_ERR_NOT_FOUND", p.status());
        assertTrue(ExerciseCommand.parse("write app 0x1100000 00").isEmpty(), "a kernel call is not one");
        assertTrue(ExerciseCommand.parse("").isEmpty());
        assertEquals("usage: exercise SEED (a number: the same seed gives the same five calls)",
                ExerciseCommand.parse("exercise").orElseThrow().problem().english());
        assertEquals("the seed 'forty' is not a number such as 42 or 0x2a",
                ExerciseCommand.parse("exercise forty").orElseThrow().problem().english());
        assertEquals("'6' is not a call of the exercise: the calls are numbered 1 to 5",
                ExerciseCommand.parse("predict 6 ZX_OK").orElseThrow().problem().english());
        assertEquals("unknown status 'OK' (e.g. ZX_OK, ZX_ERR_ACCESS_DENIED, ZX_ERR_NOT_FOUND)",
                ExerciseCommand.parse("predict 1 OK").orElseThrow().problem().english());
        assertTrue(ExerciseCommand.parse("predict 1").orElseThrow().problem().in(Locale.SIMPLIFIED_CHINESE)
                .startsWith("用法"));
    }
}
