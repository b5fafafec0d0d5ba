package memscope.model.scenario;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import memscope.model.CachePolicy;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.MapResult;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;
import memscope.model.VmarResult;
import memscope.model.scenario.ScenarioSpec.ContentSpec;
import memscope.model.scenario.ScenarioSpec.HandleSpec;
import memscope.model.scenario.ScenarioSpec.MappingSpec;
import memscope.model.scenario.ScenarioSpec.ProcessSpec;
import memscope.model.scenario.ScenarioSpec.VmarSpec;
import memscope.model.scenario.ScenarioSpec.VmoSpec;
import memscope.model.text.Excerpt;

/**
 * Builds a checked scenario in a freshly booted kernel using only public syscalls, in a fixed order: processes,
 * VMOs (create, name, contents, executable handle, cache policy — contents first, because an uncached VMO can no
 * longer be written), VMARs, mappings, VMO resizes, duplicated handles, and finally killing processes. A refused
 * syscall stops the build; the half-built kernel is dropped, never returned.
 */
final class ScenarioBuilder {
    /** Fill patterns are written in pieces of about this size, so a large fill needs no large array. */
    private static final int FILL_CHUNK = 1 << 20;

    private final ScenarioErrors errors;
    private final Kernel kernel;
    private final Map<String, Integer> handles = new LinkedHashMap<>();
    /** Base and size of every VMAR by handle name, to turn absolute addresses into offsets. */
    private final Map<String, long[]> vmarRanges = new HashMap<>();
    private Long firstViewedMapping;

    private ScenarioBuilder(ScenarioSpec spec, ScenarioErrors errors) {
        this.errors = errors;
        this.kernel = Kernel.boot(spec.boot());
    }

    static LoadedScenario build(ScenarioSpec spec, ScenarioErrors errors) throws ScenarioException {
        return new ScenarioBuilder(spec, errors).run(spec);
    }

    private LoadedScenario run(ScenarioSpec spec) throws ScenarioException {
        for (ProcessSpec p : spec.processes()) {
            createProcess(p);
        }
        for (VmoSpec v : spec.vmos()) {
            createVmo(v);
        }
        for (VmarSpec r : spec.vmars()) {
            allocateVmar(r);
        }
        String viewed = spec.viewedProcess();
        for (MappingSpec m : spec.mappings()) {
            long address = map(m);
            if (firstViewedMapping == null && m.process().equals(viewed)) {
                firstViewedMapping = address;
            }
        }
        for (VmoSpec v : spec.vmos()) {
            if (v.sizeAfterMapping() != null) {
                check(kernel.vmoSetSize(handles.get(v.handle()), v.sizeAfterMapping()), "zx_vmo_set_size",
                        v.resizePlace());
            }
        }
        for (HandleSpec h : spec.handles()) {
            HandleResult r = kernel.handleDuplicate(handles.get(h.original()), h.rights());
            check(r.status(), "zx_handle_duplicate", h.place());
            handles.put(h.name(), r.handle());
        }
        for (ProcessSpec p : spec.processes()) {
            if (p.killed()) {
                check(kernel.taskKill(handles.get(p.handle())), "zx_task_kill", p.place());
            }
        }
        long start = spec.startAddress() != null ? spec.startAddress()
                : firstViewedMapping != null ? firstViewedMapping : Kernel.USER_ASPACE_BASE;
        return new LoadedScenario(spec.title(), spec.description(), kernel, handles, spec.viewProcess(),
                spec.editorHandle(), start, spec.titleZh(), spec.descriptionZh());
    }

    private void createProcess(ProcessSpec p) throws ScenarioException {
        ProcessResult r = kernel.processCreate(p.name());
        check(r.status(), "zx_process_create", p.place());
        handles.put(p.handle(), r.process());
        handles.put(p.rootVmarHandle(), r.rootVmar());
        vmarRanges.put(p.rootVmarHandle(),
                new long[] {Kernel.USER_ASPACE_BASE, Kernel.USER_ASPACE_END - Kernel.USER_ASPACE_BASE});
    }

