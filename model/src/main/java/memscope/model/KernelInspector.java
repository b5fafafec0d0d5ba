package memscope.model;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Read-only questions an inspector asks that no syscall answers directly (which handles exist, what a VMO is
 * called, whether a process is alive). Answers are snapshots taken under the read lock.
 */
public final class KernelInspector {
    private final KernelState k;

    KernelInspector(KernelState k) {
        this.k = k;
    }

    /** A handle in the caller's table. */
    public record HandleInfo(int handle, long koid, ObjectType type, String name, int rights) {
    }

    /** A VMO's properties; {@code mappingCount} above 1 means it is shared. */
    public record VmoInfo(long koid, String name, long size, CachePolicy cachePolicy, boolean resizable,
                          boolean vdso, int mappingCount, int committedPages) {
        public boolean shared() {
            return mappingCount > 1;
        }
    }

    /** A process's name and whether it still has an address space. */
    public record ProcessInfo(long koid, String name, boolean alive) {
    }

    /** A mapping as Mach sees it too: its current and maximum protection. */
    public record MappingInfo(long base, long size, int perms, int maxPerms, long vmoKoid, long vmoOffset,
                              boolean permanent) {
    }

    /** Every handle in the caller's table, in koid order. */
    public List<HandleInfo> handles() {
        k.lock.readLock().lock();
        try {
            List<HandleInfo> out = new ArrayList<>();
            for (Handle h : k.handles.all()) {
                out.add(new HandleInfo(h.value(), h.object().koid, h.object().type(), h.object().name(), h.rights()));
            }
            out.sort(Comparator.comparingLong(HandleInfo::koid).thenComparingInt(HandleInfo::handle));
            return out;
        } finally {
            k.lock.readLock().unlock();
        }
    }

