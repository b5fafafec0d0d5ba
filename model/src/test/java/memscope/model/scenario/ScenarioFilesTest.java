package memscope.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import memscope.model.KernelInspector.HandleInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading from the classpath and from disk, and the messages when a file cannot be read. */
class ScenarioFilesTest {
    private static final String MINIMAL = MalformedScenarioTest.json("{ 'format': 1, 'title': 'Tiny',"
            + " 'processes': [ { 'name': 'p' } ] }");

    @TempDir
    Path dir;

    static Iterable<String> bundled() {
        return ScenarioLoader.bundled();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void everyBundledScenarioLoadsAndItsHandleTableMatchesTheHandleMap(String name) throws ScenarioException {
        LoadedScenario s = ScenarioLoader.loadResource(name);
        assertFalse(s.title().isBlank());
        assertFalse(s.description().isBlank(), "every bundled scenario explains itself");
        assertFalse(s.title(Locale.SIMPLIFIED_CHINESE).equals(s.title()), "and has a Chinese title");
        assertFalse(s.description(Locale.SIMPLIFIED_CHINESE).equals(s.description()), "and description");
        // every handle the loader left in the kernel has a scenario name, and every name a live handle
        Set<Integer> live = new HashSet<>();
        for (HandleInfo h : s.kernel().inspector().handles()) {
            live.add(h.handle());
        }
        assertEquals(live, new HashSet<>(s.handles().values()));
        assertTrue(s.handles().containsKey(s.viewProcess()));
        assertTrue(s.handles().containsKey(s.editorHandle()));
    }

    @Test
    void theTitleFollowsTheLanguageAndFallsBackToEnglish() throws ScenarioException {
        LoadedScenario demo = ScenarioLoader.loadDefault();
        assertEquals("演示：一个地址空间里的每条 writeMemory 规则", demo.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Demo: every writeMemory rule in one address space", demo.title(Locale.ENGLISH));
        LoadedScenario tiny = ScenarioLoader.parse(MINIMAL, "tiny.json");
        assertEquals("Tiny", tiny.title(Locale.SIMPLIFIED_CHINESE), "no title_zh: the English title");
        ScenarioException empty = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                MalformedScenarioTest.json("{ 'format': 1, 'title': 'Tiny', 'title_zh': '',"
                        + " 'processes': [ { 'name': 'p' } ] }"), "x.json"));
        assertTrue(empty.getMessage().contains("title_zh"), empty.getMessage());
    }

    @Test
    void theDefaultIsTheDemo() throws ScenarioException {
        assertEquals(ScenarioLoader.loadResource("demo.json").title(), ScenarioLoader.loadDefault().title());
        assertEquals("demo.json", ScenarioLoader.bundled().get(0));
    }

    @Test
    void loadsAFileAndNamesItInMessages() throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), MINIMAL);
        assertEquals("Tiny", ScenarioLoader.load(good).title());
        Path bad = Files.writeString(dir.resolve("bad.json"), MINIMAL.replace("\"Tiny\"", "7"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(bad));
        assertEquals(bad.toString(), e.source());
        assertTrue(e.getMessage().startsWith(bad + ": /title (line 1, column "), e.getMessage());
    }

    @Test
    void aMissingFileSaysSo() {
        Path missing = dir.resolve("nope.json");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(missing));
        assertEquals(missing + ": file not found", e.getMessage());
        assertEquals("", e.location());
    }

    @Test
    void aDirectoryIsNotAScenario() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir));
        assertEquals(dir + ": is a directory, not a scenario file", e.getMessage());
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.json"), MINIMAL);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions do not stop reading");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(locked));
        assertEquals(locked + ": cannot read the file: permission denied", e.getMessage());
    }

    @Test
    void permissionDeniedAndOtherReadFailuresAreDescribed() {
        assertEquals("cannot read the file: permission denied",
                ScenarioLoader.describe(new AccessDeniedException("/x.json")));
        assertEquals("cannot read the file: Input/output error",
                ScenarioLoader.describe(new IOException("Input/output error")));
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, MINIMAL.replace("Tiny", "Tiny\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(latin1));
        assertEquals(latin1 + ": not UTF-8 text; a scenario file is JSON in UTF-8", e.getMessage());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path bom = dir.resolve("bom.json");
        Files.writeString(bom, "\uFEFF" + MINIMAL);
        assertEquals("Tiny", ScenarioLoader.load(bom).title());
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() throws IOException {
        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[(int) ScenarioLoader.MAX_FILE_BYTES + 1]);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(huge));
        assertTrue(e.problem().contains("a scenario file is at most"), e.problem());
    }

    @Test
    void anUnknownResourceListsTheBundledOnes() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadResource("nope.json"));
        assertEquals("memscope/scenarios/nope.json: no such scenario on the classpath (bundled: demo.json,"
                + " minimal.json, big.json)", e.getMessage());
        ScenarioException escape = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.loadResource("../lessons/x.json"));
        assertTrue(escape.problem().contains("not a scenario name"), escape.problem());
    }
}
