package memscope.model.scenario;

import static memscope.model.scenario.MalformedScenarioTest.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.Rights;
import memscope.model.Status;
import org.junit.jupiter.api.Test;

/** What the loader builds from each part of the format, checked through syscalls and the inspector. */
class ScenarioBuildTest {
    private static final String ONE_PROCESS = "'format': 1, 'title': 't', 'processes': [ { 'name': 'app' } ]";

    @Test
    void contentsLandInOrderAndLaterEntriesOverwriteEarlierOnes() throws ScenarioException {
        LoadedScenario s = load("{ " + ONE_PROCESS + ", 'vmos': [ { 'name': 'v', 'size': '8K', 'contents': ["
                + " { 'fill': '11 22 33', 'length': '8K' },"
                + " { 'offset': 4, 'hex': 'aa bb' },"
                + " { 'offset': '0x1000', 'text': 'gr\u00fc\u00dfe' } ] } ] }");
        byte[] bytes = vmo(s, "v", 0, 8);
        assertArrayEquals(new byte[] {0x11, 0x22, 0x33, 0x11, (byte) 0xaa, (byte) 0xbb, 0x11, 0x22}, bytes);
        assertArrayEquals("gr\u00fc\u00dfe".getBytes(StandardCharsets.UTF_8), vmo(s, "v", 0x1000, 7));
        assertArrayEquals(new byte[] {0x11, 0x22}, vmo(s, "v", 0x1ffe, 2), "8190 is a multiple of 3");
    }

    @Test
    void aLongFillStaysInPhaseAcrossTheLoadersChunks() throws ScenarioException {
        LoadedScenario s = load("{ " + ONE_PROCESS + ", 'vmos': [ { 'name': 'v', 'size': '3M', 'contents': ["
                + " { 'offset': 1, 'fill': '01 02 03 04 05 06 07', 'length': '3000000' } ] } ] }");
        for (long at : new long[] {1, 1048575, 1048576, 1048577, 1048583, 2097152, 3000000}) {
            byte expected = (byte) (1 + (at - 1) % 7);
            assertEquals(expected, vmo(s, "v", at, 1)[0], "byte at " + at);
        }
        assertEquals(0, vmo(s, "v", 0, 1)[0]);
        assertEquals(0, vmo(s, "v", 3000001, 1)[0]);
    }

    @Test
    void anExecutableMappingGetsAnExecutableHandleAndOthersDoNot() throws ScenarioException {
        LoadedScenario s = load("{ " + ONE_PROCESS + ", 'vmos': [ { 'name': 'code', 'size': '4K' },"
                + " { 'name': 'data', 'size': '4K' } ], 'mappings': ["
                + " { 'in': 'app', 'vmo': 'code', 'perms': 'r-x' }, { 'in': 'app', 'vmo': 'data', 'perms': 'rw-' } ] }");
        assertTrue(Rights.has(rights(s, "code"), Rights.EXECUTE));
        assertFalse(Rights.has(rights(s, "data"), Rights.EXECUTE));
        assertEquals("code", s.kernel().inspector().handle(s.handle("code")).orElseThrow().name());
    }

    @Test
    void mappingsWithoutAnAddressGoWhereTheKernelChoosesAndTheFirstIsTheStart() throws ScenarioException {
        LoadedScenario s = load("{ " + ONE_PROCESS + ", 'vmos': [ { 'name': 'v', 'size': '4K' } ],"
                + " 'mappings': [ { 'in': 'app', 'vmo': 'v', 'perms': 'r--' } ] }");
        KernelInspector.MappingInfo m = s.kernel().inspector().mappingAt(s.handle("app"), s.startAddress())
                .orElseThrow();
        assertEquals(s.startAddress(), m.base());
        assertEquals(4096, m.size());
    }

    @Test
    void withoutMappingsTheStartIsTheBottomOfTheAddressSpace() throws ScenarioException {
        assertEquals(Kernel.USER_ASPACE_BASE, load("{ " + ONE_PROCESS + " }").startAddress());
    }

    @Test
    void nestedVmarsTakeAbsoluteAddressesOrOffsetsFromTheirParent() throws ScenarioException {
        LoadedScenario s = load("{ " + ONE_PROCESS + ", 'vmos': [ { 'name': 'v', 'size': '4K' } ],"
                + " 'vmars': [ { 'name': 'outer', 'parent': 'app', 'address': '0x10000000', 'size': '1M',"
                + "   'canMap': ['READ', 'WRITE', 'SPECIFIC'] },"
                + " { 'name': 'inner', 'parent': 'outer', 'offset': '64K', 'size': '64K', 'canMap': ['READ', 'SPECIFIC'] } ],"
                + " 'mappings': [ { 'in': 'inner', 'offset': '8K', 'vmo': 'v', 'perms': 'r--' },"
                + " { 'in': 'outer', 'address': '0x10000000', 'vmo': 'v', 'perms': 'rw-' } ] }");
        var inspector = s.kernel().inspector();
        assertEquals(0x10012000L, inspector.mappingAt(s.handle("app"), 0x10012000L).orElseThrow().base());
        assertEquals(0x10000000L, inspector.mappingAt(s.handle("app"), 0x10000000L).orElseThrow().base());
        assertEquals(0x10012000L, s.startAddress(), "the first mapping listed in the viewed process");
        assertTrue(s.handles().containsKey("outer") && s.handles().containsKey("inner"));
    }

