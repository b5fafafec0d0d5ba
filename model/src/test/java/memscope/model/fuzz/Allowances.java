package memscope.model.fuzz;

import java.util.ArrayList;
import java.util.List;

import memscope.model.MapEntry;
import memscope.model.Rights;
import memscope.model.VmOptions;

/**
 * What each successful zx_vmar_map allowed: for a range of a process's address space and the VMO mapped there,
 * the permissions both the VMAR handle and the VMO handle granted. No later call (zx_vmar_protect, vm_protect)
 * may give that VMO's mapping there more. A later mapping of the range replaces the record; a mapping of another
 * VMO there (vm_protect with VM_PROT_COPY maps a private copy) is not judged by it.
 */
final class Allowances {
    private record Range(long process, long start, long end, long vmoKoid, int allowed) {
        boolean overlaps(long base, long limit) {
            return Long.compareUnsigned(start, limit) < 0 && Long.compareUnsigned(base, end) < 0;
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    /** The ZX_VM_PERM_* bits a handle with {@code rights} may map. */
    static int perms(int rights) {
        return ((rights & Rights.READ) != 0 ? VmOptions.PERM_READ : 0)
                | ((rights & Rights.WRITE) != 0 ? VmOptions.PERM_WRITE : 0)
                | ((rights & Rights.EXECUTE) != 0 ? VmOptions.PERM_EXECUTE : 0);
    }

    void record(long process, long start, long end, long vmoKoid, int allowed) {
        ranges.removeIf(r -> r.process == process && r.overlaps(start, end));
        ranges.add(new Range(process, start, end, vmoKoid, allowed));
    }

    /** Mappings in {@code entries} with more than their range allowed; the vDSO only ever allows r-x. */
    List<String> violations(long process, List<MapEntry> entries, long vdsoKoid) {
        List<String> out = new ArrayList<>();
        for (MapEntry e : entries) {
            if (!e.isMapping()) {
                continue;
            }
            if (e.vmoKoid() == vdsoKoid
                    && (e.permissions() & ~(VmOptions.PERM_READ | VmOptions.PERM_EXECUTE)) != 0) {
                out.add("the vDSO is mapped with perms " + e.permissions() + ": " + e);
            }
            for (Range r : ranges) {
                if (r.process == process && r.vmoKoid == e.vmoKoid() && r.overlaps(e.base(), e.base() + e.size())
                        && (e.permissions() & ~r.allowed) != 0) {
                    out.add("mapping " + e + " has perms " + e.permissions() + " but was mapped through handles"
                            + " allowing only " + r.allowed);
                }
            }
        }
        return out;
    }
}
