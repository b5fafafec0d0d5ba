package memscope.model.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Chinese texts of the lessons and of the status pane's rules keep one term per concept, as
 * resources/lessons/GLOSSARY.md lists them: no bare 权限 where handle rights, mapping permissions or Mach
 * protections are meant, and none of the replaced words.
 */
class GlossaryTest {
    /** Each forbidden form and the glossary term to use instead. */
    private static final Map<Pattern, String> FORBIDDEN = Map.of(
            Pattern.compile("(?<!句柄|映射)权限"), "句柄权限 / 映射权限 (or 保护属性 for Mach)",
            Pattern.compile("(?<!受)保护(?!属性)"), "保护属性 / 最大保护属性",
            Pattern.compile("失效的名字"), "死名（dead name）",
            Pattern.compile("缺页"), "页错误",
            Pattern.compile("可变大小"), "可调整大小",
            Pattern.compile("改写"), "覆盖");

    /** The app bundle, read from the source tree next to this module (tests run in the module's directory). */
    private static final Path APP_BUNDLE = Path.of("..", "app", "src", "main", "resources", "memscope", "app",
            "messages_zh_CN.properties");

    private static List<String> problems(String where, String text) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Pattern, String> e : FORBIDDEN.entrySet()) {
            Matcher m = e.getKey().matcher(text);
            if (m.find()) {
                out.add(where + ": '" + m.group() + "' in \"" + text + "\" (write " + e.getValue() + ")");
            }
        }
        return out;
    }

    @Test
    void theCheckCatchesEachReplacedWord() {
        assertEquals(1, problems("t", "句柄没有 WRITE 权限").size());
        assertEquals(1, problems("t", "最大保护").size());
        assertEquals(1, problems("t", "发生缺页时").size());
        assertEquals(List.of(), problems("t", "句柄权限、映射权限、最大保护属性、受保护区域、死名、页错误、可调整大小、覆盖"));
    }

    @Test
    void everyLessonsChineseTextUsesTheGlossaryTerms() throws IOException, LessonException {
        List<String> found = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        int lessons = 0;
        for (String name : LessonLoader.bundled()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("memscope/lessons/" + name)) {
                assertTrue(in != null, name);
                collect(name, json.readTree(in), found);
                lessons++;
            }
        }
        assertTrue(lessons >= 7, "bundled lessons read: " + lessons);
        assertEquals(List.of(), found);
    }

    @Test
    void everyRuleTextInTheStatusPaneUsesTheGlossaryTerms() throws IOException {
        assertTrue(Files.isRegularFile(APP_BUNDLE), APP_BUNDLE.toAbsolutePath() + " is missing");
        Properties zh = new Properties();
        try (Reader r = Files.newBufferedReader(APP_BUNDLE, StandardCharsets.UTF_8)) {
            zh.load(r);
        }
        List<String> found = new ArrayList<>();
        int rules = 0;
        for (String key : zh.stringPropertyNames()) {
            if (key.startsWith("rule.") || key.startsWith("fidelity.")) {
                found.addAll(problems(key, zh.getProperty(key)));
                rules++;
            }
        }
        assertTrue(rules >= 15, "rule texts read: " + rules);
        assertEquals(List.of(), found);
    }

    /** Every field whose name ends in _zh, anywhere in the lesson. */
    private static void collect(String where, JsonNode node, List<String> found) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().endsWith("_zh") && f.getValue().isTextual()) {
                    found.addAll(problems(where + " " + f.getKey(), f.getValue().asText()));
                } else {
                    collect(where, f.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(where, item, found);
            }
        }
    }
}