    public Optional<HandleInfo> handle(int value) {
        k.lock.readLock().lock();
        try {
            Handle h = k.handles.get(value);
            return h == null ? Optional.empty()
                    : Optional.of(new HandleInfo(h.value(), h.object().koid, h.object().type(), h.object().name(),
                            h.rights()));
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /** Where the VMAR behind handle {@code value} starts; empty when it names no VMAR. */
    public java.util.OptionalLong vmarBase(int value) {
        k.lock.readLock().lock();
        try {
            Handle h = k.handles.get(value);
            return h != null && h.object() instanceof VmAddressRegion v ? java.util.OptionalLong.of(v.base())
                    : java.util.OptionalLong.empty();
        } finally {
            k.lock.readLock().unlock();
        }
    }

    public Optional<VmoInfo> vmo(long koid) {
        k.lock.readLock().lock();
        try {
            VmObject v = findVmo(koid);
            return v == null ? Optional.empty()
                    : Optional.of(new VmoInfo(v.koid, v.name(), v.size(), v.cachePolicy(), v.resizable(), v.isVdso(),
                            v.mappings().size(), v.pages().committedPages()));
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /** The process with this koid, while the caller holds a handle to it. */
    public Optional<ProcessInfo> process(long koid) {
        k.lock.readLock().lock();
        try {
            ProcessObject p = k.objects.find(koid, ProcessObject.class);
            return p == null ? Optional.empty() : Optional.of(new ProcessInfo(p.koid, p.name(), p.alive()));
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /**
     * The part of a live process's maps (as {@code ZX_INFO_PROCESS_MAPS} gives them) that overlaps
     * {@code [start, end)}: every VMAR and mapping overlapping it, with their ancestors, depth first in address
     * order. Costs O(depth log n + answer), so a view can re-read the range a {@link StructureChange.Region} names.
     * Empty for an unknown or dead process.
     */
    public List<MapEntry> mapsIn(long processKoid, long start, long end) {
        k.lock.readLock().lock();
        try {
            ProcessObject p = k.objects.find(processKoid, ProcessObject.class);
            if (p == null || p.rootVmar() == null || end <= start) {
                return List.of();
            }
            List<MapEntry> out = new ArrayList<>();
            p.rootVmar().describe(out, start, end);
            return List.copyOf(out);
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /** Where a VMO is mapped: one mapping's process and range. */
    public record VmoMapping(long processKoid, long base, long size) {
    }

    /** Every mapping of the VMO with this koid, in no particular order (empty for an unknown VMO). */
    public List<VmoMapping> mappingsOf(long vmoKoid) {
        k.lock.readLock().lock();
        try {
            VmObject v = findVmo(vmoKoid);
            if (v == null) {
                return List.of();
            }
            List<VmoMapping> out = new ArrayList<>();
            for (VmMapping m : v.mappings()) {
                out.add(new VmoMapping(m.parent.process.koid, m.base(), m.size()));
            }
            return out;
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /** The mapping containing {@code address} in the process behind {@code processHandle}, if any. */
    public Optional<MappingInfo> mappingAt(int processHandle, long address) {
        k.lock.readLock().lock();
        try {
            Handle h = k.handles.get(processHandle);
            if (h == null || !(h.object() instanceof ProcessObject p) || p.rootVmar() == null) {
                return Optional.empty();
            }
            VmMapping m = p.rootVmar().findMapping(address);
            return m == null ? Optional.empty()
                    : Optional.of(new MappingInfo(m.base(), m.size(), m.perms(), m.maxPerms(), m.vmo.koid,
                            m.vmoOffset, m.permanent));
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /**
     * Copies process memory at {@code address} into {@code into} as a kernel debugger sees it: no rights, no
     * syscall record, across adjacent mappings, whatever the cache policy. Stops at the first byte no mapping or
     * VMO backs, or whose file cannot be read; returns how many bytes it copied (0 for a bad handle or a dead
     * process).
     */
    public int peek(int processHandle, long address, byte[] into) {
        k.lock.readLock().lock();
        try {
            Handle h = k.handles.get(processHandle);
            if (h == null || !(h.object() instanceof ProcessObject p) || p.rootVmar() == null) {
                return 0;
            }
            int done = 0;
            while (done < into.length) {
                long at = address + done;
                VmMapping m = p.rootVmar().findMapping(at);
                long offset = m == null ? 0 : m.vmoOffsetOf(at);
                if (m == null || offset >= m.vmo.size()) {
                    break;
                }
                long room = Math.min(m.end() - at, m.vmo.size() - offset);
                int n = (int) Math.min(room, into.length - done);
                int read = readReadable(m.vmo, offset, into, done, n);
                done += read;
                if (read < n) {
                    break;
                }
            }
            return done;
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /**
     * As {@link #peek}, but goes on past what it cannot read: every byte of {@code into} that a mapping backs and
     * whose page reads is copied and its bit set in {@code copied} (bits of the other bytes are cleared, their
     * bytes zeroed). So a window with an unreadable page or a hole in its middle still shows everything around
     * it. Returns how many bytes it copied (0 for a bad handle or a dead process).
     */
    public int peekAll(int processHandle, long address, byte[] into, java.util.BitSet copied) {
        java.util.Arrays.fill(into, (byte) 0);
        copied.clear(0, into.length);
        k.lock.readLock().lock();
        try {
            Handle h = k.handles.get(processHandle);
            if (h == null || !(h.object() instanceof ProcessObject p) || p.rootVmar() == null) {
                return 0;
            }
            long end = address + into.length;
            int total = 0;
            for (VmMapping m : p.rootVmar().mappingsOverlapping(address, end < address ? Long.MAX_VALUE : end)) {
                long from = Math.max(address, m.base());
                long to = Math.min(m.end(), address + into.length);
                long offset = m.vmoOffsetOf(from);
                int n = (int) Math.max(0, Math.min(to - from, m.vmo.size() - offset));
                int at = (int) (from - address);
                for (int done = 0; done < n; ) {
                    int chunk = (int) Math.min(n - done,
                            Kernel.PAGE_SIZE - ((offset + done) & (Kernel.PAGE_SIZE - 1)));
                    if (readReadable(m.vmo, offset + done, into, at + done, chunk) == chunk) {
                        copied.set(at + done, at + done + chunk);
                        total += chunk;
                    } else {
                        java.util.Arrays.fill(into, at + done, at + done + chunk, (byte) 0);
                    }
                    done += chunk;
                }
            }
            return total;
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /** The shape of the live process's address space (its root VMAR's range), if the handle names one. */
    public Optional<AddressSpaceLayout> layout(int processHandle) {
        k.lock.readLock().lock();
        try {
            Handle h = k.handles.get(processHandle);
            return h == null || !(h.object() instanceof ProcessObject p) || p.rootVmar() == null ? Optional.empty()
                    : Optional.of(p.layout());
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /**
     * Reads what it can of {@code n} bytes, page by page once a page fails: a page its file can no longer supply
     * is as unbacked as a hole. Returns the bytes read.
     */
    private static int readReadable(VmObject vmo, long offset, byte[] into, int at, int n) {
        try {
            vmo.read(offset, into, at, n);
            return n;
        } catch (UncheckedIOException e) {
            int done = 0;
            while (done < n) {
                int chunk = (int) Math.min(n - done, Kernel.PAGE_SIZE - ((offset + done) & (Kernel.PAGE_SIZE - 1)));
                try {
                    vmo.read(offset + done, into, at + done, chunk);
                } catch (UncheckedIOException again) {
                    return done;
                }
                done += chunk;
            }
            return done;
        }
    }

    /**
     * The indices of the pages of VMO {@code koid} that hold written data (for a file-backed VMO: the pages
     * changed since it was created), ascending; empty for an unknown koid.
     */
    public long[] committedPages(long koid) {
        k.lock.readLock().lock();
        try {
            VmObject v = findVmo(koid);
            if (v == null) {
                return new long[0];
            }
            long[] out = new long[v.pages().committedPages()];
            int[] n = {0};
            v.pages().forEachCommitted(index -> out[n[0]++] = index);
            java.util.Arrays.sort(out);
            return out;
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /** The koid of the vDSO VMO that every process maps. */
    public long vdsoKoid() {
        return k.vdso.koid;
    }

    /** A VMO the caller reaches through a handle or a mapping (see {@link VmObject#reachable()}), or null. */
    private VmObject findVmo(long koid) {
        return k.objects.find(koid, VmObject.class);
    }
}
