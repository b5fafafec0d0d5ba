package memscope.model;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simulated Zircon kernel: its syscall surface, thread-safe and observable. Every syscall takes the kernel
 * lock, makes its checks in Zircon's order, applies its change, releases the lock and then tells the listeners.
 * The syscalls themselves live in {@link ObjectCalls}, {@link VmarCalls} and {@link ProcessMemory}.
 */
public final class Kernel {
    public static final int PAGE_SIZE = 4096;
    /** The largest buffer {@code readMemory}/{@code writeMemory} accept: 64 MiB. */
    public static final int MAX_DEBUG_IO = 64 * 1024 * 1024;
    /** {@code ZX_VMO_RESIZABLE}. */
    public static final int VMO_RESIZABLE = 1 << 1;
    /** Where a root VMAR starts on x86-64: 16 MiB. */
    public static final long USER_ASPACE_BASE = 0x1000000L;
    /** Where a root VMAR ends: just below 2^47. */
    public static final long USER_ASPACE_END = (1L << 47) - PAGE_SIZE;
    /** The size of the vDSO mapping every process has. */
    public static final long VDSO_SIZE = Vdso.SIZE;

    private final KernelState state;
    private final ObjectCalls objects;
    private final VmarCalls vmars;
    private final ProcessMemory memory;
    private final KernelInspector inspector;
    private final Mach mach;
    private final Mirror mirror;

    private Kernel(BootOptions options) {
        this.state = new KernelState(options);
        this.objects = new ObjectCalls(state);
        this.vmars = new VmarCalls(state);
        this.memory = new ProcessMemory(state);
        this.inspector = new KernelInspector(state);
        this.mach = new Mach(state);
        this.mirror = new Mirror(state);
    }

    public static Kernel boot(BootOptions options) {
        return new Kernel(options == null ? BootOptions.defaults() : options);
    }

    public BootOptions options() {
        return state.options;
    }

    /** Changes the kernel command line of the running simulation (a teaching control, not a syscall). */
    public void setOptions(BootOptions options) {
        if (options == null || options.equals(state.options)) {
            return;
        }
        state.lock.writeLock().lock();
        try {
            state.options = options;
        } finally {
            state.lock.writeLock().unlock();
        }
        Changes c = new Changes();
        c.structure(StructureChange.Kind.BOOT_OPTIONS, 0);
        state.bus.deliver(c);
    }

    public Subscription subscribe(KernelListener listener) {
        return state.bus.subscribe(listener);
    }

    /** Read-only views of kernel state for inspectors; they bypass rights, as a kernel debugger would. */
    public KernelInspector inspector() {
        return inspector;
    }

    /** The Mach personality: task ports and vm_write/vm_read/vm_protect/vm_region over the same address spaces. */
    public Mach mach() {
        return mach;
    }

    /** Time travel: what each call changed, the kernel at any recorded moment (see {@link History}). */
    public History history() {
        return state.history;
    }

    /** Address spaces that live outside the kernel (live Linux processes): see {@link Mirror}. */
    public Mirror mirror() {
        return mirror;
    }

    // ---- processes and tasks ----

    public ProcessResult processCreate(String name) {
        return call("zx_process_create", () -> "name=\"" + name + "\"",
                c -> objects.processCreate(name, AddressSpaceLayout.ZIRCON, c), ProcessResult::status,
                e -> new ProcessResult(e, 0, 0));
    }

    /**
     * {@code zx_process_create} with a root VMAR of another shape (an addition to the contract): a process whose
     * root VMAR covers {@code [layout.base(), layout.end())}, holding the vDSO only when
     * {@code layout.zirconVdso()}. A null or invalid layout ({@link AddressSpaceLayout#valid()}) is
     * {@code ERR_INVALID_ARGS}.
     */
    public ProcessResult processCreate(String name, AddressSpaceLayout layout) {
        return call("zx_process_create", () -> "name=\"" + name + "\" layout=" + layout,
                c -> objects.processCreate(name, layout, c), ProcessResult::status, e -> new ProcessResult(e, 0, 0));
    }

