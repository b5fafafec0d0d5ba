package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import memscope.model.CachePolicy;
import memscope.model.Rights;
import memscope.model.TaskFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptParserTest {
    private static final Set<String> NAMES = Set.of("p1", "h3", "code", "dev", "p1.root", "t1");

    private static Command one(String line) {
        ParsedScript p = ScriptParser.parse(line, NAMES);
        assertEquals(List.of(), p.errors(), line);
        assertEquals(1, p.commands().size(), line);
        return p.commands().get(0);
    }

    private static ScriptError error(String script) {
        ParsedScript p = ScriptParser.parse(script, NAMES);
        assertEquals(1, p.errors().size(), () -> "expected one error in: " + script + " got " + p.errors());
        return p.errors().get(0);
    }

    private static void assertError(String script, int line, int column, String messageStart) {
        ScriptError e = error(script);
        assertEquals(line, e.line(), e::toString);
        assertEquals(column, e.column(), e::toString);
        assertTrue(e.message().startsWith(messageStart), () -> "message was: " + e.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "write p1 0x2000 de ad be ef", "read p1 0x2000 16", "dup h3 rights=READ", "dup p1 rights=READ|INSPECT as p1ro",
        "replace h3 rights=READ", "close h3", "kill p1", "resize code 0x1000", "cache dev UNCACHED",
        "protect p1.root 0x1000000 0x1000 r--", "boot debugging=on", "task t2 p1 CONTROL", "vm_write t1 0x2000 90 90",
        "vm_read t1 0x2000 4", "vm_protect t1 0x2000 0x1000 r-x max", "vm_region t1 0x2000",
        "unmap p1.root 0x1000000 4K", "boot debugging=off legacy_no_memory=on"})
    void everyCommandOfTheIssueParses(String line) {
        assertEquals(line, one(line).text());
    }

    @Test
    void writeCollectsBytesAndStringsInOrder() {
        Command c = one("write p1 0x1000000 de ad \"hi\\n\" ef  # trailing comment");
        assertEquals("p1", c.name("process"));
        assertEquals(0x1000000L, c.number("address"));
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad, 'h', 'i', '\n', (byte) 0xef}, c.bytes("data"));
        assertFalse(c.has("size"));
        assertEquals("write p1 0x1000000 de ad \"hi\\n\" ef", c.text());
    }

    @Test
    void anEmptyStringIsZeroBytes() {
        assertArrayEquals(new byte[0], one("vm_write t1 0x1000000 \"\"").bytes("data"));
    }

    @Test
    void numbersAcceptHexDecimalAndSizeSuffixes() {
        assertEquals(0x2000L, one("read p1 0x2000 1").number("address"));
        assertEquals(8192L, one("read p1 8192 1").number("address"));
        assertEquals(4096L, one("read p1 4K 1").number("address"));
        assertEquals(64L << 20, one("read p1 64M 1").number("address"));
        assertEquals(1L << 30, one("read p1 1g 1").number("address"));
        assertEquals(-1L, one("read p1 0xffffffffffffffff 1").number("address"));
    }

    @Test
    void optionsAreTyped() {
        Command dup = one("dup p1 rights=READ|INSPECT as p1ro");
        assertEquals(Rights.READ | Rights.INSPECT, dup.bits("rights"));
        assertEquals("p1ro", dup.name("as"));
        assertEquals(CachePolicy.UNCACHED, one("cache dev uncached").value("policy"));
        assertEquals(TaskFlavor.READ, one("task t9 p1 READ").value("flavor"));
        assertEquals(5, one("vm_protect t1 0x2000 0x1000 r-x max").bits("perms"));
        assertTrue(one("vm_protect t1 0x2000 0x1000 r-x max").has("max"));
        assertEquals(true, one("boot debugging=on").value("debugging"));
        assertEquals(Rights.SAME_RIGHTS, one("dup h3 rights=SAME_RIGHTS").bits("rights"));
        assertEquals(0x10L, one("write p1 0 00 size=16").number("size"));
    }

    @Test
    void namesBoundByALineAreKnownToTheLinesAfterIt() {
        ParsedScript p = ScriptParser.parse("dup p1 rights=READ as p1ro\nread p1ro 0x1000000 4\n"
                + "task tw p1ro CONTROL\nvm_read tw 0x1000000 4", NAMES);
        assertEquals(List.of(), p.errors());
        assertEquals(4, p.commands().size());
        assertEquals(List.of(1, 2, 3, 4), p.commands().stream().map(Command::line).toList());
    }

    @Test
    void blankLinesCommentsAndCarriageReturnsAreFine() {
        ParsedScript p = ScriptParser.parse("# a lesson\r\n\r\n   \n  close h3   # bye\r\n", NAMES);
        assertEquals(List.of(), p.errors());
        assertEquals(1, p.commands().size());
        assertEquals(4, p.commands().get(0).line());
        assertEquals("close h3", p.commands().get(0).text());
    }

    // ---- malformed input: exact line, column and message ----

    @Test
    void unknownCommand() {
        assertError("close h3\n  wrte p1 0x2000 de", 2, 3, "unknown command 'wrte' (commands: write, read,");
    }

    @Test
    void aLineMustStartWithACommandWord() {
        assertError("\"hello\"", 1, 1, "a line starts with a command name, found the string \"hello\"");
    }

    @Test
    void unknownHandleName() {
        ScriptError e = error("write p9 0x2000 de");
        assertEquals(new ScriptError(1, 7, "unknown handle name 'p9' (known: " + e.message()
                .substring(e.message().indexOf("known: ") + 7)), e);
        assertTrue(e.message().contains("p1") && e.message().contains("code"), e.message());
    }

    @Test
    void aNumberWhereANameBelongs() {
        assertError("close 0x1234", 1, 7, "expected a handle name for HANDLE, found '0x1234'");
    }

    @Test
    void badNumbersPointAtTheBadCharacter() {
        assertError("read p1 0x20g0 4", 1, 13, "ADDRESS: bad number '0x20g0': 'g' is not a hex digit");
        assertError("read p1 0x 4", 1, 9, "ADDRESS: bad number '0x': no hex digits after 0x");
        assertError("read p1 0x2000 1x6", 1, 17, "SIZE: bad number '1x6': expected hex with 0x, decimal");
        assertError("read p1 99999999999999999999 4", 1, 9, "ADDRESS: bad number '99999999999999999999': too large");
        assertError("read p1 0x11112222333344445 4", 1, 9, "ADDRESS: bad number '0x11112222333344445': more than 64 bits");
        assertError("read p1 K 4", 1, 9, "ADDRESS: bad number 'K': a size suffix needs digits before it");
    }

    @Test
    void badBytes() {
        assertError("write p1 0x2000 de ad b 00", 1, 23, "bad byte 'b': a byte is two hex digits, 00 to ff");
        assertError("write p1 0x2000 dead", 1, 17, "bad byte 'dead'");
        assertError("vm_write t1 0x2000 90 zz", 1, 23, "bad byte 'zz'");
    }

    @Test
    void badStrings() {
        assertError("write p1 0x2000 \"abc", 1, 17, "unterminated string: add the closing \"");
        assertError("write p1 0x2000 \"a\\qb\"", 1, 19, "bad escape '\\q' in string");
        assertError("write p1 0x2000 \"a\\x4\"", 1, 19, "bad escape in string: \\x needs two hex digits");
    }

    @Test
    void missingArguments() {
        assertError("read p1 0x2000", 1, 15, "missing SIZE (usage: read PROCESS ADDRESS SIZE)");
        assertError("write p1 0x2000   # no data", 1, 16, "missing BYTES... (usage: write PROCESS ADDRESS BYTES... [size=N])");
        assertError("kill", 1, 5, "missing PROCESS (usage: kill PROCESS)");
        assertError("dup p1 as", 1, 10, "missing a NAME after 'as'");
        assertError("boot", 1, 5, "boot needs an option (usage: boot [debugging=on|off] [legacy_no_memory=on|off] [fidelity=documented|today])");
    }

    @Test
    void trailingJunk() {
        assertError("close h3 h3", 1, 10, "unexpected 'h3' after the arguments of close (usage: close HANDLE)");
        assertError("read p1 0x2000 4 \"x\"", 1, 18, "unexpected the string \"x\" after the arguments of read");
    }

    @Test
    void badOptions() {
        assertError("dup h3 rights=READ|FLY", 1, 20, "unknown right 'FLY'");
        assertError("dup h3 rights=", 1, 15, "missing rights after 'rights='");
        assertError("dup h3 colour=red", 1, 8, "unknown option 'colour=' for dup (usage: dup HANDLE [rights=R|R...] [as NAME])");
        assertError("close h3 rights=READ", 1, 10, "close takes no options, found 'rights=READ'");
        assertError("dup h3 rights=READ rights=WRITE", 1, 20, "option 'rights=R|R...' given twice");
        assertError("boot debugging=maybe", 1, 16, "expected on or off, found 'maybe'");
        assertError("write p1 0x2000 00 size=0xq", 1, 27, "bad number '0xq': 'q' is not a hex digit");
        assertError("vm_protect t1 0 4K r-x max=1", 1, 24, "write the option as 'max'");
        assertError("dup h3 as 9lives", 1, 11, "bad name '9lives'");
    }

    @Test
    void badKeywords() {
        assertError("cache dev FAST", 1, 11, "POLICY: unknown cache policy 'FAST'");
        assertError("task t5 p1 BOSS", 1, 12, "FLAVOR: unknown task flavor 'BOSS'");
        assertError("protect p1.root 0x1000000 0x1000 rw", 1, 34, "PERMS: bad permissions 'rw'");
        assertError("protect p1.root 0x1000000 0x1000 \"r--\"", 1, 34, "expected PERMS, found the string \"r--\"");
    }

    @Test
    void everyBadLineIsReportedAndNoCommandIsKeptFromThem() {
        ParsedScript p = ScriptParser.parse("close h3\nfrob\nread p1 0x2000\nkill p1", NAMES);
        assertFalse(p.ok());
        assertEquals(List.of(new ScriptError(2, 1, p.errors().get(0).message()),
                new ScriptError(3, 15, "missing SIZE (usage: read PROCESS ADDRESS SIZE)")), p.errors());
        assertEquals(List.of("close h3", "kill p1"), p.commands().stream().map(Command::text).toList());
    }

    @Test
    void parseLineRefusesLineBreaks() {
        ParsedScript p = ScriptParser.parseLine("close h3\nclose h3", NAMES);
        assertEquals(List.of(new ScriptError(1, 9, "one command per line: this text has a line break")), p.errors());
    }

    @Test
    void errorsPrintWithLineAndColumn() {
        assertEquals("line 2, column 7: unknown handle name 'zz' (no names are bound)",
                ScriptParser.parse("\nclose zz", Set.of()).errors().get(0).toString());
    }

    @Test
    void anErrorKnowsItsOffsetForTheCaret() {
        String text = "close h3\r\nread p1 0x2000";
        ScriptError e = error(text);
        assertEquals(text.length(), e.offsetIn(text));
        String bad = "close h3\nwrite p1 0x2000 de zz";
        assertEquals(bad.indexOf("zz"), error(bad).offsetIn(bad));
    }
}
