package memscope.model;

/**
 * A range of a VMAR that shows a VMO. Base, size and VMO offset never change: splitting a mapping replaces it.
 * Protection may change, never beyond {@code maxPerms}: what the handles and VMAR used to map it allowed (Zircon's
 * CAN_MAP_* flags of a mapping), which is also Mach's maximum protection.
 */
final class VmMapping implements VmRegion {
    final VmAddressRegion parent;
    final VmObject vmo;
    private final long base;
    private final long size;
    final long vmoOffset;
    final boolean permanent;
    private volatile int perms;
    private volatile int maxPerms;
    /** True once a debugger write gave this mapping its own copy-on-write clone (today's Zircon). */
    private volatile boolean privateClone;
    /** This mapping's place in its VMO's list of mappings ({@link VmoMappings}); null while not listed. */
    VmoMappings vmoList;
    VmMapping vmoPrev;
    VmMapping vmoNext;

    VmMapping(VmAddressRegion parent, long base, long size, VmObject vmo, long vmoOffset, int perms, int maxPerms,
              boolean permanent) {
        this.parent = parent;
        this.base = base;
        this.size = size;
        this.vmo = vmo;
        this.vmoOffset = vmoOffset;
        this.perms = perms;
        this.maxPerms = maxPerms;
        this.permanent = permanent;
    }

    @Override
    public long base() {
        return base;
    }

    @Override
    public long size() {
        return size;
    }

    int perms() {
        return perms;
    }

    void setPerms(int perms) {
        this.perms = perms;
    }

    int maxPerms() {
        return maxPerms;
    }

    void setMaxPerms(int maxPerms) {
        this.maxPerms = maxPerms;
    }

    boolean privateClone() {
        return privateClone;
    }

    void markPrivateClone() {
        privateClone = true;
    }

    /** The VMO offset that {@code address} (inside this mapping) shows. */
    long vmoOffsetOf(long address) {
        return vmoOffset + (address - base);
    }

    /** A copy of part of this mapping, same VMO and protections, for splitting. */
    VmMapping slice(long newBase, long newEnd) {
        VmMapping slice = new VmMapping(parent, newBase, newEnd - newBase, vmo, vmoOffsetOf(newBase), perms, maxPerms,
                permanent);
        slice.privateClone = privateClone;
        return slice;
    }
}
