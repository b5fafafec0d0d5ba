package memscope.model.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import memscope.model.Kernel;
import memscope.model.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;

class LessonRunnerTest {
    /** minimal.json: process p1 with one rw page at 0x1000000 holding "Hello, world!". */
    private static final String LESSON = """
            {"format": 1, "title": "T", "title_zh": "标题", "summary": "S", "summary_zh": "摘要",
             "scenario": "minimal.json",
             "steps": [
               {"text": "intro", "text_zh": "介绍"},
               {"text": "J", "text_zh": "J", "action": "write p1 0x1000000 \\"J\\"", "expect": "ZX_OK",
                "expect_actual": 1, "expect_memory": {"process": "p1", "address": "0x1000000", "hex": "4a 65"}},
               {"text": "dup", "text_zh": "dup", "action": "dup p1 rights=READ as ro", "expect": "ZX_OK"},
               {"text": "deny", "text_zh": "拒绝", "action": "write ro 0x1000000 \\"K\\"", "expect": "ZX_ERR_ACCESS_DENIED"},
               {"text": "M", "text_zh": "M", "action": "write p1 0x1000001 \\"M\\"", "expect": "ZX_OK"}
             ]}""";

    private final List<String> events = new ArrayList<>();

    private LessonRunner runner(String json) throws LessonException {
        LessonRunner r = new LessonRunner(LessonLoader.parse(json, "test.json"), ScenarioWorlds.bundled());
        r.addListener(new LessonRunner.Listener() {
            @Override
            public void worldChanged(LoadedScenario world) {
                events.add("world");
            }

            @Override
            public void stepChanged(int index) {
                events.add("step " + index);
            }

            @Override
            public void stepPerformed(StepOutcome outcome) {
                events.add("performed " + outcome.index() + (outcome.passed() ? " ok" : " FAIL"));
            }
        });
        return r;
    }

    private static byte[] memory(LessonRunner r, long address, int n) {
        byte[] out = new byte[n];
        r.world().kernel().inspector().peek(r.world().handles().get("p1"), address, out);
        return out;
    }

    @Test
    void performChecksTheStatusAndFurtherExpectations() throws LessonException {
        LessonRunner r = runner(LESSON);
        assertEquals(0, r.currentIndex());
        assertEquals("intro", r.currentStep().orElseThrow().text());
        assertEquals("介绍", r.currentStep().orElseThrow().text(Locale.SIMPLIFIED_CHINESE));
        StepOutcome intro = r.perform();
        assertTrue(intro.passed());
        assertEquals("", intro.observedStatus());
        r.next();
        StepOutcome write = r.perform();
        assertTrue(write.passed(), write.problems()::toString);
        assertEquals("ZX_OK", write.observedStatus());
        assertEquals(List.of("performed 0 ok", "step 1", "performed 1 ok"), events);
    }

    @Test
    void aMismatchSaysWhatWasExpectedAndWhatHappened() throws LessonException {
        String wrong = LESSON.replace("\"expect\": \"ZX_ERR_ACCESS_DENIED\"", "\"expect\": \"ZX_OK\"")
                .replace("\"expect_actual\": 1", "\"expect_actual\": 3").replace("4a 65", "4a 66");
        List<StepOutcome> outcomes = runner(wrong).runToEnd();
        assertEquals(List.of("expected actual=3, observed actual=1",
                "expected 4a 66 at 0x1000000 in p1, found 4a 65"), outcomes.get(1).problems());
        assertEquals(List.of("expected ZX_OK, observed ZX_ERR_ACCESS_DENIED"), outcomes.get(3).problems());
        assertFalse(outcomes.get(3).passed());
        assertFalse(outcomes.get(3).statusMatches());
        assertTrue(outcomes.get(1).statusMatches(), "the status matched; actual and memory did not");
        assertFalse(outcomes.get(1).passed());
        assertTrue(outcomes.get(4).passed());
    }

    @Test
    void nextPerformsASkippedStepSoTheStateIsTheLessons() throws LessonException {
        LessonRunner r = runner(LESSON);
        r.next();
        r.next();
        assertTrue(r.outcome(1).orElseThrow().passed());
        assertArrayEquals(new byte[] {'J', 'e'}, memory(r, 0x1000000L, 2));
    }

