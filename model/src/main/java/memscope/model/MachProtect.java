package memscope.model;

/**
 * {@code vm_protect} on a task's address space, after the port has been checked; XNU's vm_map_protect. The range
 * rounds out to whole pages; every entry in it is checked first (holes, maximum protection, COPY on a
 * permanent mapping), then the mappings at the range's ends are split and the new protection applied. Mach's
 * protection is the mapping's permission, so the Zircon view sees the change at once.
 */
final class MachProtect {
    private static final int KNOWN_BITS = VmProt.ALL | VmProt.COPY;

    private final KernelState k;

    MachProtect(KernelState k) {
        this.k = k;
    }

    /** Checks the arguments that need no address space: unknown bits, then a wrapping range. */
    static void checkArguments(long address, long size, int newProtection) {
        Refused.require((newProtection & ~KNOWN_BITS) == 0, KernReturn.INVALID_ARGUMENT, Rule.OTHER, 0);
        Refused.require(size == 0 || Long.compareUnsigned(address + size, address) > 0,
                KernReturn.INVALID_ARGUMENT, Rule.OTHER, address);
    }

    /** Applies a checked, non-empty request to {@code space}. */
    void protect(VmAddressRegion space, long address, long size, boolean setMaximum, int newProtection,
                 Changes changes) {
        long start = address & -Kernel.PAGE_SIZE;
        long end = roundUpUnsigned(address + size);
        // rounding the end up to a page can wrap past 2^64 even when address + size did not
        Refused.require(end != 0, KernReturn.INVALID_ARGUMENT, Rule.OTHER, address);
        boolean copy = (newProtection & VmProt.COPY) != 0;
        int wanted = newProtection & VmProt.ALL;
        MachSpan.cover(space, start, end, (m, from, to) -> {
            if (copy) {
                // XNU remaps the range copy-on-write over itself; a permanent entry cannot be replaced
                Refused.require(!m.permanent, KernReturn.NO_SPACE,
                        m.vmo.isVdso() ? Rule.VDSO_PROTECTED : Rule.OTHER, m.base());
            }
            int maximum = copy ? m.maxPerms() | copyAddsWrite(m) : m.maxPerms();
            Refused.require((wanted & ~maximum) == 0, KernReturn.PROTECTION_FAILURE, Rule.OTHER, m.base());
        });
        // the walk succeeded, so [start, end) lies inside the address space, fully mapped
        space.splitAt(start);
        space.splitAt(end);
        for (VmMapping m : space.mappingsOverlapping(start, end)) {
            VmMapping target = copy ? replaceWithPrivateCopy(m, changes) : m;
            if (setMaximum) {
                target.setMaxPerms(wanted);
                target.setPerms(target.perms() & wanted);
            } else {
                target.setPerms(wanted);
            }
        }
        changes.structure(StructureChange.Kind.MAPPING, space.process.koid);
    }

    /**
     * VM_PROT_COPY: the mapping is replaced by one of a private snapshot of what it showed, whose maximum
     * protection gains WRITE. Writes through it no longer reach the original VMO or its other mappings.
     */
    private VmMapping replaceWithPrivateCopy(VmMapping m, Changes changes) {
        return PrivateClone.install(k, m, MachCopy.snapshot(k.newKoid(), m), m.maxPerms() | copyAddsWrite(m),
                changes);
    }

    /**
     * VM_PROT_COPY adds WRITE to the maximum, as XNU does; here the address space is also a Zircon VMAR, and no
     * mapping may ever exceed what its VMAR may map, so a VMAR without CAN_MAP_WRITE keeps the copy unwritable.
     */
    private static int copyAddsWrite(VmMapping m) {
        return VmProt.WRITE & VmOptions.permsFor(m.parent.flags);
    }

    /** Rounds up to a page in unsigned arithmetic; 0 when that passes 2^64. */
    private static long roundUpUnsigned(long value) {
        long r = (value + Kernel.PAGE_SIZE - 1) & -Kernel.PAGE_SIZE;
        return Long.compareUnsigned(r, value) < 0 ? 0 : r;
    }
}
