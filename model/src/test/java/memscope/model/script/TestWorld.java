package memscope.model.script;

import java.util.LinkedHashMap;
import java.util.Map;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;

/**
 * A small world built through syscalls, like a scenario would: process p1 with a read-write "data" VMO at
 * 0x1000000 (two pages), a read-execute "code" VMO at 0x1010000 (one page, resizable), and a VMO "dev" mapped
 * read-write at 0x1020000. Names: p1, p1.root, data, code, dev.
 */
final class TestWorld {
    static final long DATA = 0x1000000L;
    static final long CODE = 0x1010000L;
    static final long DEV = 0x1020000L;

    final Kernel kernel;
    final Map<String, Integer> names = new LinkedHashMap<>();

    TestWorld(BootOptions options) {
        kernel = Kernel.boot(options);
        ProcessResult p = kernel.processCreate("p1");
        names.put("p1", p.process());
        names.put("p1.root", p.rootVmar());
        names.put("data", map(p.rootVmar(), DATA, 2 * Kernel.PAGE_SIZE, 0, VmOptions.PERM_READ | VmOptions.PERM_WRITE));
        names.put("code", map(p.rootVmar(), CODE, Kernel.PAGE_SIZE, Kernel.VMO_RESIZABLE,
                VmOptions.PERM_READ | VmOptions.PERM_EXECUTE));
        names.put("dev", map(p.rootVmar(), DEV, Kernel.PAGE_SIZE, 0, VmOptions.PERM_READ | VmOptions.PERM_WRITE));
    }

    static TestWorld debugging() {
        return new TestWorld(BootOptions.defaults().withDebuggingSyscalls(true));
    }

    ConsoleSession session() {
        return new ConsoleSession(kernel, names);
    }

    long vdsoBase() {
        for (MapEntry e : kernel.processMaps(names.get("p1")).entries()) {
            if (e.isMapping() && e.name().startsWith("vdso/")) {
                return e.base();
            }
        }
        throw new AssertionError("no vDSO mapping");
    }

    private int map(int root, long address, long size, int vmoOptions, int perms) {
        int vmo = kernel.vmoCreate(size, vmoOptions).handle();
        if ((perms & VmOptions.PERM_EXECUTE) != 0) {
            vmo = kernel.vmoReplaceAsExecutable(vmo).handle();
        }
        Status s = kernel.vmarMap(root, perms | VmOptions.SPECIFIC, address - Kernel.USER_ASPACE_BASE, vmo, 0, size)
                .status();
        if (s != Status.OK) {
            throw new AssertionError("map failed: " + s);
        }
        return vmo;
    }
}
