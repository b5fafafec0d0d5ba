package memscope.model.script;

import static memscope.model.script.TokenKind.BYTES;
import static memscope.model.script.TokenKind.COMMAND;
import static memscope.model.script.TokenKind.COMMENT;
import static memscope.model.script.TokenKind.ERROR;
import static memscope.model.script.TokenKind.NAME;
import static memscope.model.script.TokenKind.NUMBER;
import static memscope.model.script.TokenKind.OPTION;
import static memscope.model.script.TokenKind.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleHighlighterTest {
    private static final Set<String> NAMES = Set.of("p1", "h3", "t1");

    /** Each span as "kind:text", which reads better in a failure than offsets. */
    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        for (TokenSpan s : ConsoleHighlighter.spans(text, NAMES)) {
            out.add(s.kind() + ":" + text.substring(s.start(), s.end()));
        }
        return out;
    }

    @Test
    void aWriteWithBytesStringAndComment() {
        String text = "write p1 0x2000 de \"ok\" ad # poke";
        assertEquals(List.of("COMMAND:write", "NAME:p1", "NUMBER:0x2000", "BYTES:de", "STRING:\"ok\"", "BYTES:ad",
                "COMMENT:# poke"), pieces(text));
        assertEquals(List.of(new TokenSpan(0, 5, COMMAND), new TokenSpan(6, 8, NAME), new TokenSpan(9, 15, NUMBER),
                new TokenSpan(16, 18, BYTES), new TokenSpan(19, 23, STRING), new TokenSpan(24, 26, BYTES),
                new TokenSpan(27, 33, COMMENT)), ConsoleHighlighter.spans(text, NAMES));
    }

    @Test
    void optionsKeywordsAndBoundNames() {
        assertEquals(List.of("COMMAND:dup", "NAME:p1", "OPTION:rights=READ|INSPECT", "OPTION:as", "NAME:p1ro"),
                pieces("dup p1 rights=READ|INSPECT as p1ro"));
        assertEquals(List.of("COMMAND:vm_protect", "NAME:t1", "NUMBER:0x2000", "NUMBER:4K", "OPTION:r-x",
                "OPTION:max"), pieces("vm_protect t1 0x2000 4K r-x max"));
        assertEquals(List.of("COMMAND:task", "NAME:t2", "NAME:p1", "OPTION:CONTROL"), pieces("task t2 p1 CONTROL"));
    }

    @Test
    void spansAreAbsoluteAcrossLines() {
        String text = "# setup\nclose h3\n\nkill p1";
        assertEquals(List.of(new TokenSpan(0, 7, COMMENT), new TokenSpan(8, 13, COMMAND), new TokenSpan(14, 16, NAME),
                new TokenSpan(18, 22, COMMAND), new TokenSpan(23, 25, NAME)), ConsoleHighlighter.spans(text, NAMES));
    }

    @Test
    void theErrorTokenIsMarkedAndTheRestOfItsLineIsPlain() {
        assertEquals(List.of("COMMAND:write", "NAME:p1", "NUMBER:0x2000", "BYTES:de", "ERROR:xyz", "COMMENT:# c"),
                pieces("write p1 0x2000 de xyz 00 # c"));
        assertEquals(List.of("ERROR:wrte", "COMMENT:#x"), pieces("wrte p1 #x"));
        assertEquals(List.of("COMMAND:close", "ERROR:nobody"), pieces("close nobody"));
        assertEquals(List.of("COMMAND:write", "NAME:p1", "NUMBER:0", "ERROR:\"open"), pieces("write p1 0 \"open"));
        assertEquals(List.of("COMMAND:dup", "NAME:h3", "ERROR:rights=BAD"), pieces("dup h3 rights=BAD"));
    }

    @Test
    void aHashInsideAStringIsNotAComment() {
        assertEquals(List.of("COMMAND:write", "NAME:p1", "NUMBER:0", "STRING:\"#1 \\\"x\\\"\""),
                pieces("write p1 0 \"#1 \\\"x\\\"\""));
    }

    @Test
    void runsCoverTheWholeTextForAStyleSpansBuilder() {
        String text = "  kill p1  # x\n";
        List<ConsoleHighlighter.Run> runs = ConsoleHighlighter.runs(text, NAMES);
        assertEquals(List.of(new ConsoleHighlighter.Run(null, 2), new ConsoleHighlighter.Run(COMMAND, 4),
                new ConsoleHighlighter.Run(null, 1), new ConsoleHighlighter.Run(NAME, 2),
                new ConsoleHighlighter.Run(null, 2), new ConsoleHighlighter.Run(COMMENT, 3),
                new ConsoleHighlighter.Run(null, 1)), runs);
        assertEquals(text.length(), runs.stream().mapToInt(ConsoleHighlighter.Run::length).sum());
        assertEquals(List.of("console-command"), runs.get(1).styleClasses());
        assertEquals(List.of(), runs.get(0).styleClasses());
        assertEquals(List.of(), ConsoleHighlighter.runs("", NAMES));
    }

    @Test
    void everyKindHasACssClass() {
        assertEquals("console-error", ERROR.cssClass());
        assertEquals("console-string", STRING.cssClass());
        assertEquals("console-option", OPTION.cssClass());
    }
}
