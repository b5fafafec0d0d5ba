package memscope.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void aMistypedKeyFailsWhereTheTextIsMade() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Text.of(Bundles.COMMON, "no.such.key"));
        assertEquals("no text \"no.such.key\" in memscope.model.text.messages", e.getMessage());
    }

    @Test
    void numbersAreWrittenWithoutGroupingInEveryLanguage() {
        Text t = Text.verbatim("x");
        assertEquals("x", t.in(Locale.SIMPLIFIED_CHINESE));
        Text big = Text.of(Bundles.COMMON, "verbatim", 1234567L);
        assertEquals("1234567", big.english());
        assertEquals("1234567", big.in(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void nestedTextsAreWordedInTheSameLanguage() {
        Text inner = Text.verbatim("inner");
        Text outer = Text.of(Bundles.COMMON, "verbatim", inner);
        assertEquals("inner", outer.in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("inner", outer.toString());
    }

    @Test
    void anUnknownLanguageGetsEnglishNotTheJvmDefault() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Text pair = Text.of(Bundles.COMMON, "list.and", "a", "b");
            assertEquals("a和b", pair.in(Locale.SIMPLIFIED_CHINESE));
            assertEquals("a and b", pair.in(Locale.GERMAN));
            assertEquals("a and b", pair.toString());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void equalityFollowsKeyAndArguments() {
        assertEquals(Text.verbatim("a"), Text.verbatim("a"));
        assertNotEquals(Text.verbatim("a"), Text.verbatim("b"));
    }
}
