package memscope.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The part {@code [from, to)} of a Mach call's range that one map entry (a mapping) holds. {@link #cover} walks
 * a range the way XNU's vm_map_copy_overwrite, vm_map_copyin and vm_map_protect do: entry by entry in address
 * order, each entry passing its check before the next one is even looked at, so the first failure in address
 * order decides the result and nothing has been changed yet.
 */
record MachSpan(VmMapping mapping, long from, long to) {

    /** A per-entry check; throws {@link Refused} to stop the walk. */
    interface EntryCheck {
        void check(VmMapping mapping, long from, long to);
    }

    long length() {
        return to - from;
    }

    /**
     * The spans covering {@code [start, end)} ({@code end} unsigned, above {@code start}) without a hole. A hole
     * at the start or before the end is {@code KERN_INVALID_ADDRESS}, ruleAddress its first address.
     */
    static List<MachSpan> cover(VmAddressRegion space, long start, long end, EntryCheck check) {
        boolean startsInside = Long.compareUnsigned(start, space.base()) >= 0
                && Long.compareUnsigned(start, space.end()) < 0;
        Refused.require(startsInside, KernReturn.INVALID_ADDRESS, Rule.UNMAPPED, start);
        // the address space ends below 2^47, so clamping keeps every bound a plain positive long
        long limit = Long.compareUnsigned(end, space.end()) > 0 ? space.end() : end;
        List<MachSpan> spans = new ArrayList<>();
        long at = start;
        for (VmMapping m : space.mappingsOverlapping(start, limit)) {
            Refused.require(m.base() <= at, KernReturn.INVALID_ADDRESS, Rule.UNMAPPED, at);
            long to = Math.min(m.end(), limit);
            check.check(m, at, to);
            spans.add(new MachSpan(m, at, to));
            at = to;
        }
        Refused.require(at == end, KernReturn.INVALID_ADDRESS, Rule.UNMAPPED, at);
        return spans;
    }
}
