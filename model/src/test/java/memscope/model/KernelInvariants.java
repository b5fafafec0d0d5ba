package memscope.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Invariants of a kernel's internals that no syscall shows directly, for the fuzz tests (which live outside this
 * package): what a loaded session must never contain. Each check returns the violations it found, worded for a
 * failure message; an empty list means the kernel is sound.
 */
public final class KernelInvariants {
    /** Rights a handle to the vDSO may never carry: it is read-only, fixed-size and its name is the kernel's. */
    static final int VDSO_FORBIDDEN_RIGHTS = Rights.WRITE | Rights.SET_PROPERTY | Rights.RESIZE;

    private KernelInvariants() {
    }

    /** Every violation in {@code kernel}: vDSO handles and mappings, permanent mappings, destroyed VMARs. */
    public static List<String> violations(Kernel kernel) {
        KernelState k = kernel.state();
        List<String> out = new ArrayList<>();
        k.lock.readLock().lock();
        try {
            for (Handle h : k.handles.all()) {
                KernelObject o = h.object();
                if (o instanceof VmObject v && v.isVdso() && (h.rights() & VDSO_FORBIDDEN_RIGHTS) != 0) {
                    out.add("vDSO handle 0x" + Integer.toHexString(h.value()) + " has rights "
                            + Rights.toString(h.rights()));
                }
                if (o instanceof VmAddressRegion r && r.destroyed() && r.childCount() != 0) {
                    out.add("destroyed VMAR " + r.koid + " still holds " + r.childCount() + " children");
                }
                if (o instanceof VmObject v) {
                    for (VmMapping m : v.mappings()) {
                        mapping(m, out);
                    }
                }
                if (o instanceof ProcessObject p && p.rootVmar() != null) {
                    VmAddressRegion root = p.rootVmar();
                    for (VmMapping m : root.mappingsOverlapping(root.base(), root.end())) {
                        mapping(m, out);
                    }
                }
            }
        } finally {
            k.lock.readLock().unlock();
        }
        return out.stream().distinct().toList();
    }

    /** Only the vDSO is mapped permanently, and its mapping never gains WRITE. */
    private static void mapping(VmMapping m, List<String> out) {
        String where = "mapping at 0x" + Long.toHexString(m.base()) + " of VMO " + m.vmo.koid;
        if (m.vmo.isVdso()) {
            if (!m.permanent) {
                out.add("vDSO " + where + " is not permanent");
            }
            if ((m.maxPerms() & VmOptions.PERM_WRITE) != 0 || (m.perms() & VmOptions.PERM_WRITE) != 0) {
                out.add("vDSO " + where + " may be written (perms " + m.perms() + ", max " + m.maxPerms() + ")");
            }
        } else if (m.permanent) {
            out.add("ordinary " + where + " is permanent");
        }
        if ((m.perms() & ~m.maxPerms()) != 0) {
            out.add(where + " has perms " + m.perms() + " beyond its maximum " + m.maxPerms());
        }
        if (m.parent.destroyed()) {
            out.add(where + " lies in a destroyed VMAR");
        }
    }
}
