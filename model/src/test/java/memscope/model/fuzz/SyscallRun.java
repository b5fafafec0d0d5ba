package memscope.model.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import memscope.model.BootOptions;
import memscope.model.CachePolicy;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.KernelInvariants;
import memscope.model.KernReturn;
import memscope.model.MapEntry;
import memscope.model.MapResult;
import memscope.model.MapsResult;
import memscope.model.ObjectType;
import memscope.model.PortResult;
import memscope.model.ProcessResult;
import memscope.model.Rights;
import memscope.model.Status;
import memscope.model.TaskFlavor;
import memscope.model.VmOptions;

/**
 * One fuzz input: a small world built by syscalls, then up to {@link #MAX_CALLS} calls chosen by the input, each
 * checked against the invariants in {@link SyscallFuzzTest}. Arguments favour what the world holds (live
 * handles, mapping bases, page multiples) and sometimes are any value at all.
 */
final class SyscallRun {
    private static final int MAX_CALLS = 48;
    private static final long PAGE = Kernel.PAGE_SIZE;
    private static final int PERMS = VmOptions.PERM_READ | VmOptions.PERM_WRITE | VmOptions.PERM_EXECUTE;
    private static final int VM_OPTIONS = PERMS | VmOptions.SPECIFIC | VmOptions.SPECIFIC_OVERWRITE
            | VmOptions.CAN_MAP_SPECIFIC | VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE
            | VmOptions.CAN_MAP_EXECUTE | VmOptions.COMPACT;

    private final FuzzedDataProvider data;
    private final Kernel kernel;
    private final Allowances allowances = new Allowances();
    /** Mach task port name to the koid of its process. */
    private final Map<Integer, Long> ports = new HashMap<>();
    private WorldSnapshot now;
    private String call = "setup";

