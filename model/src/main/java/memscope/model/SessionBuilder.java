package memscope.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Builds a new kernel from a session's sections, checking every field and reference as it goes (types, ranges,
 * overlaps, duplicates) so a damaged or forged session is refused with a message instead of yielding a kernel
 * that breaks later. Objects keep their koids and handles their values and rights.
 */
final class SessionBuilder {
    private static final int PROCESS_BYTES = 8 + 2 + 1;
    private static final int VMO_BYTES = 8 + 2 + 8 + 1 + 1 + 1;
    private static final int VMAR_BYTES = 8 + 2 + 8 + 8 + 8 + 8 + 4 + 1;
    private static final int MAPPING_BYTES = 8 * 5 + 4 + 4 + 1;
    private static final int HANDLE_BYTES = 4 + 8 + 4;
    private static final int PAGE_BYTES = 8 + Kernel.PAGE_SIZE;

    private final PageSourceResolver resolver;
    private final Map<Long, KernelObject> objects = new HashMap<>();
    private final Map<Long, Set<Long>> pagesSeen = new HashMap<>();
    /** Processes saved as alive: each must receive a live root VMAR. */
    private final Set<Long> aliveClaims = new HashSet<>();
    private Kernel kernel;
    private KernelState k;
    private long savedVdsoKoid;
    private long lastKoid;

    SessionBuilder(PageSourceResolver resolver) {
        this.resolver = resolver == null ? PageSourceResolver.NONE : resolver;
    }

    Kernel kernel() {
        return kernel;
    }

