package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import memscope.model.Rights;
import memscope.model.text.Excerpt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile console input: rights past 32 bits, digits of other scripts, very long tokens, huge script files. */
class HostileScriptTest {
    private static final Set<String> NAMES = Set.of("app", "p1");
    private static final String LONG = "q".repeat(100_000);

    private static ScriptError error(String line, Set<String> names) {
        ParsedScript p = ScriptParser.parse(line, names);
        assertEquals(List.of(), p.commands(), "nothing of a line with an error runs");
        assertEquals(1, p.errors().size(), () -> p.errors().toString());
        ScriptError e = p.errors().get(0);
        assertTrue(e.toString().length() <= 800, () -> e.toString().length() + " chars: " + e);
        assertFalse(e.toString().contains("q".repeat(Excerpt.MAX_CHARS)), () -> "quotes more than an excerpt: " + e);
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dup app rights=0x100000004", "dup app rights=4294967300", "dup app rights=0x1ffffffff",
        "dup app rights=0xffffffffffffffff"})
    void rightsThatDoNotFitInThirtyTwoBitsAreRefused(String line) {
        // a cast to int kept the low bits: 0x100000004 gave a handle with READ
        ScriptError e = error(line, NAMES);
        assertEquals(16, e.column());
        String value = line.substring(line.indexOf('=') + 1);
        assertEquals("rights '" + value + "' do not fit in 32 bits (at most 0xffffffff)", e.message());
        assertEquals("权限 '" + value + "' 超出 32 位（最大为 0xffffffff）", e.text().in(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aRightsNumberInAListIsCheckedToo() {
        ScriptError e = error("dup app rights=READ|0x100000000", NAMES);
        assertEquals(21, e.column());
        assertTrue(e.message().startsWith("rights '0x100000000' do not fit in 32 bits"), e::message);
    }

    @Test
    void rightsUpToThirtyTwoBitsStillParse() {
        ParsedScript p = ScriptParser.parse("dup app rights=0x4\ndup app rights=0xffffffff", NAMES);
        assertEquals(List.of(), p.errors());
        assertEquals(Rights.READ, p.commands().get(0).bits("rights"));
        assertEquals(0xffffffff, p.commands().get(1).bits("rights"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"read p1 0x١٠٠٠٠٠٠ 1", "read p1 0xＡＢ 1", "write p1 0x1000000 ٥٥"})
    void digitsOfOtherScriptsAreNotHex(String line) {
        // Character.digit and Long.parseUnsignedLong read these as 0x1000000 and 0xab
        ScriptError e = error(line, NAMES);
        assertTrue(e.message().contains("is not a hex digit") || e.message().startsWith("bad byte"), e::message);
    }

    @Test
    void longTokensAreQuotedAsExcerpts() {
        assertMessage(LONG, "unknown command '" + Excerpt.of(LONG) + "'");
        assertMessage("read " + LONG + " 0 1", "unknown handle name '" + Excerpt.of(LONG) + "'");
        assertMessage("read p1 0x" + LONG + " 1", "ADDRESS: bad number '" + Excerpt.of("0x" + LONG) + "'");
        assertMessage("read p1 " + LONG + "9 1", "ADDRESS: bad number '" + Excerpt.of(LONG) + "'");
        assertMessage("write p1 0 " + LONG, "bad byte '" + Excerpt.of(LONG) + "'");
        assertMessage("protect p1 0 1 " + LONG, "PERMS: bad permissions '" + Excerpt.of(LONG) + "'");
        assertMessage("cache p1 " + LONG, "POLICY: unknown cache policy '" + Excerpt.of(LONG) + "'");
        assertMessage("task t p1 " + LONG, "FLAVOR: unknown task flavor '" + Excerpt.of(LONG) + "'");
        assertMessage("boot debugging=" + LONG, "expected on or off, found '" + Excerpt.of(LONG) + "'");
        assertMessage("dup app rights=" + LONG, "unknown right '" + Excerpt.of(LONG) + "'");
        assertMessage("dup app rights=READ||" + LONG, "empty right in '" + Excerpt.of("READ||" + LONG) + "'");
        assertMessage("dup app " + LONG + "=1", "unknown option '" + Excerpt.of(LONG) + "='");
        assertMessage("close " + LONG + "=1", "close takes no options, found '" + Excerpt.of(LONG) + "'");
        assertMessage("kill p1 \"" + LONG + "\"", "unexpected the string " + Excerpt.of("\"" + LONG) + " after");
        assertMessage("kill 7" + LONG, "expected a handle name for PROCESS, found '" + Excerpt.of("7" + LONG) + "'");
        assertMessage("dup app as 9" + LONG, "bad name '" + Excerpt.of("9" + LONG) + "'");
    }

    private static void assertMessage(String line, String start) {
        String message = error(line, NAMES).message();
        assertTrue(message.startsWith(start), () -> "expected " + start + "\nbut was " + message);
    }

    @Test
    void theKnownNamesInAMessageAreAFewAndCut() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            many.add(String.format("n%05d", i) + LONG.substring(0, 1_200));
        }
        ScriptError e = error("kill nobody", new java.util.LinkedHashSet<>(many));
        assertTrue(e.message().startsWith("unknown handle name 'nobody' (known: " + Excerpt.of(many.get(0)) + ", "),
                e::message);
        assertTrue(e.message().endsWith(", " + Excerpt.ELLIPSIS + ")"), e::message);
    }

    @Test
    void aScriptFileOverTheCapIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.msc");
        Files.writeString(file, "kill p1\n" + "#".repeat(ScriptFiles.MAX_FILE_BYTES - 8));
        assertEquals(ScriptFiles.MAX_FILE_BYTES, ScriptFiles.load(file).length(), "a file of exactly the cap loads");
        Files.writeString(file, "kill p1\n" + "#".repeat(ScriptFiles.MAX_FILE_BYTES));
        ScriptTooLargeException e = assertThrows(ScriptTooLargeException.class, () -> ScriptFiles.load(file));
        assertEquals("larger than 1048576 bytes; a script file is at most that", e.getMessage());
        assertEquals("大于 1048576 字节；脚本文件最多这么大", e.text().in(Locale.SIMPLIFIED_CHINESE));
        ConsoleSession console = TestWorld.debugging().session();
        assertThrows(ScriptTooLargeException.class, () -> ScriptFiles.replay(file, console));
        assertTrue(console.results().isEmpty(), "nothing ran");
    }

    @Test
    void aScriptFileThatIsNotUtf8IsStillACodingError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bin.msc");
        Files.write(file, new byte[] {'k', (byte) 0xff, (byte) 0xfe});
        assertThrows(java.nio.charset.CharacterCodingException.class, () -> ScriptFiles.load(file));
    }
}
