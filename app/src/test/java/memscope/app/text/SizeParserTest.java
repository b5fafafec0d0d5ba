package memscope.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SizeParserTest {
    @Test
    void acceptsDecimalHexAndUnits() throws InputException {
        assertEquals(4096, SizeParser.parse("4096"));
        assertEquals(4096, SizeParser.parse("0x1000"));
        assertEquals(16384, SizeParser.parse("16K"));
        assertEquals(16384, SizeParser.parse("16k"));
        assertEquals(16384, SizeParser.parse("16 KiB"));
        assertEquals(16384, SizeParser.parse("16KB"));
        assertEquals(2L << 20, SizeParser.parse("2M"));
        assertEquals(1L << 30, SizeParser.parse("1G"));
        assertEquals(0, SizeParser.parse("0"));
    }

    @Test
    void rejectsWhatIsNotASize() {
        for (String bad : new String[] {"", "  ", "abc", "-4096", "0x", "16Q", "0xZZ", "99999999999T", "1.5M"}) {
            InputException e = assertThrows(InputException.class, () -> SizeParser.parse(bad), bad);
            assertEquals(bad.isBlank() ? "error.size.empty" : "error.size.bad", e.key(), bad);
        }
    }
}
