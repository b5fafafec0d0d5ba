package memscope.app.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import memscope.app.Messages;
import org.junit.jupiter.api.Test;

class AddressParserTest {
    private static final Map<String, Long> MAPPINGS = Map.of("code", 0x1100000L, "p1.data", 0x2200000L);
    private final AddressParser parser = new AddressParser(name -> MAPPINGS.containsKey(name)
            ? OptionalLong.of(MAPPINGS.get(name)) : OptionalLong.empty());

    @Test
    void acceptsTheThreeHexSpellings() throws InputException {
        assertEquals(0x1000L, parser.parse("0x1000"));
        assertEquals(0x1000L, parser.parse("0X1000"));
        assertEquals(0x1000L, parser.parse("1000h"));
        assertEquals(0x7fff0000L, parser.parse("7fff0000"));
        assertEquals(0x7fff0000L, parser.parse("  0x7fff_0000 "));
        assertEquals(0xffffffffffffffffL, parser.parse("ffffffffffffffff"));
    }

    @Test
    void mappingPlusOffsetIsTheMappingBasePlusAHexOffset() throws InputException {
        assertEquals(0x1100010L, parser.parse("code+10"));
        assertEquals(0x1100010L, parser.parse("code + 0x10"));
        assertEquals(0x2200fffL, parser.parse("p1.data+fffh"));
        assertEquals(0x1100000L, parser.parse("code"));
    }

    @Test
    void badInputNamesTheProblem() {
        Messages en = new Messages(Locale.ENGLISH);
        assertEquals("\"0xZZ\" is not a hex address", message(en, "0xZZ"));
        assertEquals("\"zz12h\" is not a hex address", message(en, "zz12h"));
        assertEquals("\"code+xyz\" is not a hex address", message(en, "code+xyz"));
        assertEquals("no mapping named \"heap\" in the viewed process", message(en, "heap+10"));
        assertEquals("no mapping named \"stack\" in the viewed process", message(en, "stack"));
        assertEquals("Type an address to go to", message(en, "   "));
        assertEquals("\"12345678901234567\" is not a hex address", message(en, "12345678901234567"));
    }

    @Test
    void problemsCarryTheirArguments() {
        InputException e = assertThrows(InputException.class, () -> parser.parse("0xZZ"));
        assertEquals("error.address.notHex", e.key());
        assertArrayEquals(new Object[] {"0xZZ"}, e.args());
    }

    private String message(Messages m, String text) {
        InputException e = assertThrows(InputException.class, () -> parser.parse(text));
        return m.get(e.key(), e.args());
    }
}
