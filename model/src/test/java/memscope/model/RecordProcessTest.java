package memscope.model;

import static memscope.model.MachFixture.DATA;
import static memscope.model.MachFixture.RODATA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A memory call's record names the process whose addresses it was about, Zircon or Mach, allowed or refused, so a
 * view can name those addresses later whatever it shows then; a call that named no process names 0.
 */
class RecordProcessTest {
    private final MachFixture f = new MachFixture();

    private long koid(int handle) {
        return f.kernel.inspector().handle(handle).map(KernelInspector.HandleInfo::koid).orElseThrow();
    }

    private SyscallRecord last() {
        return f.records.get(f.records.size() - 1);
    }

    @Test
    void zirconMemoryCallsNameTheirProcessEvenWhenRefused() {
        ProcessResult other = f.kernel.processCreate("other");
        f.kernel.writeMemory(f.process, DATA, new byte[] {1}, 1);
        assertEquals(koid(f.process), last().processKoid());
        f.kernel.writeMemory(other.process(), DATA, new byte[] {1}, 1); // nothing mapped there: refused
        assertEquals(Status.ERR_NOT_FOUND, last().status());
        assertEquals(koid(other.process()), last().processKoid(), "the refused call names its process too");
        f.kernel.readMemory(f.process, DATA, new byte[1], 1);
        assertEquals(koid(f.process), last().processKoid());
        f.kernel.writeMemory(0x7777, DATA, new byte[] {1}, 1);
        assertEquals(Status.ERR_BAD_HANDLE, last().status());
        assertEquals(0, last().processKoid(), "a handle that names no process: none");
        f.kernel.writeMemory(f.root, DATA, new byte[] {1}, 1);
        assertEquals(0, last().processKoid(), "a VMAR is no process");
    }

    @Test
    void machMemoryCallsNameTheTasksProcessAndOtherCallsNone() {
        int task = f.task(TaskFlavor.CONTROL);
        f.records.clear();
        f.mach.vmWrite(task, RODATA, new byte[] {1}, 1);
        f.mach.vmRead(task, DATA, 1);
        f.mach.vmProtect(task, DATA, MachFixture.PAGE, false, VmProt.READ);
        f.mach.vmRegion(task, DATA);
        f.mach.vmWrite(0x1234, DATA, new byte[] {1}, 1);
        f.kernel.vmoCreate(MachFixture.PAGE, 0);
        assertEquals(List.of(koid(f.process), koid(f.process), koid(f.process), koid(f.process), 0L, 0L),
                f.records.stream().map(SyscallRecord::processKoid).toList());
        assertEquals(KernReturn.PROTECTION_FAILURE, f.records.get(0).kernReturn());
    }

    @Test
    void aFidelityNoteKeepsTheProcess() {
        SyscallRecord r = new SyscallRecord(1, "zx_process_write_memory", "", Status.OK, null, 1, 1, Rule.COMPLETE, 0)
                .withProcess(42);
        assertEquals(42, r.withFidelityNote(null).processKoid());
    }
}
