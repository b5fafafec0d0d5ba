package memscope.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The structure side of the history: after every call that changed a process, a VMO or the handle table, an
 * immutable snapshot of just that object (a process's maps, a VMO's size) keyed by the call's number. The
 * structure at a moment is, for each object, its latest snapshot at or before it: a floor lookup per object, so
 * each snapshot is a checkpoint and no replay is needed. A process's snapshot costs its mappings, so a call that
 * changes one mapping of a process with very many pays for all of them (the history is opt-in for that reason).
 * Guarded by the kernel lock.
 */
final class StructureJournal {
    /** A mapping as the bytes view needs it: where it is and which VMO it shows. */
    record MapRef(long base, long size, long vmoOffset, VmObject vmo) {
        long end() {
            return base + size;
        }
    }

    /** A process at one moment; {@code present} is false once the caller can no longer reach it. */
    record ProcessSnap(long koid, String name, boolean alive, boolean present, List<MapEntry> entries,
                       List<MapRef> mappings) {
    }

    /** A VMO at one moment. */
    record VmoSnap(long koid, String name, long size, CachePolicy cachePolicy, boolean resizable, boolean present,
                   VmObject vmo) {
    }

    private final Map<Long, NavigableMap<Long, ProcessSnap>> processes = new HashMap<>();
    private final Map<Long, NavigableMap<Long, VmoSnap>> vmos = new HashMap<>();
    private final NavigableMap<Long, List<KernelInspector.HandleInfo>> handles = new TreeMap<>();
    private long bytes;

    long bytes() {
        return bytes;
    }

    /** Snapshots everything the caller can reach, as the starting point at {@code sequence}. */
    void baseline(KernelState k, long sequence) {
        Set<Long> seen = new HashSet<>();
        for (Handle h : k.handles.all()) {
            capture(k, h.object(), sequence, seen);
        }
        captureVmo(k.vdso, sequence);
        captureHandles(k, sequence);
    }

    /** Snapshots what {@code changes} says a call changed. */
    void record(KernelState k, long sequence, List<StructureChange> changes) {
        Set<Long> seen = new HashSet<>();
        boolean handleTable = false;
        for (StructureChange c : changes) {
            switch (c.kind()) {
                case HANDLE -> {
                    handleTable = true;
                    capture(k, k.objects.any(c.koid()), sequence, seen);
                }
                case BOOT_OPTIONS -> { }
                default -> capture(k, k.objects.any(c.koid()), sequence, seen);
            }
        }
        if (handleTable) {
            captureHandles(k, sequence);
        }
    }

    /** A process with its VMOs, or a VMO with the processes that map it (its name shows in their maps). */
    private void capture(KernelState k, KernelObject o, long sequence, Set<Long> seen) {
        if (o == null || !seen.add(o.koid)) {
            return;
        }
        if (o instanceof ProcessObject p) {
            ProcessSnap snap = captureProcess(p, sequence);
            for (MapRef m : snap.mappings()) {
                if (seen.add(m.vmo().koid)) {
                    captureVmo(m.vmo(), sequence);
                }
            }
        } else if (o instanceof VmObject v) {
            captureVmo(v, sequence);
            for (VmMapping m : new ArrayList<>(v.mappings())) {
                capture(k, m.parent.process, sequence, seen);
            }
        }
    }

    private ProcessSnap captureProcess(ProcessObject p, long sequence) {
        List<MapEntry> entries = new ArrayList<>();
        List<MapRef> refs = new ArrayList<>();
        VmAddressRegion root = p.rootVmar();
        if (root != null) {
            root.describe(entries);
            for (VmMapping m : root.mappingsOverlapping(root.base(), root.end())) {
                refs.add(new MapRef(m.base(), m.size(), m.vmoOffset, m.vmo));
            }
        }
        ProcessSnap snap = new ProcessSnap(p.koid, p.name(), p.alive(), p.reachable(), List.copyOf(entries),
                List.copyOf(refs));
        put(processes, p.koid, sequence, snap, 64 + 96L * entries.size());
        return snap;
    }

    private void captureVmo(VmObject v, long sequence) {
        VmoSnap snap = new VmoSnap(v.koid, v.name(), v.size(), v.cachePolicy(), v.resizable(), v.reachable(), v);
        put(vmos, v.koid, sequence, snap, 96);
    }

    private void captureHandles(KernelState k, long sequence) {
        List<KernelInspector.HandleInfo> out = new ArrayList<>();
        for (Handle h : k.handles.all()) {
            out.add(new KernelInspector.HandleInfo(h.value(), h.object().koid, h.object().type(), h.object().name(),
                    h.rights()));
        }
        out.sort(Comparator.comparingLong(KernelInspector.HandleInfo::koid)
                .thenComparingInt(KernelInspector.HandleInfo::handle));
        handles.put(sequence, List.copyOf(out));
        bytes += 48 + 64L * out.size();
    }

    private <S> void put(Map<Long, NavigableMap<Long, S>> by, long koid, long sequence, S snap, long cost) {
        by.computeIfAbsent(koid, x -> new TreeMap<>()).put(sequence, snap);
        bytes += cost + 48;
    }

    // ---- the structure at a moment ----

    /** Every process the caller reached just after {@code sequence}, in koid order. */
    List<ProcessSnap> processesAt(long sequence) {
        List<ProcessSnap> out = new ArrayList<>();
        for (NavigableMap<Long, ProcessSnap> m : processes.values()) {
            Map.Entry<Long, ProcessSnap> e = m.floorEntry(sequence);
            if (e != null && e.getValue().present()) {
                out.add(e.getValue());
            }
        }
        out.sort(Comparator.comparingLong(ProcessSnap::koid));
        return out;
    }

    ProcessSnap processAt(long koid, long sequence) {
        NavigableMap<Long, ProcessSnap> m = processes.get(koid);
        Map.Entry<Long, ProcessSnap> e = m == null ? null : m.floorEntry(sequence);
        return e == null ? null : e.getValue();
    }

    VmoSnap vmoAt(long koid, long sequence) {
        NavigableMap<Long, VmoSnap> m = vmos.get(koid);
        Map.Entry<Long, VmoSnap> e = m == null ? null : m.floorEntry(sequence);
        return e == null ? null : e.getValue();
    }

    List<KernelInspector.HandleInfo> handlesAt(long sequence) {
        Map.Entry<Long, List<KernelInspector.HandleInfo>> e = handles.floorEntry(sequence);
        return e == null ? List.of() : e.getValue();
    }

    /**
     * Forgets every snapshot no moment at or after {@code horizon} needs: for each object, those older than its
     * latest one at or before the horizon.
     */
    void prune(long horizon) {
        pruneAll(processes, horizon, s -> 64 + 96L * s.entries().size());
        pruneAll(vmos, horizon, s -> 96);
        Long keep = handles.floorKey(horizon);
        if (keep != null) {
            NavigableMap<Long, List<KernelInspector.HandleInfo>> old = handles.headMap(keep, false);
            for (List<KernelInspector.HandleInfo> l : old.values()) {
                bytes -= 48 + 64L * l.size();
            }
            old.clear();
        }
    }

    private <S> void pruneAll(Map<Long, NavigableMap<Long, S>> by, long horizon,
                              java.util.function.ToLongFunction<S> cost) {
        for (NavigableMap<Long, S> m : by.values()) {
            Long keep = m.floorKey(horizon);
            if (keep != null) {
                NavigableMap<Long, S> old = m.headMap(keep, false);
                for (S s : old.values()) {
                    bytes -= cost.applyAsLong(s) + 48;
                }
                old.clear();
            }
        }
    }
}
