package memscope.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import memscope.model.text.Text;

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
    private final SessionBudget budget;
    private final Map<Long, KernelObject> objects = new HashMap<>();
    private final Map<Long, Set<Long>> pagesSeen = new HashMap<>();
    /** Processes saved as alive: each must receive a live root VMAR. */
    private final Set<Long> aliveClaims = new HashSet<>();
    private Kernel kernel;
    private KernelState k;
    private long savedVdsoKoid;
    private long lastKoid;

    SessionBuilder(PageSourceResolver resolver, long fileSize) {
        this.resolver = resolver == null ? PageSourceResolver.NONE : resolver;
        this.budget = new SessionBudget(fileSize);
    }

    Kernel kernel() {
        return kernel;
    }

    /** {@code version}: the file's; version 1 has no fidelity, so it boots as documented (the default). */
    void boot(SessionPayload p, int version) throws SessionException {
        boolean debugging = p.bool(Text.verbatim("kernel.enable-debugging-syscalls"));
        boolean legacy = p.bool(what("legacyOption"));
        Fidelity fidelity = Fidelity.DOCUMENTED;
        if (version >= SessionFormat.FIDELITY_SINCE) {
            int f = p.u8(what("fidelity"));
            if (f >= Fidelity.values().length) {
                throw p.fail(bad("fidelity", f));
            }
            fidelity = Fidelity.values()[f];
        }
        lastKoid = p.u64(what("lastKoid"));
        savedVdsoKoid = p.u64(what("vdsoKoid"));
        p.end();
        kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(debugging).withLegacyNoMemory(legacy)
                .withFidelity(fidelity));
        k = kernel.state();
        if (lastKoid < k.vdso.koid || lastKoid > (1L << 62)) {
            throw p.fail(bad("lastKoid", lastKoid));
        }
        // the vDSO is the first object every kernel makes, so it always has the same koid
        if (savedVdsoKoid != k.vdso.koid) {
            throw p.fail(bad("vdsoKoid", savedVdsoKoid, k.vdso.koid));
        }
        objects.put(savedVdsoKoid, k.vdso);
        k.restoreLastKoid(lastKoid);
    }

    void objects(SessionPayload p) throws SessionException {
        long processes = p.count(what("processes"), PROCESS_BYTES);
        spend(p, processes);
        for (long i = 0; i < processes; i++) {
            long koid = newKoid(p, what("processNumber", i));
            register(koid, new ProcessObject(koid, name(p, what("processName"), "process", koid)));
            // alive is known once the VMARs are: remember the claim and check it there
            if (p.bool(what("processAlive", koid))) {
                aliveClaims.add(koid);
            }
        }
        long vmos = p.count(what("vmos"), VMO_BYTES);
        spend(p, vmos);
        for (long i = 0; i < vmos; i++) {
            vmo(p);
        }
        long vmars = p.count(what("vmars"), VMAR_BYTES);
        spend(p, vmars);
        for (long i = 0; i < vmars; i++) {
            vmar(p);
        }
        for (long koid : aliveClaims) {
            if (!((ProcessObject) objects.get(koid)).alive()) {
                throw p.fail(bad("noRootVmar", koid));
            }
        }
        long mappings = p.count(what("mappings"), MAPPING_BYTES);
        spend(p, mappings);
        for (long i = 0; i < mappings; i++) {
            mapping(p);
        }
        p.end();
    }

    private void vmo(SessionPayload p) throws SessionException {
        long koid = newKoid(p, what("aVmo"));
        String name = name(p, what("vmoName", koid), "vmo", koid);
        long size = p.u64(what("vmoSize", koid));
        if (size < 0 || size > ObjectCalls.MAX_VMO_SIZE || !KernelState.pageAligned(size)) {
            throw p.fail(bad("vmoSize", koid, Long.toUnsignedString(size)));
        }
        boolean resizable = p.bool(what("vmoResizable", koid));
        int policyValue = p.u8(what("vmoCachePolicy", koid));
        CachePolicy policy;
        try {
            policy = CachePolicy.of(policyValue);
        } catch (IllegalArgumentException e) {
            throw p.fail(bad("cachePolicy", koid, policyValue));
        }
        int kind = p.u8(what("vmoSourceKind", koid));
        PageSource source;
        if (kind == SessionFormat.SOURCE_ZERO) {
            source = PageSource.ZERO;
        } else if (kind == SessionFormat.SOURCE_DESCRIBED) {
            String descriptor = p.string(what("vmoSource", koid));
            source = resolver.open(descriptor, size);
        } else {
            throw p.fail(bad("sourceKind", koid, kind));
        }
        VmObject vmo = new VmObject(koid, name, size, resizable, false, source);
        vmo.setCachePolicy(policy);
        register(koid, vmo);
    }

    private void vmar(SessionPayload p) throws SessionException {
        long koid = newKoid(p, what("aVmar"));
        String name = name(p, what("vmarName", koid), "vmar", koid);
        ProcessObject process = lookup(p, p.u64(what("vmarProcess", koid)), ProcessObject.class,
                what("vmarProcess", koid));
        long parentKoid = p.u64(what("vmarParent", koid));
        VmAddressRegion parent = parentKoid == 0 ? null
                : lookup(p, parentKoid, VmAddressRegion.class, what("vmarParent", koid));
        long base = p.u64(what("vmarBase", koid));
        long size = p.u64(what("vmarSize", koid));
        int flags = p.u32(what("vmarFlags", koid));
        boolean destroyed = p.bool(what("vmarDestroyed", koid));
        if ((flags & ~(VmOptions.CAN_MAP_PERMS | VmOptions.CAN_MAP_SPECIFIC)) != 0) {
            throw p.fail(bad("vmarFlags", koid, Integer.toHexString(flags)));
        }
        checkRange(p, what("vmar", koid), base, size);
        if (parent != null) {
            if (parent.process != process) {
                throw p.fail(bad("vmarProcesses", koid));
            }
            if (base < parent.base() || base + size > parent.end()) {
                throw p.fail(bad("vmarOutside", koid, parentKoid));
            }
        }
        VmAddressRegion vmar = new VmAddressRegion(koid, name, process, parent, base, size, flags);
        register(koid, vmar);
        if (destroyed) {
            vmar.destroy(); // never inserted, so this only marks it
        } else if (parent == null) {
            if (!aliveClaims.contains(process.koid) || process.alive()) {
                throw p.fail(bad("secondRoot", koid, process.koid));
            }
            process.attachRoot(vmar);
        } else {
            insert(p, parent, vmar, what("vmar", koid));
        }
    }

    private void mapping(SessionPayload p) throws SessionException {
        long vmarKoid = p.u64(what("mappingVmar"));
        VmAddressRegion vmar = lookup(p, vmarKoid, VmAddressRegion.class, what("mappingVmar"));
        long base = p.u64(what("mappingBase"));
        long size = p.u64(what("mappingSize"));
        Text mapping = what("mapping", Long.toHexString(base));
        VmObject vmo = lookup(p, p.u64(what("vmoOf", mapping)), VmObject.class, what("vmoOf", mapping));
        long vmoOffset = p.u64(what("vmoOffsetOf", mapping));
        int perms = p.u32(what("permissionsOf", mapping));
        int maxPerms = p.u32(what("maxPermissionsOf", mapping));
        boolean permanent = p.bool(what("permanent", mapping));
        checkRange(p, mapping, base, size);
        if (vmoOffset < 0 || !KernelState.pageAligned(vmoOffset) || vmoOffset + size < vmoOffset) {
            throw p.fail(bad("vmoOffset", mapping, Long.toHexString(vmoOffset)));
        }
        if ((maxPerms & ~VmOptions.PERMS) != 0 || (perms & ~maxPerms) != 0) {
            throw p.fail(bad("permissions", mapping, Integer.toHexString(perms),
                    Integer.toHexString(maxPerms)));
        }
        if (vmar.destroyed()) {
            throw p.fail(bad("destroyedVmar", mapping, vmarKoid));
        }
        VmMapping m = new VmMapping(vmar, base, size, vmo, vmoOffset, perms, maxPerms, permanent);
        insert(p, vmar, m, mapping);
        vmo.addMapping(m);
    }

    void handles(SessionPayload p) throws SessionException {
        long count = p.count(what("handles"), HANDLE_BYTES);
        spend(p, count);
        for (long i = 0; i < count; i++) {
            int value = p.u32(what("handleValue"));
            String hex = Integer.toHexString(value);
            KernelObject o = lookup(p, p.u64(what("handleObject", hex)), KernelObject.class,
                    what("handleObject", hex));
            int rights = p.u32(what("handleRights", hex));
            if ((value & 0x3) != 0x3) {
                throw p.fail(bad("handleLowBits", hex));
            }
            if ((rights & Rights.SAME_RIGHTS) != 0) {
                throw p.fail(bad("sameRights", hex));
            }
            if (!k.handles.restore(value, o, rights)) {
                throw p.fail(bad("handleTwice", hex));
            }
        }
        long retired = p.count(what("closedHandles"), 4);
        Text overCap = SessionBudget.checkClosed(retired);
        if (overCap != null) {
            throw p.fail(overCap);
        }
        k.handles.reserveRetired((int) retired);
        long previous = Long.MIN_VALUE;
        for (long i = 0; i < retired; i++) {
            int value = p.u32(what("closedHandle"));
            if ((value & 0x3) != 0x3) {
                throw p.fail(bad("handleLowBits", Integer.toHexString(value)));
            }
            // ascending, each once: as the writer saves them, and appended to the store without sorting
            if (value <= previous) {
                throw p.fail(bad("closedOrder", Integer.toHexString(value)));
            }
            previous = value;
            if (k.handles.get(value) != null) {
                throw p.fail(bad("handleOpenClosed", Integer.toHexString(value)));
            }
            k.handles.retire(value);
        }
        p.end();
    }

    /** Called once every section has been read: the kernel must keep every rule a live kernel keeps. */
    void finish() throws SessionException {
        SessionInvariants.check(k, objects.values());
    }

    void ports(SessionPayload p) throws SessionException {
        long count = p.count(what("taskPorts"), 4 + 8 + 1);
        spend(p, count);
        TaskFlavor[] flavors = TaskFlavor.values();
        for (long i = 0; i < count; i++) {
            int name = p.u32(what("taskPortName"));
            Text port = what("taskPort", Integer.toHexString(name));
            ProcessObject process = lookup(p, p.u64(what("taskOf", port)), ProcessObject.class,
                    what("taskOf", port));
            int flavor = p.u8(what("flavourOf", port));
            if (flavor >= flavors.length) {
                throw p.fail(bad("flavour", port, flavor));
            }
            if (!kernel.mach().ports().restore(new TaskPort(name, process, flavors[flavor]))) {
                throw p.fail(bad("taskPort", port, process.koid));
            }
        }
        p.end();
    }

    void pages(SessionPayload p) throws SessionException {
        long koid = p.u64(what("pageSectionVmo"));
        VmObject vmo = lookup(p, koid, VmObject.class, what("pageSectionVmo"));
        if (vmo.isVdso()) {
            throw p.fail(bad("vdsoPages"));
        }
        long count = p.count(what("pagesOfVmo", koid), PAGE_BYTES);
        Set<Long> seen = pagesSeen.computeIfAbsent(koid, x -> new HashSet<>());
        byte[] page = new byte[Kernel.PAGE_SIZE];
        for (long i = 0; i < count; i++) {
            long index = p.u64(what("pageIndexOfVmo", koid));
            if (index < 0 || index >= vmo.size() / Kernel.PAGE_SIZE) {
                throw p.fail(bad("pageBeyond", Long.toUnsignedString(index), koid, vmo.size()));
            }
            if (!seen.add(index)) {
                throw p.fail(bad("pageTwice", index, koid));
            }
            p.bytes(page, what("page", index, koid));
            vmo.write(index * Kernel.PAGE_SIZE, page, 0, page.length);
        }
        p.end();
    }

    /** An object's name: a live kernel cuts every name to 31 characters, so a longer one was forged. */
    private static String name(SessionPayload p, Text what, String kind, long koid) throws SessionException {
        String name = p.string(what);
        if (name.length() > KernelObject.MAX_NAME_LENGTH) {
            throw p.fail(SessionInvariants.broken("nameLength", ModelWords.of("session.object." + kind, koid)));
        }
        return name;
    }

    /** Refuses the session before making objects beyond its budget. */
    private void spend(SessionPayload p, long count) throws SessionException {
        Text over = budget.take(count);
        if (over != null) {
            throw p.fail(over);
        }
    }

    private long newKoid(SessionPayload p, Text subject) throws SessionException {
        long koid = p.u64(what("koidOf", subject));
        if (koid <= k.vdso.koid || koid > lastKoid) {
            throw p.fail(bad("koidRange", koid, subject, k.vdso.koid + 1, lastKoid));
        }
        if (objects.containsKey(koid)) {
            throw p.fail(bad("koidTwice", koid, subject));
        }
        return koid;
    }

    private void register(long koid, KernelObject o) {
        objects.put(koid, o);
        k.objects.add(o);
    }

    private <T extends KernelObject> T lookup(SessionPayload p, long koid, Class<T> type, Text subject)
            throws SessionException {
        KernelObject o = objects.get(koid);
        if (o == null) {
            throw p.fail(bad("undefined", subject, koid));
        }
        if (!type.isInstance(o)) {
            throw p.fail(bad("wrongType", subject, koid, o.type(), typeName(type)));
        }
        return type.cast(o);
    }

    private static Text typeName(Class<?> type) {
        if (type == ProcessObject.class) {
            return Text.verbatim("PROCESS");
        }
        return type == VmAddressRegion.class ? Text.verbatim("VMAR")
                : type == VmObject.class ? Text.verbatim("VMO") : what("kernelObject");
    }

    /** What a field is, for "ends before ..." and the like. */
    private static Text what(String key, Object... args) {
        return ModelWords.of("session.what." + key, args);
    }

    /** What is wrong with a section's contents. */
    private static Text bad(String key, Object... args) {
        return ModelWords.of("session.bad." + key, args);
    }

    private static void checkRange(SessionPayload p, Text subject, long base, long size) throws SessionException {
        if (size <= 0 || !KernelState.pageAligned(base) || !KernelState.pageAligned(size) || base < 0
                || base + size < base || base + size > Kernel.USER_ASPACE_END) {
            throw p.fail(bad("range", subject, Long.toHexString(base), Long.toHexString(size)));
        }
    }

    private static void insert(SessionPayload p, VmAddressRegion parent, VmRegion child, Text subject)
            throws SessionException {
        if (!parent.isFree(child.base(), child.size())) {
            throw p.fail(bad("overlap", subject, parent.koid));
        }
        parent.insert(child);
    }
}
