package memscope.model.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Random sequences of Zircon and Mach calls on a small world (see {@link SyscallRun}) against the kernel's
 * invariants: no exception escapes a call and every call returns a status; a failed call changes nothing; rights
 * never grow through duplicate or replace; a mapping's permissions never exceed what the handles used to map it
 * allowed (nor does vm_write write where there is no WRITE); processMaps never overlaps.
 * Seeds: {@code SyscallFuzzTestInputs/syscalls/}.
 */
class SyscallFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void syscalls(FuzzedDataProvider data) {
        new SyscallRun(data).run();
    }
}
