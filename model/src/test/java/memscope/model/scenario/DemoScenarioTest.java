package memscope.model.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import memscope.model.CachePolicy;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.KernelInspector.MappingInfo;
import memscope.model.MapEntry;
import memscope.model.Rights;
import memscope.model.Status;
import memscope.model.VmOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo scenario loads, has the documented layout, and shows every writeMemory rule. */
class DemoScenarioTest {
    static final long CODE = 0x1000000L;
    static final long RODATA = 0x1004000L;
    static final long DATA = 0x1100000L;
    static final long DATA_END = 0x1102000L;
    static final long HEAP = 0x2000000L;
    static final long ARENA = 0x2080000L;
    static final long RING = 0x3000000L;
    static final long DEVICE = 0x4000000L;
    static final long LOGGER_RING = 0x5000000L;
    static final long GROWABLE = 0x6000000L;
    static final long STACK = 0x7ffffff00000L;
    static final long VDSO = 0x7fffffffd000L;

    private LoadedScenario demo;
    private Kernel kernel;
    private int app;

    @BeforeEach
    void load() throws ScenarioException {
        demo = ScenarioLoader.loadDefault();
        kernel = demo.kernel();
        app = demo.handle("app");
    }

    @Test
    void describesItselfAndStartsOnTheData() {
        assertTrue(demo.title().startsWith("Demo"), demo.title());
        assertTrue(demo.description().contains("writeMemory") || demo.description().contains("write_memory"));
        assertEquals("app", demo.viewProcess());
        assertEquals("app", demo.editorHandle());
        assertEquals(DATA, demo.startAddress());
        assertTrue(kernel.options().debuggingSyscalls());
        assertFalse(kernel.options().legacyNoMemory());
        assertEquals(List.of("app", "app.root", "logger", "logger.root", "worker", "worker.root", "code", "rodata",
                "data", "heap", "arena", "ring", "device", "growable", "stack", "worker-data", "heap.vmar",
                "arena.vmar", "app.ro"), List.copyOf(demo.handles().keySet()));
    }

    @Test
    void hasTheDocumentedMappings() {
        List<MapEntry> maps = kernel.processMaps(app).entries();
        assertMapping(maps, CODE, 0x4000, "r-x", "editor-app.text");
        assertMapping(maps, RODATA, 0x1000, "r--", "editor-app.rodata");
        assertMapping(maps, DATA, 0x2000, "rw-", "editor-app.data");
        assertMapping(maps, HEAP, 0x10000, "rw-", "editor-app.heap");
        assertMapping(maps, ARENA, 0x4000, "rw-", "editor-app.arena");
        assertMapping(maps, RING, 0x2000, "rw-", "shared.ring");
        assertMapping(maps, DEVICE, 0x2000, "rw-", "fb.device");
        assertMapping(maps, GROWABLE, 0x4000, "rw-", "growable.buf");
        assertMapping(maps, STACK, 0x10000, "rw-", "editor-app.stack");
        assertMapping(maps, VDSO, 0x2000, "r-x", null);
        // the arena VMAR is nested two levels below the root
        MapEntry arena = maps.stream().filter(e -> e.isMapping() && e.base() == ARENA).findFirst().orElseThrow();
        assertEquals(3, arena.depth());
    }

    @Test
    void contentsAreWhereTheScenarioPutThem() {
        assertEquals("Hello, MemScope!", readString(DATA, 16));
        assertEquals("SMEM", readString(DATA + 0x40, 4));
        assertEquals("demo-config", readString(DATA + 0x50, 11));
        assertEquals("end of .data -->", readString(DATA_END - 16, 16));
        assertArrayEquals(new byte[] {0x55, 0x48, (byte) 0x89, (byte) 0xe5}, read(CODE, 4));
        assertArrayEquals(new byte[] {(byte) 0xcc, (byte) 0xcc, (byte) 0xcc, (byte) 0xcc, (byte) 0xcc, (byte) 0xcc},
                read(CODE + 0x1a, 6));
        assertArrayEquals(new byte[] {(byte) 0xef, (byte) 0xbe, (byte) 0xad, (byte) 0xde, (byte) 0xef},
                read(HEAP + 0x8000, 5));
        assertArrayEquals(new byte[] {(byte) 0xad, (byte) 0xde}, read(HEAP + 0xfffe, 2));
        assertEquals("first allocation", readString(HEAP + 0x10, 16));
        assertEquals("page 0 survives", readString(GROWABLE, 15));
        assertEquals("editor-app", readString(STACK + 0xffc0, 10));
        assertEquals("MemScope demo v1", readString(RODATA, 16));
    }

    @Test
    void writingTheReadOnlyCodeSucceeds() {
        assertEquals(VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, mapping(CODE).perms());
        assertEquals(new IoResult(Status.OK, 2), write(app, CODE + 0x18, new byte[] {(byte) 0x90, (byte) 0x90}));
        assertArrayEquals(new byte[] {(byte) 0x90, (byte) 0x90}, read(CODE + 0x18, 2));
    }

    @Test
    void writingTheVdsoIsDenied() {
        assertTrue(kernel.inspector().vmo(mapping(VDSO).vmoKoid()).orElseThrow().vdso());
        assertEquals(Status.ERR_ACCESS_DENIED, write(app, VDSO, new byte[] {1}).status());
        assertEquals(Status.OK, kernel.readMemory(app, VDSO, new byte[4], 4).status());
    }