    void boot(SessionPayload p) throws SessionException {
        boolean debugging = p.bool("kernel.enable-debugging-syscalls");
        boolean legacy = p.bool("the legacy-no-memory option");
        lastKoid = p.u64("the last koid");
        savedVdsoKoid = p.u64("the vDSO koid");
        p.end();
        kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(debugging).withLegacyNoMemory(legacy));
        k = kernel.state();
        if (lastKoid < k.vdso.koid || lastKoid > (1L << 62)) {
            throw p.fail("the last koid " + lastKoid + " is out of range");
        }
        if (savedVdsoKoid <= 0 || savedVdsoKoid > lastKoid) {
            throw p.fail("the vDSO koid " + savedVdsoKoid + " is out of range");
        }
        objects.put(savedVdsoKoid, k.vdso);
        k.restoreLastKoid(lastKoid);
    }

    void objects(SessionPayload p) throws SessionException {
        long processes = p.count("processes", PROCESS_BYTES);
        for (long i = 0; i < processes; i++) {
            long koid = newKoid(p, "process #" + i);
            register(koid, new ProcessObject(koid, p.string("a process name")));
            // alive is known once the VMARs are: remember the claim and check it there
            if (p.bool("whether process " + koid + " is alive")) {
                aliveClaims.add(koid);
            }
        }
        long vmos = p.count("VMOs", VMO_BYTES);
        for (long i = 0; i < vmos; i++) {
            vmo(p);
        }
        long vmars = p.count("VMARs", VMAR_BYTES);
        for (long i = 0; i < vmars; i++) {
            vmar(p);
        }
        for (long koid : aliveClaims) {
            if (!((ProcessObject) objects.get(koid)).alive()) {
                throw p.fail("process " + koid + " is saved alive but has no live root VMAR");
            }
        }
        long mappings = p.count("mappings", MAPPING_BYTES);
        for (long i = 0; i < mappings; i++) {
            mapping(p);
        }
        p.end();
    }

    private void vmo(SessionPayload p) throws SessionException {
        long koid = newKoid(p, "a VMO");
        String name = p.string("the name of VMO " + koid);
        long size = p.u64("the size of VMO " + koid);
        if (size < 0 || size > ObjectCalls.MAX_VMO_SIZE || !KernelState.pageAligned(size)) {
            throw p.fail("VMO " + koid + " has an absurd size " + Long.toUnsignedString(size));
        }
        boolean resizable = p.bool("whether VMO " + koid + " is resizable");
        int policyValue = p.u8("the cache policy of VMO " + koid);
        CachePolicy policy;
        try {
            policy = CachePolicy.of(policyValue);
        } catch (IllegalArgumentException e) {
            throw p.fail("VMO " + koid + " has an unknown cache policy " + policyValue);
        }
        int kind = p.u8("the page source kind of VMO " + koid);
        PageSource source;
        if (kind == SessionFormat.SOURCE_ZERO) {
            source = PageSource.ZERO;
        } else if (kind == SessionFormat.SOURCE_DESCRIBED) {
            String descriptor = p.string("the page source of VMO " + koid);
            source = resolver.open(descriptor, size);
        } else {
            throw p.fail("VMO " + koid + " has an unknown page source kind " + kind);
        }
        VmObject vmo = new VmObject(koid, name, size, resizable, false, source);
        vmo.setCachePolicy(policy);
        register(koid, vmo);
    }

    private void vmar(SessionPayload p) throws SessionException {
        long koid = newKoid(p, "a VMAR");
        String name = p.string("the name of VMAR " + koid);
        ProcessObject process = lookup(p, p.u64("the process of VMAR " + koid), ProcessObject.class,
                "the process of VMAR " + koid);
        long parentKoid = p.u64("the parent of VMAR " + koid);
        VmAddressRegion parent = parentKoid == 0 ? null
                : lookup(p, parentKoid, VmAddressRegion.class, "the parent of VMAR " + koid);
        long base = p.u64("the base of VMAR " + koid);
        long size = p.u64("the size of VMAR " + koid);
        int flags = p.u32("the flags of VMAR " + koid);
        boolean destroyed = p.bool("whether VMAR " + koid + " is destroyed");
        if ((flags & ~(VmOptions.CAN_MAP_PERMS | VmOptions.CAN_MAP_SPECIFIC)) != 0) {
            throw p.fail("VMAR " + koid + " has unknown flags 0x" + Integer.toHexString(flags));
        }
        checkRange(p, "VMAR " + koid, base, size);
        if (parent != null) {
            if (parent.process != process) {
                throw p.fail("VMAR " + koid + " and its parent belong to different processes");
            }
            if (base < parent.base() || base + size > parent.end()) {
                throw p.fail("VMAR " + koid + " lies outside its parent VMAR " + parentKoid);
            }
        }
        VmAddressRegion vmar = new VmAddressRegion(koid, name, process, parent, base, size, flags);
        register(koid, vmar);
        if (destroyed) {
            vmar.destroy(); // never inserted, so this only marks it
        } else if (parent == null) {
            if (!aliveClaims.contains(process.koid) || process.alive()) {
                throw p.fail("VMAR " + koid + " is a live root VMAR of process " + process.koid
                        + ", which is dead or already has one");
            }
            process.attachRoot(vmar);
        } else {
            insert(p, parent, vmar, "VMAR " + koid);
        }
    }

    private void mapping(SessionPayload p) throws SessionException {
        long vmarKoid = p.u64("the VMAR of a mapping");
        VmAddressRegion vmar = lookup(p, vmarKoid, VmAddressRegion.class, "the VMAR of a mapping");
        long base = p.u64("a mapping's base");
        long size = p.u64("a mapping's size");
        String what = "the mapping at 0x" + Long.toHexString(base);
        VmObject vmo = lookup(p, p.u64("the VMO of " + what), VmObject.class, "the VMO of " + what);
        long vmoOffset = p.u64("the VMO offset of " + what);
        int perms = p.u32("the permissions of " + what);
        int maxPerms = p.u32("the maximum permissions of " + what);
        boolean permanent = p.bool("whether " + what + " is permanent");
        checkRange(p, what, base, size);
        if (vmoOffset < 0 || !KernelState.pageAligned(vmoOffset) || vmoOffset + size < vmoOffset) {
            throw p.fail(what + " has a bad VMO offset 0x" + Long.toHexString(vmoOffset));
        }
        if ((maxPerms & ~VmOptions.PERMS) != 0 || (perms & ~maxPerms) != 0) {
            throw p.fail(what + " has permissions 0x" + Integer.toHexString(perms) + " beyond its maximum 0x"
                    + Integer.toHexString(maxPerms));
        }
        if (vmar.destroyed()) {
            throw p.fail(what + " is in VMAR " + vmarKoid + ", which is destroyed");
        }
        VmMapping m = new VmMapping(vmar, base, size, vmo, vmoOffset, perms, maxPerms, permanent);
        insert(p, vmar, m, what);
        vmo.addMapping(m);
    }

    void handles(SessionPayload p) throws SessionException {
        long count = p.count("handles", HANDLE_BYTES);
        for (long i = 0; i < count; i++) {
            int value = p.u32("a handle value");
            KernelObject o = lookup(p, p.u64("the object of handle 0x" + Integer.toHexString(value)),
                    KernelObject.class, "the object of handle 0x" + Integer.toHexString(value));
            int rights = p.u32("the rights of handle 0x" + Integer.toHexString(value));
            if ((value & 0x3) != 0x3) {
                throw p.fail("0x" + Integer.toHexString(value) + " is not a handle value (its two low bits are set)");
            }
            if ((rights & Rights.SAME_RIGHTS) != 0) {
                throw p.fail("handle 0x" + Integer.toHexString(value) + " has the SAME_RIGHTS bit set");
            }
            if (!k.handles.restore(value, o, rights)) {
                throw p.fail("handle 0x" + Integer.toHexString(value) + " appears twice");
            }
        }
        long retired = p.count("closed handle values", 4);
        for (long i = 0; i < retired; i++) {
            int value = p.u32("a closed handle value");
            if (k.handles.get(value) != null) {
                throw p.fail("handle 0x" + Integer.toHexString(value) + " is both open and closed");
            }
            k.handles.retire(value);
        }
        p.end();
    }

    void ports(SessionPayload p) throws SessionException {
        long count = p.count("task ports", 4 + 8 + 1);
        TaskFlavor[] flavors = TaskFlavor.values();
        for (long i = 0; i < count; i++) {
            int name = p.u32("a task port name");
            String what = "task port 0x" + Integer.toHexString(name);
            ProcessObject process = lookup(p, p.u64("the task of " + what), ProcessObject.class, "the task of " + what);
            int flavor = p.u8("the flavour of " + what);
            if (flavor >= flavors.length) {
                throw p.fail(what + " has an unknown flavour " + flavor);
            }
            if (!kernel.mach().ports().restore(new TaskPort(name, process, flavors[flavor]))) {
                throw p.fail(what + " is 0, appears twice, or repeats a flavour of task " + process.koid);
            }
        }
        p.end();
    }

    void pages(SessionPayload p) throws SessionException {
        long koid = p.u64("the VMO of a page section");
        VmObject vmo = lookup(p, koid, VmObject.class, "the VMO of a page section");
        if (vmo.isVdso()) {
            throw p.fail("the vDSO's pages cannot be replaced");
        }
        long count = p.count("pages of VMO " + koid, PAGE_BYTES);
        Set<Long> seen = pagesSeen.computeIfAbsent(koid, x -> new HashSet<>());
        byte[] page = new byte[Kernel.PAGE_SIZE];
        for (long i = 0; i < count; i++) {
            long index = p.u64("a page index of VMO " + koid);
            if (index < 0 || index >= vmo.size() / Kernel.PAGE_SIZE) {
                throw p.fail("page " + Long.toUnsignedString(index) + " lies beyond VMO " + koid + "'s "
                        + vmo.size() + " bytes");
            }
            if (!seen.add(index)) {
                throw p.fail("page " + index + " of VMO " + koid + " appears twice");
            }
            p.bytes(page, "page " + index + " of VMO " + koid);
            vmo.write(index * Kernel.PAGE_SIZE, page, 0, page.length);
        }
        p.end();
    }

    private long newKoid(SessionPayload p, String what) throws SessionException {
        long koid = p.u64("the koid of " + what);
        if (koid <= 0 || koid > lastKoid) {
            throw p.fail("the koid " + koid + " of " + what + " is out of range (1.." + lastKoid + ")");
        }
        if (objects.containsKey(koid) || koid == k.vdso.koid) {
            throw p.fail("the koid " + koid + " of " + what + " is used twice");
        }
        return koid;
    }

    private void register(long koid, KernelObject o) {
        objects.put(koid, o);
    }

    private <T extends KernelObject> T lookup(SessionPayload p, long koid, Class<T> type, String what)
            throws SessionException {
        KernelObject o = objects.get(koid);
        if (o == null) {
            throw p.fail(what + " is koid " + koid + ", which the session does not define (before this point)");
        }
        if (!type.isInstance(o)) {
            throw p.fail(what + " is koid " + koid + ", a " + o.type() + ", not a " + typeName(type));
        }
        return type.cast(o);
    }

    private static String typeName(Class<?> type) {
        if (type == ProcessObject.class) {
            return "PROCESS";
        }
        return type == VmAddressRegion.class ? "VMAR" : type == VmObject.class ? "VMO" : "kernel object";
    }

    private static void checkRange(SessionPayload p, String what, long base, long size) throws SessionException {
        if (size <= 0 || !KernelState.pageAligned(base) || !KernelState.pageAligned(size) || base < 0
                || base + size < base || base + size > Kernel.USER_ASPACE_END) {
            throw p.fail(what + " has a bad range: base 0x" + Long.toHexString(base) + ", size 0x"
                    + Long.toHexString(size));
        }
    }

    private static void insert(SessionPayload p, VmAddressRegion parent, VmRegion child, String what)
            throws SessionException {
        if (!parent.isFree(child.base(), child.size())) {
            throw p.fail(what + " overlaps another region or lies outside VMAR " + parent.koid);
        }
        parent.insert(child);
    }
}
