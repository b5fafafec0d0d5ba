package memscope.model;

/**
 * Syscalls on processes, VMOs and handles. Each runs under the kernel's write lock (the facade takes it) and
 * throws {@link Refused} for its first failed check.
 */
final class ObjectCalls {
    /** Zircon caps a VMO's size well below 2^64; this keeps page arithmetic in a long. */
    static final long MAX_VMO_SIZE = 1L << 56;

    private final KernelState k;

    ObjectCalls(KernelState k) {
        this.k = k;
    }

    ProcessResult processCreate(String name, AddressSpaceLayout layout, Changes changes) {
        return processCreate(name, layout, -1, changes);
    }

    /**
     * As {@code zx_process_create} with a root VMAR of {@code layout}; where the layout has the Zircon vDSO, the
     * loader maps it at {@code vdsoBase}, or at the top when it is -1.
     */
    ProcessResult processCreate(String name, AddressSpaceLayout layout, long vdsoBase, Changes changes) {
        KernelState.require(name != null && layout != null && layout.valid(), Status.ERR_INVALID_ARGS);
        KernelState.require(vdsoBase == -1 || (layout.zirconVdso() && KernelState.pageAligned(vdsoBase)
                && vdsoBase >= layout.base() && vdsoBase <= layout.end() - Vdso.SIZE), Status.ERR_INVALID_ARGS);
        ProcessObject p = k.objects.add(new ProcessObject(k.newKoid(), name, layout));
        VmAddressRegion root = k.objects.add(new VmAddressRegion(k.newKoid(), "root", p, null,
                layout.base(), layout.size(), VmOptions.CAN_MAP_PERMS | VmOptions.CAN_MAP_SPECIFIC));
        p.attachRoot(root);
        if (layout.zirconVdso()) {
            // the loader maps the vDSO read+execute; it is permanent and can never gain WRITE
            long base = vdsoBase == -1 ? root.findFree(Vdso.SIZE) : vdsoBase;
            VmMapping vdso = new VmMapping(root, base, Vdso.SIZE, k.vdso, 0,
                    VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, true);
            root.insert(vdso);
            k.vdso.addMapping(vdso);
        }
        Handle ph = k.handles.add(p, Rights.DEFAULT_PROCESS);
        Handle vh = k.handles.add(root, Rights.DEFAULT_VMAR | Rights.READ | Rights.WRITE | Rights.EXECUTE);
        changes.structure(StructureChange.Kind.PROCESS, p.koid);
        changes.structure(StructureChange.Kind.HANDLE, p.koid);
        return new ProcessResult(Status.OK, ph.value(), vh.value());
    }

    Status taskKill(int handle, Changes changes) {
        // zx_task_kill looks the handle up as any object with DESTROY, and only then asks whether it is a task
        Handle h = k.handle(handle, null, Rights.DESTROY);
        if (h.object().type() != ObjectType.PROCESS) {
            throw new Refused(Status.ERR_WRONG_TYPE, Rule.WRONG_TYPE, 0);
        }
        ProcessObject p = (ProcessObject) h.object();
        if (p.alive()) {
            p.kill();
            changes.structure(StructureChange.Kind.PROCESS, p.koid);
            changes.structure(StructureChange.Kind.MAPPING, p.koid);
        }
        return Status.OK;
    }

    HandleResult vmoCreate(long size, int options, Changes changes) {
        KernelState.require((options & ~Kernel.VMO_RESIZABLE) == 0, Status.ERR_INVALID_ARGS);
        long rounded = checkedSize(size);
        VmObject vmo = newVmo("", rounded, (options & Kernel.VMO_RESIZABLE) != 0, PageSource.ZERO);
        int rights = Rights.DEFAULT_VMO | (vmo.resizable() ? Rights.RESIZE : 0);
        Handle h = k.handles.add(vmo, rights);
        changes.structure(StructureChange.Kind.VMO, vmo.koid);
        changes.structure(StructureChange.Kind.HANDLE, vmo.koid);
        return new HandleResult(Status.OK, h.value());
    }

    HandleResult vmoCreateBacked(long size, PageSource source, String name, Changes changes) {
        KernelState.require(source != null, Status.ERR_INVALID_ARGS);
        VmObject vmo = newVmo(name, checkedSize(size), false, source);
        Handle h = k.handles.add(vmo, Rights.DEFAULT_VMO);
        changes.structure(StructureChange.Kind.VMO, vmo.koid);
        changes.structure(StructureChange.Kind.HANDLE, vmo.koid);
        return new HandleResult(Status.OK, h.value());
    }

    private VmObject newVmo(String name, long size, boolean resizable, PageSource source) {
        return k.objects.add(new VmObject(k.newKoid(), name, size, resizable, false, source));
    }

    Status vmoSetSize(int handle, long size, Changes changes) {
        VmObject vmo = k.vmo(handle, Rights.WRITE);
        KernelState.require(vmo.resizable(), Status.ERR_UNAVAILABLE);
        k.handle(handle, null, Rights.RESIZE);
        long rounded = checkedSize(size);
        if (size < vmo.size()) {
            willDrop(vmo, size, changes);
            vmo.pages().zeroTail(size);
        }
        vmo.resize(rounded);
        changes.structure(StructureChange.Kind.VMO, vmo.koid);
        return Status.OK;
    }

