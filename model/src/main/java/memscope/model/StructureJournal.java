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

    // ---- sessions ----

    /** Every VMO a snapshot refers to. */
    void forEachVmo(java.util.function.Consumer<VmObject> action) {
        for (NavigableMap<Long, ProcessSnap> m : processes.values()) {
            m.values().forEach(p -> p.mappings().forEach(r -> action.accept(r.vmo())));
        }
        for (NavigableMap<Long, VmoSnap> m : vmos.values()) {
            m.values().forEach(v -> action.accept(v.vmo()));
        }
    }

    /** One snapshot read from a session: a process, a VMO or the handle table after call {@code sequence}. */
    record Snapshot(long sequence, Object snap) {
    }

    /** Resolves a VMO koid while reading, refusing the session for an unknown one. */
    interface VmoResolver {
        VmObject vmo(long koid) throws SessionException;
    }

    void write(java.io.DataOutputStream d) throws java.io.IOException {
        List<java.util.Map.Entry<Long, ProcessSnap>> ps = new ArrayList<>();
        processes.values().forEach(m -> ps.addAll(m.entrySet()));
        d.writeLong(ps.size());
        for (Map.Entry<Long, ProcessSnap> e : ps) {
            ProcessSnap p = e.getValue();
            d.writeLong(e.getKey());
            d.writeLong(p.koid());
            HistoryCodec.str(d, p.name());
            d.writeBoolean(p.alive());
            d.writeBoolean(p.present());
            d.writeLong(p.entries().size());
            for (MapEntry m : p.entries()) {
                HistoryCodec.str(d, m.name());
                d.writeLong(m.base());
                d.writeLong(m.size());
                d.writeInt(m.depth());
                d.writeBoolean(m.isMapping());
                d.writeInt(m.permissions());
                d.writeLong(m.vmoKoid());
                d.writeLong(m.vmoOffset());
            }
            d.writeLong(p.mappings().size());
            for (MapRef r : p.mappings()) {
                d.writeLong(r.base());
                d.writeLong(r.size());
                d.writeLong(r.vmoOffset());
                d.writeLong(r.vmo().koid);
            }
        }
        List<Map.Entry<Long, VmoSnap>> vs = new ArrayList<>();
        vmos.values().forEach(m -> vs.addAll(m.entrySet()));
        d.writeLong(vs.size());
        for (Map.Entry<Long, VmoSnap> e : vs) {
            VmoSnap v = e.getValue();
            d.writeLong(e.getKey());
            d.writeLong(v.koid());
            HistoryCodec.str(d, v.name());
            d.writeLong(v.size());
            d.writeByte(v.cachePolicy().value());
            d.writeBoolean(v.resizable());
            d.writeBoolean(v.present());
        }
        d.writeLong(handles.size());
        for (Map.Entry<Long, List<KernelInspector.HandleInfo>> e : handles.entrySet()) {
            d.writeLong(e.getKey());
            d.writeLong(e.getValue().size());
            for (KernelInspector.HandleInfo h : e.getValue()) {
                d.writeInt(h.handle());
                d.writeLong(h.koid());
                d.writeByte(h.type().ordinal());
                HistoryCodec.str(d, h.name());
                d.writeInt(h.rights());
            }
        }
    }

    static List<Snapshot> read(SessionPayload p, long last, VmoResolver vmos) throws SessionException {
        List<Snapshot> out = new ArrayList<>();
        long n = p.count(HistoryCodec.what("processSnapshots"), 8 + 8 + 2 + 1 + 1 + 8 + 8);
        for (long i = 0; i < n; i++) {
            long sequence = sequence(p, last);
            long koid = p.u64(HistoryCodec.what("koid"));
            String name = p.string(HistoryCodec.what("processName"));
            boolean alive = p.bool(HistoryCodec.what("alive"));
            boolean present = p.bool(HistoryCodec.what("present"));
            long entries = p.count(HistoryCodec.what("entries"), 2 + 8 + 8 + 4 + 1 + 4 + 8 + 8);
            List<MapEntry> list = new ArrayList<>();
            for (long j = 0; j < entries; j++) {
                list.add(new MapEntry(p.string(HistoryCodec.what("entryName")), p.u64(HistoryCodec.what("base")),
                        p.u64(HistoryCodec.what("size")), p.u32(HistoryCodec.what("depth")),
                        p.bool(HistoryCodec.what("isMapping")), p.u32(HistoryCodec.what("permissions")),
                        p.u64(HistoryCodec.what("vmoKoid")), p.u64(HistoryCodec.what("vmoOffset"))));
            }
            long maps = p.count(HistoryCodec.what("mappings"), 8 * 4);
            List<MapRef> refs = new ArrayList<>();
            long end = 0;
            for (long j = 0; j < maps; j++) {
                long base = p.u64(HistoryCodec.what("base"));
                long size = p.u64(HistoryCodec.what("size"));
                long offset = p.u64(HistoryCodec.what("vmoOffset"));
                VmObject vmo = vmos.vmo(p.u64(HistoryCodec.what("vmoKoid")));
                // in address order and apart, as a process's maps always are
                if (base < end || size <= 0 || base + size < base || offset < 0) {
                    throw p.fail(ModelWords.of("session.history.badValue", HistoryCodec.what("base"), base));
                }
                end = base + size;
                refs.add(new MapRef(base, size, offset, vmo));
            }
            entriesMatch(p, list, refs);
            out.add(new Snapshot(sequence, new ProcessSnap(koid, name, alive, present, List.copyOf(list),
                    List.copyOf(refs))));
        }
        n = p.count(HistoryCodec.what("vmoSnapshots"), 8 + 8 + 2 + 8 + 1 + 1 + 1);
        for (long i = 0; i < n; i++) {
            long sequence = sequence(p, last);
            VmObject vmo = vmos.vmo(p.u64(HistoryCodec.what("koid")));
            String name = p.string(HistoryCodec.what("vmoName"));
            long size = p.u64(HistoryCodec.what("vmoSize"));
            CachePolicy policy = HistoryCodec.policy(p.u8(HistoryCodec.what("vmoCachePolicy")));
            if (policy == null || size < 0 || size > ObjectCalls.MAX_VMO_SIZE || !KernelState.pageAligned(size)) {
                throw p.fail(ModelWords.of("session.history.badValue", HistoryCodec.what("vmoSize"), size));
            }
            out.add(new Snapshot(sequence, new VmoSnap(vmo.koid, name, size, policy,
                    p.bool(HistoryCodec.what("vmoResizable")), p.bool(HistoryCodec.what("present")), vmo)));
        }
        n = p.count(HistoryCodec.what("handleSnapshots"), 8 + 8);
        for (long i = 0; i < n; i++) {
            long sequence = sequence(p, last);
            long count = p.count(HistoryCodec.what("handles"), 4 + 8 + 1 + 2 + 4);
            List<KernelInspector.HandleInfo> list = new ArrayList<>();
            for (long j = 0; j < count; j++) {
                int value = p.u32(HistoryCodec.what("handle"));
                long koid = p.u64(HistoryCodec.what("koid"));
                int type = p.u8(HistoryCodec.what("objectType"));
                if (type >= ObjectType.values().length) {
                    throw p.fail(ModelWords.of("session.history.badValue", HistoryCodec.what("objectType"), type));
                }
                list.add(new KernelInspector.HandleInfo(value, koid, ObjectType.values()[type],
                        p.string(HistoryCodec.what("objectName")), p.u32(HistoryCodec.what("rights"))));
            }
            out.add(new Snapshot(sequence, List.copyOf(list)));
        }
        return out;
    }

    /**
     * The rows a past moment shows must be ones the process could have had: every region and mapping of positive
     * size that does not wrap, and the mapping rows exactly the maps read (in address order, as
     * {@link VmAddressRegion#describe} lists them), so the window never reads a mapping the history cannot.
     */
    private static void entriesMatch(SessionPayload p, List<MapEntry> entries, List<MapRef> refs)
            throws SessionException {
        int next = 0;
        for (MapEntry e : entries) {
            if (e.size() <= 0 || e.base() < 0 || e.base() + e.size() < e.base() || e.depth() < 0
                    || e.vmoOffset() < 0) {
                throw p.fail(ModelWords.of("session.history.badValue", HistoryCodec.what("size"), e.size()));
            }
            if (e.isMapping()) {
                MapRef r = next < refs.size() ? refs.get(next++) : null;
                if (r == null || r.base() != e.base() || r.size() != e.size() || r.vmoOffset() != e.vmoOffset()
                        || r.vmo().koid != e.vmoKoid()) {
                    throw p.fail(ModelWords.of("session.history.badValue", HistoryCodec.what("base"), e.base()));
                }
            }
        }
        if (next != refs.size()) {
            throw p.fail(ModelWords.of("session.history.badValue", HistoryCodec.what("mappings"), refs.size()));
        }
    }

    private static long sequence(SessionPayload p, long last) throws SessionException {
        long sequence = p.u64(HistoryCodec.what("sequence"));
        if (sequence < 0 || sequence > last) {
            throw p.fail(ModelWords.of("session.history.order", sequence, last));
        }
        return sequence;
    }

    /** Puts back the snapshots a session held (read and checked by {@link #read}). */
    @SuppressWarnings("unchecked")
    void restore(List<Snapshot> snapshots) {
        for (Snapshot s : snapshots) {
            if (s.snap() instanceof ProcessSnap p) {
                put(processes, p.koid(), s.sequence(), p, 64 + 96L * p.entries().size());
            } else if (s.snap() instanceof VmoSnap v) {
                put(vmos, v.koid(), s.sequence(), v, 96);
            } else {
                List<KernelInspector.HandleInfo> l = (List<KernelInspector.HandleInfo>) s.snap();
                handles.put(s.sequence(), l);
                bytes += 48 + 64L * l.size();
            }
        }
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
