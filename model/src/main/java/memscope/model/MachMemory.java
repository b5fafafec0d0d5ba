package memscope.model;

import java.util.List;

/**
 * {@code vm_write} and {@code vm_read} on a task's address space, after the port has been checked. Unlike
 * Zircon's debugger calls they honour the mappings' current protection, span several mappings, and are all or
 * nothing: the whole range is checked entry by entry before the first byte moves.
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

    private MachMemory() {
    }

    /** Writes {@code data[0, count)} at {@code address}; {@code count} is positive and {@code data} long enough. */
    static void write(VmAddressRegion space, long address, byte[] data, int count, Changes changes) {
        long end = address + count;
        Refused.require(Long.compareUnsigned(end, address) > 0, KernReturn.INVALID_ADDRESS, Rule.UNMAPPED,
                address);
        List<MachSpan> spans = MachSpan.cover(space, address, end, (m, from, to) -> {
            requireWritable(m);
            requireBacked(m, from, to);
        });
        // every page source is read before the first byte moves, so a file that fails leaves all spans unchanged
        PageStore.Originals[] originals = new PageStore.Originals[spans.size()];
        for (int i = 0; i < originals.length; i++) {
            MachSpan s = spans.get(i);
            originals[i] = s.mapping().vmo.prepareWrite(s.mapping().vmoOffsetOf(s.from()), (int) s.length());
        }
        for (int i = 0; i < originals.length; i++) {
            MachSpan s = spans.get(i);
            VmMapping m = s.mapping();
            long offset = m.vmoOffsetOf(s.from());
            m.vmo.write(offset, data, (int) (s.from() - address), (int) s.length(), originals[i]);
            changes.memory(m.vmo.koid, offset, s.length());
        }
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