    @Test
    void writingTheUncachedDeviceBufferIsABadState() {
        assertEquals(CachePolicy.UNCACHED_DEVICE,
                kernel.inspector().vmo(mapping(DEVICE).vmoKoid()).orElseThrow().cachePolicy());
        assertEquals(Status.ERR_BAD_STATE, write(app, DEVICE, new byte[] {1}).status());
    }

    @Test
    void writingBeyondTheShrunkVmoIsOutOfRangeAndAcrossItsEndIsClipped() {
        assertEquals(Kernel.PAGE_SIZE, kernel.inspector().vmo(mapping(GROWABLE).vmoKoid()).orElseThrow().size());
        assertEquals(0x4000, mapping(GROWABLE).size());
        assertEquals(Status.ERR_OUT_OF_RANGE, write(app, GROWABLE + 0x1000, new byte[] {1}).status());
        assertEquals(Status.ERR_OUT_OF_RANGE, write(app, GROWABLE + 0x3fff, new byte[] {1}).status());
        assertEquals(new IoResult(Status.OK, 4), write(app, GROWABLE + 0xffc, new byte[8]));
    }

    @Test
    void aWriteAcrossTheEndOfTheDataBeforeTheHoleIsPartial() {
        byte[] bytes = "ABCDEFGH".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new IoResult(Status.OK, 4), write(app, DATA_END - 4, bytes));
        assertEquals("ABCD", readString(DATA_END - 4, 4));
        assertEquals(Status.ERR_NOT_FOUND, write(app, DATA_END, bytes).status());
    }

    @Test
    void aWriteAcrossTheCodeEndStopsBeforeTheAdjacentRodata() {
        assertEquals(new IoResult(Status.OK, 2), write(app, RODATA - 2, new byte[] {7, 7, 7, 7}));
        assertEquals("MemScope", readString(RODATA, 8));
    }

    @Test
    void writingThroughTheHandleWithoutWriteIsDenied() {
        int readOnly = demo.handle("app.ro");
        int rights = kernel.inspector().handle(readOnly).orElseThrow().rights();
        assertEquals(Rights.READ | Rights.INSPECT, rights);
        assertEquals(Status.ERR_ACCESS_DENIED, write(readOnly, DATA, new byte[] {1}).status());
    }

    @Test
    void writingTheDeadProcessIsABadState() {
        int worker = demo.handle("worker");
        long koid = kernel.inspector().handle(worker).orElseThrow().koid();
        assertFalse(kernel.inspector().process(koid).orElseThrow().alive());
        assertEquals(Status.ERR_BAD_STATE, write(worker, 0x1000000L, new byte[] {1}).status());
    }

    @Test
    void theSharedRingShowsAWriteAtBothProcessesAddresses() {
        int logger = demo.handle("logger");
        assertEquals(mapping(RING).vmoKoid(), kernel.inspector().mappingAt(logger, LOGGER_RING).orElseThrow()
                .vmoKoid());
        byte[] bytes = "shared!".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new IoResult(Status.OK, bytes.length), write(app, RING + 0x100, bytes));
        byte[] back = new byte[bytes.length];
        assertEquals(Status.OK, kernel.readMemory(logger, LOGGER_RING + 0x100, back, back.length).status());
        assertArrayEquals(bytes, back);
    }

    @Test
    void eachLoadIsAFreshKernel() throws ScenarioException {
        write(app, DATA, new byte[] {'J'});
        LoadedScenario again = ScenarioLoader.loadDefault();
        byte[] first = new byte[1];
        again.kernel().readMemory(again.handle("app"), DATA, first, 1);
        assertEquals('H', first[0]);
    }

    private MappingInfo mapping(long address) {
        return kernel.inspector().mappingAt(app, address).orElseThrow(() -> new AssertionError(
                "no mapping at 0x" + Long.toHexString(address)));
    }

    private IoResult write(int process, long address, byte[] bytes) {
        return kernel.writeMemory(process, address, bytes, bytes.length);
    }

    private byte[] read(long address, int length) {
        byte[] out = new byte[length];
        IoResult r = kernel.readMemory(app, address, out, length);
        assertEquals(new IoResult(Status.OK, length), r, "reading 0x" + Long.toHexString(address));
        return out;
    }

    private String readString(long address, int length) {
        return new String(read(address, length), StandardCharsets.UTF_8);
    }

    private void assertMapping(List<MapEntry> maps, long base, long size, String perms, String vmoName) {
        MapEntry e = maps.stream().filter(m -> m.isMapping() && m.base() == base).findFirst()
                .orElseThrow(() -> new AssertionError("no mapping at 0x" + Long.toHexString(base) + " in " + maps));
        assertEquals(size, e.size(), "size of mapping at 0x" + Long.toHexString(base));
        assertEquals(perms, VmOptions.permString(e.permissions()));
        if (vmoName != null) {
            KernelInspector.VmoInfo vmo = kernel.inspector().vmo(e.vmoKoid()).orElseThrow();
            assertEquals(vmoName, vmo.name());
        }
    }
}