    /**
     * Shrinking forgets the written bytes from {@code size} on: the history keeps them, page by page. A page past
     * the new end changes hands (the history takes the VMO's array, no copy); the page {@code size} falls inside
     * stays, so the history copies only its tail, which is zeroed.
     */
    private static void willDrop(VmObject vmo, long size, Changes changes) {
        if (changes.history == null) {
            return;
        }
        long[] committed = new long[vmo.pages().committedPages()];
        int[] n = {0};
        vmo.pages().forEachCommitted(p -> committed[n[0]++] = p);
        java.util.Arrays.sort(committed);
        for (long p : committed) {
            long start = p * Kernel.PAGE_SIZE;
            if (start >= size) {
                changes.willDropPage(vmo, p);
            } else if (start + Kernel.PAGE_SIZE > size) {
                changes.willWrite(vmo, size, start + Kernel.PAGE_SIZE - size);
            }
        }
    }

    Status vmoSetCachePolicy(int handle, CachePolicy policy, Changes changes) {
        VmObject vmo = k.vmo(handle, Rights.MAP);
        KernelState.require(policy != null, Status.ERR_INVALID_ARGS);
        if (!vmo.mappings().isEmpty()) {
            // the documentation and today's Zircon (VmObjectPaged::SetMappingCachePolicy) refuse a mapped VMO;
            // the default lets a teacher flip a live buffer to UNCACHED and show the effect
            changes.note(k.note(Divergence.CACHE_POLICY_MAPPED, Status.OK.zxName(), Status.ERR_BAD_STATE.zxName()));
            KernelState.require(!k.options.today(), Status.ERR_BAD_STATE);
        }
        vmo.setCachePolicy(policy);
        changes.structure(StructureChange.Kind.VMO, vmo.koid);
        return Status.OK;
    }

    Status vmoRead(int handle, byte[] buffer, long offset, long length) {
        VmObject vmo = k.vmo(handle, Rights.READ);
        checkVmoRange(vmo, buffer, offset, length);
        vmo.read(offset, buffer, 0, (int) length);
        return Status.OK;
    }

    Status vmoWrite(int handle, byte[] buffer, long offset, long length, Changes changes) {
        VmObject vmo = k.vmo(handle, Rights.WRITE);
        checkVmoRange(vmo, buffer, offset, length);
        changes.write(vmo, offset, buffer, 0, (int) length);
        if (length > 0) {
            changes.memory(vmo.koid, offset, length);
        }
        return Status.OK;
    }

    /** {@code zx_vmo_replace_as_executable}: a handle to the same VMO that also carries EXECUTE. */
    HandleResult vmoReplaceAsExecutable(int handle, Changes changes) {
        Handle h = k.handle(handle, ObjectType.VMO, 0);
        k.handles.remove(handle);
        Handle n = k.handles.add(h.object(), h.rights() | Rights.EXECUTE);
        changes.structure(StructureChange.Kind.HANDLE, h.object().koid);
        return new HandleResult(Status.OK, n.value());
    }

    Status objectSetName(int handle, String name, Changes changes) {
        Handle h = k.handle(handle, null, Rights.SET_PROPERTY);
        KernelState.require(name != null, Status.ERR_INVALID_ARGS);
        h.object().setName(name);
        changes.structure(kindOf(h.object()), h.object().koid);
        return Status.OK;
    }

    HandleResult handleDuplicate(int handle, int rights, Changes changes) {
        Handle h = k.handle(handle, null, Rights.DUPLICATE);
        Handle n = k.handles.add(h.object(), narrowed(h, rights));
        changes.structure(StructureChange.Kind.HANDLE, h.object().koid);
        return new HandleResult(Status.OK, n.value());
    }

    HandleResult handleReplace(int handle, int rights, Changes changes) {
        Handle h = k.handle(handle, null, 0);
        // Zircon removes the handle before checking the rights: "handle is always invalidated", even on failure
        k.handles.remove(handle);
        changes.structure(StructureChange.Kind.HANDLE, h.object().koid);
        if (rights != Rights.SAME_RIGHTS && (rights & ~h.rights()) != 0) {
            return new HandleResult(Status.ERR_INVALID_ARGS, 0);
        }
        Handle n = k.handles.add(h.object(), narrowed(h, rights));
        return new HandleResult(Status.OK, n.value());
    }

    Status handleClose(int handle, Changes changes) {
        if (handle == 0) {
            return Status.OK; // ZX_HANDLE_INVALID closes as a no-op
        }
        Handle h = k.handle(handle, null, 0);
        k.handles.remove(handle);
        changes.structure(StructureChange.Kind.HANDLE, h.object().koid);
        return Status.OK;
    }

    private static int narrowed(Handle h, int rights) {
        if (rights == Rights.SAME_RIGHTS) {
            return h.rights();
        }
        KernelState.require((rights & ~h.rights()) == 0, Status.ERR_INVALID_ARGS);
        return rights;
    }

    private static long checkedSize(long size) {
        long rounded = KernelState.roundUpToPage(size);
        if (size < 0 || rounded < 0 || rounded > MAX_VMO_SIZE) {
            throw new Refused(Status.ERR_OUT_OF_RANGE);
        }
        return rounded;
    }

    private static void checkVmoRange(VmObject vmo, byte[] buffer, long offset, long length) {
        KernelState.require(buffer != null && length >= 0 && buffer.length >= length, Status.ERR_INVALID_ARGS);
        KernelState.require(offset >= 0 && offset <= vmo.size() && length <= vmo.size() - offset,
                Status.ERR_OUT_OF_RANGE);
        KernelState.require(vmo.cachePolicy() == CachePolicy.CACHED, Status.ERR_BAD_STATE);
    }

    static StructureChange.Kind kindOf(KernelObject o) {
        switch (o.type()) {
            case PROCESS: return StructureChange.Kind.PROCESS;
            case VMAR: return StructureChange.Kind.VMAR;
            case VMO: return StructureChange.Kind.VMO;
            default: return StructureChange.Kind.HANDLE;
        }
    }
}