    SyscallRun(FuzzedDataProvider data) {
        this.data = data;
        this.kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(data.consumeInt(0, 7) != 0));
    }

    void run() {
        setUp();
        now = new WorldSnapshot(kernel);
        for (int i = 0; i < MAX_CALLS && data.remainingBytes() > 0; i++) {
            step();
        }
    }

    /** Two processes; a resizable and a plain VMO mapped into them; a sub-VMAR; a read-only VMO handle. */
    private void setUp() {
        ProcessResult a = kernel.processCreate("a");
        ProcessResult b = kernel.processCreate("b");
        HandleResult heap = kernel.vmoCreate(4 * PAGE, Kernel.VMO_RESIZABLE);
        HandleResult code = kernel.vmoCreate(2 * PAGE, 0);
        kernel.vmoWrite(heap.handle(), new byte[] {1, 2, 3}, 0, 3);
        map(a.rootVmar(), VmOptions.PERM_READ | VmOptions.PERM_WRITE | VmOptions.SPECIFIC, 0, heap.handle(), 0,
                4 * PAGE);
        map(b.rootVmar(), VmOptions.PERM_READ, 0, heap.handle(), 0, 2 * PAGE);
        map(a.rootVmar(), VmOptions.PERM_READ | VmOptions.SPECIFIC, 0x100000, code.handle(), 0, 2 * PAGE);
        kernel.vmarAllocate(a.rootVmar(), VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE
                | VmOptions.CAN_MAP_SPECIFIC | VmOptions.SPECIFIC, 0x200000, 16 * PAGE);
        kernel.handleDuplicate(code.handle(), Rights.READ | Rights.MAP | Rights.DUPLICATE);
    }

    private void step() {
        WorldSnapshot before = now;
        int op = data.consumeInt(0, 23);
        boolean ok = switch (op) {
            case 0 -> ok(kernel.processCreate(text()), ProcessResult::status, "zx_process_create");
            case 1 -> ok(kernel.taskKill(handle()), "zx_task_kill");
            case 2 -> ok(kernel.vmoCreate(size(), data.consumeBoolean() ? Kernel.VMO_RESIZABLE : anyInt()),
                    HandleResult::status, "zx_vmo_create");
            case 3 -> ok(kernel.vmoSetSize(handle(), size()), "zx_vmo_set_size");
            case 4 -> ok(kernel.vmoSetCachePolicy(handle(), policy()), "zx_vmo_set_cache_policy");
            case 5 -> ok(kernel.vmoRead(handle(), new byte[data.consumeInt(0, 2 * (int) PAGE)], offset(), size()),
                    "zx_vmo_read");
            case 6 -> ok(kernel.vmoWrite(handle(), bytes(), offset(), size()), "zx_vmo_write");
            case 7 -> replaceAsExecutable(before);
            case 8 -> ok(kernel.objectSetName(handle(), data.consumeBoolean() ? null : text()),
                    "zx_object_set_property");
            case 9 -> ok(kernel.vmarAllocate(handle(), options(), offset(), size()).status(), "zx_vmar_allocate");
            case 10 -> map(handle(), options(), offset(), handle(), offset(), size());
            case 11 -> ok(kernel.vmarUnmap(handle(), address(), size()), "zx_vmar_unmap");
            case 12 -> ok(kernel.vmarProtect(handle(), options(), address(), size()), "zx_vmar_protect");
            case 13, 14 -> duplicate(before, op == 14);
            case 15 -> ok(kernel.handleClose(data.consumeInt(0, 15) == 0 ? 0 : handle()), "zx_handle_close");
            case 16 -> ok(kernel.processMaps(handle()), MapsResult::status, "zx_object_get_info");
            case 17 -> ok(kernel.readMemory(handle(), address(), new byte[data.consumeInt(0, 2 * (int) PAGE)],
                    size()).status(), "zx_process_read_memory");
            case 18 -> {
                byte[] buffer = data.consumeBoolean() ? null : bytes();
                long size = buffer == null || data.consumeInt(0, 3) == 0 ? size() : buffer.length;
                yield ok(kernel.writeMemory(handle(), address(), buffer, size).status(), "zx_process_write_memory");
            }
            case 19 -> taskForProcess();
            case 20 -> vmWrite(before);
            case 21 -> machOk(kernel.mach().vmRead(port(), address(), size()).kr(), "vm_read");
            case 22 -> machOk(kernel.mach().vmProtect(port(), address(), size(), data.consumeBoolean(),
                    data.consumeInt(0, 7) == 0 ? anyInt() : data.consumeInt(0, 0x17)), "vm_protect");
            default -> machOk(kernel.mach().vmRegion(port(), address()).kr(), "vm_region");
        };
        now = new WorldSnapshot(kernel);
        if (!ok && !call.equals("zx_handle_replace")) {
            String change = before.differenceFrom(now);
            if (change != null) {
                throw new AssertionError("the failed call " + call + " changed " + change);
            }
        }
        checkWorld(before);
    }

    // ---- calls that need more than a status check ----

    private boolean map(int vmar, int options, long vmarOffset, int vmo, long vmoOffset, long length) {
        KernelInspector.HandleInfo vmarHandle = kernel.inspector().handle(vmar).orElse(null);
        KernelInspector.HandleInfo vmoHandle = kernel.inspector().handle(vmo).orElse(null);
        MapResult r = kernel.vmarMap(vmar, options, vmarOffset, vmo, vmoOffset, length);
        boolean ok = ok(r, MapResult::status, "zx_vmar_map");
        if (ok) {
            if (vmarHandle == null || vmoHandle == null) {
                throw new AssertionError("zx_vmar_map succeeded without live handles");
            }
            int allowed = Allowances.perms(vmarHandle.rights()) & Allowances.perms(vmoHandle.rights());
            if ((options & PERMS & ~allowed) != 0) {
                throw new AssertionError("zx_vmar_map gave perms " + (options & PERMS) + " beyond " + allowed
                        + " (VMAR handle " + Rights.toString(vmarHandle.rights()) + ", VMO handle "
                        + Rights.toString(vmoHandle.rights()) + ")");
            }
            long end = r.address() + Math.max(PAGE, (length + PAGE - 1) & -PAGE);
            for (KernelInspector.HandleInfo p : kernel.inspector().handles()) {
                if (p.type() == ObjectType.PROCESS) {
                    kernel.inspector().mappingAt(p.handle(), r.address())
                            .filter(m -> m.vmoKoid() == vmoHandle.koid())
                            .ifPresent(m -> allowances.record(p.koid(), r.address(), end, vmoHandle.koid(), allowed));
                }
            }
        }
        return ok;
    }

    private boolean duplicate(WorldSnapshot before, boolean replace) {
        int source = handle();
        int rights = rights();
        KernelInspector.HandleInfo had = kernel.inspector().handle(source).orElse(null);
        HandleResult r = replace ? kernel.handleReplace(source, rights) : kernel.handleDuplicate(source, rights);
        boolean ok = ok(r, HandleResult::status, replace ? "zx_handle_replace" : "zx_handle_duplicate");
        if (ok) {
            int got = kernel.inspector().handle(r.handle()).orElseThrow().rights();
            if (had == null || (got & ~had.rights()) != 0) {
                throw new AssertionError(call + " of " + (had == null ? "a dead handle" : Rights.toString(had.rights()))
                        + " asked for " + Rights.toString(rights) + " and gave " + Rights.toString(got));
            }
        } else if (replace) {
            // zx_handle_replace invalidates its handle even when it fails; nothing else may change
            List<KernelInspector.HandleInfo> expected = new ArrayList<>(before.handles);
            expected.removeIf(h -> h.handle() == source);
            List<KernelInspector.HandleInfo> after = kernel.inspector().handles();
            if (!expected.equals(after)) {
                throw new AssertionError("the failed zx_handle_replace changed the handles: " + before.handles
                        + " -> " + after);
            }
        }
        return ok;
    }

    private boolean replaceAsExecutable(WorldSnapshot before) {
        int source = handle();
        KernelInspector.HandleInfo had = kernel.inspector().handle(source).orElse(null);
        HandleResult r = kernel.vmoReplaceAsExecutable(source);
        boolean ok = ok(r, HandleResult::status, "zx_vmo_replace_as_executable");
        if (ok) {
            int got = kernel.inspector().handle(r.handle()).orElseThrow().rights();
            if (had == null || (got & ~(had.rights() | Rights.EXECUTE)) != 0) {
                throw new AssertionError("zx_vmo_replace_as_executable gave " + Rights.toString(got));
            }
        }
        return ok;
    }

    private boolean taskForProcess() {
        int process = handle();
        KernelInspector.HandleInfo p = kernel.inspector().handle(process).orElse(null);
        TaskFlavor flavor = data.pickValue(TaskFlavor.values());
        PortResult r = kernel.mach().taskForProcess(process, data.consumeInt(0, 15) == 0 ? null : flavor);
        boolean ok = machOk(r == null ? null : r.kr(), "task_for_pid");
        if (ok && p != null) {
            ports.put(r.port(), p.koid());
        }
        return ok;
    }

    /** vm_write may succeed only where every mapping it touches is writable now. */
    private boolean vmWrite(WorldSnapshot before) {
        int port = port();
        long address = address();
        byte[] bytes = data.consumeBoolean() ? null : bytes();
        long count = bytes == null || data.consumeInt(0, 3) == 0 ? size() : bytes.length;
        boolean ok = machOk(kernel.mach().vmWrite(port, address, bytes, count), "vm_write");
        Long process = ports.get(port);
        if (ok && count > 0 && process != null && before.maps.containsKey(process)) {
            for (MapEntry e : before.maps.get(process).entries()) {
                boolean touched = e.isMapping() && Long.compareUnsigned(e.base(), address + count) < 0
                        && Long.compareUnsigned(address, e.base() + e.size()) < 0;
                if (touched && (e.permissions() & VmOptions.PERM_WRITE) == 0) {
                    throw new AssertionError("vm_write wrote at 0x" + Long.toHexString(address)
                            + " through a mapping without WRITE: " + e);
                }
            }
        }
        return ok;
    }

    // ---- invariants after every call ----

    /**
     * Each kind of violation fails from its own line, so that a fuzzing run that keeps going past a finding
     * (Jazzer tells findings apart by their stack) still reports the other kinds.
     */
    private void checkWorld(WorldSnapshot before) {
        List<String> internals = KernelInvariants.violations(kernel);
        if (!internals.isEmpty()) {
            throw new AssertionError("after " + call + ", unsound internals: " + String.join("\n", internals));
        }
        List<String> overlaps = new ArrayList<>();
        List<String> beyond = new ArrayList<>();
        for (Map.Entry<Long, MapsResult> e : now.maps.entrySet()) {
            if (e.getValue().status() == Status.OK) {
                overlaps.addAll(WorldChecks.mapsViolations(e.getValue().entries()));
                beyond.addAll(allowances.violations(e.getKey(), e.getValue().entries(),
                        kernel.inspector().vdsoKoid()));
            }
        }
        if (!overlaps.isEmpty()) {
            throw new AssertionError("after " + call + ", processMaps overlaps: " + String.join("\n", overlaps));
        }
        if (!beyond.isEmpty() && call.startsWith("zx_")) {
            throw new AssertionError("after " + call + ", perms beyond the handles': " + String.join("\n", beyond));
        }
        if (!beyond.isEmpty()) {
            throw new AssertionError("after Mach " + call + ", perms beyond the handles': "
                    + String.join("\n", beyond));
        }
        Map<Long, Integer> had = new HashMap<>();
        before.handles.forEach(h -> had.merge(h.koid(), h.rights(), (x, y) -> x | y));
        for (KernelInspector.HandleInfo h : now.handles) {
            Integer rights = had.get(h.koid());
            int allowed = rights == null ? ~0 : rights | (h.type() == ObjectType.VMO ? Rights.EXECUTE : 0);
            if ((h.rights() & ~allowed) != 0) {
                throw new AssertionError("after " + call + ", handle " + h + " gained rights its object's handles"
                        + " lacked: " + Rights.toString(rights));
            }
        }
    }

    private <R> boolean ok(R result, java.util.function.Function<R, Status> status, String name) {
        return ok(result == null ? null : status.apply(result), name);
    }

    private boolean ok(Status status, String name) {
        call = name;
        if (status == null) {
            throw new AssertionError(name + " returned no status");
        }
        return status == Status.OK;
    }

    private boolean machOk(KernReturn kr, String name) {
        call = name;
        if (kr == null) {
            throw new AssertionError(name + " returned no kern_return_t");
        }
        return kr == KernReturn.SUCCESS;
    }

    // ---- arguments ----

    private int handle() {
        List<KernelInspector.HandleInfo> live = now == null ? List.of() : now.handles;
        if (live.isEmpty() || data.consumeInt(0, 15) == 0) {
            return anyInt();
        }
        return live.get(data.consumeInt(0, live.size() - 1)).handle();
    }

    private int port() {
        if (ports.isEmpty() || data.consumeInt(0, 15) == 0) {
            return anyInt();
        }
        List<Integer> names = new ArrayList<>(ports.keySet());
        names.sort(null);
        return names.get(data.consumeInt(0, names.size() - 1));
    }

    private long address() {
        List<Long> bases = new ArrayList<>();
        if (now != null) {
            now.maps.values().forEach(m -> m.entries().forEach(e -> bases.add(e.base())));
        }
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeLong();
            case 1 -> Kernel.USER_ASPACE_BASE + data.consumeInt(0, 64) * PAGE;
            default -> bases.isEmpty() ? Kernel.USER_ASPACE_BASE
                    : bases.get(data.consumeInt(0, bases.size() - 1)) + data.consumeInt(0, 4) * PAGE
                    + (data.consumeInt(0, 7) == 0 ? data.consumeInt(1, (int) PAGE - 1) : 0);
        };
    }

    private long offset() {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeLong();
            case 1 -> data.consumeInt(0, 1 << 20);
            default -> data.consumeInt(0, 32) * PAGE;
        };
    }

    private long size() {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeLong();
            case 1 -> data.consumeInt(0, 3 * (int) PAGE);
            default -> data.consumeInt(0, 8) * PAGE;
        };
    }

    private int options() {
        return data.consumeInt(0, 15) == 0 ? anyInt() : data.consumeInt() & VM_OPTIONS;
    }

    private int rights() {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> anyInt();
            case 1 -> Rights.SAME_RIGHTS;
            default -> data.consumeInt() & 0x1ffffff;
        };
    }

    private CachePolicy policy() {
        return data.consumeInt(0, 7) == 0 ? null : data.pickValue(CachePolicy.values());
    }

    private byte[] bytes() {
        return data.consumeBytes(data.consumeInt(0, 64));
    }

    private String text() {
        return data.consumeString(40);
    }

    private int anyInt() {
        return data.consumeInt();
    }
}
