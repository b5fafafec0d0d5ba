package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Handle values, their death on close, and rights narrowing by duplicate and replace. */
class HandleTest {
    private TestProcess t;

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
    }

    private int rightsOf(int handle) {
        return t.kernel.inspector().handle(handle).orElseThrow().rights();
    }

    private boolean alive(int handle) {
        return t.kernel.inspector().handle(handle).isPresent();
    }

    private List<Integer> manyHandles(int n) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(t.vmo(0));
        }
        return values;
    }

    @Test
    void valuesAreNeverZeroAndHaveTheTwoLowBitsSet() {
        List<Integer> values = manyHandles(500);
        values.add(t.process);
        values.add(t.root);
        for (int v : values) {
            assertNotEquals(0, v);
            assertEquals(3, v & 3, () -> "handle 0x" + Integer.toHexString(v));
        }
        assertEquals(values.size(), new HashSet<>(values).size(), "two live handles share a value");
    }

    @Test
    void valuesAreNotSequential() {
        List<Integer> values = manyHandles(50);
        Set<Integer> steps = new HashSet<>();
        for (int i = 1; i < values.size(); i++) {
            steps.add(values.get(i) - values.get(i - 1));
        }
        assertTrue(steps.size() > 10, "handle values step by a guessable stride: " + steps);
    }

    @Test
    void aClosedHandleIsDeadForEveryCall() {
        int vmo = t.vmo(4096);
        assertEquals(Status.OK, t.kernel.handleClose(vmo));
        assertEquals(false, alive(vmo));
        assertEquals(Status.ERR_BAD_HANDLE, t.kernel.handleClose(vmo));
        assertEquals(Status.ERR_BAD_HANDLE, t.kernel.vmoRead(vmo, new byte[1], 0, 1));
        assertEquals(Status.ERR_BAD_HANDLE, t.kernel.handleDuplicate(vmo, Rights.SAME_RIGHTS).status());
        assertEquals(Status.ERR_BAD_HANDLE, t.kernel.vmarMap(t.root, TestProcess.RW, 0, vmo, 0, 4096).status());
    }

    @Test
    void aClosedValueIsNotHandedOutAgain() {
        List<Integer> closed = manyHandles(200);
        for (int v : closed) {
            assertEquals(Status.OK, t.kernel.handleClose(v));
        }
        List<Integer> fresh = manyHandles(200);
        fresh.retainAll(closed);
        assertEquals(List.of(), fresh);
    }

    @Test
    void closingTheInvalidHandleIsANoOp() {
        assertEquals(Status.OK, t.kernel.handleClose(0));
    }

    @Test
    void closingOneHandleLeavesTheObjectAliveThroughAnother() {
        int vmo = t.vmo(4096);
        int copy = t.withRights(vmo, Rights.SAME_RIGHTS);
        assertEquals(Status.OK, t.kernel.vmoWrite(vmo, new byte[] {42}, 0, 1));
        assertEquals(Status.OK, t.kernel.handleClose(vmo));
        assertEquals(42, t.vmoBytes(copy, 0, 1)[0]);
    }

    @Test
    void duplicateNarrowsRightsOnTheSameObject() {
        int vmo = t.vmo(4096);
        int readOnly = t.withRights(vmo, Rights.READ | Rights.DUPLICATE);
        assertNotEquals(vmo, readOnly);
        assertEquals(Rights.READ | Rights.DUPLICATE, rightsOf(readOnly));
        assertEquals(t.koidOf(vmo), t.koidOf(readOnly));
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.vmoWrite(readOnly, new byte[1], 0, 1));
        assertEquals(Status.OK, t.kernel.vmoRead(readOnly, new byte[1], 0, 1));
        assertTrue(alive(vmo), "duplicate must not close the source");
    }

    @Test
    void duplicateWithSameRightsCopiesThem() {
        int copy = t.withRights(t.process, Rights.SAME_RIGHTS);
        assertEquals(Rights.DEFAULT_PROCESS, rightsOf(copy));
        assertEquals(rightsOf(t.process), rightsOf(copy));
    }

    @Test
    void duplicateCannotWidenRights() {
        int readOnly = t.withRights(t.vmo(4096), Rights.READ | Rights.DUPLICATE);
        HandleResult r = t.kernel.handleDuplicate(readOnly, Rights.READ | Rights.WRITE);
        assertEquals(new HandleResult(Status.ERR_INVALID_ARGS, 0), r);
    }

    @Test
    void duplicateNeedsTheDuplicateRight() {
        int noDup = t.withRights(t.vmo(4096), Rights.READ);
        assertEquals(new HandleResult(Status.ERR_ACCESS_DENIED, 0), t.kernel.handleDuplicate(noDup, Rights.READ));
        assertEquals(new HandleResult(Status.ERR_ACCESS_DENIED, 0),
                t.kernel.handleDuplicate(noDup, Rights.SAME_RIGHTS));
    }

    @Test
    void duplicateOfABadHandleIsBadHandle() {
        assertEquals(Status.ERR_BAD_HANDLE, t.kernel.handleDuplicate(0, Rights.SAME_RIGHTS).status());
    }

    @Test
    void replaceNarrowsAndClosesTheOriginal() {
        int vmo = t.vmo(4096);
        HandleResult r = t.kernel.handleReplace(vmo, Rights.READ);
        assertEquals(Status.OK, r.status());
        assertNotEquals(vmo, r.handle());
        assertEquals(Rights.READ, rightsOf(r.handle()));
        assertEquals(false, alive(vmo));
        assertEquals(Status.ERR_BAD_HANDLE, t.kernel.vmoRead(vmo, new byte[1], 0, 1));
    }

    @Test
    void replaceWithSameRightsKeepsThem() {
        int vmo = t.vmo(4096, Kernel.VMO_RESIZABLE);
        int before = rightsOf(vmo);
        HandleResult r = t.kernel.handleReplace(vmo, Rights.SAME_RIGHTS);
        assertEquals(Status.OK, r.status());
        assertEquals(before, rightsOf(r.handle()));
        assertTrue((before & Rights.RESIZE) != 0, "a resizable VMO's handle carries RESIZE");
    }

    @Test
    void replaceNeedsNoRightsAtAll() {
        int bare = t.withRights(t.vmo(4096), Rights.NONE);
        HandleResult r = t.kernel.handleReplace(bare, Rights.NONE);
        assertEquals(Status.OK, r.status());
        assertEquals(Rights.NONE, rightsOf(r.handle()));
    }

    @Test
    void failedReplaceStillInvalidatesTheHandle() {
        // Zircon: "handle is always invalidated", even when the new rights are refused
        int readOnly = t.withRights(t.vmo(4096), Rights.READ);
        assertEquals(new HandleResult(Status.ERR_INVALID_ARGS, 0),
                t.kernel.handleReplace(readOnly, Rights.READ | Rights.WRITE));
        assertEquals(false, alive(readOnly));
    }

    @Test
    void replaceOfABadHandleIsBadHandle() {
        assertEquals(Status.ERR_BAD_HANDLE, t.kernel.handleReplace(7, Rights.SAME_RIGHTS).status());
    }

    @Test
    void defaultRightsAreZirconsDefaults() {
        assertEquals(Rights.DEFAULT_PROCESS, rightsOf(t.process));
        assertEquals(Rights.DEFAULT_VMO, rightsOf(t.vmo(4096)));
        assertEquals(Rights.DEFAULT_VMO | Rights.RESIZE, rightsOf(t.vmo(4096, Kernel.VMO_RESIZABLE)));
        assertEquals(0, Rights.DEFAULT_VMO & Rights.EXECUTE, "Zircon's default VMO rights lack EXECUTE");
    }

    @Test
    void rightsConstantsHaveZirconsBitValues() {
        assertEquals(1 << 3, Rights.WRITE);
        assertEquals(1 << 22, Rights.RESIZE);
        assertEquals(1 << 31, Rights.SAME_RIGHTS);
        assertEquals(0xc003, Rights.BASIC);
        assertEquals(0xd0ef, Rights.DEFAULT_VMO);
        assertEquals(0x6d3cf, Rights.DEFAULT_PROCESS);
        assertEquals(0x208003, Rights.DEFAULT_VMAR);
    }
}
