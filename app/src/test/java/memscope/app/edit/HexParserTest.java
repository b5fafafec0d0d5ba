package memscope.app.edit;

import memscope.app.find.SearchPattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexParserTest {
    private static final byte[] DEADBEEF = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};

    @Test
    void acceptsTheUsualWaysOfWritingBytes() throws HexParseException {
        assertArrayEquals(DEADBEEF, HexParser.parse("DE AD BE EF"));
        assertArrayEquals(DEADBEEF, HexParser.parse("deadbeef"));
        assertArrayEquals(DEADBEEF, HexParser.parse("0xde, 0xad, 0xBE,0XEF"));
        assertArrayEquals(DEADBEEF, HexParser.parse("  dead\n\tbe ef\r\n"));
        assertArrayEquals(new byte[] {0x0a, 0x05}, HexParser.parse("0xa 0x05"));
    }

    @Test
    void aCopiedCArrayBodyPastesBack() throws HexParseException {
        assertArrayEquals(DEADBEEF, HexParser.parse("0xde, 0xad, 0xbe, 0xef"));
        assertArrayEquals(DEADBEEF, HexParser.parse(CopyFormats.hex(DEADBEEF)));
    }

    @Test
    void aBadCharacterIsNamedWithItsColumn() {
        HexParseException e = assertThrows(HexParseException.class, () -> HexParser.parse("DE AG BE"));
        assertEquals(5, e.column());
        assertEquals(1, e.line());
        assertEquals("column 5: 'G' is not a hex digit (in \"AG\")", e.getMessage());
    }

    @Test
    void aBadCharacterOnALaterLineNamesTheLine() {
        HexParseException e = assertThrows(HexParseException.class, () -> HexParser.parse("DE AD\nBE EF zz"));
        assertEquals(2, e.line());
        assertEquals(7, e.column());
        assertEquals("line 2, column 7: 'z' is not a hex digit (in \"zz\")", e.getMessage());
    }

    @Test
    void oddDigitsAndLongPrefixedTokensAreRefused() {
        HexParseException odd = assertThrows(HexParseException.class, () -> HexParser.parse("DE ADB"));
        assertEquals(4, odd.column());
        assertEquals("\"ADB\" has an odd number of hex digits", odd.problem());
        HexParseException longOne = assertThrows(HexParseException.class, () -> HexParser.parse("0xdead"));
        assertEquals(1, longOne.column());
        assertThrows(HexParseException.class, () -> HexParser.parse("0x"));
    }

    @Test
    void emptyInputIsRefused() {
        assertEquals("no hex bytes found", assertThrows(HexParseException.class, () -> HexParser.parse(" , "))
                .problem());
    }

    @Test
    void wildcardsOnlyInSearchPatterns() throws HexParseException {
        assertThrows(HexParseException.class, () -> HexParser.parse("DE ?? EF"));
        SearchPattern p = SearchPattern.hex("DE ?? EF");
        assertEquals("DE ?? EF", p.toString());
        assertEquals(true, p.matchesAt(new byte[] {(byte) 0xde, 0x42, (byte) 0xef}, 0));
        assertEquals(false, p.matchesAt(new byte[] {(byte) 0xde, 0x42, (byte) 0xee}, 0));
    }
}
