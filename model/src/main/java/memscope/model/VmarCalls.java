package memscope.model;

import java.util.ArrayList;
import java.util.List;

/** Syscalls on address spaces: allocate, map, unmap, protect, and the maps listing. */
final class VmarCalls {
    private final KernelState k;

    VmarCalls(KernelState k) {
        this.k = k;
    }

    VmarResult allocate(int parentHandle, int options, long offset, long size, Changes changes) {
        Handle ph = k.handle(parentHandle, ObjectType.VMAR, 0);
        VmAddressRegion parent = (VmAddressRegion) ph.object();
        int allowed = VmOptions.CAN_MAP_PERMS | VmOptions.CAN_MAP_SPECIFIC | VmOptions.SPECIFIC | VmOptions.COMPACT;
        KernelState.require((options & ~allowed) == 0, Status.ERR_INVALID_ARGS);
        int wanted = VmOptions.permsFor(options);
        requireMayMap(parent, wanted, ph);
        long length = KernelState.roundUpToPage(size);
        KernelState.require(size > 0 && length > 0, Status.ERR_INVALID_ARGS);
        long base = place(parent, options, offset, length);
        int flags = options & (VmOptions.CAN_MAP_PERMS | VmOptions.CAN_MAP_SPECIFIC);
        VmAddressRegion child = k.objects.add(new VmAddressRegion(k.newKoid(), "vmar", parent.process, parent,
                base, length, flags));
        parent.insert(child);
        int rights = Rights.DEFAULT_VMAR | rightsFor(wanted);
        Handle h = k.handles.add(child, rights);
        changes.region(StructureChange.Kind.VMAR, StructureChange.What.ALLOCATED, parent, base, base + length);
        changes.structure(StructureChange.Kind.HANDLE, child.koid);
        return new VmarResult(Status.OK, h.value(), base);
    }

    MapResult map(int vmarHandle, int options, long vmarOffset, int vmoHandle, long vmoOffset, long length,
                  Changes changes) {
        Handle vh = k.handle(vmarHandle, ObjectType.VMAR, 0);
        Handle oh = k.handle(vmoHandle, ObjectType.VMO, Rights.MAP);
        VmAddressRegion vmar = (VmAddressRegion) vh.object();
        VmObject vmo = (VmObject) oh.object();
        int allowed = VmOptions.PERMS | VmOptions.SPECIFIC;
        KernelState.require((options & ~allowed) == 0, Status.ERR_INVALID_ARGS);
        int perms = options & VmOptions.PERMS;
        requireMayMap(vmar, perms, vh, oh);
        long size = KernelState.roundUpToPage(length);
        KernelState.require(length > 0 && size > 0, Status.ERR_INVALID_ARGS);
        KernelState.require(vmoOffset >= 0 && KernelState.pageAligned(vmoOffset)
                && vmoOffset + size > vmoOffset, Status.ERR_INVALID_ARGS);
        long base = place(vmar, options, vmarOffset, size);
        // sys_vmar_map fixes the most this mapping may ever allow, now: what both handles and the VMAR allowed
        int maxPerms = permsAllowedBy(vh) & permsAllowedBy(oh) & VmOptions.permsFor(vmar.flags);
        VmMapping m = new VmMapping(vmar, base, size, vmo, vmoOffset, perms, maxPerms, false);
        vmar.insert(m);
        vmo.addMapping(m);
        changes.region(StructureChange.Kind.MAPPING, StructureChange.What.MAPPED, vmar, base, base + size);
        return new MapResult(Status.OK, base);
    }

    Status unmap(int vmarHandle, long address, long length, Changes changes) {
        VmAddressRegion vmar = k.vmar(vmarHandle, 0);
        KernelState.require(!vmar.destroyed(), Status.ERR_BAD_STATE);
        long end = checkedRange(vmar, address, length);
        List<VmRegion> hit = vmar.childrenOverlapping(address, end);
        for (VmRegion r : hit) {
            // a sub-VMAR goes only as a whole
            KernelState.require(r instanceof VmMapping || (r.base() >= address && r.end() <= end),
                    Status.ERR_INVALID_ARGS);
        }
        for (VmRegion r : hit) {
            if (r instanceof VmMapping m) {
                KernelState.require(!m.permanent, Status.ERR_ACCESS_DENIED);
            }
        }
        // the range covers the mappings split at its ends whole: their remaining slices are new rows too
        long from = hit.isEmpty() ? address : Math.min(address, hit.get(0).base());
        long to = hit.isEmpty() ? end : Math.max(end, hit.get(hit.size() - 1).end());
        for (VmRegion r : hit) {
            if (r instanceof VmMapping m) {
                vmar.unmap(m);
                if (m.base() < address) {
                    insertSlice(vmar, m.slice(m.base(), address));
                }
                if (m.end() > end) {
                    insertSlice(vmar, m.slice(end, m.end()));
                }
            } else {
                ((VmAddressRegion) r).destroy();
            }
        }
        changes.region(StructureChange.Kind.MAPPING, StructureChange.What.UNMAPPED, vmar, from, to);
        return Status.OK;
    }

