package memscope.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Real malformed scenarios worded in Simplified Chinese: the whole message (source, place with line and column,
 * problem) and the problem alone, while {@link ScenarioException#getMessage()} stays the English it always was.
 */
class ScenarioErrorsInChineseTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** A scenario whose VMOs and mappings are given; process "app" and the format line come first. */
    private static String scenario(String vmos, String mappings) {
        return "{\n"
                + "  \"format\": 1,\n"
                + "  \"title\": \"t\",\n"
                + "  \"processes\": [ { \"name\": \"app\" } ],\n"
                + "  \"vmos\": [ " + vmos + " ],\n"
                + "  \"mappings\": [ " + mappings + " ]\n"
                + "}\n";
    }

    private static ScenarioException refused(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(json, "demo.json"));
    }

    @Test
    void aSizeThatIsNoNumberNamesThePlaceAndTheExampleInChinese() {
        ScenarioException e = refused(scenario("{ \"name\": \"code\", \"size\": \"12Q\" }", ""));
        assertEquals("demo.json：/vmos/0/size（第 5 行，第 39 列）：size \"12Q\" 既不是数字，也不是形如 16K 的大小",
                e.text().in(ZH));
        assertEquals("demo.json: /vmos/0/size (line 5, column 39): size \"12Q\" is not a number or a size like 16K",
                e.getMessage());
        assertEquals(e.getMessage(), e.text().english());
    }

    @Test
    void aMisspeltFieldSuggestsTheRightOneInChinese() {
        ScenarioException e = refused(scenario("{ \"name\": \"code\", \"sise\": 4096 }", ""));
        assertEquals("VMO中有未知字段 \"sise\"；是否想写 \"size\"？（已知字段：name, handle, size, resizable,"
                + " cachePolicy, contents, sizeAfterMapping）", e.problemText().in(ZH));
        assertEquals("unknown field \"sise\" in a VMO; did you mean \"size\"? (known fields: name, handle, size,"
                + " resizable, cachePolicy, contents, sizeAfterMapping)", e.problem());
    }

    @Test
    void aMisspeltVmoNameSuggestsTheDeclaredOneInChinese() {
        ScenarioException e = refused(scenario("{ \"name\": \"code\", \"size\": \"4K\" }",
                "{ \"in\": \"app\", \"vmo\": \"cod\", \"perms\": \"r--\" }"));
        assertEquals("映射 引用了未知的VMO \"cod\"；是否想写 \"code\"？", e.problemText().in(ZH));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedInChinese() {
        ScenarioException e = refused(scenario("{ \"name\": \"v\", \"size\": 1, \"resizable\": \"yes\" }", ""));
        assertEquals("\"resizable\" 应为布尔值（true 或 false），实际为字符串 \"yes\"", e.problemText().in(ZH));
    }

    @Test
    void aRefusedSyscallGivesItsHintInChinese() {
        String mapping = "{ \"in\": \"app\", \"address\": \"0x1000000\", \"vmo\": \"code\", \"perms\": \"r--\" }";
        ScenarioException e = refused(scenario("{ \"name\": \"code\", \"size\": \"4K\" }", mapping + ", " + mapping));
        assertEquals("zx_vmar_map 失败：ZX_ERR_ALREADY_EXISTS（与另一个映射重叠）", e.problemText().in(ZH));
        assertEquals("zx_vmar_map failed: ZX_ERR_ALREADY_EXISTS (overlaps another mapping)", e.problem());
    }

    @Test
    void aHandleNameUsedTwiceNamesTheEarlierPlaceInChinese() {
        ScenarioException e = refused(scenario("{ \"name\": \"code\", \"size\": 1 }, { \"name\": \"code\", \"size\": 1 }",
                ""));
        assertEquals("句柄名 \"code\" 已被位于 /vmos/0（第 5 行，第 13 列） 的VMO使用", e.problemText().in(ZH));
    }

    @Test
    void wholeFileProblemsHaveNoPlace() {
        ScenarioException empty = refused("  ");
        assertEquals("demo.json：文件为空；场景应是一个 JSON 对象", empty.text().in(ZH));
        ScenarioException missing = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(Path.of("/no/such/dir/x.json")));
        assertEquals("/no/such/dir/x.json：找不到文件", missing.text().in(ZH));
        assertEquals("/no/such/dir/x.json: file not found", missing.getMessage());
    }
}