    /**
     * As {@link #processCreate(String)}, but the loader maps the vDSO at {@code vdsoAddress} (page-aligned, inside
     * the root VMAR) instead of at the top of the address space: a loader that must place other mappings at fixed
     * addresses (a core dump's) keeps the vDSO out of their way, as Zircon's process builder may place it anywhere.
     * An address that is not page-aligned or leaves the vDSO outside the root VMAR is {@code ERR_INVALID_ARGS}.
     */
    public ProcessResult processCreate(String name, long vdsoAddress) {
        return call("zx_process_create", () -> "name=\"" + name + "\" vdso=0x" + Long.toHexString(vdsoAddress),
                c -> vdsoAddress == -1 ? new ProcessResult(Status.ERR_INVALID_ARGS, 0, 0)
                        : objects.processCreate(name, AddressSpaceLayout.ZIRCON, vdsoAddress, c),
                ProcessResult::status, e -> new ProcessResult(e, 0, 0));
    }

    public Status taskKill(int handle) {
        return call("zx_task_kill", () -> hex("handle", handle), c -> objects.taskKill(handle, c));
    }

    // ---- VMOs ----

    public HandleResult vmoCreate(long size, int options) {
        return call("zx_vmo_create", () -> "size=" + size + " options=0x" + Integer.toHexString(options),
                c -> objects.vmoCreate(size, options, c), HandleResult::status, e -> new HandleResult(e, 0));
    }

    public Status vmoSetSize(int vmo, long size) {
        return call("zx_vmo_set_size", () -> hex("handle", vmo) + " size=" + size,
                c -> objects.vmoSetSize(vmo, size, c));
    }

    public Status vmoSetCachePolicy(int vmo, CachePolicy policy) {
        return call("zx_vmo_set_cache_policy", () -> hex("handle", vmo) + " policy=" + policy,
                c -> objects.vmoSetCachePolicy(vmo, policy, c));
    }

    public Status vmoRead(int vmo, byte[] buffer, long offset, long length) {
        return call("zx_vmo_read", () -> hex("handle", vmo) + " offset=0x" + Long.toHexString(offset)
                + " length=" + length, c -> objects.vmoRead(vmo, buffer, offset, length));
    }

    public Status vmoWrite(int vmo, byte[] buffer, long offset, long length) {
        return call("zx_vmo_write", () -> hex("handle", vmo) + " offset=0x" + Long.toHexString(offset)
                + " length=" + length, c -> objects.vmoWrite(vmo, buffer, offset, length, c));
    }

    /** {@code zx_vmo_replace_as_executable}: the same VMO through a handle that may be mapped executable. */
    public HandleResult vmoReplaceAsExecutable(int vmo) {
        return call("zx_vmo_replace_as_executable", () -> hex("handle", vmo),
                c -> objects.vmoReplaceAsExecutable(vmo, c), HandleResult::status, e -> new HandleResult(e, 0));
    }

    /** A VMO whose unwritten pages come from {@code source} (a file, say); the handle has default VMO rights. */
    public HandleResult vmoCreateBacked(long size, PageSource source, String name) {
        return call("zx_vmo_create", () -> "size=" + size + " backed name=\"" + name + "\"", c -> objects.vmoCreateBacked(size, source, name, c), HandleResult::status, e -> new HandleResult(e, 0));
    }

    public Status objectSetName(int handle, String name) {
        return call("zx_object_set_property", () -> hex("handle", handle) + " ZX_PROP_NAME=\"" + name + "\"",
                c -> objects.objectSetName(handle, name, c));
    }

    // ---- address spaces ----

