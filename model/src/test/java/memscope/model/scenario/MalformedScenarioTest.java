package memscope.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed scenarios fail with a message naming the source, the place (JSON pointer, line and column) and the
 * problem. Scenarios are written with single quotes here for readability; {@link #json} turns them into JSON.
 */
class MalformedScenarioTest {
    /** A valid scenario body after the format line; cases replace parts of it. */
    private static final String PROCESS = "'processes': [ { 'name': 'app' } ]";
    private static final String VMO = "'vmos': [ { 'name': 'code', 'size': '4K' } ]";

    static Stream<Arguments> cases() {
        return Stream.of(
            bad("a size with an unknown unit",
                "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ {'name': 'a', 'size': 1}, {'name': 'b', 'size': 1},"
                    + " { 'name': 'c', 'size': '12Q' } ] }",
                "/vmos/2/size", "size \"12Q\" is not a number or a size like 16K"),
            bad("a mapping of an unknown VMO",
                "{ 'format': 1, 'title': 't', " + PROCESS + ", " + VMO + ","
                    + " 'mappings': [ { 'in': 'app', 'vmo': 'cod', 'perms': 'r--' } ] }",
                "/mappings/0/vmo", "mapping refers to unknown VMO \"cod\"; did you mean \"code\"?"),
            bad("overlapping mappings",
                "{ 'format': 1, 'title': 't', " + PROCESS + ", " + VMO + ", 'mappings': ["
                    + " { 'in': 'app', 'address': '0x1000000', 'vmo': 'code', 'perms': 'r--' },"
                    + " { 'in': 'app', 'address': '0x1000000', 'vmo': 'code', 'perms': 'r--' } ] }",
                "/mappings/1", "zx_vmar_map failed: ZX_ERR_ALREADY_EXISTS (overlaps another mapping)"),
            bad("a missing comma",
                "{ 'format': 1 'title': 't' }",
                "/format", "invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"),
            bad("an unclosed object",
                "{ 'format': 1, 'title': 't', " + PROCESS,
                "/processes", "invalid JSON: Unexpected end-of-input: expected close marker for Object (start marker at"
                    + " line 1, column 1)"),
            bad("a missing required field",
                "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'code' } ] }",
                "/vmos/0", "missing required field \"size\""),
            bad("a boolean given as a string",
                "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', 'size': 1, 'resizable': 'yes' } ] }",
                "/vmos/0/resizable", "\"resizable\" must be true or false, found a string \"yes\""),
            bad("a misspelt field",
                "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', 'sise': 4096 } ] }",
                "/vmos/0/sise", "unknown field \"sise\" in a VMO; did you mean \"size\"?"),
            bad("an unknown top-level field",
                "{ 'format': 1, 'title': 't', " + PROCESS + ", 'colour': 'red' }",
                "/colour", "unknown field \"colour\" in the scenario"),
            bad("no format", "{ 'title': 't', " + PROCESS + " }",
                "", "missing required field \"format\""),
            bad("a newer format", "{ 'format': 2, 'title': 't', " + PROCESS + " }",
                "/format", "format 2 is not supported; this MemScope reads format 1"),
            bad("a format that is a string", "{ 'format': '1', 'title': 't', " + PROCESS + " }",
                "/format", "\"format\" must be the whole number 1, found a string \"1\""),
            bad("an array instead of an object", "[ 1, 2 ]", "", "a scenario is a JSON object, found an array"),
            bad("trailing content", "{ 'format': 1, 'title': 't', " + PROCESS + " } {}",
                "", "after the end of the scenario object"),
            bad("a field twice", "{ 'format': 1, 'title': 't', 'title': 'u', " + PROCESS + " }",
                "/title", "field \"title\" appears twice in the same object"),
            bad("no title", "{ 'format': 1, " + PROCESS + " }", "", "missing required field \"title\""),
            bad("no processes", "{ 'format': 1, 'title': 't', 'processes': [] }",
                "/processes", "a scenario needs at least one process"),
            bad("processes as an object", "{ 'format': 1, 'title': 't', 'processes': { 'name': 'p' } }",
                "/processes", "\"processes\" must be an array, found an object"),
            bad("a negative size", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', 'size': -1 } ] }",
                "/vmos/0/size", "size -1 is negative"),
            bad("a fractional size", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', 'size': 1.5 } ] }",
                "/vmos/0/size", "size 1.5 is not a whole number"),
            bad("a size beyond 63 bits", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', 'size': '99999999T' } ] }",
                "/vmos/0/size", "size \"99999999T\" is too large"),
            bad("a size the kernel refuses", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', 'size': '0x7fffffffffff0000' } ] }",
                "/vmos/0", "zx_vmo_create failed: ZX_ERR_OUT_OF_RANGE (the size is too large for a VMO)"),
            bad("an address that is not a number", "{ 'format': 1, 'title': 't', " + PROCESS + ", " + VMO + ","
                    + " 'mappings': [ { 'in': 'app', 'address': 'high', 'vmo': 'code', 'perms': 'r--' } ] }",
                "/mappings/0/address", "address \"high\" is not a number or an address like 0x1000000"),
            bad("odd hex digits", contents("{ 'hex': 'abc' }"),
                "/vmos/0/contents/0/hex", "hex \"abc\" ends in half a byte"),
            bad("a non-hex character", contents("{ 'hex': '12 zz' }"),
                "/vmos/0/contents/0/hex", "hex \"12 zz\" has 'z' at position 4, which is not a hex digit"),
            bad("a fill without length", contents("{ 'fill': '00' }"),
                "/vmos/0/contents/0", "a \"fill\" entry needs \"length\""),
            bad("hex and text together", contents("{ 'hex': '00', 'text': 'a' }"),
                "/vmos/0/contents/0/text", "a contents entry has both \"hex\" and \"text\"; give only one"),
            bad("a contents entry with no bytes", contents("{ 'offset': 0 }"),
                "/vmos/0/contents/0", "a contents entry needs one of \"hex\", \"text\", \"fill\""),
            bad("contents past the VMO end", contents("{ 'offset': '4094', 'text': 'abc' }"),
                "/vmos/0/contents/0", "contents at offset 0xffe (3 bytes) run past the end of VMO \"v\" (4096 bytes)"),
            bad("an unknown cache policy", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', 'size': 1, 'cachePolicy': 'FAST' } ] }",
                "/vmos/0/cachePolicy", "cachePolicy \"FAST\" is not one of CACHED, UNCACHED, UNCACHED_DEVICE, WRITE_COMBINING"),
            bad("bad permissions", mapping("'perms': 'rwz'"),
                "/mappings/0/perms", "perms \"rwz\" is not like \"r-x\""),
            bad("both address and offset", mapping("'perms': 'r--', 'address': '0x1000000', 'offset': 0"),
                "/mappings/0/offset", "a mapping has both \"address\" and \"offset\"; give at most one"),
            bad("an unaligned address", mapping("'perms': 'r--', 'address': '0x1000010'"),
                "/mappings/0", "zx_vmar_map failed: ZX_ERR_INVALID_ARGS"),
            bad("an address below the user address space", mapping("'perms': 'r--', 'address': '0x1000'"),
                "/mappings/0/address", "address 0x1000 is outside VMAR \"app.root\" [0x1000000, 0x7ffffffff000)"),
            bad("mapping a VMO in place of a VMAR", "{ 'format': 1, 'title': 't', " + PROCESS + ", " + VMO + ","
                    + " 'mappings': [ { 'in': 'code', 'vmo': 'code', 'perms': 'r--' } ] }",
                "/mappings/0/in", "mapping refers to \"code\", which is a VMO, not a process or VMAR"),
            bad("permissions the VMAR does not allow", "{ 'format': 1, 'title': 't', " + PROCESS + ", " + VMO + ","
                    + " 'vmars': [ { 'name': 'ro', 'parent': 'app', 'size': '1M', 'canMap': ['READ'] } ],"
                    + " 'mappings': [ { 'in': 'ro', 'vmo': 'code', 'perms': 'rw-' } ] }",
                "/mappings/0", "zx_vmar_map failed: ZX_ERR_ACCESS_DENIED"),
            bad("an unknown canMap flag", "{ 'format': 1, 'title': 't', " + PROCESS + ","
                    + " 'vmars': [ { 'name': 'r', 'parent': 'app', 'size': '1M', 'canMap': ['READ', 'WRIT'] } ] }",
                "/vmars/0/canMap/1", "canMap flag \"WRIT\" is not one of READ, WRITE, EXECUTE, SPECIFIC"),
            bad("a VMAR without canMap", "{ 'format': 1, 'title': 't', " + PROCESS + ","
                    + " 'vmars': [ { 'name': 'r', 'parent': 'app', 'size': '1M' } ] }",
                "/vmars/0", "missing required field \"canMap\""),
            bad("a VMAR under an unknown parent", "{ 'format': 1, 'title': 't', " + PROCESS + ","
                    + " 'vmars': [ { 'name': 'r', 'parent': 'ap', 'size': '1M', 'canMap': [] } ] }",
                "/vmars/0/parent", "VMAR refers to unknown process or VMAR \"ap\"; did you mean \"app\"?"),
            bad("a shrink of a VMO that is not resizable", "{ 'format': 1, 'title': 't', " + PROCESS + ","
                    + " 'vmos': [ { 'name': 'v', 'size': '8K', 'sizeAfterMapping': '4K' } ] }",
                "/vmos/0/sizeAfterMapping", "zx_vmo_set_size failed: ZX_ERR_UNAVAILABLE (the VMO is not resizable;"),
            bad("an unknown right", handles("{ 'name': 'ro', 'duplicate': 'app', 'rights': ['READ', 'WRTIE'] }"),
                "/handles/0/rights/1", "unknown right \"WRTIE\"; did you mean \"WRITE\"?"),
            bad("rights beyond the original handle's", handles(
                    "{ 'name': 'ro', 'duplicate': 'app', 'rights': ['READ', 'DUPLICATE'] },"
                    + " { 'name': 'rw', 'duplicate': 'ro', 'rights': ['READ', 'WRITE'] }"),
                "/handles/1", "zx_handle_duplicate failed: ZX_ERR_INVALID_ARGS (the rights are not a subset"),
            bad("a duplicate of a handle without DUPLICATE", handles(
                    "{ 'name': 'ro', 'duplicate': 'app', 'rights': ['READ'] },"
                    + " { 'name': 'ro2', 'duplicate': 'ro', 'rights': ['READ'] }"),
                "/handles/1", "zx_handle_duplicate failed: ZX_ERR_ACCESS_DENIED (the original handle lacks DUPLICATE)"),
            bad("a handle name used twice", "{ 'format': 1, 'title': 't', 'processes': [ { 'name': 'app' } ],"
                    + " 'vmos': [ { 'name': 'app', 'size': 1 } ] }",
                "/vmos/0", "handle name \"app\" is already used by the process at /processes/0"),
            bad("an unknown viewProcess", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'viewProcess': 'nobody' }",
                "/viewProcess", "viewProcess refers to unknown process \"nobody\""),
            bad("a VMO as viewProcess", "{ 'format': 1, 'title': 't', " + PROCESS + ", " + VMO + ", 'viewProcess': 'code' }",
                "/viewProcess", "viewProcess refers to \"code\", which is a VMO, not a process"),
            bad("an editor handle to another process", "{ 'format': 1, 'title': 't',"
                    + " 'processes': [ { 'name': 'a' }, { 'name': 'b' } ], 'editorHandle': 'b' }",
                "/editorHandle", "editorHandle \"b\" is a handle to process \"b\", but viewProcess shows process \"a\""),
            bad("an empty name", "{ 'format': 1, 'title': 't', 'processes': [ { 'name': ' ' } ] }",
                "/processes/0/name", "\"name\" must not be empty"),
            bad("a VMAR whose parent is declared after it", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmars': ["
                    + " { 'name': 'inner', 'parent': 'outer', 'size': '4K', 'canMap': [] },"
                    + " { 'name': 'outer', 'parent': 'app', 'size': '1M', 'canMap': [] } ] }",
                "/vmars/0/parent", "VMAR refers to \"outer\", which is declared only later, at /vmars/1;"),
            bad("a mapping through a duplicated handle", "{ 'format': 1, 'title': 't', " + PROCESS + ", " + VMO + ","
                    + " 'mappings': [ { 'in': 'app', 'vmo': 'code.ro', 'perms': 'r--' } ],"
                    + " 'handles': [ { 'name': 'code.ro', 'duplicate': 'code', 'rights': ['READ', 'MAP'] } ] }",
                "/mappings/0/vmo", "mapping refers to \"code.ro\", which is declared only later, at /handles/0;"),
            bad("nesting beyond reason", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'comment': "
                    + "[".repeat(100) + "]".repeat(100) + " }",
                "/comment/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0"
                    + "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0", "nested more than 64 levels deep"),
            bad("a comment that is not a string", "{ 'format': 1, 'title': 't', " + PROCESS + ", 'comment': 3 }",
                "/comment", "\"comment\" must be a string, found a whole number 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAClearMessage(String what, String scenario, String pointer, String problem) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenario, "case.json"));
        assertEquals("case.json", e.source());
        assertTrue(e.problem().contains(problem), () -> "problem was: " + e.problem());
        String shownPointer = pointer.isEmpty() ? "(top level)" : pointer;
        assertTrue(e.location().startsWith(shownPointer + " (line 1, column "), () -> "location was: " + e.location());
        assertEquals("case.json: " + e.location() + ": " + e.problem(), e.getMessage());
        String chinese = e.problemText().in(java.util.Locale.SIMPLIFIED_CHINESE);
        assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                () -> "not worded in Chinese: " + chinese);
    }

    @Test
    void theLocationGivesLineAndColumnOfTheValue() {
        String scenario = "{\n  \"format\": 1,\n  \"title\": \"t\",\n  \"processes\": [ { \"name\": \"p\" } ],\n"
                + "  \"vmos\": [\n    { \"name\": \"v\", \"size\": \"12Q\" }\n  ]\n}\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenario, "x.json"));
        assertEquals("x.json: /vmos/0/size (line 6, column 28): size \"12Q\" is not a number or a size like 16K",
                e.getMessage());
    }

    @Test
    void aSyntaxErrorGivesLineAndColumn() {
        String scenario = "{\n  \"format\": 1,\n  \"title\": \"t\"\n  \"processes\": []\n}\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenario, "x.json"));
        assertTrue(e.location().contains("line 4, column 3"), e.location());
        assertTrue(e.problem().startsWith("invalid JSON: "), e.problem());
    }

    @Test
    void anEmptyTextIsRefused() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("  \n", "e.json"));
        assertEquals("e.json: the file is empty; a scenario is a JSON object", e.getMessage());
    }

    @Test
    void aFailureInTheLastStepStillYieldsNoScenario() {
        // everything before the handle duplication succeeds; the caller must still get only the exception
        String scenario = json(handles("{ 'name': 'ro', 'duplicate': 'app', 'rights': ['READ'] },"
                + " { 'name': 'ro2', 'duplicate': 'ro', 'rights': ['READ'] }"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenario, "late.json"));
        assertTrue(e.getMessage().startsWith("late.json: /handles/1"), e.getMessage());
    }

    private static Arguments bad(String what, String scenario, String pointer, String problem) {
        return Arguments.of(what, json(scenario), pointer, problem);
    }

    private static String contents(String entry) {
        return "{ 'format': 1, 'title': 't', " + PROCESS + ", 'vmos': [ { 'name': 'v', 'size': '4K', 'contents': [ "
                + entry + " ] } ] }";
    }

    private static String mapping(String fields) {
        return "{ 'format': 1, 'title': 't', " + PROCESS + ", " + VMO + ", 'mappings': [ { 'in': 'app', 'vmo': 'code', "
                + fields + " } ] }";
    }

    private static String handles(String entries) {
        return "{ 'format': 1, 'title': 't', " + PROCESS + ", 'handles': [ " + entries + " ] }";
    }

    /** Single quotes to double quotes, so the cases stay readable. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
