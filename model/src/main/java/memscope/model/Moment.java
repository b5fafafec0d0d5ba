package memscope.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The whole kernel as it was just after one recorded call (an addition to the contract, from
 * {@link History#at}): its processes, their maps, its handles and every byte, read-only. The structure is the
 * latest snapshot of each object at that moment; bytes are rebuilt page by page when read. A moment the cap has
 * since dropped behind the horizon reads nothing (its reads return 0 or false).
 */
public final class Moment {
    private final History history;
    private final long sequence;

    Moment(History history, long sequence) {
        this.history = history;
        this.sequence = sequence;
    }

    /** The number of the call this moment follows. */
    public long sequence() {
        return sequence;
    }

    /** Every process the caller could reach then, in koid order. */
    public List<KernelInspector.ProcessInfo> processes() {
        return locked(() -> {
            List<KernelInspector.ProcessInfo> out = new ArrayList<>();
            if (valid()) {
                for (StructureJournal.ProcessSnap p : history.structureJournal().processesAt(sequence)) {
                    out.add(new KernelInspector.ProcessInfo(p.koid(), p.name(), p.alive()));
                }
            }
            return out;
        });
    }

    public Optional<KernelInspector.ProcessInfo> process(long koid) {
        return locked(() -> {
            StructureJournal.ProcessSnap p = snap(koid);
            return p == null ? Optional.<KernelInspector.ProcessInfo>empty()
                    : Optional.of(new KernelInspector.ProcessInfo(p.koid(), p.name(), p.alive()));
        });
    }

    /** The process's maps then, as {@code processMaps} gave them; empty for a dead or unknown process. */
    public List<MapEntry> maps(long processKoid) {
        return locked(() -> {
            StructureJournal.ProcessSnap p = snap(processKoid);
            return p == null ? List.<MapEntry>of() : p.entries();
        });
    }

    /** The caller's handles then, in koid order. */
    public List<KernelInspector.HandleInfo> handles() {
        return locked(() -> valid() ? history.structureJournal().handlesAt(sequence)
                : List.<KernelInspector.HandleInfo>of());
    }

    /**
     * A VMO then: its name, size, cache policy, and how many mappings showed it. The history does not keep
     * {@code committedPages}: it is 0.
     */
    public Optional<KernelInspector.VmoInfo> vmo(long koid) {
        return locked(() -> {
            StructureJournal.VmoSnap v = valid() ? history.structureJournal().vmoAt(koid, sequence) : null;
            if (v == null || !v.present()) {
                return Optional.<KernelInspector.VmoInfo>empty();
            }
            int mappings = 0;
            for (StructureJournal.ProcessSnap p : history.structureJournal().processesAt(sequence)) {
                for (StructureJournal.MapRef m : p.mappings()) {
                    mappings += m.vmo().koid == koid ? 1 : 0;
                }
            }
            return Optional.of(new KernelInspector.VmoInfo(v.koid(), v.name(), v.size(), v.cachePolicy(),
                    v.resizable(), v.vmo().isVdso(), mappings, 0));
        });
    }

    /**
     * Copies the VMO's bytes at {@code offset} then into {@code into}; false (and nothing guaranteed in
     * {@code into}) when the VMO was unknown then, the range passes its size then, or a page cannot be read.
     */
    public boolean readVmo(long vmoKoid, long offset, byte[] into) {
        return locked(() -> {
            StructureJournal.VmoSnap v = valid() ? history.structureJournal().vmoAt(vmoKoid, sequence) : null;
            if (v == null || offset < 0 || offset > v.size() || into.length > v.size() - offset) {
                return false;
            }
            return history.byteJournal().read(v.vmo(), offset, into, 0, into.length, sequence);
        });
    }

    /**
     * As {@link KernelInspector#peek}, then: copies process memory at {@code address} into {@code into} across
     * adjacent mappings, stopping at the first byte nothing backed; returns how many bytes it copied.
     */
    public int peek(long processKoid, long address, byte[] into) {
        BitSet copied = new BitSet(into.length);
        peekAll(processKoid, address, into, copied);
        int n = copied.nextClearBit(0);
        java.util.Arrays.fill(into, Math.min(n, into.length), into.length, (byte) 0);
        return Math.min(n, into.length);
    }

    /** As {@link KernelInspector#peekAll}, then: every byte a mapping backed and that read is copied and marked. */
    public int peekAll(long processKoid, long address, byte[] into, BitSet copied) {
        java.util.Arrays.fill(into, (byte) 0);
        copied.clear(0, into.length);
        return locked(() -> {
            StructureJournal.ProcessSnap p = snap(processKoid);
            if (p == null) {
                return 0;
            }
            long end = address + into.length;
            int total = 0;
            List<StructureJournal.MapRef> maps = p.mappings();
            for (int i = firstEndingAfter(maps, address); i < maps.size() && maps.get(i).base() < end; i++) {
                StructureJournal.MapRef m = maps.get(i);
                StructureJournal.VmoSnap v = history.structureJournal().vmoAt(m.vmo().koid, sequence);
                long vmoSize = v == null ? 0 : v.size();
                long from = Math.max(address, m.base());
                long to = Math.min(m.end(), end);
                long offset = m.vmoOffset() + (from - m.base());
                int n = (int) Math.max(0, Math.min(to - from, vmoSize - offset));
                int at = (int) (from - address);
                for (int done = 0; done < n; ) {
                    int chunk = (int) Math.min(n - done,
                            Kernel.PAGE_SIZE - ((offset + done) & (Kernel.PAGE_SIZE - 1)));
                    if (history.byteJournal().read(m.vmo(), offset + done, into, at + done, chunk, sequence)) {
                        copied.set(at + done, at + done + chunk);
                        total += chunk;
                    } else {
                        java.util.Arrays.fill(into, at + done, at + done + chunk, (byte) 0);
                    }
                    done += chunk;
                }
            }
            return total;
        });
    }

    /** The index of the first mapping (in address order) that ends above {@code address}. */
    private static int firstEndingAfter(List<StructureJournal.MapRef> maps, long address) {
        int lo = 0;
        int hi = maps.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maps.get(mid).end() <= address) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A live process's snapshot then, or null. */
    private StructureJournal.ProcessSnap snap(long koid) {
        StructureJournal.ProcessSnap p = valid() ? history.structureJournal().processAt(koid, sequence) : null;
        return p == null || !p.present() ? null : p;
    }

    /** Still inside the retained history (the cap may have dropped it since, or recording stopped). */
    private boolean valid() {
        return history.recording() && history.structureJournal() != null && sequence >= history.horizonLocked();
    }

    private <T> T locked(java.util.function.Supplier<T> body) {
        KernelState k = history.state();
        k.lock.readLock().lock();
        try {
            return body.get();
        } finally {
            k.lock.readLock().unlock();
        }
    }
}
