package memscope.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import memscope.model.history.Caller;
import memscope.model.text.Text;

/**
 * The history's part of a session (the {@code HIST} sections, see resources/sessions/FORMAT.md): its numbers,
 * the VMOs only the history still refers to (with their pages), the recorded calls with their overwritten bytes,
 * and the structure snapshots. Reading checks every number and reference and builds nothing in the kernel until
 * all of it has been read, so a damaged history refuses the whole session.
 */
final class HistoryCodec {
    static final int VERSION = 1;
    private static final int PAGE = Kernel.PAGE_SIZE;

    private HistoryCodec() {
    }

    // ---- writing ----

    /** Writes the history of {@code k}; {@code saved} are the VMOs the session itself holds. Under the read lock. */
    static void write(KernelState k, Set<VmObject> saved, DataOutputStream d) throws IOException {
        History h = k.history;
        StructureJournal s = h.structureJournal();
        d.writeInt(VERSION);
        d.writeLong(h.horizonLocked());
        d.writeLong(k.bus.currentSequence());
        d.writeLong(h.cap());
        // the VMOs only the history refers to: a closed, unmapped VMO a moment still shows
        Map<Long, VmObject> only = new LinkedHashMap<>();
        List<HistoryStep> steps = h.stepsBetween(Long.MIN_VALUE, Long.MAX_VALUE);
        for (HistoryStep step : steps) {
            step.deltas().forEach(x -> keep(x.vmo, saved, k, only));
        }
        s.forEachVmo(v -> keep(v, saved, k, only));
        d.writeLong(only.size());
        for (VmObject v : only.values()) {
            d.writeLong(v.koid);
            str(d, v.name());
            d.writeLong(v.size());
            d.writeBoolean(v.resizable());
            d.writeByte(v.cachePolicy().value());
            long[] pages = new long[v.pages().committedPages()];
            int[] n = {0};
            v.pages().forEachCommitted(p -> pages[n[0]++] = p);
            java.util.Arrays.sort(pages);
            d.writeLong(pages.length);
            byte[] page = new byte[PAGE];
            for (long p : pages) {
                v.read(p * PAGE, page, 0, PAGE);
                d.writeLong(p);
                d.write(page);
            }
        }
        d.writeLong(steps.size());
        for (HistoryStep step : steps) {
            d.writeLong(step.sequence);
            str(d, step.name);
            d.writeByte(step.caller.ordinal());
            d.writeBoolean(step.refused);
            List<ByteDelta> deltas = step.deltas();
            d.writeLong(deltas.size());
            for (ByteDelta x : deltas) {
                d.writeLong(x.vmo.koid);
                d.writeLong(x.offset);
                d.writeInt(x.length);
                d.write(x.store, x.pos, x.length);
            }
            List<StructureChange> structure = step.structure == null ? List.of() : step.structure;
            d.writeLong(structure.size());
            for (StructureChange c : structure) {
                d.writeByte(c.kind().ordinal());
                d.writeLong(c.koid());
            }
        }
        s.write(d);
    }

    private static void keep(VmObject v, Set<VmObject> saved, KernelState k, Map<Long, VmObject> only) {
        if (v != k.vdso && !saved.contains(v)) {
            only.putIfAbsent(v.koid, v);
        }
    }

    static void str(DataOutputStream d, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        d.writeShort(b.length);
        d.write(b);
    }

    // ---- reading ----

    /** What a history section said, checked, ready to be put into the new kernel. */
    record Image(long horizon, long lastSequence, long cap, List<HistoryStep> steps,
                 List<StructureJournal.Snapshot> snapshots) {
    }

