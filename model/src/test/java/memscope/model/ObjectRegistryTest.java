package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspector finds objects by koid through the registry: exactly the objects the caller reaches (a handle, or
 * for a VMO a mapping in a process it holds a handle to), however they were made, and the registry keeps nothing
 * alive.
 */
class ObjectRegistryTest {
    private static final int PAGE = Kernel.PAGE_SIZE;

    private final TestProcess t = TestProcess.boot();
    private final KernelInspector inspector = t.kernel.inspector();

    @Test
    void aVmoIsFoundWhileAHandleOrAMappingReachesIt() {
        int vmo = t.mappedVmo(0x10000, 1);
        long koid = t.koidOf(vmo);
        assertTrue(inspector.vmo(koid).isPresent());
        assertEquals(Status.OK, t.kernel.handleClose(vmo));
        assertEquals(1, inspector.vmo(koid).orElseThrow().mappingCount(), "the mapping still reaches it");
        assertEquals(Status.OK, t.kernel.vmarUnmap(t.root, Kernel.USER_ASPACE_BASE + 0x10000, PAGE));
        assertTrue(inspector.vmo(koid).isEmpty(), "no handle and no mapping: gone");
    }

    @Test
    void aMappingInAProcessTheCallerNoLongerHoldsDoesNotCount() {
        int vmo = t.mappedVmo(0x10000, 1);
        long vmoKoid = t.koidOf(vmo);
        long processKoid = t.koidOf(t.process);
        t.kernel.handleClose(vmo);
        assertTrue(inspector.process(processKoid).isPresent());
        assertEquals(Status.OK, t.kernel.handleClose(t.process));
        assertTrue(inspector.process(processKoid).isEmpty());
        assertTrue(inspector.vmo(vmoKoid).isEmpty());
    }

    @Test
    void aKilledProcessStaysVisibleWhileItsHandleIsOpenButItsMappingsAreGone() {
        int vmo = t.mappedVmo(0x10000, 1);
        long vmoKoid = t.koidOf(vmo);
        t.kernel.handleClose(vmo);
        assertEquals(Status.OK, t.kernel.taskKill(t.process));
        assertFalse(inspector.process(t.koidOf(t.process)).orElseThrow().alive());
        assertTrue(inspector.vmo(vmoKoid).isEmpty(), "its address space, and so the mapping, is gone");
    }

    @Test
    void theVdsoAndVmosMadeByMachAreFound() {
        assertTrue(inspector.vmo(inspector.vdsoKoid()).orElseThrow().vdso());
        int vmo = t.mappedVmo(0x10000, 1);
        long address = Kernel.USER_ASPACE_BASE + 0x10000;
        int port = t.kernel.mach().taskForProcess(t.process, TaskFlavor.CONTROL).port();
        assertEquals(KernReturn.SUCCESS, t.kernel.mach().vmProtect(port, address, PAGE, false,
                VmProt.READ | VmProt.COPY));
        long copyKoid = inspector.mappingAt(t.process, address).orElseThrow().vmoKoid();
        assertTrue(copyKoid != t.koidOf(vmo), "VM_PROT_COPY maps a private copy");
        assertEquals(1, inspector.vmo(copyKoid).orElseThrow().mappingCount());
    }

    @Test
    void restoredSessionsRegisterTheirObjects(@TempDir Path dir) throws Exception {
        int vmo = t.mappedVmo(0x10000, 2);
        long koid = t.koidOf(vmo);
        t.kernel.handleClose(vmo);
        Path file = dir.resolve("s.mses");
        Sessions.save(t.kernel, file);
        assertTrue(Files.size(file) > 0);
        Kernel restored = Sessions.load(file);
        assertEquals(2 * PAGE, restored.inspector().vmo(koid).orElseThrow().size());
        assertTrue(restored.inspector().process(t.koidOf(t.process)).isPresent());
    }

    @Test
    void theRegistryKeepsNoClosedObjectAlive() throws InterruptedException {
        int vmo = t.vmo(PAGE);
        WeakReference<KernelObject> ref = new WeakReference<>(t.kernel.state().handles.get(vmo).object());
        t.kernel.handleClose(vmo);
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(ref.get(), "a VMO with no handle and no mapping must be collectable");
    }
}
