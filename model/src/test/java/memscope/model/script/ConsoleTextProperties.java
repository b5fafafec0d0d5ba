package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser runs on every keystroke, so any text must give errors and spans, never an exception, and the spans
 * must be well formed for a code area. Random text is built from console-like pieces to reach deep into lines.
 */
class ConsoleTextProperties {
    private static final Set<String> NAMES = Set.of("p1", "h3", "t1", "p1.root");

    @Provide
    Arbitrary<String> consoleText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("write", "read", "dup", "replace", "close", "kill", "resize", "cache", "protect",
                        "unmap", "boot", "task", "vm_write", "vm_read", "vm_protect", "vm_region", "frob"),
                Arbitraries.of("p1", "h3", "t1", "p1.root", "zz", "as", "max", "rights=READ|WRITE", "rights=",
                        "size=4", "count=0x", "debugging=on", "r-x", "rw", "CONTROL", "UNCACHED", "0x1000000",
                        "4K", "0x", "de", "ad", "b", "\"hi\"", "\"open", "\"\\q\"", "#c", "=", "|", "\t", "\r"),
                Arbitraries.strings().ofMaxLength(6));
        return piece.list().ofMaxSize(14).map(ps -> String.join(" ", ps))
                .list().ofMaxSize(4).map(lines -> String.join("\n", lines));
    }

    @Property(tries = 800)
    void anyTextParsesWithoutThrowingAndGivesWellFormedSpans(@ForAll("consoleText") String text) {
        ParsedScript parsed = ScriptParser.parse(text, NAMES);
        int at = 0;
        for (TokenSpan s : parsed.spans()) {
            assertTrue(s.start() >= at, () -> "overlapping or unsorted spans in: " + text);
            assertTrue(s.end() <= text.length() && s.length() > 0, () -> "span out of bounds in: " + text);
            at = s.end();
        }
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        for (ScriptError e : parsed.errors()) {
            assertTrue(e.line() >= 1 && e.line() <= lines && e.column() >= 1, e::toString);
        }
        int runs = ConsoleHighlighter.runs(text, NAMES).stream().mapToInt(ConsoleHighlighter.Run::length).sum();
        assertEquals(text.length(), runs);
    }

    @Property(tries = 300)
    void anErrorLineYieldsNoCommandAndEveryOtherNonBlankLineDoes(@ForAll("consoleText") String text) {
        ParsedScript parsed = ScriptParser.parse(text, NAMES);
        List<Integer> errorLines = parsed.errors().stream().map(ScriptError::line).toList();
        for (Command c : parsed.commands()) {
            assertTrue(!errorLines.contains(c.line()), () -> "line " + c.line() + " has both in: " + text);
        }
        assertEquals(errorLines.size(), Set.copyOf(errorLines).size(), "one error per line at most");
    }

    @Property(tries = 300)
    void stringsRoundTripTheirUtf8Bytes(@ForAll String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\r", "\\x0d");
        ParsedScript p = ScriptParser.parse("write p1 0 \"" + escaped + "\"", NAMES);
        assertEquals(List.of(), p.errors(), escaped);
        assertArrayEquals(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), p.commands().get(0).bytes("data"));
    }
}
