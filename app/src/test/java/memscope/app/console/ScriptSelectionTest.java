package memscope.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScriptSelectionTest {
    private static final String TEXT = "boot debugging=on\nwrite p1 0 de\nread p1 0 1";

    @Test
    void noSelectionTakesTheWholeText() {
        assertEquals(new ScriptSelection(TEXT, 0, 0), ScriptSelection.of(TEXT, 5, 5));
    }

    @Test
    void aSelectionInsideOneLineTakesThatWholeLine() {
        int inWrite = TEXT.indexOf("p1 0 de");
        ScriptSelection s = ScriptSelection.of(TEXT, inWrite, inWrite + 2);
        assertEquals("write p1 0 de", s.text());
        assertEquals(1, s.firstLine());
        assertEquals(TEXT.indexOf("write"), s.offset());
        assertEquals(2, s.lineInWhole(1));
    }

    @Test
    void aSelectionOverTwoLinesTakesBothWhole() {
        ScriptSelection s = ScriptSelection.of(TEXT, TEXT.indexOf("debugging"), TEXT.indexOf("de\n") + 1);
        assertEquals("boot debugging=on\nwrite p1 0 de", s.text());
        assertEquals(0, s.firstLine());
    }

    @Test
    void aSelectionEndingAtTheStartOfALineDoesNotTakeThatLine() {
        ScriptSelection s = ScriptSelection.of(TEXT, 0, TEXT.indexOf("write"));
        assertEquals("boot debugging=on", s.text());
    }

    @Test
    void aBackwardSelectionIsTheSameAsAForwardOne() {
        int a = TEXT.indexOf("read");
        assertEquals(ScriptSelection.of(TEXT, a, a + 3), ScriptSelection.of(TEXT, a + 3, a));
    }
}
