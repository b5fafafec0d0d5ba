package memscope.model;

import static memscope.model.MachFixture.DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MachTaskPortTest {
    private final MachFixture f = new MachFixture();

    @Test
    void portsAreNonZeroDistinctPerFlavourAndStable() {
        Set<Integer> names = new HashSet<>();
        for (TaskFlavor flavor : TaskFlavor.values()) {
            int port = f.task(flavor);
            assertNotEquals(0, port);
            names.add(port);
            assertEquals(port, f.task(flavor), "the same right has the same name, as in a Mach IPC space");
        }
        assertEquals(TaskFlavor.values().length, names.size());
    }

    @Test
    void differentProcessesHaveDifferentPorts() {
        int other = f.kernel.processCreate("other").process();
        PortResult theirs = f.mach.taskForProcess(other, TaskFlavor.CONTROL);
        assertEquals(KernReturn.SUCCESS, theirs.kr());
        assertNotEquals(f.task(TaskFlavor.CONTROL), theirs.port());
    }

    @Test
    void portNamesAreNotACounter() {
        Set<Integer> names = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            names.add(f.mach.taskForProcess(f.kernel.processCreate("p" + i).process(), TaskFlavor.CONTROL).port());
        }
        assertEquals(20, names.size());
        long consecutive = names.stream().filter(n -> names.contains(n + 1)).count();
        assertTrue(consecutive < 3, "names look sequential: " + names);
    }

    @Test
    void aBadHandleIsAnInvalidArgument() {
        PortResult r = f.mach.taskForProcess(0x7ffffff3, TaskFlavor.CONTROL);
        assertEquals(new PortResult(KernReturn.INVALID_ARGUMENT, 0), r);
        assertEquals(Rule.BAD_HANDLE, f.lastRecord().rule());
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.taskForProcess(f.dataVmo, TaskFlavor.READ).kr(),
                "not a process");
        assertEquals(Rule.WRONG_TYPE, f.lastRecord().rule());
        assertEquals(KernReturn.INVALID_ARGUMENT, f.mach.taskForProcess(f.process, null).kr());
    }

    @Test
    void aDeadProcessIsAFailure() {
        f.kernel.taskKill(f.process);
        assertEquals(new PortResult(KernReturn.FAILURE, 0), f.mach.taskForProcess(f.process, TaskFlavor.NAME));
        assertEquals(Rule.PROCESS_DEAD, f.lastRecord().rule());
    }

    @Test
    void theProcessHandlesRightsDecideWhichFlavoursItGives() {
        int readOnly = f.kernel.handleDuplicate(f.process, Rights.READ | Rights.DUPLICATE).handle();
        assertEquals(KernReturn.FAILURE, f.mach.taskForProcess(readOnly, TaskFlavor.CONTROL).kr());
        assertEquals(Rule.MISSING_RIGHTS, f.lastRecord().rule());
        assertEquals(Rights.WRITE, f.lastRecord().ruleAddress(), "the missing right");
        assertEquals(KernReturn.FAILURE, f.mach.taskForProcess(readOnly, TaskFlavor.INSPECT).kr());
        assertEquals(KernReturn.SUCCESS, f.mach.taskForProcess(readOnly, TaskFlavor.READ).kr());
        int bare = f.kernel.handleDuplicate(f.process, Rights.NONE).handle();
        assertEquals(KernReturn.SUCCESS, f.mach.taskForProcess(bare, TaskFlavor.NAME).kr());
        assertEquals(KernReturn.FAILURE, f.mach.taskForProcess(bare, TaskFlavor.READ).kr());
    }

    @Test
    void aPortOutlivesTheHandleItCameFrom() {
        int task = f.task(TaskFlavor.CONTROL);
        assertEquals(Status.OK, f.kernel.handleClose(f.process));
        assertEquals(KernReturn.SUCCESS, f.mach.vmWrite(task, DATA, new byte[] {1}, 1));
    }

    @Test
    void mapsEachFlavourToItsMachCallName() {
        f.task(TaskFlavor.CONTROL);
        assertEquals("task_for_pid", f.lastRecord().name());
        f.task(TaskFlavor.READ);
        assertEquals("task_read_for_pid", f.lastRecord().name());
        f.task(TaskFlavor.INSPECT);
        assertEquals("task_inspect_for_pid", f.lastRecord().name());
        f.task(TaskFlavor.NAME);
        assertEquals("task_name_for_pid", f.lastRecord().name());
        assertTrue(f.lastRecord().arguments().startsWith("pid=0x"), f.lastRecord().arguments());
    }
}