    /** Reads and checks the whole history against the kernel the session built (which it does not change). */
    static Image read(SessionPayload p, KernelState k) throws SessionException {
        int version = p.u32(what("version"));
        if (version != VERSION) {
            throw p.fail(ModelWords.of("session.history.version", version, VERSION));
        }
        long horizon = p.u64(what("horizon"));
        long last = p.u64(what("lastSequence"));
        long cap = p.u64(what("cap"));
        if (horizon < 0 || last < horizon) {
            throw p.fail(ModelWords.of("session.history.order", horizon, last));
        }
        if (cap < PAGE) {
            throw p.fail(ModelWords.of("session.history.badValue", what("cap"), cap));
        }
        Map<Long, VmObject> vmos = new HashMap<>();
        long count = p.count(what("vmos"), 8 + 2 + 8 + 1 + 1 + 8);
        for (long i = 0; i < count; i++) {
            long koid = p.u64(what("vmoKoid"));
            String name = p.string(what("vmoName"));
            long size = p.u64(what("vmoSize"));
            boolean resizable = p.bool(what("vmoResizable"));
            CachePolicy policy = policy(p.u8(what("vmoCachePolicy")));
            if (koid <= k.vdso.koid || koid > k.lastKoid() || k.objects.any(koid) != null || vmos.containsKey(koid)) {
                throw p.fail(ModelWords.of("session.history.badValue", what("vmoKoid"), koid));
            }
            if (size < 0 || size > ObjectCalls.MAX_VMO_SIZE || !KernelState.pageAligned(size) || policy == null) {
                throw p.fail(ModelWords.of("session.history.badValue", what("vmoSize"), size));
            }
            VmObject v = new VmObject(koid, name, size, resizable, false, PageSource.ZERO);
            v.setCachePolicy(policy);
            long pages = p.count(what("pages"), 8 + PAGE);
            byte[] page = new byte[PAGE];
            long previous = -1;
            for (long j = 0; j < pages; j++) {
                long index = p.u64(what("pageIndex"));
                if (index <= previous || index >= size / PAGE) {
                    throw p.fail(ModelWords.of("session.history.badValue", what("pageIndex"), index));
                }
                previous = index;
                p.bytes(page, what("pageIndex"));
                v.write(index * PAGE, page, 0, PAGE);
            }
            vmos.put(koid, v);
        }
        List<HistoryStep> steps = new ArrayList<>();
        long stepCount = p.count(what("steps"), 8 + 2 + 1 + 1 + 8 + 8);
        long previous = horizon;
        for (long i = 0; i < stepCount; i++) {
            long sequence = p.u64(what("sequence"));
            if (sequence <= previous || sequence > last) {
                throw p.fail(ModelWords.of("session.history.order", previous, sequence));
            }
            previous = sequence;
            String name = p.string(what("callName"));
            int caller = p.u8(what("caller"));
            if (caller >= Caller.values().length) {
                throw p.fail(ModelWords.of("session.history.badValue", what("caller"), caller));
            }
            boolean refused = p.bool(what("refused"));
            long deltaCount = p.count(what("deltas"), 8 + 8 + 4 + 1);
            List<ByteDelta> deltas = new ArrayList<>();
            for (long j = 0; j < deltaCount; j++) {
                VmObject v = vmo(p, k, vmos, p.u64(what("vmoKoid")));
                long offset = p.u64(what("offset"));
                int length = p.u32(what("length"));
                if (offset < 0 || length <= 0 || length > Kernel.MAX_DEBUG_IO || offset > ObjectCalls.MAX_VMO_SIZE) {
                    throw p.fail(ModelWords.of("session.history.badValue", what("length"), length));
                }
                byte[] before = new byte[length];
                p.bytes(before, what("length"));
                deltas.add(new ByteDelta(v, offset, before, 0, length));
            }
            long changeCount = p.count(what("changes"), 1 + 8);
            List<StructureChange> changes = new ArrayList<>();
            for (long j = 0; j < changeCount; j++) {
                int kind = p.u8(what("changeKind"));
                if (kind >= StructureChange.Kind.values().length) {
                    throw p.fail(ModelWords.of("session.history.badValue", what("changeKind"), kind));
                }
                changes.add(new StructureChange(StructureChange.Kind.values()[kind], p.u64(what("koid"))));
            }
            steps.add(new HistoryStep(sequence, name, Caller.values()[caller], refused, deltas,
                    changes.isEmpty() ? null : List.copyOf(changes)));
        }
        List<StructureJournal.Snapshot> snapshots = StructureJournal.read(p, last,
                koid -> vmo(p, k, vmos, koid));
        p.end();
        return new Image(horizon, last, cap, steps, snapshots);
    }

    /** A VMO the session or the history itself defines; anything else refuses the session. */
    static VmObject vmo(SessionPayload p, KernelState k, Map<Long, VmObject> vmos, long koid)
            throws SessionException {
        VmObject v = vmos.get(koid);
        if (v == null && k.objects.any(koid) instanceof VmObject live) {
            v = live;
        }
        if (v == null) {
            throw p.fail(ModelWords.of("session.history.unknownVmo", koid));
        }
        return v;
    }

    /** The cache policy with this value, or null. */
    static CachePolicy policy(int value) {
        for (CachePolicy c : CachePolicy.values()) {
            if (c.value() == value) {
                return c;
            }
        }
        return null;
    }

    static Text what(String field) {
        return ModelWords.of("session.what.history", field);
    }
}