    @Test
    void bootOptionsAreApplied() throws ScenarioException {
        LoadedScenario off = load("{ " + ONE_PROCESS + " }");
        assertFalse(off.kernel().options().debuggingSyscalls(), "Zircon's default: debugging syscalls off");
        assertEquals(Status.ERR_NOT_SUPPORTED, off.kernel().writeMemory(off.handle("app"), 0x1000000L,
                new byte[1], 1).status());
        LoadedScenario legacy = load("{ " + ONE_PROCESS + ", 'boot': { 'debuggingSyscalls': true,"
                + " 'legacyNoMemory': true } }");
        assertEquals(Status.ERR_NO_MEMORY, legacy.kernel().writeMemory(legacy.handle("app"), 0x1000000L,
                new byte[1], 1).status());
    }

    @Test
    void aVmoSharedByTwoProcessesIsOneObject() throws ScenarioException {
        LoadedScenario s = load("{ 'format': 1, 'title': 't', 'boot': { 'debuggingSyscalls': true },"
                + " 'processes': [ { 'name': 'a' }, { 'name': 'b' } ], 'vmos': [ { 'name': 'v', 'size': '4K' } ],"
                + " 'mappings': [ { 'in': 'a', 'address': '0x1000000', 'vmo': 'v', 'perms': 'rw-' },"
                + " { 'in': 'b', 'address': '0x2000000', 'vmo': 'v', 'perms': 'r--' } ] }");
        Kernel k = s.kernel();
        assertEquals(new IoResult(Status.OK, 2), k.writeMemory(s.handle("a"), 0x1000000L, new byte[] {4, 2}, 2));
        byte[] back = new byte[2];
        assertEquals(Status.OK, k.readMemory(s.handle("b"), 0x2000000L, back, 2).status());
        assertArrayEquals(new byte[] {4, 2}, back);
        long koid = k.inspector().mappingAt(s.handle("a"), 0x1000000L).orElseThrow().vmoKoid();
        assertTrue(k.inspector().vmo(koid).orElseThrow().shared());
    }

    @Test
    void aKilledProcessKeepsItsHandleButNotItsAddressSpace() throws ScenarioException {
        LoadedScenario s = load("{ 'format': 1, 'title': 't', 'boot': { 'debuggingSyscalls': true },"
                + " 'processes': [ { 'name': 'alive' }, { 'name': 'dead', 'killed': true } ],"
                + " 'vmos': [ { 'name': 'v', 'size': '4K' } ],"
                + " 'mappings': [ { 'in': 'dead', 'address': '0x1000000', 'vmo': 'v', 'perms': 'rw-' } ] }");
        int dead = s.handle("dead");
        long koid = s.kernel().inspector().handle(dead).orElseThrow().koid();
        assertFalse(s.kernel().inspector().process(koid).orElseThrow().alive());
        assertEquals(Status.ERR_BAD_STATE, s.kernel().writeMemory(dead, 0x1000000L, new byte[1], 1).status());
        assertEquals("alive", s.viewProcess());
    }

    @Test
    void aDuplicatedHandleHasExactlyTheListedRightsAndMayBeTheView() throws ScenarioException {
        LoadedScenario s = load("{ " + ONE_PROCESS + ", 'handles': [ { 'name': 'app.rw', 'duplicate': 'app',"
                + " 'rights': ['READ', 'WRITE', 'ZX_RIGHT_INSPECT'] } ], 'viewProcess': 'app.rw' }");
        assertEquals(Rights.READ | Rights.WRITE | Rights.INSPECT, rights(s, "app.rw"));
        assertEquals("app.rw", s.viewProcess());
        assertEquals("app.rw", s.editorHandle(), "the editor handle defaults to the view process");
    }

    @Test
    void theMinimalScenarioHoldsAGreeting() throws ScenarioException {
        LoadedScenario s = ScenarioLoader.loadResource("minimal.json");
        assertEquals("p1", s.viewProcess());
        assertEquals(0x1000000L, s.startAddress());
        byte[] hello = new byte[13];
        assertEquals(Status.OK, s.kernel().readMemory(s.handle("p1"), 0x1000000L, hello, 13).status());
        assertEquals("Hello, world!", new String(hello, StandardCharsets.US_ASCII));
    }

    @Test
    void theBigScenarioMaps64GibSparsely() throws ScenarioException {
        LoadedScenario s = ScenarioLoader.loadResource("big.json");
        long base = 0x100000000000L;
        assertEquals(base, s.startAddress());
        KernelInspector.MappingInfo m = s.kernel().inspector().mappingAt(s.handle("big"), base).orElseThrow();
        assertEquals(64L << 30, m.size());
        assertEquals(3, s.kernel().inspector().vmo(m.vmoKoid()).orElseThrow().committedPages());
        assertEquals("the middle", readText(s, "big", base + (32L << 30), 10));
        assertEquals("last 16 bytes!!", readText(s, "big", base + (64L << 30) - 16, 15));
        assertEquals(new IoResult(Status.OK, 16), s.kernel().writeMemory(s.handle("big"),
                base + (64L << 30) - 16, new byte[32], 32), "clipped at the end of the 64 GiB mapping");
    }

    private static LoadedScenario load(String singleQuoted) throws ScenarioException {
        return ScenarioLoader.parse(json(singleQuoted), "test.json");
    }

    private static byte[] vmo(LoadedScenario s, String name, long offset, int length) {
        byte[] out = new byte[length];
        assertEquals(Status.OK, s.kernel().vmoRead(s.handle(name), out, offset, length));
        return out;
    }

    private static int rights(LoadedScenario s, String name) {
        return s.kernel().inspector().handle(s.handle(name)).orElseThrow().rights();
    }

    private static String readText(LoadedScenario s, String process, long address, int length) {
        byte[] out = new byte[length];
        assertEquals(Status.OK, s.kernel().readMemory(s.handle(process), address, out, length).status());
        return new String(out, StandardCharsets.UTF_8);
    }
}