    private void createVmo(VmoSpec v) throws ScenarioException {
        HandleResult created = kernel.vmoCreate(v.size(), v.resizable() ? Kernel.VMO_RESIZABLE : 0);
        check(created.status(), "zx_vmo_create", v.place());
        int handle = created.handle();
        check(kernel.objectSetName(handle, v.name()), "zx_object_set_property", v.place());
        for (ContentSpec c : v.contents()) {
            write(handle, c);
        }
        if (v.executable()) {
            // default VMO rights lack EXECUTE, as on Zircon; a loader asks for an executable handle
            HandleResult exec = kernel.vmoReplaceAsExecutable(handle);
            check(exec.status(), "zx_vmo_replace_as_executable", v.place());
            handle = exec.handle();
        }
        if (v.cachePolicy() != CachePolicy.CACHED) {
            check(kernel.vmoSetCachePolicy(handle, v.cachePolicy()), "zx_vmo_set_cache_policy", v.place());
        }
        handles.put(v.handle(), handle);
    }

    private void write(int vmo, ContentSpec c) throws ScenarioException {
        byte[] pattern = c.pattern();
        if (c.length() == pattern.length) {
            check(kernel.vmoWrite(vmo, pattern, c.offset(), pattern.length), "zx_vmo_write", c.place());
            return;
        }
        // a whole number of repetitions per chunk keeps the pattern in phase from one chunk to the next
        int reps = Math.max(1, FILL_CHUNK / pattern.length);
        byte[] chunk = new byte[reps * pattern.length];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = pattern[i % pattern.length];
        }
        for (long done = 0; done < c.length(); done += chunk.length) {
            long n = Math.min(chunk.length, c.length() - done);
            check(kernel.vmoWrite(vmo, chunk, c.offset() + done, n), "zx_vmo_write", c.place());
        }
    }

    private void allocateVmar(VmarSpec r) throws ScenarioException {
        long[] parent = vmarRanges.get(r.parent());
        long offset = offsetIn(r.parent(), parent, r.address(), r.offset(), r.addressPlace());
        VmarResult result = kernel.vmarAllocate(handles.get(r.parent()), r.options(), offset, r.size());
        check(result.status(), "zx_vmar_allocate", r.place());
        handles.put(r.name(), result.vmar());
        vmarRanges.put(r.name(), new long[] {result.address(), roundUpToPage(r.size())});
    }

    private long map(MappingSpec m) throws ScenarioException {
        long[] range = vmarRanges.get(m.in());
        long offset = offsetIn(m.in(), range, m.address(), m.offset(), m.addressPlace());
        int options = m.perms() | (m.address() != null || m.offset() != null ? VmOptions.SPECIFIC : 0);
        MapResult r = kernel.vmarMap(handles.get(m.in()), options, offset, handles.get(m.vmo()), m.vmoOffset(),
                m.length());
        check(r.status(), "zx_vmar_map", m.place());
        return r.address();
    }

    /** The offset a syscall wants: {@code offset} as given, or {@code address} minus the VMAR's base, or 0. */
    private long offsetIn(String vmar, long[] range, Long address, Long offset, Place place)
            throws ScenarioException {
        if (offset != null) {
            return offset;
        }
        if (address == null) {
            return 0;
        }
        if (address < range[0] || address - range[0] >= range[1]) {
            throw errors.at(place, "address.outside", Quantities.hex(address), Excerpt.of(vmar), Quantities.hex(range[0]),
                    Quantities.hex(range[0] + range[1]));
        }
        return address - range[0];
    }

    private void check(Status status, String syscall, Place place) throws ScenarioException {
        if (status != Status.OK) {
            throw errors.at(place, SyscallHints.failure(syscall, status));
        }
    }

    private static long roundUpToPage(long size) {
        return (size + Kernel.PAGE_SIZE - 1) & -Kernel.PAGE_SIZE;
    }
}