    @Test
    void aStepCannotBePerformedTwice() throws LessonException {
        LessonRunner r = runner(LESSON);
        r.next();
        r.perform();
        assertThrows(IllegalStateException.class, r::perform);
    }

    @Test
    void previousRebuildsAFreshKernelAndReplaysTheEarlierSteps() throws LessonException {
        LessonRunner r = runner(LESSON);
        List<StepOutcome> all = r.runToEnd();
        assertTrue(all.stream().allMatch(StepOutcome::passed));
        assertArrayEquals(new byte[] {'J', 'M'}, memory(r, 0x1000000L, 2));
        Kernel before = r.world().kernel();
        events.clear();

        r.previous(); // back to the last step, not yet performed: "M" is not written in the new world
        assertNotSame(before, r.world().kernel());
        assertEquals(4, r.currentIndex());
        assertFalse(r.performed());
        assertArrayEquals(new byte[] {'J', 'e'}, memory(r, 0x1000000L, 2));
        assertTrue(r.session().names().containsKey("ro"), "names bound by replayed steps exist again");
        assertTrue(r.outcome(3).orElseThrow().passed());
        assertTrue(r.outcome(4).isEmpty());
        assertEquals(List.of("world", "performed 0 ok", "performed 1 ok", "performed 2 ok", "performed 3 ok",
                "step 4"), events);

        r.goTo(1);
        assertArrayEquals(new byte[] {'H', 'e'}, memory(r, 0x1000000L, 2));
        assertTrue(r.perform().passed());
        assertSame(r.world().kernel(), r.session().kernel());
    }

    @Test
    void previousAtTheFirstStepStaysThere() throws LessonException {
        LessonRunner r = runner(LESSON);
        Kernel k = r.world().kernel();
        r.previous();
        assertEquals(0, r.currentIndex());
        assertSame(k, r.world().kernel());
    }

    @Test
    void aBrokenActionIsReportedAtStartWithItsStepAndColumn() {
        String broken = LESSON.replace("write ro 0x1000000", "write rx 0x1000000");
        LessonException e = assertThrows(LessonException.class, () -> runner(broken));
        assertEquals("steps[3].action", e.location());
        assertTrue(e.problem().startsWith("column 7: unknown handle name 'rx'"), e.problem());
    }

    @Test
    void anUnknownScenarioIsReportedAsTheLessonsScenarioField() {
        String missing = LESSON.replace("minimal.json", "nowhere.json");
        LessonException e = assertThrows(LessonException.class, () -> runner(missing));
        assertEquals("scenario", e.location());
        assertTrue(e.getMessage().startsWith("test.json: scenario: memscope/scenarios/nowhere.json"), e.getMessage());
    }

    @Test
    void anInlineScenarioIsBuiltFromTheLesson() throws LessonException {
        String inline = LESSON.replace("\"minimal.json\"", """
                {"format": 1, "title": "inline", "boot": {"debuggingSyscalls": true},
                 "processes": [{"name": "x", "handle": "p1"}],
                 "vmos": [{"name": "x.data", "handle": "page", "size": "4K",
                           "contents": [{"offset": 0, "text": "Hello"}]}],
                 "mappings": [{"in": "p1", "address": "0x1000000", "vmo": "page", "perms": "rw-"}]}""");
        LessonRunner r = runner(inline);
        assertTrue(r.lesson().scenario().isInline());
        assertTrue(r.runToEnd().stream().allMatch(StepOutcome::passed));
        assertEquals("inline", r.world().title());
    }

    /** LESSON with choices on the denied write and steps 2 (dup) and 4 (M) left out of the class path. */
    private static final String WITH_PATH = LESSON
            .replace("\"expect\": \"ZX_ERR_ACCESS_DENIED\"",
                    "\"expect\": \"ZX_ERR_ACCESS_DENIED\", \"choices\": [\"ZX_OK\", \"ZX_ERR_ACCESS_DENIED\"]")
            .replace("\"action\": \"dup p1", "\"depth\": \"extra\", \"action\": \"dup p1")
            .replace("\"action\": \"write p1 0x1000001", "\"depth\": \"homework\", \"action\": \"write p1 0x1000001");

