package memscope.model;

import java.util.List;

/**
 * {@code vm_write} and {@code vm_read} on a task's address space, after the port has been checked. Unlike
 * Zircon's debugger calls they honour the mappings' current protection and span several mappings. As documented
 * (and on XNU's large-copy path) a write is all or nothing: the whole range is checked entry by entry before the
 * first byte moves. Today's XNU stores a small write with copyout, which stops at the first fault.
 */
final class MachMemory {
    /** {@code vm_read}'s size travels as a 32-bit {@code mach_msg_type_number_t}. */
    static final long MAX_MSG_SIZE = 1L << 32;
    /**
     * The largest {@code vm_read} the simulation hands out. Mach has no such limit, but the bytes come back as one
     * Java array; a bigger valid read is refused as {@code KERN_NO_SPACE}, as vm_map_copyout refuses a copy it
     * finds no room for in the caller's map.
     */
    static final long MAX_READ = Kernel.MAX_DEBUG_IO;
    /**
     * The largest {@code vm_write} whose data XNU carries as a kernel buffer (msg_ool_size_small; 16 KiB on
     * x86-64, twice that with arm64's 16 KiB pages) and stores with copyout rather than by remapping pages.
     */
    static final int SMALL_COPY_LIMIT = 16 * 1024;

    private MachMemory() {
    }

    /**
     * Writes {@code data[0, count)} at {@code address}; {@code count} is positive and {@code data} long enough. A
     * write of at most {@link #SMALL_COPY_LIMIT} bytes is where the documented table and today's XNU differ: the
     * {@code fidelity} decides, and {@code changes} gets a note whenever the other answer would differ.
     */
    static void write(VmAddressRegion space, long address, byte[] data, int count, Fidelity fidelity,
                      Changes changes) {
        long end = address + count;
        Refused.require(Long.compareUnsigned(end, address) > 0, KernReturn.INVALID_ADDRESS, Rule.UNMAPPED,
                address);
        if (count > SMALL_COPY_LIMIT) {
            store(checkedSpans(space, address, end), address, data, changes);
            return;
        }
        Refused documented = null;
        List<MachSpan> spans = null;
        try {
            spans = checkedSpans(space, address, end);
        } catch (Refused r) {
            documented = r;
        }
        Fault fault = copyoutFault(space, address, end);
        String documentedName = documented == null ? KernReturn.SUCCESS.machName() : documented.kr.machName();
        String todayName = fault == null ? KernReturn.SUCCESS.machName() : fault.refusal.kr.machName();
        boolean storesBeforeFault = fault != null && fault.storable && fault.at != address;
        if (!documentedName.equals(todayName) || storesBeforeFault) {
            changes.note(new FidelityNote(Divergence.MACH_SMALL_COPY, fidelity, documentedName, todayName));
        }
        if (fidelity != Fidelity.TODAY) {
            if (documented != null) {
                throw documented;
            }
            store(spans, address, data, changes);
        } else if (fault == null) {
            store(spans, address, data, changes);
        } else if (storesBeforeFault) {
            // copyout stores byte by byte until the fault, and the bytes before it stay stored
            store(MachSpan.cover(space, address, fault.at, (m, from, to) -> { }), address, data, changes);
            throw fault.refusal.keepingChanges();
        } else {
            throw fault.refusal;
        }
    }

    /** The documented walk: every entry of the range checked before the first byte moves. */
    private static List<MachSpan> checkedSpans(VmAddressRegion space, long address, long end) {
        return MachSpan.cover(space, address, end, (m, from, to) -> {
            requireWritable(m);
            requireBacked(m, from, to);
        });
    }

    /** Copies {@code data} into checked spans; every page source is read before the first byte moves. */
    private static void store(List<MachSpan> spans, long address, byte[] data, Changes changes) {
        // a file that fails leaves all spans unchanged
        PageStore.Originals[] originals = new PageStore.Originals[spans.size()];
        for (int i = 0; i < originals.length; i++) {
            MachSpan s = spans.get(i);
            originals[i] = s.mapping().vmo.prepareWrite(s.mapping().vmoOffsetOf(s.from()), (int) s.length());
        }
        for (int i = 0; i < originals.length; i++) {
            MachSpan s = spans.get(i);
            VmMapping m = s.mapping();
            long offset = m.vmoOffsetOf(s.from());
            changes.write(m.vmo, offset, data, (int) (s.from() - address), (int) s.length(), originals[i]);
            changes.memory(m.vmo.koid, offset, s.length());
        }
    }

