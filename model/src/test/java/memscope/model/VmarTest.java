package memscope.model;

import static memscope.model.TestProcess.BASE;
import static memscope.model.TestProcess.PAGE;
import static memscope.model.TestProcess.RW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sub-VMARs, placement, overlap, unmap and protect splitting, and the maps listing. */
class VmarTest {
    private static final int CAN_RW_SPECIFIC = VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE
            | VmOptions.CAN_MAP_SPECIFIC;

    private TestProcess t;

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
    }

    private VmarResult allocate(int parent, int options, long offset, long size) {
        VmarResult r = t.kernel.vmarAllocate(parent, options, offset, size);
        assertEquals(Status.OK, r.status(), "vmarAllocate");
        return r;
    }

    /** The mappings of the process (vDSO excluded), in address order. */
    private List<MapEntry> mappings() {
        return t.kernel.processMaps(t.process).entries().stream()
                .filter(e -> e.isMapping() && !e.name().startsWith("vdso/")).collect(Collectors.toList());
    }

    private MapResult map(int vmar, int options, long offset, int vmo, long length) {
        return t.kernel.vmarMap(vmar, options, offset, vmo, 0, length);
    }

    // ---- allocation and placement ----

    @Test
    void nestedVmarsLieInsideTheirParents() {
        VmarResult outer = allocate(t.root, CAN_RW_SPECIFIC, 0, 64 * PAGE);
        VmarResult inner = allocate(outer.vmar(), CAN_RW_SPECIFIC, 0, 8 * PAGE);
        assertTrue(outer.address() >= BASE && outer.address() + 64 * PAGE <= Kernel.USER_ASPACE_END);
        assertTrue(inner.address() >= outer.address() && inner.address() + 8 * PAGE <= outer.address() + 64 * PAGE);
        long at = t.mapAt(inner.vmar(), 2 * PAGE, t.vmo(PAGE), 0, PAGE, RW);
        assertEquals(inner.address() + 2 * PAGE, at);
    }

    @Test
    void specificPlacesAtTheOffsetFromTheVmarBase() {
        VmarResult sub = allocate(t.root, CAN_RW_SPECIFIC | VmOptions.SPECIFIC, 0x200000, 16 * PAGE);
        assertEquals(BASE + 0x200000, sub.address());
        MapResult m = map(sub.vmar(), RW | VmOptions.SPECIFIC, 3 * PAGE, t.vmo(PAGE), PAGE);
        assertEquals(new MapResult(Status.OK, BASE + 0x200000 + 3 * PAGE), m);
    }

    @Test
    void specificNeedsCanMapSpecificOnTheParent() {
        VmarResult sub = allocate(t.root, VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE, 0, 16 * PAGE);
        assertEquals(Status.ERR_ACCESS_DENIED, map(sub.vmar(), RW | VmOptions.SPECIFIC, 0, t.vmo(PAGE), PAGE)
                .status());
        assertEquals(Status.OK, map(sub.vmar(), RW, 0, t.vmo(PAGE), PAGE).status());
    }

    @Test
    void specificOffsetMustBeAlignedAndInside() {
        int vmo = t.vmo(PAGE);
        VmarResult sub = allocate(t.root, CAN_RW_SPECIFIC, 0, 4 * PAGE);
        assertEquals(Status.ERR_INVALID_ARGS, map(sub.vmar(), RW | VmOptions.SPECIFIC, 100, vmo, PAGE).status());
        assertEquals(Status.ERR_INVALID_ARGS, map(sub.vmar(), RW | VmOptions.SPECIFIC, 4 * PAGE, vmo, PAGE)
                .status());
        assertEquals(Status.ERR_INVALID_ARGS, map(sub.vmar(), RW | VmOptions.SPECIFIC, 2 * PAGE, vmo, 3 * PAGE)
                .status());
        assertEquals(Status.OK, map(sub.vmar(), RW | VmOptions.SPECIFIC, 3 * PAGE, vmo, PAGE).status());
    }

    @Test
    void offsetWithoutSpecificIsInvalidArgs() {
        assertEquals(Status.ERR_INVALID_ARGS, map(t.root, RW, PAGE, t.vmo(PAGE), PAGE).status());
    }

    @Test
    void overlapIsAlreadyExists() {
        int vmo = t.vmo(4 * PAGE);
        t.mapAt(0x10000, vmo, 0, 4 * PAGE, RW);
        assertEquals(Status.ERR_ALREADY_EXISTS, map(t.root, RW | VmOptions.SPECIFIC, 0x10000, vmo, PAGE).status());
        assertEquals(Status.ERR_ALREADY_EXISTS, map(t.root, RW | VmOptions.SPECIFIC, 0x10000 + 3 * PAGE, vmo,
                2 * PAGE).status());
        assertEquals(Status.ERR_ALREADY_EXISTS, map(t.root, RW | VmOptions.SPECIFIC, 0x10000 - PAGE, vmo,
                2 * PAGE).status());
        assertEquals(Status.ERR_ALREADY_EXISTS, t.kernel.vmarAllocate(t.root, CAN_RW_SPECIFIC | VmOptions.SPECIFIC,
                0x10000 - PAGE, 8 * PAGE).status());
        assertEquals(Status.OK, map(t.root, RW | VmOptions.SPECIFIC, 0x10000 + 4 * PAGE, vmo, PAGE).status(),
                "right after the mapping is free");
        assertEquals(2, mappings().size());
    }

    @Test
    void aMappingCannotOverlapASubVmar() {
        VmarResult sub = allocate(t.root, CAN_RW_SPECIFIC | VmOptions.SPECIFIC, 0x100000, 4 * PAGE);
        assertEquals(Status.ERR_ALREADY_EXISTS, map(t.root, RW | VmOptions.SPECIFIC, 0x100000 + PAGE,
                t.vmo(PAGE), PAGE).status());
        assertEquals(BASE + 0x100000, sub.address());
    }

    @Test
    void nonSpecificPlacementAvoidsEverythingElse() {
        int vmo = t.vmo(PAGE);
        VmarResult sub = allocate(t.root, CAN_RW_SPECIFIC, 0, 8 * PAGE);
        for (int i = 0; i < 8; i++) {
            assertEquals(Status.OK, map(sub.vmar(), RW, 0, vmo, PAGE).status());
        }
        assertEquals(Status.ERR_NO_RESOURCES, map(sub.vmar(), RW, 0, vmo, PAGE).status(), "the VMAR is full");
        List<MapEntry> ms = mappings();
        assertEquals(8, ms.size());
        for (int i = 1; i < ms.size(); i++) {
            assertTrue(ms.get(i - 1).base() + ms.get(i - 1).size() <= ms.get(i).base());
        }
    }

    @Test
    void mappingNeedsRightsAndCanMapFlags() {
        int readOnlyVmo = t.withRights(t.vmo(PAGE), Rights.READ | Rights.MAP);
        assertEquals(Status.ERR_ACCESS_DENIED, map(t.root, RW, 0, readOnlyVmo, PAGE).status());
        assertEquals(Status.OK, map(t.root, VmOptions.PERM_READ, 0, readOnlyVmo, PAGE).status());
        int noMap = t.withRights(t.vmo(PAGE), Rights.READ | Rights.WRITE);
        assertEquals(Status.ERR_ACCESS_DENIED, map(t.root, RW, 0, noMap, PAGE).status());
        VmarResult readOnlyVmar = allocate(t.root, VmOptions.CAN_MAP_READ, 0, 4 * PAGE);
        assertEquals(Status.ERR_ACCESS_DENIED, map(readOnlyVmar.vmar(), RW, 0, t.vmo(PAGE), PAGE).status());
        assertEquals(Status.ERR_ACCESS_DENIED, map(t.root, VmOptions.PERM_EXECUTE, 0, t.vmo(PAGE), PAGE).status(),
                "default VMO rights lack EXECUTE");
    }

    @Test
    void aChildVmarCannotGainWhatItsParentLacks() {
        VmarResult readOnly = allocate(t.root, VmOptions.CAN_MAP_READ, 0, 16 * PAGE);
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmarAllocate(readOnly.vmar(),
                VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE, 0, 4 * PAGE).status());
    }

    @Test
    void zeroLengthIsInvalidArgs() {
        assertEquals(Status.ERR_INVALID_ARGS, map(t.root, RW, 0, t.vmo(PAGE), 0).status());
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.vmarAllocate(t.root, CAN_RW_SPECIFIC, 0, 0).status());
    }

    // ---- unmap ----

    @Test
    void unmappingTheMiddleSplitsAMappingInTwo() {
        int vmo = t.vmo(4 * PAGE);
        assertEquals(Status.OK, t.kernel.vmoWrite(vmo, TestProcess.counting(4 * PAGE), 0, 4 * PAGE));
        long at = t.mapAt(0x10000, vmo, 0, 4 * PAGE, RW);
        assertEquals(Status.OK, t.kernel.vmarUnmap(t.root, at + PAGE, PAGE));
        List<MapEntry> ms = mappings();
        assertEquals(2, ms.size());
        assertEquals(List.of(at, PAGE * 1L, 0L), List.of(ms.get(0).base(), ms.get(0).size(), ms.get(0).vmoOffset()));
        assertEquals(List.of(at + 2 * PAGE, 2L * PAGE, 2L * PAGE),
                List.of(ms.get(1).base(), ms.get(1).size(), ms.get(1).vmoOffset()));
        assertEquals(Status.ERR_NOT_FOUND, t.kernel.readMemory(t.process, at + PAGE, new byte[1], 1).status());
        byte[] expected = new byte[PAGE];
        System.arraycopy(TestProcess.counting(4 * PAGE), 2 * PAGE, expected, 0, PAGE);
        assertArrayEquals(expected, t.read(at + 2 * PAGE, PAGE), "the upper slice still shows VMO page 2");
    }

    @Test
    void unmappingAcrossSeveralMappingsTrimsBoth() {
        long a = BASE + 0x10000;
        t.mappedVmo(0x10000, 2);
        t.mappedVmo(0x10000 + 2 * PAGE, 2);
        assertEquals(Status.OK, t.kernel.vmarUnmap(t.root, a + PAGE, 2 * PAGE));
        List<MapEntry> ms = mappings();
        assertEquals(List.of(a, a + 3 * PAGE), ms.stream().map(MapEntry::base).collect(Collectors.toList()));
        assertEquals(PAGE, ms.get(1).vmoOffset());
    }

    @Test
    void unmapRoundsTheLengthUpAndNeedsAnAlignedAddress() {
        long at = BASE + 0x10000;
        t.mappedVmo(0x10000, 2);
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.vmarUnmap(t.root, at + 1, PAGE));
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.vmarUnmap(t.root, at, 0));
        assertEquals(Status.OK, t.kernel.vmarUnmap(t.root, at, 1));
        assertEquals(at + PAGE, mappings().get(0).base());
    }

    @Test
    void unmappingASubVmarDestroysItOnlyWhole() {
        VmarResult sub = allocate(t.root, CAN_RW_SPECIFIC | VmOptions.SPECIFIC, 0x100000, 4 * PAGE);
        long at = t.mapAt(sub.vmar(), 0, t.vmo(PAGE), 0, PAGE, RW);
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.vmarUnmap(t.root, sub.address(), PAGE));
        assertEquals(Status.OK, t.kernel.vmarUnmap(t.root, sub.address(), 4 * PAGE));
        assertEquals(Status.ERR_NOT_FOUND, t.kernel.readMemory(t.process, at, new byte[1], 1).status());
        assertEquals(Status.ERR_BAD_STATE, map(sub.vmar(), RW, 0, t.vmo(PAGE), PAGE).status(),
                "a destroyed VMAR takes no new mappings");
    }

    @Test
    void theVdsoCannotBeUnmapped() {
        long vdso = t.vdsoBase();
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmarUnmap(t.root, vdso, PAGE));
        assertEquals(4, t.read(vdso, 4).length);
    }

    // ---- protect ----

    @Test
    void protectingTheMiddleSplitsIntoThree() {
        int vmo = t.vmo(3 * PAGE);
        long at = t.mapAt(0x10000, vmo, 0, 3 * PAGE, RW);
        assertEquals(Status.OK, t.kernel.vmarProtect(t.root, VmOptions.PERM_READ, at + PAGE, PAGE));
        List<MapEntry> ms = mappings();
        assertEquals(3, ms.size());
        assertEquals(List.of(RW, VmOptions.PERM_READ, RW),
                ms.stream().map(MapEntry::permissions).collect(Collectors.toList()));
        assertEquals(List.of(0L, (long) PAGE, 2L * PAGE),
                ms.stream().map(MapEntry::vmoOffset).collect(Collectors.toList()));
        assertEquals(List.of(t.koidOf(vmo)), ms.stream().map(MapEntry::vmoKoid).distinct()
                .collect(Collectors.toList()));
    }

    @Test
    void protectOverAHoleIsNotFound() {
        t.mappedVmo(0x10000, 1);
        t.mappedVmo(0x10000 + 2 * PAGE, 1);
        assertEquals(Status.ERR_NOT_FOUND, t.kernel.vmarProtect(t.root, VmOptions.PERM_READ, BASE + 0x10000,
                3 * PAGE));
        assertEquals(List.of(RW, RW), mappings().stream().map(MapEntry::permissions).collect(Collectors.toList()),
                "a refused protect changes nothing");
    }

    @Test
    void protectCannotExceedTheHandlesRights() {
        int readOnlyVmo = t.withRights(t.vmo(PAGE), Rights.READ | Rights.MAP);
        long at = t.mapAt(0x10000, readOnlyVmo, 0, PAGE, VmOptions.PERM_READ);
        int readOnlyRoot = t.withRights(t.root, Rights.READ);
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmarProtect(readOnlyRoot, RW, at, PAGE));
    }

    @Test
    void theVdsoProtectionIsFixed() {
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmarProtect(t.root, VmOptions.PERM_READ, t.vdsoBase(),
                PAGE));
    }

    // ---- the maps listing ----

    @Test
    void mapsListTheTreeDepthFirstInAddressOrderWithTheRootAtDepthZero() {
        VmarResult outer = allocate(t.root, CAN_RW_SPECIFIC | VmOptions.SPECIFIC, 0x100000, 64 * PAGE);
        VmarResult inner = allocate(outer.vmar(), CAN_RW_SPECIFIC | VmOptions.SPECIFIC, 8 * PAGE, 8 * PAGE);
        int vmo = t.vmo(PAGE);
        long deep = t.mapAt(inner.vmar(), PAGE, vmo, 0, PAGE, RW);
        long shallow = t.mapAt(0x10000, vmo, 0, PAGE, VmOptions.PERM_READ);
        long middle = t.mapAt(outer.vmar(), 0, vmo, 0, PAGE, RW);

        List<MapEntry> all = t.kernel.processMaps(t.process).entries();
        MapEntry root = all.get(0);
        assertEquals(0, root.depth());
        assertEquals(false, root.isMapping());
        assertEquals(BASE, root.base());
        assertEquals(Kernel.USER_ASPACE_END - BASE, root.size());

        List<Long> bases = all.stream().map(MapEntry::base).collect(Collectors.toList());
        List<Integer> depths = all.stream().map(MapEntry::depth).collect(Collectors.toList());
        long vdso = t.vdsoBase();
        assertEquals(List.of(BASE, shallow, outer.address(), middle, inner.address(), deep, vdso), bases);
        assertEquals(List.of(0, 1, 1, 2, 2, 3, 1), depths);
        MapEntry deepEntry = all.get(5);
        assertEquals(true, deepEntry.isMapping());
        assertEquals(RW, deepEntry.permissions());
        assertEquals(t.koidOf(vmo), deepEntry.vmoKoid());
    }

    @Test
    void mapsNeedsTheReadRightAndAProcess() {
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.processMaps(t.withRights(t.process, Rights.WRITE)).status());
        assertEquals(Status.ERR_WRONG_TYPE, t.kernel.processMaps(t.root).status());
        assertEquals(Status.ERR_BAD_HANDLE, t.kernel.processMaps(0).status());
    }
}