    public VmarResult vmarAllocate(int parentVmar, int options, long offset, long size) {
        return call("zx_vmar_allocate", () -> hex("parent", parentVmar) + " options=0x"
                        + Integer.toHexString(options) + " offset=0x" + Long.toHexString(offset) + " size=" + size,
                c -> vmars.allocate(parentVmar, options, offset, size, c), VmarResult::status,
                e -> new VmarResult(e, 0, 0));
    }

    public MapResult vmarMap(int vmar, int options, long vmarOffset, int vmo, long vmoOffset, long length) {
        return call("zx_vmar_map", () -> hex("vmar", vmar) + " options=0x" + Integer.toHexString(options)
                        + " vmar_offset=0x" + Long.toHexString(vmarOffset) + " " + hex("vmo", vmo)
                        + " vmo_offset=0x" + Long.toHexString(vmoOffset) + " len=" + length,
                c -> vmars.map(vmar, options, vmarOffset, vmo, vmoOffset, length, c), MapResult::status,
                e -> new MapResult(e, 0));
    }

    public Status vmarUnmap(int vmar, long address, long length) {
        return call("zx_vmar_unmap", () -> hex("vmar", vmar) + " addr=0x" + Long.toHexString(address)
                + " len=" + length, c -> vmars.unmap(vmar, address, length, c));
    }

    public Status vmarProtect(int vmar, int options, long address, long length) {
        return call("zx_vmar_protect", () -> hex("vmar", vmar) + " options=0x" + Integer.toHexString(options)
                + " addr=0x" + Long.toHexString(address) + " len=" + length,
                c -> vmars.protect(vmar, options, address, length, c));
    }

    public MapsResult processMaps(int process) {
        return call("zx_object_get_info", () -> hex("handle", process) + " topic=ZX_INFO_PROCESS_MAPS",
                c -> vmars.maps(process), MapsResult::status, e -> new MapsResult(e, List.of()));
    }

    // ---- handles ----

    public HandleResult handleDuplicate(int handle, int rights) {
        return call("zx_handle_duplicate", () -> hex("handle", handle) + " rights=" + Rights.toString(rights),
                c -> objects.handleDuplicate(handle, rights, c), HandleResult::status, e -> new HandleResult(e, 0));
    }

    public HandleResult handleReplace(int handle, int rights) {
        return call("zx_handle_replace", () -> hex("handle", handle) + " rights=" + Rights.toString(rights),
                c -> objects.handleReplace(handle, rights, c), HandleResult::status, e -> new HandleResult(e, 0));
    }

    public Status handleClose(int handle) {
        return call("zx_handle_close", () -> hex("handle", handle), c -> objects.handleClose(handle, c));
    }

    // ---- process memory ----

    public IoResult readMemory(int process, long vaddr, byte[] buffer, long bufferSize) {
        return memory.read(process, vaddr, buffer, bufferSize);
    }

    public IoResult writeMemory(int process, long vaddr, byte[] buffer, long bufferSize) {
        return memory.write(process, vaddr, buffer, bufferSize);
    }

    // ---- plumbing ----

    KernelState state() {
        return state;
    }

    private Status call(String name, Supplier<String> args, Function<Changes, Status> body) {
        return call(name, args, body, s -> s, s -> s);
    }

    /** A Zircon call: runs under the write lock; its record carries the status and the rule that refused it. */
    <R> R call(String name, Supplier<String> args, Function<Changes, R> body, Function<R, Status> statusOf,
               Function<Status, R> failure) {
        return state.call(name, true, body, r -> failure.apply(r.zirconStatus()), (sequence, result, refusal) -> {
            Status s = statusOf.apply(result);
            Rule rule = s == Status.OK ? Rule.COMPLETE
                    : refusal == null || refusal.rule == Rule.COMPLETE ? Rule.OTHER : refusal.rule;
            return new SyscallRecord(sequence, name, args.get(), s, null, 0, 0, rule,
                    refusal == null ? 0 : refusal.address);
        });
    }

    static String hex(String name, int handle) {
        return name + "=0x" + Integer.toHexString(handle);
    }
}
