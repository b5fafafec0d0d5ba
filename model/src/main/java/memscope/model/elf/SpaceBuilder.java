package memscope.model.elf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.MapResult;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;

/**
 * Builds a process from checked {@link Placement}s through public syscalls only, as Zircon's process builder does:
 * {@code zx_process_create} (the vDSO where the plan leaves room), then per mapping {@code zx_vmo_create} (backed by
 * its page source, or anonymous), {@code zx_object_set_property(NAME)}, {@code zx_vmo_replace_as_executable} when
 * it is mapped executable, {@code zx_vmar_map(SPECIFIC)} and {@code zx_handle_close}: the mapping keeps the VMO.
 * The plan was checked before the first call; should a call still fail, the process is killed and its handles
 * closed, so nothing half-built stays in the kernel.
 */
final class SpaceBuilder {
    private SpaceBuilder() {
    }

    /** The highest free run of {@code size} bytes in the user address space around {@code taken}, or -1. */
    static long highestGap(List<long[]> taken, long size) {
        List<long[]> sorted = new ArrayList<>(taken);
        sorted.sort(Comparator.comparingLong((long[] r) -> r[0]).reversed());
        long top = Kernel.USER_ASPACE_END;
        for (long[] r : sorted) {
            if (r[1] <= top && top - r[1] >= size) {
                return top - size;
            }
            top = Math.min(top, r[0]);
            if (top < Kernel.USER_ASPACE_BASE) {
                return -1;
            }
        }
        return top - Kernel.USER_ASPACE_BASE >= size ? top - size : -1;
    }

    /** Creates the process named {@code processName} with its vDSO at {@code vdso} and maps every placement. */
    static ProcessResult build(Kernel kernel, Path file, String processName, long vdso, List<Placement> plan)
            throws ElfException {
        ProcessResult p = kernel.processCreate(processName, vdso);
        check(file, p.status(), "zx_process_create", processName);
        try {
            for (Placement m : plan) {
                map(kernel, file, p.rootVmar(), m);
            }
            return p;
        } catch (ElfException | RuntimeException e) {
            kernel.taskKill(p.process());
            kernel.handleClose(p.rootVmar());
            kernel.handleClose(p.process());
            throw e;
        }
    }

    private static void map(Kernel kernel, Path file, int root, Placement m) throws ElfException {
        HandleResult vmo = m.source() == null ? kernel.vmoCreate(m.size(), 0)
                : kernel.vmoCreateBacked(m.size(), m.source(), m.name());
        check(file, vmo.status(), "zx_vmo_create", m.name());
        int handle = vmo.handle();
        try {
            check(file, kernel.objectSetName(handle, m.name()), "zx_object_set_property", m.name());
            if ((m.perms() & VmOptions.PERM_EXECUTE) != 0) {
                HandleResult x = kernel.vmoReplaceAsExecutable(handle);
                check(file, x.status(), "zx_vmo_replace_as_executable", m.name());
                handle = x.handle();
            }
            MapResult r = kernel.vmarMap(root, m.perms() | VmOptions.SPECIFIC, m.address() - Kernel.USER_ASPACE_BASE,
                    handle, 0, m.size());
            check(file, r.status(), "zx_vmar_map", m.name());
        } finally {
            kernel.handleClose(handle);
        }
    }

    private static void check(Path file, Status s, String call, String what) throws ElfException {
        if (s != Status.OK) {
            throw new ElfException(file, null, ElfWords.of("kernel.refused", call, what, s.zxName()));
        }
    }

    /** {@code name} cut to the kernel's 31-character limit, its end replaced by an ellipsis. */
    static String fit(String name) {
        return name.length() <= 31 ? name : name.substring(0, 30) + "…";
    }

    /** {@code name} cut to 31 characters from the front, so a path keeps its file name. */
    static String fitTail(String name) {
        return name.length() <= 31 ? name : "…" + name.substring(name.length() - 30);
    }
}
