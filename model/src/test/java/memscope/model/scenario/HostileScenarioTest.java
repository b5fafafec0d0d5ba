package memscope.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.Stream;

import memscope.model.text.Excerpt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile scenario files: numbers with huge exponents or a thousand digits, names and strings of a hundred
 * thousand characters (Jackson refuses keys of more than 50,000). Each is refused with a message of bounded length that quotes the start of the input.
 */
class HostileScenarioTest {
    /** A sentence, a place and a few quoted excerpts; far below what the inputs here would make if quoted whole. */
    static final int MAX_MESSAGE = 600;
    private static final String LONG = "q".repeat(40_000);
    private static final String PROCESS = "'processes': [ { 'name': 'app' } ]";

    static Stream<Arguments> cases() {
        String digits = "9".repeat(1000);
        return Stream.of(
            bad("a format with a huge exponent, written tight", "{\"format\":1e999999999}",
                "\"format\" must be the whole number 1, found a number 1e999999999"),
            bad("a format with a huge negative exponent", "{\"format\":-1E-999999999}",
                "found a number -1E-999999999"),
            bad("a format of a thousand digits", "{\"format\":" + digits + "}",
                "format " + Excerpt.of(digits) + " is not supported"),
            bad("a size with a huge exponent", vmo("'size': 1e999999999"), "size 1e999999999 is not a whole number"),
            bad("a size of a thousand digits", vmo("'size': " + digits), "size " + Excerpt.of(digits) + " is too large"),
            bad("a negative size of a thousand digits", vmo("'size': -" + digits),
                "size " + Excerpt.of("-" + digits) + " is negative"),
            bad("a long size string", vmo("'size': '" + LONG + "'"), "size \"" + Excerpt.of(LONG) + "\" is not a number"),
            bad("a long unknown field", vmo("'size': 1, '" + LONG + "': 1"),
                "unknown field \"" + Excerpt.of(LONG) + "\" in a VMO"),
            bad("a long field twice", "{ 'format': 1, '" + LONG + "': 1, '" + LONG + "': 2 }",
                "field \"" + Excerpt.of(LONG) + "\" appears twice"),
            bad("a long boolean string", vmo("'size': 1, 'resizable': '" + LONG + "'"),
                "found a string \"" + Excerpt.of(LONG) + "\""),
            bad("a long cache policy", vmo("'size': 1, 'cachePolicy': '" + LONG + "'"),
                "cachePolicy \"" + Excerpt.of(LONG) + "\" is not one of"),
            bad("long bad hex", vmo("'size': '4K', 'contents': [ { 'hex': '" + "ab".repeat(20_000) + "zz' } ]"),
                "hex \"" + Excerpt.of("ab".repeat(20_000)) + "\" has 'z' at position 40001"),
            bad("a long reference", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', 'size': 1 } ],"
                    + " 'mappings': [ { 'in': 'app', 'vmo': '" + LONG + "', 'perms': 'r--' } ] }",
                "mapping refers to unknown VMO \"" + Excerpt.of(LONG) + "\""),
            bad("a long name taken twice", "{ 'format': 1, 'title': 't', 'processes': [ { 'name': '" + LONG + "' },"
                    + " { 'name': '" + LONG + "' } ] }",
                "handle name \"" + Excerpt.of(LONG) + "\" is already used"),
            bad("long perms", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', 'size': 1 } ],"
                    + " 'mappings': [ { 'in': 'app', 'vmo': 'v', 'perms': '" + LONG + "' } ] }",
                "perms \"" + Excerpt.of(LONG) + "\" is not like"),
            bad("a long right", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'handles': [ { 'name': 'h',"
                    + " 'duplicate': 'app', 'rights': [ '" + LONG + "' ] } ] }",
                "unknown right \"" + Excerpt.of(LONG) + "\""),
            bad("a long canMap flag", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmars': [ { 'name': 'r',"
                    + " 'parent': 'app', 'size': '4K', 'canMap': [ '" + LONG + "' ] } ] }",
                "canMap flag \"" + Excerpt.of(LONG) + "\" is not one of"),
            bad("a long unrecognised token", "{ 'format': 1, 'title': " + LONG + " }", "invalid JSON: Unrecognized token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithABoundedMessage(String what, String scenario, String problem) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenario, "evil.json"));
        assertTrue(e.problem().contains(problem), () -> "problem was: " + e.problem());
        assertTrue(e.getMessage().length() <= MAX_MESSAGE, () -> e.getMessage().length() + " chars: " + e.getMessage());
        for (String run : new String[] {"q", "9", "ab"}) {
            String tooLong = run.repeat(Excerpt.MAX_CHARS / run.length());
            assertFalse(e.getMessage().contains(tooLong), () -> "quotes more than an excerpt: " + e.getMessage());
        }
        String chinese = e.text().in(Locale.SIMPLIFIED_CHINESE);
        assertTrue(chinese.length() <= MAX_MESSAGE, () -> chinese.length() + " chars: " + chinese);
    }

    @Test
    void aLongResourceNameIsQuotedAsAnExcerpt() {
        // a lesson names its bundled scenario, so the name is input too
        for (String name : new String[] {LONG, "../" + LONG}) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadResource(name));
            assertTrue(e.getMessage().length() <= MAX_MESSAGE, () -> e.getMessage().length() + " chars");
            assertTrue(e.source().endsWith(Excerpt.of(name)), e::source);
        }
    }

    @Test
    void hexContentsTakeOnlyAsciiDigits() {
        // Character.digit reads Arabic-Indic and full-width digits too: this would load as the bytes 55 ab
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(vmo("'size': '4K', 'contents': [ { 'hex': '٥٥ ＡＢ' } ]"), "u.json"));
        assertEquals("hex \"٥٥ ＡＢ\" has '٥' at position 1, which is not a hex digit", e.problem());
        ScenarioException fill = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                vmo("'size': '4K', 'contents': [ { 'fill': 'ａｂ', 'length': 4 } ]"), "u.json"));
        assertEquals("fill \"ａｂ\" has 'ａ' at position 1, which is not a hex digit", fill.problem());
    }

    @Test
    void asciiHexStillLoads() throws ScenarioException {
        LoadedScenario s = ScenarioLoader.parse(vmo("'size': '4K', 'contents': [ { 'hex': '55 AB\\tcd\\n0F' } ]"),
                "ok.json");
        assertEquals("app", s.viewProcess());
    }

    private static Arguments bad(String what, String scenario, String problem) {
        return Arguments.of(what, MalformedScenarioTest.json(scenario), problem);
    }

    private static String vmo(String fields) {
        return MalformedScenarioTest.json(
                "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', " + fields + " } ] }");
    }
}