    /**
     * Where today's XNU stops a small write: such data travels as a kernel buffer that vm_map_copy_overwrite
     * stores with copyout, as the task's own stores would, so a hole, a page without WRITE (the vDSO included) and
     * memory past a shrunk VMO's end all fault, {@code KERN_INVALID_ADDRESS}, at the first byte that cannot be
     * stored. A VMO that is not CACHED stays {@code KERN_FAILURE} with nothing stored (the simulation's rule). Null
     * when nothing faults.
     */
    private static Fault copyoutFault(VmAddressRegion space, long address, long end) {
        long[] at = {-1};
        boolean[] storable = {true};
        try {
            MachSpan.cover(space, address, end, (m, from, to) -> {
                at[0] = from;
                if (m.permanent || (m.perms() & VmProt.WRITE) == 0) {
                    throw new Refused(KernReturn.INVALID_ADDRESS, m.vmo.isVdso() ? Rule.VDSO_PROTECTED : Rule.OTHER,
                            m.base());
                }
                long backedEnd = m.base() + Math.max(0, m.vmo.size() - m.vmoOffset);
                if (backedEnd < to) {
                    at[0] = Math.max(from, backedEnd);
                    throw new Refused(KernReturn.INVALID_ADDRESS, Rule.OFFSET_BEYOND_VMO,
                            Math.max(m.vmo.size(), m.vmoOffsetOf(from)));
                }
                if (m.vmo.cachePolicy() != CachePolicy.CACHED) {
                    storable[0] = false;
                    throw new Refused(KernReturn.FAILURE, Rule.NOT_CACHEABLE, m.vmo.koid);
                }
            });
            return null;
        } catch (Refused r) {
            // a hole is refused by the walk itself, at its first address
            long faultAt = r.rule == Rule.UNMAPPED ? r.address : at[0];
            return new Fault(r, faultAt, storable[0]);
        }
    }

    /** Today's copyout fault: the refusal, the first address not stored, whether the bytes before it are stored. */
    private record Fault(Refused refusal, long at, boolean storable) {
    }

    /** Reads {@code size} bytes at {@code address}; {@code size} is positive and below 2^32. */
    static byte[] read(VmAddressRegion space, long address, long size) {
        long end = address + size;
        Refused.require(Long.compareUnsigned(end, address) > 0, KernReturn.INVALID_ADDRESS, Rule.UNMAPPED,
                address);
        List<MachSpan> spans = MachSpan.cover(space, address, end, (m, from, to) -> {
            Refused.require((m.perms() & VmProt.READ) != 0, KernReturn.PROTECTION_FAILURE, Rule.OTHER,
                    m.base());
            requireBacked(m, from, to);
        });
        Refused.require(size <= MAX_READ, KernReturn.NO_SPACE, Rule.INVALID_BUFFER, MAX_READ);
        byte[] data = new byte[(int) size];
        for (MachSpan s : spans) {
            VmMapping m = s.mapping();
            m.vmo.read(m.vmoOffsetOf(s.from()), data, (int) (s.from() - address), (int) s.length());
        }
        return data;
    }

    /** A permanent mapping (the vDSO) is never overwritable, whatever its protection says. */
    private static void requireWritable(VmMapping m) {
        if (m.permanent) {
            Rule rule = m.vmo.isVdso() ? Rule.VDSO_PROTECTED : Rule.OTHER;
            throw new Refused(KernReturn.PROTECTION_FAILURE, rule, m.base());
        }
        Refused.require((m.perms() & VmProt.WRITE) != 0, KernReturn.PROTECTION_FAILURE, Rule.OTHER,
                m.base());
    }

    /**
     * The span must have memory behind it. Past the end of a shrunk VMO there is none: the address is mapped but
     * not backed, which Mach reports like any other address with no memory, {@code KERN_INVALID_ADDRESS} (ruleAddress
     * the first VMO offset past the end). A VMO that is not CACHED cannot be copied through the kernel's
     * cached view: {@code KERN_FAILURE} (ruleAddress the VMO's koid).
     */
    private static void requireBacked(VmMapping m, long from, long to) {
        long endOffset = m.vmoOffsetOf(to);
        Refused.require(endOffset <= m.vmo.size(), KernReturn.INVALID_ADDRESS, Rule.OFFSET_BEYOND_VMO,
                Math.max(m.vmo.size(), m.vmoOffsetOf(from)));
        Refused.require(m.vmo.cachePolicy() == CachePolicy.CACHED, KernReturn.FAILURE, Rule.NOT_CACHEABLE,
                m.vmo.koid);
    }
}