    Status protect(int vmarHandle, int options, long address, long length, Changes changes) {
        Handle vh = k.handle(vmarHandle, ObjectType.VMAR, 0);
        VmAddressRegion vmar = (VmAddressRegion) vh.object();
        KernelState.require((options & ~VmOptions.PERMS) == 0, Status.ERR_INVALID_ARGS);
        requireMayMap(vmar, options, vh);
        long end = checkedRange(vmar, address, length);
        List<VmMapping> covered = coveringMappings(vmar, address, end);
        KernelState.require(covered != null, Status.ERR_NOT_FOUND);
        for (VmMapping m : covered) {
            KernelState.require((options & ~m.maxPerms()) == 0 && !(m.permanent && options != m.perms()),
                    Status.ERR_ACCESS_DENIED);
        }
        long from = Math.min(address, covered.get(0).base());
        long to = Math.max(end, covered.get(covered.size() - 1).end());
        setProtection(vmar, address, end, options);
        changes.region(StructureChange.Kind.MAPPING, StructureChange.What.PROTECTED, vmar, from, to);
        return Status.OK;
    }

    /** The mappings covering {@code [start, end)} without a gap, in order; null if there is a hole. */
    static List<VmMapping> coveringMappings(VmAddressRegion vmar, long start, long end) {
        List<VmMapping> ms = vmar.mappingsOverlapping(start, end);
        long at = start;
        for (VmMapping m : ms) {
            if (m.base() > at) {
                return null;
            }
            at = m.end();
        }
        return at >= end ? ms : null;
    }

    /** Splits mappings at the range's ends and sets {@code perms} on every mapping inside. */
    static void setProtection(VmAddressRegion vmar, long start, long end, int perms) {
        vmar.splitAt(start);
        vmar.splitAt(end);
        for (VmMapping m : vmar.mappingsOverlapping(start, end)) {
            m.setPerms(perms);
        }
    }

    MapsResult maps(int processHandle) {
        ProcessObject p = k.process(processHandle, Rights.READ);
        VmAddressRegion root = p.rootVmar();
        KernelState.require(root != null, Status.ERR_BAD_STATE);
        List<MapEntry> out = new ArrayList<>();
        root.describe(out);
        return new MapsResult(Status.OK, List.copyOf(out));
    }

    private static void insertSlice(VmAddressRegion vmar, VmMapping slice) {
        vmar.insert(slice);
        slice.vmo.addMapping(slice);
    }

    private static long checkedRange(VmAddressRegion vmar, long address, long length) {
        KernelState.require(length > 0 && KernelState.pageAligned(address), Status.ERR_INVALID_ARGS);
        long size = KernelState.roundUpToPage(length);
        KernelState.require(size > 0 && address >= vmar.base() && address - vmar.base() <= vmar.size() - size,
                Status.ERR_INVALID_ARGS);
        return address + size;
    }

    /** Where a new child goes: at {@code offset} when SPECIFIC, else anywhere free. */
    private static long place(VmAddressRegion vmar, int options, long offset, long length) {
        if ((options & VmOptions.SPECIFIC) != 0) {
            KernelState.require((vmar.flags & VmOptions.CAN_MAP_SPECIFIC) != 0, Status.ERR_ACCESS_DENIED);
            KernelState.require(offset >= 0 && KernelState.pageAligned(offset) && offset <= vmar.size() - length
                    && length <= vmar.size(), Status.ERR_INVALID_ARGS);
            long base = vmar.base() + offset;
            KernelState.require(vmar.isFree(base, length), Status.ERR_ALREADY_EXISTS);
            return base;
        }
        KernelState.require(offset == 0, Status.ERR_INVALID_ARGS);
        long base = vmar.findFree(length);
        KernelState.require(base >= 0, Status.ERR_NO_RESOURCES);
        return base;
    }

    /**
     * The checks shared by allocate, map and protect, in Zircon's order: each handle holds the rights
     * {@code perms} need, then the VMAR's CAN_MAP_* flags allow them, then the VMAR is not destroyed.
     */
    private static void requireMayMap(VmAddressRegion vmar, int perms, Handle... handles) {
        for (Handle h : handles) {
            requireRightsFor(h, perms);
        }
        KernelState.require((vmar.flags & VmOptions.canMapFor(perms)) == VmOptions.canMapFor(perms),
                Status.ERR_ACCESS_DENIED);
        KernelState.require(!vmar.destroyed(), Status.ERR_BAD_STATE);
    }

    private static void requireRightsFor(Handle h, int perms) {
        int needed = rightsFor(perms);
        if (!h.has(needed)) {
            throw new Refused(Status.ERR_ACCESS_DENIED, Rule.MISSING_RIGHTS, needed & ~h.rights());
        }
    }

    /** The PERM_* bits whose rights {@code h} holds. */
    private static int permsAllowedBy(Handle h) {
        return (h.has(Rights.READ) ? VmOptions.PERM_READ : 0)
                | (h.has(Rights.WRITE) ? VmOptions.PERM_WRITE : 0)
                | (h.has(Rights.EXECUTE) ? VmOptions.PERM_EXECUTE : 0);
    }

    private static int rightsFor(int perms) {
        return ((perms & VmOptions.PERM_READ) != 0 ? Rights.READ : 0)
                | ((perms & VmOptions.PERM_WRITE) != 0 ? Rights.WRITE : 0)
                | ((perms & VmOptions.PERM_EXECUTE) != 0 ? Rights.EXECUTE : 0);
    }
}
