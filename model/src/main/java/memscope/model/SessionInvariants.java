package memscope.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import memscope.model.text.Text;

/**
 * Checks a kernel built from a session against every rule a live kernel keeps (listed in
 * resources/sessions/FORMAT.md, "Invariants"), so a forged session cannot give the user powers no sequence of
 * calls could: a writable vDSO, a permanent mapping of ordinary memory, a destroyed VMAR that still holds a live
 * child. Runs after every section has been read and before the kernel is handed out; the first broken rule is
 * refused, naming the rule and the object that breaks it.
 */
final class SessionInvariants {
    /** PERM_* bits the vDSO mapping may ever have: the loader maps it r-x and nothing may add to that. */
    private static final int VDSO_MAX_PERMS = VmOptions.PERM_READ | VmOptions.PERM_EXECUTE;
    private static final int ROOT_FLAGS = VmOptions.CAN_MAP_PERMS | VmOptions.CAN_MAP_SPECIFIC;
    private static final int RWX_RIGHTS = Rights.READ | Rights.WRITE | Rights.EXECUTE;

    private final KernelState k;
    private final List<KernelObject> loaded;

    private SessionInvariants(KernelState k, Collection<KernelObject> objects) {
        this.k = k;
        this.loaded = new ArrayList<>(objects);
        this.loaded.remove(k.vdso);
        this.loaded.sort(Comparator.comparingLong(o -> o.koid));
    }

    /** Refuses the first rule that the kernel built from a session breaks; {@code objects} are those it loaded. */
    static void check(KernelState k, Collection<KernelObject> objects) throws SessionException {
        new SessionInvariants(k, objects).check();
    }

    private void check() throws SessionException {
        Map<ProcessObject, VmAddressRegion> roots = new HashMap<>();
        for (KernelObject o : loaded) {
            if (o instanceof VmAddressRegion v) {
                vmar(v, roots);
            } else if (o instanceof VmObject vmo) {
                if (vmo.resizable() && vmo.pages().source() != PageSource.ZERO) {
                    throw fail("describedResizable", object(vmo));
                }
            }
        }
        for (KernelObject o : loaded) {
            if (o instanceof ProcessObject p && p.alive()) {
                vdsoMappedOnce(p);
            }
        }
        for (Handle h : k.handles.all()) {
            handle(h);
        }
    }

    private void vmar(VmAddressRegion v, Map<ProcessObject, VmAddressRegion> roots) throws SessionException {
        if (v.parent == null) {
            if (v.base() != Kernel.USER_ASPACE_BASE || v.end() != Kernel.USER_ASPACE_END || v.flags != ROOT_FLAGS) {
                throw fail("rootShape", object(v));
            }
            if (roots.putIfAbsent(v.process, v) != null) {
                throw fail("oneRoot", object(v.process));
            }
        } else if ((VmOptions.permsFor(v.flags) & ~VmOptions.permsFor(v.parent.flags)) != 0) {
            throw fail("childFlags", object(v));
        }
        if (!v.process.alive() && !v.destroyed()) {
            throw fail("deadHasNoSpace", object(v.process));
        }
        if (v.destroyed() && v.childCount() > 0) {
            throw fail("destroyedIsEmpty", object(v));
        }
        for (VmRegion child : v.childrenOverlapping(v.base(), v.end())) {
            if (child instanceof VmMapping m) {
                mapping(m);
            }
        }
    }

    private void mapping(VmMapping m) throws SessionException {
        boolean vdso = m.vmo == k.vdso;
        if (m.permanent && !vdso) {
            throw fail("onlyVdsoPermanent", object(m));
        }
        // vmarMap never gives more than the VMAR may map, nor does Mach's VM_PROT_COPY (see MachProtect)
        if ((m.maxPerms() & ~VmOptions.permsFor(m.parent.flags)) != 0) {
            throw fail("maxWithinVmar", object(m));
        }
        if (!vdso) {
            return;
        }
        if (!m.permanent) {
            throw fail("vdsoPermanent", object(m));
        }
        if ((m.maxPerms() & ~VDSO_MAX_PERMS) != 0) {
            throw fail("vdsoMaxPerms", object(m));
        }
        if (m.parent.parent != null || m.vmoOffset + m.size() > Vdso.SIZE) {
            throw fail("vdsoPlace", object(m));
        }
    }

    /** The loader maps the whole vDSO into every process; it can be split by protect but never unmapped. */
    private void vdsoMappedOnce(ProcessObject p) throws SessionException {
        VmAddressRegion root = p.rootVmar();
        long offset = 0;
        long expectedBase = -1;
        for (VmRegion child : root.childrenOverlapping(root.base(), root.end())) {
            if (child instanceof VmMapping m && m.vmo == k.vdso) {
                if (m.vmoOffset != offset || (expectedBase >= 0 && m.base() != expectedBase)) {
                    throw fail("vdsoOnce", object(p));
                }
                offset += m.size();
                expectedBase = m.end();
            }
        }
        if (offset != Vdso.SIZE) {
            throw fail("vdsoOnce", object(p));
        }
    }

    private void handle(Handle h) throws SessionException {
        KernelObject o = h.object();
        int rights = h.rights();
        int allowed;
        if (o == k.vdso) {
            throw fail("vdsoHandle", handleText(h));
        } else if (o instanceof ProcessObject) {
            allowed = Rights.DEFAULT_PROCESS;
        } else if (o instanceof VmObject vmo) {
            // vmo_replace_as_executable adds EXECUTE; only a resizable VMO's creation gives RESIZE
            allowed = Rights.DEFAULT_VMO | Rights.EXECUTE | (vmo.resizable() ? Rights.RESIZE : 0);
        } else {
            // a VMAR's handle gets READ, WRITE and EXECUTE only for what the VMAR may map
            int mayMap = ((VmAddressRegion) o).flags;
            allowed = Rights.DEFAULT_VMAR
                    | ((mayMap & VmOptions.CAN_MAP_READ) != 0 ? Rights.READ : 0)
                    | ((mayMap & VmOptions.CAN_MAP_WRITE) != 0 ? Rights.WRITE : 0)
                    | ((mayMap & VmOptions.CAN_MAP_EXECUTE) != 0 ? Rights.EXECUTE : 0);
            if ((rights & RWX_RIGHTS & ~allowed) != 0) {
                throw fail("vmarHandleRights", handleText(h));
            }
        }
        if ((rights & ~allowed) != 0) {
            throw fail("rightsForType", handleText(h));
        }
    }

    private static SessionException fail(String rule, Text object) {
        return new SessionException(broken(rule, object));
    }

    /** "The session breaks a rule every live kernel keeps: {rule} ({object})". */
    static Text broken(String rule, Text object) {
        return ModelWords.of("session.broken", ModelWords.of("session.rule." + rule), object);
    }

    private static Text object(KernelObject o) {
        return ModelWords.of("session.object." + o.type().name().toLowerCase(java.util.Locale.ROOT), o.koid);
    }

    private static Text object(VmMapping m) {
        return ModelWords.of("session.object.mapping", Long.toHexString(m.base()), m.parent.koid);
    }

    private static Text handleText(Handle h) {
        return ModelWords.of("session.object.handle", Integer.toHexString(h.value()), h.object().type(),
                h.object().koid, Rights.toString(h.rights()));
    }
}
