package memscope.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void shortInputIsQuotedWhole() {
        assertEquals("code", Excerpt.of("code"));
        assertEquals("x".repeat(Excerpt.MAX_CHARS), Excerpt.of("x".repeat(Excerpt.MAX_CHARS)));
    }

    @Test
    void longInputIsCutWithAnEllipsis() {
        String cut = Excerpt.of("a".repeat(1_000_000));
        assertEquals(Excerpt.MAX_CHARS, cut.length());
        assertEquals("a".repeat(Excerpt.MAX_CHARS - 1) + "\u2026", cut);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String input = "a".repeat(Excerpt.MAX_CHARS - 2) + "\uD83D\uDE00".repeat(10);
        String cut = Excerpt.of(input);
        assertTrue(cut.length() <= Excerpt.MAX_CHARS);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 2)), cut);
        assertTrue(cut.endsWith("a\u2026"), cut);
    }
}
