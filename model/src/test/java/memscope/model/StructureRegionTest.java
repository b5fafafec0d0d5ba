package memscope.model;

import static memscope.model.TestProcess.BASE;
import static memscope.model.TestProcess.PAGE;
import static memscope.model.TestProcess.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import memscope.model.StructureChange.Region;
import memscope.model.StructureChange.What;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A change to a VMAR's children names the range it touched, and {@code mapsIn} re-reads just that range. */
class StructureRegionTest {
    private TestProcess t;
    private TestProcess.Recorder rec;
    private long koid;

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
        rec = t.record();
        koid = t.koidOf(t.process);
    }

    private List<Region> regions() {
        return rec.structure.stream().map(StructureChange::region).filter(r -> r != null)
                .collect(Collectors.toList());
    }

    @Test
    void mapUnmapProtectAndAllocateNameTheirRange() {
        int vmo = t.vmo(8 * PAGE);
        rec.clear();
        long at = t.mapAt(0x10000, vmo, 0, 4 * PAGE, RW);
        assertEquals(List.of(new Region(What.MAPPED, koid, 0, BASE, at, at + 4 * PAGE)), regions());
        rec.clear();
        // protecting the middle page splits the mapping: the whole mapping is the range
        assertEquals(Status.OK, t.kernel.vmarProtect(t.root, VmOptions.PERM_READ, at + PAGE, PAGE));
        assertEquals(List.of(new Region(What.PROTECTED, koid, 0, BASE, at, at + 4 * PAGE)), regions(),
                "the range covers the mapping that was split, whole");
        rec.clear();
        // unmapping one page out of the last mapping [at + 2 pages, at + 4 pages): that mapping whole
        assertEquals(Status.OK, t.kernel.vmarUnmap(t.root, at + 3 * PAGE, PAGE));
        assertEquals(List.of(new Region(What.UNMAPPED, koid, 0, BASE, at + 2 * PAGE, at + 4 * PAGE)), regions());
        rec.clear();
        VmarResult child = t.kernel.vmarAllocate(t.root, VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_SPECIFIC
                | VmOptions.SPECIFIC, 0x100000, 4 * PAGE);
        assertEquals(Status.OK, child.status());
        assertEquals(List.of(new Region(What.ALLOCATED, koid, 0, BASE, child.address(),
                child.address() + 4 * PAGE)), regions());
        assertEquals(StructureChange.Kind.VMAR, rec.structure.get(0).kind());
    }

    @Test
    void aRefusedCallNamesNothingAndOtherChangesHaveNoRegion() {
        rec.clear();
        assertEquals(Status.ERR_NOT_FOUND, t.kernel.vmarProtect(t.root, VmOptions.PERM_READ, BASE, PAGE));
        assertTrue(rec.structure.isEmpty());
        t.vmo(PAGE);
        assertTrue(rec.structure.stream().allMatch(c -> c.region() == null), "a VMO's creation has no region");
        assertNull(new StructureChange(StructureChange.Kind.VMO, 1).region());
    }

    @Test
    void historyKeepsTheChangeWithoutItsRegion() {
        t.kernel.history().start();
        int vmo = t.vmo(PAGE);
        long before = t.kernel.history().now();
        t.mapAt(0x10000, vmo, 0, PAGE, RW);
        List<memscope.model.history.Diff.Change> changes = t.kernel.history().diff(before,
                t.kernel.history().now()).orElseThrow().structure();
        assertTrue(changes.stream().allMatch(c -> c.change().region() == null), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c.change().equals(
                new StructureChange(StructureChange.Kind.MAPPING, koid))), changes.toString());
    }

    @Test
    void mapsInIsTheOverlappingPartOfTheProcessMaps() {
        Random random = new Random(14);
        int vmo = t.vmo(64 * PAGE);
        VmarResult sub = t.kernel.vmarAllocate(t.root, VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE
                | VmOptions.CAN_MAP_SPECIFIC | VmOptions.SPECIFIC, 0x200000, 64 * PAGE);
        for (int i = 0; i < 40; i++) {
            int vmar = random.nextBoolean() ? t.root : sub.vmar();
            t.kernel.vmarMap(vmar, RW, 0, vmo, 0, (1 + random.nextInt(3)) * PAGE);
        }
        List<MapEntry> all = t.kernel.processMaps(t.process).entries();
        for (int i = 0; i < 50; i++) {
            MapEntry a = all.get(random.nextInt(all.size()));
            MapEntry b = all.get(random.nextInt(all.size()));
            long start = Math.min(a.base(), b.base()) + random.nextInt(2) * PAGE;
            long end = Math.max(a.end(), b.end()) - random.nextInt(2) * PAGE;
            List<MapEntry> expected = all.stream().filter(e -> e.base() < end && e.end() > start)
                    .collect(Collectors.toList());
            assertEquals(end > start ? expected : List.of(), t.kernel.inspector().mapsIn(koid, start, end));
        }
        assertEquals(List.of(), t.kernel.inspector().mapsIn(koid + 1000, BASE, BASE + PAGE), "unknown process");
    }
}
