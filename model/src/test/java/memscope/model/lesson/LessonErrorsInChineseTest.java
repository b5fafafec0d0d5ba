package memscope.model.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import memscope.model.text.Text;
import org.junit.jupiter.api.Test;

/** Malformed lessons and failed checks worded in Simplified Chinese; the English stays as it was. */
class LessonErrorsInChineseTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static String lesson(String scenario, String steps) {
        return "{\"format\": 1, \"title\": \"T\", \"title_zh\": \"标\", \"summary\": \"S\", \"summary_zh\": \"摘\","
                + " \"scenario\": " + scenario + ", \"steps\": [" + steps + "]}";
    }

    private static LessonException refused(String json) {
        return assertThrows(LessonException.class, () -> LessonLoader.parse(json, "gate.json"));
    }

    @Test
    void anUnknownStatusIsNamedInChinese() {
        LessonException e = refused(lesson("\"minimal.json\"", "{\"text\": \"t\", \"text_zh\": \"文\","
                + " \"action\": \"read p1 0x1000000 2\", \"expect\": \"ZX_ERR_NOPE\"}"));
        assertEquals("gate.json：steps[0].expect：未知状态 \"ZX_ERR_NOPE\"（例如 ZX_OK、ZX_ERR_ACCESS_DENIED、"
                + "KERN_SUCCESS、KERN_PROTECTION_FAILURE、MACH_SEND_INVALID_DEST、EFAULT）", e.text().in(ZH));
        assertEquals("gate.json: steps[0].expect: unknown status \"ZX_ERR_NOPE\" (e.g. ZX_OK, ZX_ERR_ACCESS_DENIED,"
                + " KERN_SUCCESS, KERN_PROTECTION_FAILURE, MACH_SEND_INVALID_DEST, EFAULT)", e.getMessage());
    }

    @Test
    void aStepWithoutItsExpectationIsRefusedInChinese() {
        LessonException e = refused(lesson("\"minimal.json\"",
                "{\"text\": \"t\", \"text_zh\": \"文\", \"action\": \"read p1 0x1000000 2\"}"));
        assertEquals("带 action 的步骤需要给出预期的状态，例如 \"ZX_OK\"", e.problemText().in(ZH));
        assertEquals("steps[0].expect", e.location());
    }

    @Test
    void brokenJsonGivesLineAndColumnInChinese() {
        LessonException e = refused("{\"format\": 1,\n \"title\" \"T\"}");
        assertEquals("第 2 行，第 10 列", e.text().in(ZH).split("：")[1]);
        assertEquals("line 2, column 10", e.location());
    }

    @Test
    void aBrokenInlineScenarioIsReportedInChineseThroughTheLesson() throws LessonException {
        Lesson broken = LessonLoader.parse(lesson("{\"format\": 1, \"title\": \"t\", \"processes\": []}",
                "{\"text\": \"t\", \"text_zh\": \"文\"}"), "gate.json");
        LessonException e = assertThrows(LessonException.class,
                () -> new LessonRunner(broken, ScenarioWorlds.bundled()));
        // the inline scenario is read back from the lesson's JSON tree, compact: "processes" is at column 37
        assertEquals("gate.json：scenario：gate.json（内嵌场景）：/processes（第 1 行，第 37 列）："
                + "场景的 \"processes\" 中至少需要一个进程", e.text().in(ZH));
    }

    @Test
    void failedChecksAreWordedInChinese() throws LessonException {
        String steps = "{\"text\": \"w\", \"text_zh\": \"写\", \"action\": \"write p1 0x1000000 \\\"J\\\"\","
                + " \"expect\": \"ZX_ERR_ACCESS_DENIED\", \"expect_actual\": 3,"
                + " \"expect_memory\": {\"process\": \"p1\", \"address\": \"0x1000000\", \"hex\": \"4a 66\"}}";
        LessonRunner runner = new LessonRunner(LessonLoader.parse(lesson("\"minimal.json\"", steps), "gate.json"),
                ScenarioWorlds.bundled());
        StepOutcome outcome = runner.perform();
        List<String> chinese = outcome.problemTexts().stream().map(t -> t.in(ZH)).toList();
        assertEquals(List.of("预期 ZX_ERR_ACCESS_DENIED，实际为 ZX_OK", "预期 actual=3，实际 actual=1",
                "预期 p1 中 0x1000000 处为 4a 66，实际为 4a 65"), chinese);
        assertEquals(List.of("expected ZX_ERR_ACCESS_DENIED, observed ZX_OK", "expected actual=3, observed actual=1",
                "expected 4a 66 at 0x1000000 in p1, found 4a 65"), outcome.problems());
        assertEquals(outcome.problems(), outcome.problemTexts().stream().map(Text::english).toList());
    }
}
