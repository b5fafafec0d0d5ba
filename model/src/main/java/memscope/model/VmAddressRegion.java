package memscope.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A VMAR: a range of a process's address space holding non-overlapping children (sub-VMARs and mappings), kept in
 * a tree keyed by base so that finding the child at an address is O(log n) per level.
 */
final class VmAddressRegion extends KernelObject implements VmRegion {
    private final long base;
    private final long size;
    /** CAN_MAP_* flags: what may be mapped inside. */
    final int flags;
    final VmAddressRegion parent;
    final ProcessObject process;
    private final int depth;
    private final NavigableMap<Long, VmRegion> children = new TreeMap<>();
    /** The free space between the children, for placement without SPECIFIC. */
    private final GapIndex gaps;
    private boolean destroyed;

    VmAddressRegion(long koid, String name, ProcessObject process, VmAddressRegion parent, long base, long size,
                    int flags) {
        super(koid, name);
        this.process = process;
        this.parent = parent;
        this.base = base;
        this.size = size;
        this.flags = flags;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.gaps = new GapIndex(base, base + size);
    }

    @Override
    ObjectType type() {
        return ObjectType.VMAR;
    }

    @Override
    public long base() {
        return base;
    }

    @Override
    public long size() {
        return size;
    }

    int depth() {
        return depth;
    }

    boolean destroyed() {
        return destroyed;
    }

    /** The mapping that contains {@code address}, looking through sub-VMARs; null for a hole or a bare VMAR. */
    VmMapping findMapping(long address) {
        VmAddressRegion vmar = this;
        while (vmar.contains(address)) {
            Map.Entry<Long, VmRegion> e = vmar.children.floorEntry(address);
            if (e == null) {
                return null;
            }
            VmRegion child = e.getValue();
            if (!child.contains(address)) {
                return null;
            }
            if (child instanceof VmMapping m) {
                return m;
            }
            vmar = (VmAddressRegion) child;
        }
        return null;
    }

    /** True when {@code [start, start + length)} lies inside this VMAR and touches no child. */
    boolean isFree(long start, long length) {
        if (start < base || length <= 0 || length > size || start - base > size - length) {
            return false;
        }
        Map.Entry<Long, VmRegion> e = children.floorEntry(start + length - 1);
        return e == null || e.getValue().end() <= start;
    }

    /**
     * The highest free, page-aligned base for {@code length} bytes, or -1: like mmap, placement grows down. The
     * same children always give the same answer, which lessons and tests rely on.
     */
    long findFree(long length) {
        return length <= 0 ? -1 : gaps.highestFit(length);
    }

    /** Adds a child over free space (callers check with {@link #isFree} first). */
    void insert(VmRegion child) {
        children.put(child.base(), child);
        gaps.take(child.base(), child.end());
    }

    void remove(VmRegion child) {
        if (children.remove(child.base(), child)) {
            gaps.release(child.base(), child.end());
        }
    }

    /** The direct children overlapping {@code [start, end)}, in address order. */
    List<VmRegion> childrenOverlapping(long start, long end) {
        List<VmRegion> out = new ArrayList<>();
        Long from = children.floorKey(start);
        for (VmRegion child : children.tailMap(from == null ? start : from, true).values()) {
            if (child.base() >= end) {
                break;
            }
            if (child.end() > start) {
                out.add(child);
            }
        }
        return out;
    }

    /** Every mapping in this VMAR's subtree that overlaps {@code [start, end)}, in address order. */
    List<VmMapping> mappingsOverlapping(long start, long end) {
        List<VmMapping> out = new ArrayList<>();
        collectMappings(start, end, out);
        return out;
    }

    private void collectMappings(long start, long end, List<VmMapping> out) {
        for (VmRegion child : childrenOverlapping(start, end)) {
            if (child instanceof VmMapping m) {
                out.add(m);
            } else {
                ((VmAddressRegion) child).collectMappings(start, end, out);
            }
        }
    }

    /** The lowest mapping in this subtree that ends above {@code address}, or null: Mach's vm_region lookup. */
    VmMapping firstMappingEndingAfter(long address) {
        Long from = children.floorKey(address);
        for (VmRegion child : children.tailMap(from == null ? address : from, true).values()) {
            if (child.end() <= address) {
                continue;
            }
            if (child instanceof VmMapping m) {
                return m;
            }
            VmMapping inner = ((VmAddressRegion) child).firstMappingEndingAfter(address);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** Splits the mapping that straddles {@code address} (if any) so that a mapping boundary falls there. */
    void splitAt(long address) {
        VmMapping m = findMapping(address);
        if (m == null || m.base() == address) {
            return;
        }
        VmAddressRegion owner = m.parent;
        VmMapping low = m.slice(m.base(), address);
        VmMapping high = m.slice(address, m.end());
        owner.remove(m);
        m.vmo.removeMapping(m);
        owner.insert(low);
        owner.insert(high);
        m.vmo.addMapping(low);
        m.vmo.addMapping(high);
    }

    /** Removes a mapping of this VMAR from the tree and from its VMO. */
    void unmap(VmMapping m) {
        remove(m);
        m.vmo.removeMapping(m);
    }

    /** Destroys this VMAR and everything in it. */
    void destroy() {
        destroyed = true; // first, so children do not edit this tree while it is walked
        for (VmRegion child : children.values()) {
            if (child instanceof VmMapping m) {
                m.vmo.removeMapping(m);
            } else {
                ((VmAddressRegion) child).destroy();
            }
        }
        children.clear();
        if (parent != null && !parent.destroyed) {
            parent.remove(this);
        }
    }

    /** Appends this VMAR and its subtree, depth first in address order, as ZX_INFO_PROCESS_MAPS does. */
    void describe(List<MapEntry> out) {
        out.add(new MapEntry(name(), base, size, depth, false, 0, 0, 0));
        for (VmRegion child : children.values()) {
            if (child instanceof VmMapping m) {
                out.add(new MapEntry(m.vmo.name(), m.base(), m.size(), depth + 1, true, m.perms(), m.vmo.koid,
                        m.vmoOffset));
            } else {
                ((VmAddressRegion) child).describe(out);
            }
        }
    }

    /** As {@link #describe} for the regions of this subtree that overlap {@code [start, end)} only. */
    void describe(List<MapEntry> out, long start, long end) {
        out.add(new MapEntry(name(), base, size, depth, false, 0, 0, 0));
        for (VmRegion child : childrenOverlapping(start, end)) {
            if (child instanceof VmMapping m) {
                out.add(new MapEntry(m.vmo.name(), m.base(), m.size(), depth + 1, true, m.perms(), m.vmo.koid,
                        m.vmoOffset));
            } else {
                ((VmAddressRegion) child).describe(out, start, end);
            }
        }
    }

    int childCount() {
        return children.size();
    }
}