    @Test
    void aPredictionIsOneOfTheChoicesMadeBeforeTheStepRunsAndIsMarked() throws LessonException {
        LessonRunner r = runner(WITH_PATH);
        r.goTo(3);
        assertFalse(r.predict("ZX_ERR_BAD_STATE"), "not one of the choices");
        assertTrue(r.prediction(3).isEmpty());
        assertTrue(r.predict("ZX_OK"));
        assertTrue(r.predictionRight(3).isEmpty(), "marked only once the step has run");
        r.perform();
        assertEquals(Optional.of(false), r.predictionRight(3));
        assertFalse(r.predict("ZX_ERR_ACCESS_DENIED"), "too late: the answer is out");
        assertEquals(Optional.of("ZX_OK"), r.prediction(3));

        r.goTo(3); // the step runs again: a new guess
        assertTrue(r.prediction(3).isEmpty());
        assertTrue(r.predict("ZX_ERR_ACCESS_DENIED"));
        r.perform();
        assertEquals(Optional.of(true), r.predictionRight(3));
        r.next();
        assertFalse(r.predict("ZX_OK"), "a step without choices takes no prediction");
    }

    @Test
    void theClassPathShowsOnlyCoreStepsYetPerformsTheOthers() throws LessonException {
        LessonRunner r = runner(WITH_PATH);
        assertEquals(3, r.lesson().coreStepCount());
        r.setCoreOnly(true);
        r.next();
        assertEquals(1, r.currentIndex());
        r.next();
        assertEquals(3, r.currentIndex(), "the extra dup step is passed over");
        assertTrue(r.outcome(2).orElseThrow().passed(), "and performed, so 'ro' exists");
        assertTrue(r.perform().passed());
        r.next();
        assertTrue(r.finished(), "the homework step is passed over too");
        assertArrayEquals(new byte[] {'J', 'M'}, memory(r, 0x1000000L, 2));
        r.goTo(3);
        r.previous();
        assertEquals(1, r.currentIndex());
        r.setCoreOnly(false);
        r.next();
        assertEquals(2, r.currentIndex());
        r.setCoreOnly(true);
        assertEquals(3, r.currentIndex(), "turned on at an extra step, it moves on to a core one");
    }

    /** The kernel as the history shows it at {@code sequence}: the bytes of p1 at {@code address}. */
    private static byte[] then(LessonRunner r, long sequence, long address, int n) {
        byte[] out = new byte[n];
        long koid = r.world().kernel().inspector().handle(r.world().handles().get("p1")).orElseThrow().koid();
        assertEquals(n, r.world().kernel().history().at(sequence).orElseThrow().peek(koid, address, out));
        return out;
    }

    @Test
    void eachStepsStartIsOnTheTimelineAndMatchesAReplay() throws LessonException {
        LessonRunner r = runner(LESSON);
        assertTrue(r.world().kernel().history().recording(), "the world is recorded from when it is built");
        r.next();
        r.next(); // performs step 1: J at 0x1000000
        r.next();
        long atStep1 = r.stepStart(1).orElseThrow();
        long atStep2 = r.stepStart(2).orElseThrow();
        assertTrue(atStep1 < atStep2);
        assertArrayEquals("He".getBytes(), then(r, atStep1, 0x1000000, 2), "step 1 found Hello");
        assertArrayEquals("Je".getBytes(), then(r, atStep2, 0x1000000, 2), "step 2 found step 1's write");
        assertEquals(atStep1, r.replayMoment(1).orElseThrow(),
                "only the lesson's calls ran: the history is what a replay makes");
        assertTrue(r.stepStart(4).isEmpty(), "not reached in this world");

        // a call the lesson did not make: the history is no longer what a replay of the steps makes
        r.world().kernel().writeMemory(r.world().handles().get("p1"), 0x1000002, new byte[] {'X'}, 1);
        r.next(); // step 3 is refused; step 4 starts after the stray write
        assertTrue(r.replayMoment(4).isEmpty());
        assertTrue(r.stepStart(4).isPresent(), "the start itself is on the timeline");
        assertTrue(r.replayMoment(3).isPresent(), "step 3 began before that call: its start is still a replay's");

        // going back rebuilds: a new world, whose history holds the replayed steps again
        r.goTo(2);
        assertTrue(r.stepStart(3).isEmpty() && r.stepStart(4).isEmpty(), "not reached in the new world");
        assertArrayEquals("Je".getBytes(), then(r, r.stepStart(2).orElseThrow(), 0x1000000, 2));
        assertTrue(r.replayMoment(2).isPresent());
    }
}
