package memscope.app.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import memscope.app.edit.Edit;
import memscope.app.hex.AddressRange;
import memscope.app.hex.KernelFixture;
import memscope.app.kernel.KernelSession;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;

/** The documents of one session: one per process or file, the current one, closing, and what each keeps. */
class DocumentsTest {
    private static final long A = 0x1010000L;
    private final KernelFixture k = new KernelFixture();
    private final int second;
    private final Documents documents;

    DocumentsTest() {
        ProcessResult p = k.kernel.processCreate("p2");
        assertEquals(Status.OK, p.status());
        second = p.process();
        documents = new Documents(new KernelSession(new LoadedScenario("t", "t", k.kernel,
                Map.of("p1", k.process, "p2", second), "p1", "p1", A)));
    }

    private long koid(int handle) {
        return k.kernel.inspector().handle(handle).map(KernelInspector.HandleInfo::koid).orElseThrow();
    }

    @Test
    void oneDocumentPerProcessAndTheFileBeforeTheProcessUnderIt() {
        Document p1 = documents.forProcess(koid(k.process)).orElseThrow();
        assertSame(p1, documents.forProcess(koid(k.process)).orElseThrow(), "asked again: the same document");
        assertEquals(Kernel.USER_ASPACE_BASE, p1.range().start());
        k.map(A, k.vmo(0x2000, 0), 0x2000, KernelFixture.RW);
        Document file = documents.openFile(koid(k.process), new AddressRange(A, A + 0x1234), "f.bin").orElseThrow();
        assertEquals(new AddressRange(0, 0x1234), file.range(), "a file counts from 0");
        assertEquals(A + 0x10, file.toKernel(0x10));
        assertEquals(0x10, file.fromKernel(A + 0x10));
        assertTrue(file.mappingAt(0x10).isPresent(), "its mapping, found by offset");
        assertSame(file, documents.forProcess(koid(k.process)).orElseThrow(), "the file comes first");
        assertEquals(List.of(file), documents.open(), "one thing opened, one document: the file replaced p1's");
        assertTrue(documents.forProcess(12345).isEmpty(), "no readable process, no document");
    }

    @Test
    void aFileShowsItsProcessUnderneathInTheSameDocumentAndItsHistoryMovesWithIt() {
        Document p1 = documents.forProcess(koid(k.process)).orElseThrow();
        documents.show(p1);
        k.map(A, k.vmo(0x2000, 0), 0x2000, KernelFixture.RW);
        Document file = documents.openFile(koid(k.process), new AddressRange(A, A + 0x1234), "f.bin").orElseThrow();
        assertSame(file, documents.current().orElseThrow(), "the file is current in place of its process");
        assertTrue(file.hasProcessView());
        assertTrue(!p1.hasProcessView(), "a process document is its process already");
        file.history().record(new Edit(0x10, new byte[] {0}, new byte[] {1}));
        file.originals().remember(0x10, new byte[] {0});

        assertEquals(A, file.showProcessView(true), "the same byte's address is the mapping's base higher");
        assertTrue(file.showsProcessView());
        assertEquals(Kernel.USER_ASPACE_BASE, file.range().start(), "the process's whole address space");
        assertEquals(A + 0x10, file.toKernel(A + 0x10));
        assertEquals(0x10, file.fileOffset(A + 0x10).orElseThrow(), "its file offset, whichever way it shows");
        List<Long> undone = new ArrayList<>();
        file.history().undo(e -> undone.add(e.address()));
        assertEquals(List.of(A + 0x10), undone, "the edit moved with its byte");
        List<String> back = new ArrayList<>();
        file.restoredRuns(A + 0x10, 1, (a, n) -> back.add(Long.toHexString(a)));
        assertEquals(List.of(Long.toHexString(A + 0x10)), back, "the old value moved with it too");

        assertEquals(-A, file.showProcessView(false));
        assertEquals(new AddressRange(0, 0x1234), file.range());
        assertEquals(0, p1.showProcessView(true), "nothing to switch in a process document");
    }

    @Test
    void closingTheCurrentDocumentMakesItsNeighbourCurrentAndTheLastStays() {
        Document p1 = documents.forProcess(koid(k.process)).orElseThrow();
        Document p2 = documents.forProcess(koid(second)).orElseThrow();
        documents.show(p2);
        assertEquals(p1, documents.close(p2).orElseThrow());
        assertSame(p1, documents.current().orElseThrow());
        assertTrue(documents.close(p1).isEmpty(), "the last document stays open");
        assertEquals(List.of(p1), documents.open());
        Document gone = p2;
        assertThrows(IllegalArgumentException.class, () -> documents.show(gone), "a closed document");
    }

    @Test
    void eachDocumentKeepsItsOwnHistoryAndTheEditorHasATargetBeforeAnyIsShown() {
        Document p1 = documents.forProcess(koid(k.process)).orElseThrow();
        Document p2 = documents.forProcess(koid(second)).orElseThrow();
        assertNotSame(p1, documents.editTarget(), "nothing shown yet: a target of its own");
        documents.show(p1);
        documents.editTarget().history().record(new Edit(A, new byte[] {0}, new byte[] {1}));
        assertEquals(1, p1.history().undoSize());
        assertEquals(0, p2.history().undoSize(), "p2's history is its own");
        documents.show(p2);
        assertSame(p2, documents.editTarget());
    }

    @Test
    void restoredRunsCompareWithWhatTheDocumentHoldsNowAndASaveForgetsThem() {
        int vmo = k.vmo(0x1000, 0);
        k.map(A, vmo, 0x1000, KernelFixture.RW);
        Document file = documents.openFile(koid(k.process), new AddressRange(A, A + 0x100), "f.bin").orElseThrow();
        file.originals().remember(0x10, new byte[] {0, 0});        // both bytes held 0 before an edit
        assertEquals(Status.OK, k.kernel.vmoWrite(vmo, new byte[] {9}, 0x10, 1)); // 0x10 changed, 0x11 did not
        List<String> back = new ArrayList<>();
        file.restoredRuns(0x10, 2, (a, n) -> back.add(a + "+" + n));
        assertEquals(List.of("17+1"), back, "offset 0x11 holds its old value again");
        byte[] now = new byte[2];
        assertEquals(2, file.memory().read(0x10, now, 2));
        assertArrayEquals(new byte[] {9, 0}, now);
        file.saved();
        back.clear();
        file.restoredRuns(0x10, 2, (a, n) -> back.add(a + "+" + n));
        assertEquals(List.of(), back, "after a save nothing is compared");
    }
}
