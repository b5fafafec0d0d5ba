package memscope.model.lesson;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import memscope.model.text.Excerpt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile lesson files: keys written twice, numbers past 64 bits, huge files, and very long quoted input. */
class HostileLessonTest {
    private static final String HEAD = "{\"format\": 1, \"title\": \"T\", \"title_zh\": \"标\", \"summary\": \"S\", "
            + "\"summary_zh\": \"摘\", \"scenario\": \"minimal.json\", ";
    private static final String STEP = "{\"text\": \"t\", \"text_zh\": \"文\", \"action\": \"read p1 0x1000000 2\", "
            + "\"expect\": \"ZX_OK\"";
    private static final String LONG = "q".repeat(40_000);

    private static String lesson(String steps) {
        return HEAD + "\"steps\": [" + steps + "]}";
    }

    private static LessonException refused(String json) {
        LessonException e = assertThrows(LessonException.class, () -> LessonLoader.parse(json, "evil.json"));
        assertTrue(e.getMessage().length() <= 400, () -> e.getMessage().length() + " chars: " + e.getMessage());
        String chinese = e.text().in(Locale.SIMPLIFIED_CHINESE);
        assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                () -> "not worded in Chinese: " + chinese);
        return e;
    }

    @Test
    void aKeyWrittenTwiceIsRefusedAsInScenarios() {
        LessonException top = refused(HEAD.replace("\"title\": \"T\", ", "\"title\": \"T\", \"title\": \"U\", ")
                + "\"steps\": [" + STEP + "}]}");
        assertEquals("line 1, column 29", top.location());
        assertEquals("field \"title\" appears twice in the same object", top.problem());
        LessonException step = refused(lesson(STEP + ", \"expect\": \"ZX_ERR_ACCESS_DENIED\"}"));
        assertEquals("field \"expect\" appears twice in the same object", step.problem());
    }

    @Test
    void aKeyTwiceInAnInlineScenarioIsRefusedBeforeTheTreeForgetsIt() {
        String inline = "{\"format\": 1, \"title\": \"a\", \"title\": \"b\", \"processes\": [{\"name\": \"p1\"}]}";
        LessonException e = refused(HEAD.replace("\"minimal.json\"", inline) + "\"steps\": [" + STEP + "}]}");
        assertEquals("field \"title\" appears twice in the same object", e.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551616", "18446744073709551617", "36893488147419103232", "-1",
        "-9223372036854775809"})
    void aNumberOutsideSixtyFourUnsignedBitsIsRefusedRatherThanWrapped(String number) {
        // 2^64 used to wrap round to 0, 2^64 + 1 to 1
        LessonException actual = refused(lesson(STEP + ", \"expect_actual\": " + number + "}"));
        assertEquals("steps[0].expect_actual", actual.location());
        assertEquals("the number " + number + " is out of range: a number here is 0 to 0xffffffffffffffff (64 bits)",
                actual.problem());
        LessonException address = refused(lesson(STEP + ", \"expect_memory\": {\"process\": \"p1\", \"address\": "
                + number + ", \"hex\": \"00\"}}"));
        assertEquals("steps[0].expect_memory.address", address.location());
    }

    @Test
    void numbersUpToSixtyFourBitsStillLoad() throws LessonException {
        Lesson l = LessonLoader.parse(lesson(STEP + ", \"expect_actual\": 18446744073709551615, \"expect_memory\": "
                + "{\"process\": \"p1\", \"address\": 0, \"hex\": \"00\"}}"), "ok.json");
        assertEquals(-1L, l.steps().get(0).expectActual(), "2^64 - 1 is all 64 bits, as 0xffffffffffffffff is");
        assertEquals(0L, l.steps().get(0).expectMemory().address());
    }

    @Test
    void aFormatWithAHugeExponentIsRefusedWithoutExpandingIt() {
        LessonException e = refused("{\"format\":1e999999999}");
        assertEquals("format", e.location());
    }

    @Test
    void anInlineScenarioWithAHugeExponentIsRefusedWithoutExpandingIt() throws LessonException {
        Lesson l = LessonLoader.parse(HEAD.replace("\"minimal.json\"", "{\"format\":1e999999999}") + "\"steps\": ["
                + STEP + "}]}", "evil.json");
        LessonException e = assertThrows(LessonException.class, () -> new LessonRunner(l, ScenarioWorlds.bundled()));
        assertEquals("scenario", e.location());
        assertTrue(e.getMessage().length() <= 400, e::getMessage);
    }

    @Test
    void longInputIsQuotedAsAnExcerpt() {
        LessonException status = refused(lesson(STEP.replace("ZX_OK", LONG) + "}"));
        assertTrue(status.problem().startsWith("unknown status \"" + Excerpt.of(LONG) + "\""), status::problem);
        LessonException field = refused(lesson(STEP + ", \"" + LONG + "\": 1}"));
        assertEquals("steps[0]." + Excerpt.of(LONG), field.location());
        LessonException twice = refused(lesson(STEP + ", \"" + LONG + "\": 1, \"" + LONG + "\": 2}"));
        assertEquals("field \"" + Excerpt.of(LONG) + "\" appears twice in the same object", twice.problem());
        LessonException number = refused(lesson(STEP + ", \"expect_actual\": \"0x" + LONG + "\"}"));
        assertFalse(number.problem().contains("q".repeat(Excerpt.MAX_CHARS)), number::problem);
        LessonException token = refused(lesson(STEP + ", \"expect_actual\": " + LONG + "}"));
        assertFalse(token.problem().contains("q".repeat(Excerpt.MAX_CHARS)), token::problem);
    }

    @Test
    void aMemoryCheckOfAnUnknownLongNameQuotesAnExcerpt() throws LessonException {
        LessonRunner runner = new LessonRunner(LessonLoader.parse(lesson(STEP + ", \"expect_memory\": {\"process\": \""
                + LONG + "\", \"address\": 0, \"hex\": \"00\"}}"), "evil.json"), ScenarioWorlds.bundled());
        StepOutcome outcome = runner.perform();
        assertEquals(java.util.List.of("expect_memory names no handle \"" + Excerpt.of(LONG) + "\""), outcome.problems());
    }

    @Test
    void aFileLargerThanTheCapIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.json");
        String padding = " ".repeat(LessonLoader.MAX_FILE_BYTES);
        Files.writeString(file, lesson(STEP + "}") + padding, StandardCharsets.UTF_8);
        LessonException e = assertThrows(LessonException.class, () -> LessonLoader.load(file));
        assertEquals("larger than 4194304 bytes; a lesson file is at most that", e.problem());
        assertEquals("大于 4194304 字节；课程文件最多这么大", e.problemText().in(Locale.SIMPLIFIED_CHINESE));
        int bytes = lesson(STEP + "}").getBytes(StandardCharsets.UTF_8).length;
        Files.writeString(file, lesson(STEP + "}") + padding.substring(bytes), StandardCharsets.UTF_8);
        assertEquals("huge", assertDoesNotThrow(() -> LessonLoader.load(file)).id(), "a file of exactly the cap loads");
    }
}
