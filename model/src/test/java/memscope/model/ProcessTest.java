package memscope.model;

import static memscope.model.TestProcess.PAGE;
import static memscope.model.TestProcess.RW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Process creation (with its vDSO) and {@code taskKill}. */
class ProcessTest {
    private TestProcess t;

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
    }

    private List<MapEntry> vdsoMappings(TestProcess p) {
        return t.kernel.processMaps(p.process).entries().stream()
                .filter(e -> e.isMapping() && e.name().startsWith("vdso/")).collect(Collectors.toList());
    }

    @Test
    void everyProcessMapsTheOneSharedVdsoReadExecute() {
        TestProcess second = t.sibling("second");
        for (TestProcess p : List.of(t, second)) {
            List<MapEntry> vdso = vdsoMappings(p);
            assertEquals(1, vdso.size());
            assertEquals(VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, vdso.get(0).permissions());
            assertEquals(1, vdso.get(0).depth());
            assertEquals(t.kernel.inspector().vdsoKoid(), vdso.get(0).vmoKoid());
        }
        assertArrayEquals(t.read(t.vdsoBase(), 2 * PAGE), second.read(second.vdsoBase(), 2 * PAGE));
    }

    @Test
    void theVdsoIsInsideTheUserAddressSpace() {
        long vdso = t.vdsoBase();
        assertTrue(vdso >= Kernel.USER_ASPACE_BASE && vdso + 2 * PAGE <= Kernel.USER_ASPACE_END);
    }

    @Test
    void processesGetDistinctHandlesAndRootVmars() {
        TestProcess second = t.sibling("second");
        assertNotEquals(t.process, second.process);
        assertNotEquals(t.koidOf(t.root), t.koidOf(second.root));
        assertEquals(ObjectType.PROCESS, t.kernel.inspector().handle(t.process).orElseThrow().type());
        assertEquals(ObjectType.VMAR, t.kernel.inspector().handle(t.root).orElseThrow().type());
    }

    @Test
    void processCreateRejectsANullName() {
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.processCreate(null).status());
    }

    @Test
    void taskKillNeedsTheDestroyRight() {
        int noDestroy = t.withRights(t.process, Rights.DEFAULT_PROCESS & ~Rights.DESTROY);
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.taskKill(noDestroy));
        assertTrue(t.kernel.inspector().process(t.koidOf(t.process)).orElseThrow().alive());
    }

    @Test
    void taskKillChecksTheHandle() {
        assertEquals(Status.ERR_BAD_HANDLE, t.kernel.taskKill(0));
        // sys_task_kill looks the handle up as any object with ZX_RIGHT_DESTROY before asking for a task, so a
        // handle of another type (none carries DESTROY) is ACCESS_DENIED, not WRONG_TYPE
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.taskKill(t.vmo(PAGE)));
        assertEquals(Status.ERR_ACCESS_DENIED, t.kernel.taskKill(t.withRights(t.root, Rights.NONE)),
                "rights are checked before the type");
        assertEquals(Status.ERR_ACCESS_DENIED,
                t.kernel.taskKill(t.withRights(t.process, Rights.DEFAULT_PROCESS & ~Rights.DESTROY)));
    }

    @Test
    void aKilledProcessIsDeadAndItsMemoryGone() {
        long at = t.mapAt(0x10000, t.vmo(PAGE), 0, PAGE, RW);
        assertEquals(Status.OK, t.kernel.taskKill(t.process));
        assertEquals(false, t.kernel.inspector().process(t.koidOf(t.process)).orElseThrow().alive());
        assertEquals(Status.ERR_BAD_STATE, t.kernel.readMemory(t.process, at, new byte[1], 1).status());
        assertEquals(Status.ERR_BAD_STATE, t.write(at, new byte[1]).status());
        assertEquals(Status.ERR_BAD_STATE, t.kernel.processMaps(t.process).status());
        assertEquals(Status.ERR_BAD_STATE, t.kernel.vmarMap(t.root, RW, 0, t.vmo(PAGE), 0, PAGE).status(),
                "the root VMAR is destroyed with the process");
        assertEquals(Status.OK, t.kernel.taskKill(t.process), "killing a dead process is harmless");
    }

    @Test
    void killingOneProcessLeavesASharedVmoWithTheOther() {
        int vmo = t.vmo(PAGE);
        t.mapAt(0x10000, vmo, 0, PAGE, RW);
        TestProcess other = t.sibling("other");
        long theirs = other.mapAt(0x10000, vmo, 0, PAGE, RW);
        assertEquals(Status.OK, t.kernel.taskKill(t.process));
        assertEquals(new IoResult(Status.OK, 1), other.write(theirs, new byte[] {8}));
        assertEquals(8, t.vmoBytes(vmo, 0, 1)[0]);
        assertEquals(1, t.kernel.inspector().vmo(t.koidOf(vmo)).orElseThrow().mappingCount());
    }
}
