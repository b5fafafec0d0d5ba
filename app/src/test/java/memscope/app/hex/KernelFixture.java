package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.MapResult;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;

/** A booted kernel (debugging syscalls on) with one process and helpers to map VMOs at fixed addresses. */
public final class KernelFixture {
    public static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;
    public static final int RO = VmOptions.PERM_READ;
    public static final int RX = VmOptions.PERM_READ | VmOptions.PERM_EXECUTE;

    public final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
    public final int process;
    public final int rootVmar;

    public KernelFixture() {
        ProcessResult p = kernel.processCreate("p1");
        assertEquals(Status.OK, p.status());
        process = p.process();
        rootVmar = p.rootVmar();
    }

    /** A new VMO of {@code size} bytes; {@code options} as for vmoCreate. */
    public int vmo(long size, int options) {
        HandleResult r = kernel.vmoCreate(size, options);
        assertEquals(Status.OK, r.status());
        return r.handle();
    }

    /** Maps {@code vmo} at exactly {@code address}; returns the address. */
    public long map(long address, int vmo, long length, int perms) {
        MapResult r = kernel.vmarMap(rootVmar, perms | VmOptions.SPECIFIC, address - Kernel.USER_ASPACE_BASE, vmo, 0,
                length);
        assertEquals(Status.OK, r.status(), "mapping at 0x" + Long.toHexString(address));
        return r.address();
    }

    /** Where the process's vDSO is mapped. */
    public long vdsoBase() {
        for (MapEntry e : kernel.processMaps(process).entries()) {
            if (e.isMapping() && e.name().startsWith("vdso/")) {
                return e.base();
            }
        }
        throw new AssertionError("process has no vDSO mapping");
    }

    /** An EditHandler that writes through zx_process_write_memory, as the app does. */
    public EditHandler editHandler() {
        return (address, bytes) -> {
            var r = kernel.writeMemory(process, address, bytes, bytes.length);
            return r.status() == Status.OK && r.actual() == bytes.length;
        };
    }
}
