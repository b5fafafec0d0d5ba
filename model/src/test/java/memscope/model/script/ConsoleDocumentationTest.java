package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CONSOLE.md cannot drift from the parser: every command is documented and every error example is real. */
class ConsoleDocumentationTest {
    private static String doc() throws IOException {
        try (InputStream in = ConsoleDocumentationTest.class.getClassLoader()
                .getResourceAsStream("memscope/lessons/CONSOLE.md")) {
            assertTrue(in != null, "CONSOLE.md is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyCommandsUsageIsDocumented() throws IOException {
        String doc = doc();
        for (CommandSpec spec : CommandCatalog.all()) {
            assertTrue(doc.contains("\n" + spec.usage() + " "), "CONSOLE.md lacks the line for " + spec.usage());
        }
    }

    @Test
    void everyErrorExampleGivesTheDocumentedMessage() throws IOException {
        Pattern row = Pattern.compile("^\\| [a-z ]+ \\| `(.+)` \\| `(.+)` \\|$", Pattern.MULTILINE);
        Matcher m = row.matcher(doc());
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            String example = m.group(1).replace("\\|", "|");
            String message = m.group(2).replace("\\|", "|");
            ParsedScript p = ScriptParser.parse(example, new LinkedHashSet<>(List.of("p1", "h3")));
            assertEquals(1, p.errors().size(), example);
            String actual = p.errors().get(0).toString();
            // "..." in the documented message stands for text the table leaves out
            StringBuilder regex = new StringBuilder();
            for (String piece : message.split("\\.\\.\\.", -1)) {
                regex.append(regex.length() == 0 ? "" : ".*").append(Pattern.quote(piece));
            }
            assertTrue(actual.matches(regex.toString()), () -> example + " gave: " + actual + "\ndoc says: " + message);
            checked.add(example);
        }
        assertEquals(8, checked.size(), "error table rows found: " + checked);
    }
}
