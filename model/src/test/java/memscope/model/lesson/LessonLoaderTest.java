package memscope.model.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonLoaderTest {
    private static final String HEAD = "{\"format\": 1, \"title\": \"T\", \"title_zh\": \"标\", \"summary\": \"S\", "
            + "\"summary_zh\": \"摘\", \"scenario\": \"minimal.json\", ";

    private static String lesson(String steps) {
        return HEAD + "\"steps\": [" + steps + "]}";
    }

    private static final String STEP = "{\"text\": \"t\", \"text_zh\": \"文\", \"action\": \"read p1 0x1000000 2\", "
            + "\"expect\": \"ZX_OK\"";

    private static LessonException refused(String json) {
        return assertThrows(LessonException.class, () -> LessonLoader.parse(json, "bad.json"));
    }

    private static void assertRefused(String json, String location, String problemStart) {
        LessonException e = refused(json);
        assertEquals(location, e.location(), e::getMessage);
        assertEquals(true, e.problem().startsWith(problemStart), e::getMessage);
        assertEquals(true, e.getMessage().startsWith("bad.json: "), e::getMessage);
    }

    @Test
    void aGoodLessonReadsEveryField() throws LessonException {
        Lesson l = LessonLoader.parse(lesson(STEP + ", \"expect_actual\": \"0x2\", \"expect_data\": \"48 65\", "
                + "\"expect_memory\": {\"process\": \"p1\", \"address\": 16777216, \"hex\": \"48\"}}, "
                + "{\"text\": \"end\", \"text_zh\": \"完\", \"comment\": \"no action\"}"), "lessons/x.json");
        assertEquals("x", l.id());
        assertEquals("minimal.json", l.scenario().resource());
        LessonStep s = l.steps().get(0);
        assertEquals("read p1 0x1000000 2", s.action());
        assertEquals(2L, s.expectActual());
        assertArrayEquals(new byte[] {0x48, 0x65}, s.expectData());
        assertEquals(0x1000000L, s.expectMemory().address());
        assertNull(l.steps().get(1).action());
        assertEquals(1, l.steps().get(1).index());
    }

    @Test
    void malformedLessonsNameTheFieldAndTheProblem() {
        assertRefused("{\"format\": 1,", "line 1, column 14", "not valid JSON");
        assertRefused("[]", "", "expected a JSON object");
        assertRefused(HEAD.replace("\"format\": 1", "\"format\": 2") + "\"steps\": [" + STEP + "}]}", "format",
                "expected \"format\": 1");
        assertRefused(HEAD + "\"steps\": []}", "steps", "expected a non-empty array of steps");
        assertRefused(HEAD.replace("\"minimal.json\"", "7") + "\"steps\": [" + STEP + "}]}", "scenario",
                "expected a scenario file name");
        assertRefused(HEAD.replace("\"title_zh\": \"标\", ", "") + "\"steps\": [" + STEP + "}]}", "title_zh",
                "missing text");
        assertRefused(lesson(STEP + ", \"expcet_actual\": 2}"), "steps[0].expcet_actual", "unknown field");
        assertRefused(lesson(STEP.replace("\"text_zh\": \"文\", ", "") + "}"), "steps[0].text_zh", "missing text");
        assertRefused(lesson(STEP.replace(", \"expect\": \"ZX_OK\"", "") + "}"), "steps[0].expect",
                "a step with an action needs the status it expects");
        assertRefused(lesson(STEP.replace("ZX_OK", "ZX_ERR_NOPE") + "}"), "steps[0].expect",
                "unknown status \"ZX_ERR_NOPE\"");
        assertRefused(lesson("{\"text\": \"t\", \"text_zh\": \"文\", \"expect\": \"ZX_OK\"}"), "steps[0].expect",
                "only a step with an action can expect a status");
        assertRefused(lesson(STEP + ", \"expect_actual\": \"lots\"}"), "steps[0].expect_actual",
                "bad number 'lots'");
        assertRefused(lesson(STEP + ", \"expect_data\": \"48 6\"}"), "steps[0].expect_data", "bad byte '6'");
        assertRefused(lesson(STEP + ", \"expect_memory\": {\"process\": \"p1\", \"address\": 1}}"),
                "steps[0].expect_memory.hex", "missing text");
        assertRefused(lesson(STEP + ", \"expect_memory\": {\"process\": \"p1\", \"address\": 1, \"hex\": \"00\", "
                + "\"size\": 1}}"), "steps[0].expect_memory.size", "unknown field");
        assertRefused(lesson(STEP.replace("\"read p1 0x1000000 2\"", "5") + "}"), "steps[0].action",
                "expected a string");
        assertRefused(lesson("\"step\""), "steps[0]", "expected an object");
    }

    @Test
    void machStatusNamesAreKnown() throws LessonException {
        for (String status : new String[] {"KERN_SUCCESS", "KERN_PROTECTION_FAILURE", "MACH_SEND_INVALID_DEST",
                "ZX_ERR_OUT_OF_RANGE"}) {
            LessonLoader.parse(lesson(STEP.replace("ZX_OK", status) + "}"), "ok.json");
        }
        assertRefused(lesson(STEP.replace("ZX_OK", "KERN_SEND_INVALID_DEST") + "}"), "steps[0].expect",
                "unknown status");
    }

    @Test
    void loadsFromAFileAndFromTheBundle(@TempDir Path dir) throws LessonException, IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, lesson(STEP + "}"));
        assertEquals("mine", LessonLoader.load(file).id());
        LessonException missing = assertThrows(LessonException.class, () -> LessonLoader.load(dir.resolve("no.json")));
        assertEquals(true, missing.problem().startsWith("cannot read"), missing::getMessage);
        assertEquals("01-debugging-gate", LessonLoader.loadResource("01-debugging-gate.json").id());
        assertThrows(LessonException.class, () -> LessonLoader.loadResource("nope.json"));
    }

    @Test
    void aStepCanHideItsAnswerOfferChoicesAndLeaveTheClassPath() throws LessonException {
        Lesson l = LessonLoader.parse(lesson(STEP + ", \"reveal\": \"r\", \"reveal_zh\": \"答\", "
                + "\"choices\": [\"ZX_ERR_ACCESS_DENIED\", \"ZX_OK\"], \"depth\": \"extra\"}, " + STEP + "}"), "x.json");
        LessonStep s = l.steps().get(0);
        assertEquals("r", s.reveal(java.util.Locale.ENGLISH));
        assertEquals("答", s.reveal(java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals(java.util.List.of("ZX_ERR_ACCESS_DENIED", "ZX_OK"), s.choices());
        assertEquals(StepDepth.EXTRA, s.depth());
        LessonStep plain = l.steps().get(1);
        assertEquals(StepDepth.CORE, plain.depth(), "a step is core unless it says otherwise");
        assertEquals(java.util.List.of(), plain.choices());
        assertEquals(false, plain.hasReveal());
        assertEquals(1, l.coreStepCount());
    }

    @Test
    void aStepCanOfferARewindToItsStartAndItMustBeABoolean() throws LessonException {
        Lesson l = LessonLoader.parse(lesson(STEP + ", \"rewind\": true}, " + STEP + ", \"rewind\": false}, "
                + STEP + "}"), "x.json");
        assertEquals(true, l.steps().get(0).rewind());
        assertEquals(false, l.steps().get(1).rewind());
        assertEquals(false, l.steps().get(2).rewind(), "no rewind unless the step says so");
        assertRefused(lesson(STEP + ", \"rewind\": \"yes\"}"), "steps[0].rewind",
                "rewind must be true or false, not \"yes\"");
        assertRefused(lesson(STEP + ", \"rewind\": 1}"), "steps[0].rewind", "rewind must be true or false, not 1");
    }

    @Test
    void revealsChoicesAndDepthsAreChecked() {
        String explain = "{\"text\": \"t\", \"text_zh\": \"文\"";
        assertRefused(lesson(explain + ", \"reveal\": \"r\", \"reveal_zh\": \"答\"}"), "steps[0].reveal",
                "only a step with an action has a reveal");
        assertRefused(lesson(STEP + ", \"reveal\": \"r\"}"), "steps[0].reveal_zh", "missing text");
        assertRefused(lesson(STEP + ", \"reveal_zh\": \"答\"}"), "steps[0].reveal", "missing text");
        assertRefused(lesson(explain + ", \"choices\": [\"ZX_OK\", \"KERN_SUCCESS\"]}"), "steps[0].choices",
                "only a step with an action can offer choices");
        assertRefused(lesson(STEP + ", \"choices\": [\"ZX_OK\"]}"), "steps[0].choices",
                "expected an array of at least two statuses");
        assertRefused(lesson(STEP + ", \"choices\": \"ZX_OK\"}"), "steps[0].choices",
                "expected an array of at least two statuses");
        assertRefused(lesson(STEP + ", \"choices\": [\"ZX_OK\", \"ZX_ERR_NOPE\"]}"), "steps[0].choices[1]",
                "unknown status \"ZX_ERR_NOPE\"");
        assertRefused(lesson(STEP + ", \"choices\": [\"ZX_OK\", 3]}"), "steps[0].choices[1]", "expected a string");
        assertRefused(lesson(STEP + ", \"choices\": [\"ZX_OK\", \"ZX_OK\"]}"), "steps[0].choices[1]",
                "the choice \"ZX_OK\" is offered twice");
        assertRefused(lesson(STEP + ", \"choices\": [\"KERN_SUCCESS\", \"ZX_ERR_BAD_STATE\"]}"),
                "steps[0].choices", "the choices must include the expected status ZX_OK");
        assertRefused(lesson(STEP + ", \"depth\": \"optional\"}"), "steps[0].depth",
                "unknown depth \"optional\" (expected core, extra or homework)");
    }
}
